"""What anonymous partner sites may see: the one place the rule is written down.

The rule is applied where rows are fetched (selectors and the request's loaders), in SQL:
:func:`public_pages` for pages, :meth:`Visibility.public_images` for images,
:meth:`PublishedQuerySet.public` for snippets with drafts (and the rows that belong to one);
:meth:`Visibility.restriction` picks the right one for a model.
:class:`Visibility` is one request's snapshot of what the rule depends on (hidden sections,
private collections, the moment), each part loaded the first time it is needed, so a request
that shows no image never reads collection restrictions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

from django.db import connections
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    Page,
    PageViewRestriction,
)


class Visibility:
    """One request's view of what is hidden, read lazily and then kept for the request."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or timezone.now()
        self._hidden_paths: tuple[str, ...] | None = None
        self._private_collection_paths: tuple[str, ...] | None = None
        self._collection_paths: dict[int, str] = {}

    @property
    def hidden_paths(self) -> tuple[str, ...]:
        """Tree paths under which nothing is public (:func:`hidden_section_paths`)."""
        if self._hidden_paths is None:
            self._hidden_paths = hidden_section_paths(self.now)
        return self._hidden_paths

    @property
    def private_collection_paths(self) -> tuple[str, ...]:
        """Paths of the collections with a view restriction (their images are private)."""
        if self._private_collection_paths is None:
            private = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
            self._private_collection_paths = tuple(private)
        return self._private_collection_paths

    def public_pages(self, queryset: QuerySet[Page]) -> QuerySet[Page]:
        """:func:`public_pages` with this request's snapshot."""
        return public_pages(queryset, self)

    def public_images(self, queryset: QuerySet[AbstractImage]) -> QuerySet[AbstractImage]:
        """Images outside every private collection."""
        paths = self.private_collection_paths
        if not paths:
            return queryset
        hidden = Q()
        for path in paths:
            hidden |= Q(collection__path__startswith=path)
        return queryset.exclude(hidden)

    def restriction(self, model: type[Model]) -> Callable[[QuerySet[Any]], QuerySet[Any]] | None:
        """What narrows a queryset of ``model`` to what the public sees: public pages, the
        published rows of a :class:`PublishedQuerySet`; ``None`` when every row may be shown."""
        if issubclass(model, Page):
            return self.public_pages
        if isinstance(model._default_manager.all(), PublishedQuerySet):
            return lambda queryset: queryset.public(self)
        return None

    # The same rule for one object already loaded: the test-only assertion middleware and
    # images chosen in StreamField blocks (loaded by Wagtail, not by a selector) use these.

    def page_visible(self, page: Page) -> bool:
        if not page.live or page.depth <= 1:
            return False
        if page.expire_at is not None and page.expire_at <= self.now:
            return False
        return not page.path.startswith(self.hidden_paths)

    def published(self, obj: Model) -> bool:
        """A snippet with drafts: live and not expired (other objects: always)."""
        if not isinstance(obj, DraftStateMixin):
            return True
        return bool(obj.live) and (obj.expire_at is None or obj.expire_at > self.now)

    def image_visible(self, image: AbstractImage) -> bool:
        if not self.private_collection_paths:
            return True
        return not self._collection_path(image.collection_id).startswith(
            self.private_collection_paths
        )

    def _collection_path(self, collection_id: int) -> str:
        # Per request, not per process: a collection moved under a private one must be private
        # at once, in every worker.
        if collection_id not in self._collection_paths:
            path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True)
            self._collection_paths[collection_id] = path.first() or ""
        return self._collection_paths[collection_id]


def hidden_section_paths(now: datetime | None = None) -> tuple[str, ...]:
    """Tree paths under which nothing is public.

    View-restricted pages (password, login, groups) and sections taken down (unpublished or
    expired pages with live pages below them): a live page below them stays hidden, so
    ``parent`` can never lead to them.

    Sections taken down are read from the tree paths alone: a page's parent is its path less
    one step. Treebeard's child counts (``numchild``) are kept beside the paths and can be
    wrong, and a section that claimed no children would let everything below it through. Pages
    whose live pages all sit deeper are covered too: the nearest taken-down ancestor of any
    live page has a live child.

    Every uncached request reads this, so the statement (both kinds in one) is written once per
    process (:func:`_hidden_sections_sql`), not built with the ORM each time: building and
    compiling the same union cost more than running it.
    """
    connection = connections[Page.objects.db]
    moment = connection.ops.adapt_datetimefield_value(now or timezone.now())
    step = Page.steplen
    with connection.cursor() as cursor:
        cursor.execute(_hidden_sections_sql(connection.alias), [moment, step, step])
        paths = {path for (path,) in cursor.fetchall()}
    return tuple(sorted(paths))


@cache
def _hidden_sections_sql(alias: str) -> str:
    """The statement of :func:`hidden_section_paths` (SQLite and PostgreSQL); its parameters
    are "now" and the tree's step length, twice."""
    quote = connections[alias].ops.quote_name
    page = quote(Page._meta.db_table)
    restriction = quote(PageViewRestriction._meta.db_table)
    page_id = quote(PageViewRestriction._meta.get_field("page").column)
    pk, path, live, expire_at = (
        quote(Page._meta.get_field(name).column) for name in ("id", "path", "live", "expire_at")
    )
    # Only table and column names from the models' metadata, quoted; the values are parameters.
    return (
        f"SELECT p.{path} FROM {restriction} r JOIN {page} p ON p.{pk} = r.{page_id} "  # noqa: S608
        f"UNION SELECT t.{path} FROM {page} t "
        f"WHERE (NOT t.{live} OR t.{expire_at} <= %s) AND LENGTH(t.{path}) > %s "
        f"AND t.{path} IN (SELECT SUBSTR(c.{path}, 1, LENGTH(c.{path}) - %s) FROM {page} c "
        f"WHERE c.{live})"
    )


def public_pages(queryset: QuerySet[Page], visibility: Visibility | None = None) -> QuerySet[Page]:
    """Live, unexpired pages outside every hidden section.

    Expiry is checked here, so an expired page disappears at once rather than when
    ``publish_scheduled`` next runs. A GraphQL request passes its snapshot (``info.context.
    visibility``), read once for the request; without one the hidden sections are read now.
    """
    visibility = visibility or Visibility()
    queryset = (
        queryset.live()
        .filter(depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=visibility.now))
    )
    paths = visibility.hidden_paths
    if paths:
        hidden = Q()
        for path in paths:
            hidden |= Q(path__startswith=path)
        queryset = queryset.exclude(hidden)
    return queryset


class PublishedQuerySet(QuerySet):
    """Rows of a snippet with drafts (``DraftStateMixin``): the public sees the published
    version only, live and not expired. A draft saved on a live snippet is a revision; the row
    keeps what was published until the draft is.

    A model whose rows belong to such a snippet (a programme's actions) subclasses this with
    ``published_through`` naming the relation to it, e.g. ``"programme__"``.
    """

    published_through = ""

    def public(self, visibility: Visibility | None = None) -> QuerySet[Any]:
        """The rows the public may see; a GraphQL request passes its snapshot (its "now")."""
        now = (visibility or Visibility()).now
        through = self.published_through
        return self.filter(
            Q(**{f"{through}live": True}),
            Q(**{f"{through}expire_at__isnull": True}) | Q(**{f"{through}expire_at__gt": now}),
        )
