"""Per-request batch loaders: a list costs the same number of statements for 10 and 100 items.

Resolvers run item by item, so asking each item for a relation would cost a statement per
item. Instead every object the request loads is noted (:meth:`Loaders.note`), and the first
time a resolver asks one object for something, the loader fetches it for every noted object of
the same type that lacks it, in one statement per related model. The results stay in the
loaders (keyed by the object), never on the objects or on the request; what is fetched is
noted in turn, so nested lists batch the same way.

Visibility is applied here, where rows are fetched, with the request's snapshot: related
pages only in a public version, snippets with drafts only as published, images only outside
private collections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Prefetch, prefetch_related_objects

from modelcluster.fields import ParentalKey
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, TranslatableMixin

from cms.graphql.links import chosen_image_ids, linked_page_ids
from cms.localized import localized_many, relations_in_locale

if TYPE_CHECKING:
    from cms.graphql.context import RequestContext
    from cms.graphql.translation_status import TranslationStatus


class PageVersion(NamedTuple):
    """A page's version in another language, as a translation link shows it: read as values,
    without building a page instance; :func:`cms.frontend.frontend_url` takes it as a page."""

    pk: int
    translation_key: Any
    locale_id: int
    title: str
    slug: str
    url_path: str
    content_type_id: int

    @property
    def specific_class(self) -> type | None:
        """The page's own model (``frontend_url`` picks the URL pattern by it)."""
        return ContentType.objects.get_for_id(self.content_type_id).model_class()


#: ``load_many(objects, visibility) -> {id(object): value}`` for every object given; the
#: visibility snapshot is the request's (None outside a request: read afresh).
LoadMany = Callable[[list[Any], Any], dict[int, Any]]


