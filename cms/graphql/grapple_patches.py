"""The changes the project makes to grapple's generated schema, where grapple has no door.

grapple builds a GraphQL type per model from its ``graphql_fields`` (public), but it also keeps
on each page type every attribute of Wagtail's ``Page`` (draft title, locks, revisions...),
offers StreamField blocks' stored form (``rawValue``, ``blocks``), gives collections free-form
``order``/search arguments, and its image type renders any size. grapple offers no setting or
hook for these, so this module, and only this module, edits what grapple generated:

- :func:`restrict_type_fields` removes from each page and snippet type what neither its
  interface nor its ``graphql_fields`` declares, and the free-form collection arguments;
- :func:`drop_raw_block_values` removes ``rawValue`` and ``blocks`` from StreamField blocks;
- :func:`install_image_type` makes grapple's image fields resolve to the project's
  ``PublicImageType`` (renditions from named presets only).

They run once, when the schema is built (:mod:`cms.graphql.schema`).
``tests/cms/graphql/test_library_overrides.py`` fails when the grapple code they depend on
changes; docs/architecture.md lists what an upgrade may break.
"""

from __future__ import annotations

from typing import Any

from grapple.registry import registry as grapple_registry
from wagtail.images import get_image_model

from cms.graphql.images import PublicImageType
from cms.graphql.interfaces import PublicPageInterface, PublicSnippetInterface


def apply() -> None:
    """Every change, in order; idempotent."""
    restrict_type_fields()
    install_image_type()


def drop_raw_block_values() -> None:
    """Remove ``rawValue`` and ``blocks`` from StreamField blocks.

    ``rawValue`` is the stored form: page and image choosers as bare ids and rich text with its
    internal link markup, which would name drafts and private images that the typed fields
    hide. ``blocks`` lists a block's children generically, so a page chooser there answers the
    chosen page as stored, past the typed field that serves it in the reader's language and
    checks it is public.
    """
    from grapple.types.interfaces import StreamFieldInterface

    for block_type in [StreamFieldInterface, *grapple_registry.streamfield_blocks.values()]:
        fields = getattr(getattr(block_type, "_meta", None), "fields", None)
        if fields is not None:
            fields.pop("raw_value", None)
            fields.pop("blocks", None)


def restrict_type_fields() -> None:
    """Keep on each page and snippet type only its interface fields and ``graphql_fields``."""
    from grapple.types.pages import Page as FallbackPageType

    drop_raw_block_values()

    # The type grapple uses for pages without one of their own carries every Page column.
    for name in list(FallbackPageType._meta.fields):
        if name not in PublicPageInterface._meta.fields:
            del FallbackPageType._meta.fields[name]
    for kind, interface in (
        (grapple_registry.pages, PublicPageInterface),
        (grapple_registry.snippets, PublicSnippetInterface),
    ):
        allowed_base = set(interface._meta.fields)
        for model, node in kind.items():
            if not hasattr(node, "_meta") or not hasattr(node._meta, "fields"):
                continue
            declared = {_field_name(field) for field in getattr(model, "graphql_fields", [])}
            allowed = allowed_base | declared
            for name in list(node._meta.fields):
                if name not in allowed:
                    del node._meta.fields[name]
                else:
                    _drop_free_form_arguments(node._meta.fields[name])


# Grapple's nested collections take `order` as any ORM path (e.g. "-owner__password") and a
# free search; partners get a fixed order and `limit`/`offset` only.
FREE_FORM_ARGUMENTS = (
    "order",
    "searchQuery",
    "search_query",
    "searchOperator",
    "search_operator",
    "id",
)


def _drop_free_form_arguments(field: Any) -> None:
    arguments = getattr(field, "args", None)
    if not arguments or "order" not in arguments:
        return
    for name in FREE_FORM_ARGUMENTS:
        arguments.pop(name, None)


def _field_name(field: Any) -> str:
    if callable(field):
        field = field()
    if isinstance(field, tuple):  # grapple collections: (field, wrapper)
        field = field[0]() if callable(field[0]) else field[0]
    return field.field_name


def install_image_type() -> None:
    """Make grapple's ``GraphQLImage`` fields resolve to :class:`PublicImageType`."""
    image_model = get_image_model()
    rendition_model = image_model.renditions.rel.related_model
    grapple_registry.images.pop(rendition_model, None)
    grapple_registry.images[image_model] = PublicImageType
