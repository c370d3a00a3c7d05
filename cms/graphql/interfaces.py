"""The page and snippet interfaces partner sites see: public fields only.

Grapple's own ``PageInterface`` exposes tree internals (depth, siblings, descendants) and lets
every page type inherit Wagtail's editorial fields (draft title, locks, revisions, schedules).
These interfaces replace it (``GRAPPLE["PAGE_INTERFACE"]``) and :func:`restrict_type_fields`
drops every model field a type does not declare in ``graphql_fields``.
"""

from __future__ import annotations

from typing import Any

import graphene

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from grapple.registry import registry as grapple_registry
from wagtail.models import Page

from cms.frontend import frontend_url
from cms.graphql.context import request_context
from cms.graphql.images import PublicImageType
from cms.graphql.moved import MovedToType, resolve_moved_to
from cms.graphql.translation_status import TranslationStatus, TranslationStatusType

CHILDREN_LIMIT = 100


class TranslationLinkType(graphene.ObjectType):
    """Another language's version of the same content."""

    locale = graphene.String(required=True, description="Language code of this version.")
    title = graphene.String(required=True, description="Its title or name in that language.")
    slug = graphene.String(description="Its slug, for lookups such as call(slug:, locale:).")
    url = graphene.String(description="Its address on the partner frontend (pages only).")

    class Meta:
        name = "TranslationLink"


def _page_type(instance: Page) -> Any:
    from grapple.types.pages import Page as GrapplePage

    return grapple_registry.pages.get(type(instance), GrapplePage)


def _page_url(page: Page, info: Any) -> str | None:
    # Plain pages too (translations): the address follows the page's specific type.
    return frontend_url(page, language_code=_language_code(page, info))


def _language_code(item: Any, info: Any) -> str:
    return request_context(info).locales[item.locale_id].language_code


class PublicPageInterface(graphene.Interface):
    """Fields every published page offers partner sites."""

    id = graphene.ID(description="The page's id.")
    title = graphene.String(required=True, description="The page's title.")
    slug = graphene.String(
        required=True, description="The same in every language; use it with the single lookups."
    )
    url = graphene.String(
        description=(
            "The page's address on the partner frontend (the CMS's CMS_FRONTEND_URL and the "
            "page type's pattern); null for a type the frontend has no page for."
        )
    )
    url_path = graphene.String(
        required=True, description="Path inside its language's tree; use with page(urlPath:)."
    )
    locale = graphene.String(required=True, description="Language code the content is in.")
    translation_key = graphene.String(
        required=True, description="Shared by every language version of the same page."
    )
    translations = graphene.List(
        graphene.NonNull(TranslationLinkType),
        required=True,
        description="Live, public versions of this page in other languages.",
    )
    translation_status = graphene.Field(
        TranslationStatusType,
        required=True,
        description="How much of this page is in its language; see TranslationStatus.",
    )
    seo_title = graphene.String(
        required=True, description="The title for search engines and browser tabs; may be empty."
    )
    search_description = graphene.String(description="A sentence or two for search results.")
    first_published_at = graphene.DateTime(description="When the page was first published.")
    last_published_at = graphene.DateTime(description="When the page was last published.")
    content_type = graphene.String(
        required=True, description="The page's model, as app_label.ModelName."
    )
    page_type = graphene.String(description="The name of the page's GraphQL type.")
    parent = graphene.Field(
        lambda: PublicPageInterface,
        description="The public page above this one; null at the top of a language tree.",
    )
    children = graphene.List(
        graphene.NonNull(lambda: PublicPageInterface),
        required=True,
        description="The public pages directly below this one.",
        limit=graphene.Int(default_value=20, description=f"At most {CHILDREN_LIMIT}."),
    )
    og_image = graphene.Field(
        lambda: PublicImageType,
        description=(
            "The image for social media previews (og:image): the share image, else the lead "
            "image, else the site settings' default for the page's language; ask for the OG "
            "preset (1200 x 630). Null when there is none or it is in a private collection."
        ),
    )
    moved_to = graphene.Field(
        MovedToType,
        description="Set when a lookup by slug (e.g. call(slug:)) was given an old slug: the "
        "page has moved there; null otherwise.",
    )

    class Meta:
        name = "PageInterface"

    resolve_moved_to = staticmethod(resolve_moved_to)

    @classmethod
    def resolve_type(cls, instance: Page, info: Any) -> Any:
        return _page_type(instance)

    @staticmethod
    def resolve_id(page: Page, info: Any) -> int:
        return page.pk

    @staticmethod
    def resolve_url(page: Page, info: Any) -> str | None:
        return _page_url(page, info)

    @staticmethod
    def resolve_url_path(page: Page, info: Any) -> str:
        return locale_relative_path(page)

    @staticmethod
    def resolve_locale(page: Page, info: Any) -> str:
        return _language_code(page, info)

    @staticmethod
    def resolve_translation_key(page: Page, info: Any) -> str:
        return str(page.translation_key)

    @staticmethod
    def resolve_translations(page: Page, info: Any) -> list[dict[str, Any]]:
        return [
            {
                "locale": _language_code(other, info),
                "title": other.title,
                "slug": other.slug,
                "url": _page_url(other, info),
            }
            for other in request_context(info).loaders.translations(page)
        ]

    @staticmethod
    def resolve_translation_status(page: Page, info: Any) -> TranslationStatus | None:
        return request_context(info).loaders.translation_status(page)

    @staticmethod
    def resolve_seo_title(page: Page, info: Any) -> str:
        return page.seo_title or page.title

    @staticmethod
    def resolve_content_type(page: Page, info: Any) -> str:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        return model._meta.label if model else ""

    @staticmethod
    def resolve_page_type(page: Page, info: Any) -> str:
        return type(page).__name__

    @staticmethod
    def resolve_og_image(page: Page, info: Any) -> Any:
        read = getattr(page, "og_image_for_reader", None)
        return read(info) if read is not None else None

    @staticmethod
    def resolve_parent(page: Page, info: Any) -> Page | None:
        # The tree root (depth 1) is not content; a parent that is not live and public for
        # everyone resolves to null rather than leaking its fields.
        if page.depth <= 2:
            return None
        context = request_context(info)
        parent = context.visibility.public_pages(Page.objects.parent_of(page)).specific().first()
        context.loaders.note([parent] if parent else [])
        return parent

    @staticmethod
    def resolve_children(page: Page, info: Any, limit: int = 20) -> list[Page]:
        from graphql import GraphQLError

        if not 1 <= limit <= CHILDREN_LIMIT:
            raise GraphQLError(f"Argument 'limit' must be between 1 and {CHILDREN_LIMIT}.")
        context = request_context(info)
        children = list(context.visibility.public_pages(page.get_children()).specific()[:limit])
        context.loaders.note(children)
        return children