class Loaders:
    """The batch loaders of one request (``info.context.loaders``)."""

    def __init__(self, context: RequestContext) -> None:
        self.context = context
        #: Every object noted, in the order noted, overall and by exact type; ids for lookups.
        self._seen: dict[type, list[Any]] = {}
        self._order: list[Any] = []
        self._noted: set[int] = set()
        #: How far into those lists each batch has looked (see :meth:`_unscanned`).
        self._scanned: dict[Any, int] = {}
        self._previews: set[int] = set()
        self._memos: dict[Any, dict[Any, Any]] = {}
        self._alt_texts: dict[tuple[Any, ...], str] = {}

    # --- What the request has loaded ----------------------------------------------------------

    def note(self, items: Iterable[Any]) -> None:
        """Note objects the request loaded: their relations, if asked for, come in batches."""
        for item in items:
            if isinstance(item, Model) and id(item) not in self._noted:
                self._noted.add(id(item))
                self._order.append(item)
                self._seen.setdefault(type(item), []).append(item)

    def note_preview(self, item: Model) -> None:
        """Note an editor's draft: its relations are its own (in memory), never re-fetched."""
        self._previews.add(id(item))
        self.note([item])

    def seen(self, model: type | None = None) -> list[Any]:
        """Objects noted so far, of ``model`` only (exact type) when given."""
        if model is not None:
            return list(self._seen.get(model, ()))
        return list(self._order)

    def _unscanned(self, name: Any, model: type | None = None) -> list[Any]:
        """Objects (of ``model`` only, when given) noted since the last call with ``name``: a
        batch looks at each noted object once, however many times it misses, so a request's
        batches stay linear in what it loads."""
        items = self._order if model is None else self._seen.get(model, [])
        start = self._scanned.get((name, model), 0)
        self._scanned[(name, model)] = len(items)
        return items[start:]

    def memo(self, name: Any) -> dict[Any, Any]:
        """A dict that lives as long as the request."""
        return self._memos.setdefault(name, {})

    # --- The generic batch ----------------------------------------------------------------------

    def batch(self, name: Any, item: Any, load_many: LoadMany) -> Any:
        """``load_many``'s value for ``item``, loaded with every noted object of its type that
        has no value for ``name`` yet."""
        done = self.memo(name)
        key = id(item)
        if key not in done:
            self.note([item])
            pending = _with(item, self._unscanned(("batch", name), type(item)), done)
            loaded = load_many(pending, self.context.visibility)
            done.update(loaded)
            # What was loaded may be asked for its own relations next: batch those too.
            for value in loaded.values():
                self.note(value if isinstance(value, list) else [value])
        return done.get(key)

    # --- Relations as stored ----------------------------------------------------------------------

    def prefetch(self, item: Any, relation: str, joined: Iterable[str] = ()) -> None:
        """Load ``relation`` (Django's own caches, as ``prefetch_related`` does) for ``item`` and
        every noted object of its type that lacks it, in one statement, with the related
        objects' foreign keys named in ``joined`` joined in; note what it holds."""
        done = self.memo(("prefetched", relation))
        if id(item) in done:
            return
        self.note([item])
        pending = _with(item, self._unscanned(("prefetched", relation), type(item)), done)
        stored = [
            other
            for other in pending
            if id(other) not in self._previews
            and relation not in getattr(other, "_cluster_related_objects", {})
        ]
        if stored:
            prefetch_related_objects(stored, _lookup(type(item), relation, joined))
        for other in pending:
            done[id(other)] = True
            value = getattr(other, relation)
            self.note(value.all() if hasattr(value, "all") else [value] if value else [])

    # --- Relations in the item's language -------------------------------------------------------

    def related_in_locale(self, item: Any, relation: str) -> Any:
        """``item``'s ``relation`` (a foreign key, many-to-many or reverse relation) with each
        related object in the item's language (for a row without one, its page's) when
        translated there; related pages and snippets with drafts only in a public version
        (else null, or left out of a list)."""
        return self.batch(
            ("related", relation), item, lambda items, _visibility: self._relations(items, relation)
        )

    def _relations(self, items: list[Any], relation: str) -> dict[int, Any]:
        stored = [
            item
            for item in items
            if id(item) not in self._previews
            and relation not in getattr(item, "_cluster_related_objects", {})
        ]
        if stored:
            # Only what is not loaded yet: Django skips objects whose relation is cached.
            prefetch_related_objects(stored, relation)
        related_model = type(items[0])._meta.get_field(relation).related_model
        restrict = self.context.visibility.restriction(related_model)
        locale_ids = self._locale_ids(items)
        values = relations_in_locale(items, [relation], restrict=restrict, locale_ids=locale_ids)
        result: dict[int, Any] = {}
        for item, value in zip(items, values, strict=True):
            chosen = value[relation]
            self.note(chosen if isinstance(chosen, list) else [chosen] if chosen else [])
            result[id(item)] = chosen
        return result

    def _locale_ids(self, items: list[Any]) -> list[int]:
        """Each item's language; a row without one (a project's partner) is in its page's."""
        if hasattr(items[0], "locale_id"):
            return [item.locale_id for item in items]
        parental = next(
            field for field in type(items[0])._meta.fields if isinstance(field, ParentalKey)
        )
        parents = {
            parent.pk: parent.locale_id
            for parent in self.seen()
            if parent.pk is not None and isinstance(parent, parental.related_model)
        }
        missing = {getattr(item, parental.attname) for item in items} - parents.keys()
        if missing:
            parents.update(
                parental.related_model._default_manager.filter(pk__in=missing).values_list(
                    "pk", "locale_id"
                )
            )
        return [parents[getattr(item, parental.attname)] for item in items]

    # --- Translations ---------------------------------------------------------------------------

    def translations(self, item: Any) -> list[Any]:
        """The other live, public versions of ``item``, by language code: for a page, a
        :class:`PageVersion` (the columns a translation link shows, no model instance); for a
        snippet, the snippet."""
        if not isinstance(item, TranslatableMixin):
            return []
        family = Page if isinstance(item, Page) else type(item)
        return self.batch(
            ("translations", family), item, lambda items, _visibility: self._translations(items)
        )

    def _translations(self, items: list[Any]) -> dict[int, list[Any]]:
        keys = {other.translation_key for other in items}
        codes = {pk: locale.language_code for pk, locale in self.context.locales.items()}
        others: list[Any]
        if isinstance(items[0], Page):
            rows = self.context.visibility.public_pages(
                Page.objects.filter(translation_key__in=keys)
            ).values_list(*PageVersion._fields)
            others = [PageVersion(*row) for row in rows]
        else:
            found = type(items[0])._default_manager.filter(translation_key__in=keys)
            restrict = self.context.visibility.restriction(type(items[0]))
            others = list(found if restrict is None else restrict(found))
            for other in others:
                other.locale = self.context.locales[other.locale_id]
        others.sort(key=lambda other: codes.get(other.locale_id, ""))
        by_key: dict[Any, list[Any]] = {}
        for other in others:
            by_key.setdefault(other.translation_key, []).append(other)
        return {
            id(item): [
                other for other in by_key.get(item.translation_key, []) if other.pk != item.pk
            ]
            for item in items
        }

    # --- Pages chosen in StreamField blocks -----------------------------------------------------

    def chosen_page(self, page_id: int, locale: Locale) -> Page | None:
        """The page with ``page_id`` in ``locale`` (else its own language), public and as its
        own type; loaded with every page chosen in what the request has loaded so far."""
        versions = self.memo(("chosen", locale.pk))
        if page_id not in versions:
            ids = {page_id}
            ids.update(linked_page_ids(self._unscanned(("chosen", locale.pk))))
            missing = [pk for pk in ids if pk not in versions]
            found = Page.objects.in_bulk(missing)
            pages = [found[pk] for pk in missing if pk in found]
            localized = localized_many(
                ((page, locale.pk) for page in pages),
                restrict=lambda queryset: self.context.visibility.public_pages(queryset).specific(),
            )
            for pk in missing:
                version = localized.get((pk, locale.pk)) if pk in found else None
                versions[pk] = version
                if version is not None:
                    version.locale = self.context.locales[version.locale_id]
                    self.note([version])
        return versions[page_id]

    # --- Translation status ---------------------------------------------------------------------

    def translation_status(self, item: Any) -> TranslationStatus | None:
        from cms.graphql.translation_status import translation_statuses

        if not isinstance(item, TranslatableMixin):
            return None
        memo = self.memo("translation_status")
        key = (item.translation_key, item.locale_id)
        if key not in memo:
            pending = [item] + [
                other
                for other in self._unscanned("translation_status")
                if isinstance(other, TranslatableMixin)
                and (other.translation_key, other.locale_id) not in memo
            ]
            codes = {pk: locale.language_code for pk, locale in self.context.locales.items()}
            memo.update(translation_statuses(pending, codes))
        return memo[key]

    # --- Images ---------------------------------------------------------------------------------

    def image(self, info: Any, image: AbstractImage | None, alt: str = "") -> AbstractImage | None:
        """``image`` as the field ``info`` resolves shows it: null when it is private, with
        ``alt`` as its alt text when given (:meth:`alt_text`)."""
        if image is None or not self.context.visibility.image_visible(image):
            return None
        if alt and info is not None:
            self._alt_texts[tuple(info.path.as_list())] = alt
        self.note([image])
        return image

    def chosen_image(self, image_id: int) -> AbstractImage | None:
        """The image with ``image_id``, null when private; loaded with every image chosen in
        what the request has loaded so far, in one statement."""
        images = self.memo("chosen_images")
        if image_id not in images:
            ids = {image_id}
            ids.update(chosen_image_ids(self._unscanned("chosen_images")))
            missing = [pk for pk in ids if pk not in images]
            public = self.context.visibility.public_images(
                get_image_model().objects.filter(pk__in=missing)
            )
            found = {image.pk: image for image in public}
            images.update({pk: found.get(pk) for pk in missing})
            self.note(found.values())
        return images[image_id]

    def alt_text(self, info: Any) -> str | None:
        """The alt text the field showing the image (``info``'s parent) gave, if any."""
        shown_at = info.path.prev
        return None if shown_at is None else self._alt_texts.get(tuple(shown_at.as_list()))


def _with(item: Any, others: list[Any], done: dict[int, Any]) -> list[Any]:
    """``item`` and those of ``others`` not ``done`` yet, each once, ``item`` first."""
    pending = [item]
    pending.extend(other for other in others if other is not item and id(other) not in done)
    return pending


def _lookup(model: type[Model], relation: str, joined: Iterable[str]) -> str | Prefetch:
    """``relation``, or a ``Prefetch`` joining in the related model's foreign keys ``joined``
    (those of them that are foreign keys of the related model)."""
    field = model._meta.get_field(relation)
    if not (field.one_to_many or field.many_to_many):
        return relation
    related = field.related_model
    foreign_keys = []
    for name in joined:
        try:
            related_field = related._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if related_field.many_to_one or related_field.one_to_one:
            foreign_keys.append(name)
    if not foreign_keys:
        return relation
    return Prefetch(relation, queryset=related._default_manager.select_related(*foreign_keys))


# --- What model methods named in ``graphql_fields`` call (grapple passes them ``info``) ------


def loaders_of(info: Any) -> Loaders | None:
    """The request's loaders; None outside a GraphQL request (e.g. a template)."""
    loaders = getattr(getattr(info, "context", None), "loaders", None)
    return loaders if isinstance(loaders, Loaders) else None


def related_in_locale(info: Any, item: Any, relation: str, locale_id: int | None = None) -> Any:
    """:meth:`Loaders.related_in_locale`; outside a request, looked up for ``item`` alone."""
    loaders = loaders_of(info)
    if loaders is not None:
        return loaders.related_in_locale(item, relation)
    from cms.graphql.visibility import Visibility

    related_model = type(item)._meta.get_field(relation).related_model
    restrict = Visibility().restriction(related_model)
    locale_ids = None if locale_id is None else [locale_id]
    return relations_in_locale([item], [relation], restrict=restrict, locale_ids=locale_ids)[0][
        relation
    ]


def batched(info: Any, name: str, item: Any, load_many: LoadMany) -> Any:
    """:meth:`Loaders.batch`; outside a request, ``load_many`` for ``item`` alone."""
    loaders = loaders_of(info)
    if loaders is not None:
        return loaders.batch(name, item, load_many)
    return load_many([item], None).get(id(item))


def image_for_reader(info: Any, image: AbstractImage | None, alt: str = "") -> Any:
    """:meth:`Loaders.image`: the image a field shows, null when private, with its alt text."""
    loaders = loaders_of(info)
    if loaders is None:
        return image
    return loaders.image(info, image, alt)


def visibility_of(info: Any) -> Any:
    """The request's visibility snapshot; None outside a GraphQL request (read fresh)."""
    loaders = loaders_of(info)
    return None if loaders is None else loaders.context.visibility


def noted(info: Any, items: Iterable[Any]) -> list[Any]:
    """``items`` as a list, noted by the request's loaders so their relations come in batches."""
    items = list(items)
    loaders = loaders_of(info)
    if loaders is not None:
        loaders.note(items)
    return items