def locale_relative_path(page: Page) -> str:
    """``/calls/esc-volunteering/`` for a page under ``/en/calls/esc-volunteering/``."""
    parts = page.url_path.strip("/").split("/")
    return "/" + "/".join(parts[1:]) + ("/" if len(parts) > 1 else "")


class PublicSnippetInterface(graphene.Interface):
    """Fields every snippet offers partner sites."""

    id = graphene.ID(description="The snippet's id.")
    snippet_type = graphene.String(
        required=True, description="The name of the snippet's GraphQL type."
    )
    locale = graphene.String(description="Language code, for translatable snippets.")
    translation_key = graphene.String(
        description="Shared by every language version of the same snippet."
    )
    translations = graphene.List(
        graphene.NonNull(TranslationLinkType),
        required=True,
        description="The snippet's versions in other languages.",
    )
    translation_status = graphene.Field(
        TranslationStatusType,
        description="How much of this snippet is in its language; null if not translatable.",
    )

    class Meta:
        name = "SnippetInterface"

    @classmethod
    def resolve_type(cls, instance: Model, info: Any) -> Any:
        return grapple_registry.snippets[type(instance)]

    @staticmethod
    def resolve_id(instance: Model, info: Any) -> int:
        return instance.pk

    @staticmethod
    def resolve_snippet_type(instance: Model, info: Any) -> str:
        return type(instance).__name__

    @staticmethod
    def resolve_locale(instance: Model, info: Any) -> str | None:
        if getattr(instance, "locale_id", None) is None:
            return None
        return _language_code(instance, info)

    @staticmethod
    def resolve_translation_key(instance: Model, info: Any) -> str | None:
        key = getattr(instance, "translation_key", None)
        return str(key) if key else None

    @staticmethod
    def resolve_translation_status(instance: Model, info: Any) -> TranslationStatus | None:
        return request_context(info).loaders.translation_status(instance)

    @staticmethod
    def resolve_translations(instance: Model, info: Any) -> list[dict[str, Any]]:
        return [
            {
                "locale": _language_code(other, info),
                "title": str(other),
                "slug": getattr(other, "slug", None),
                "url": None,
            }
            for other in request_context(info).loaders.translations(instance)
        ]
