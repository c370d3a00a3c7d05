"""``redirect(path:, locale:)``: where an old address leads now (:mod:`cms.graphql.redirects`
holds the rule)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import graphene
from graphql import GraphQLError

from cms.frontend import frontend_url
from cms.graphql.context import request_context
from cms.graphql.interfaces import PublicPageInterface
from cms.graphql.redirects import MAX_PATH_LENGTH, public_target, recorded_redirects
from cms.graphql.registry import resolve_locale


class RedirectType(graphene.ObjectType):
    """Where an old address leads now."""

    path = graphene.String(required=True, description="The old path, as Wagtail stores it.")
    page = graphene.Field(
        PublicPageInterface, description="The public page it leads to; null for another site."
    )
    url = graphene.String(
        description="The address to send readers to: the page's on the partner frontend, or "
        "the link an editor entered."
    )
    is_permanent = graphene.Boolean(
        required=True, description="True for a permanent redirect (update stored links)."
    )

    class Meta:
        name = "Redirect"


class RedirectQuery(graphene.ObjectType):
    """Old addresses."""

    redirect = graphene.Field(
        RedirectType,
        description=(
            "Where an old address now lives: the redirects editors made and the ones Wagtail "
            "made when a slug changed or a page moved. Null when there is none or its page is "
            "not public."
        ),
        path=graphene.String(
            required=True,
            description="The old path or full address, e.g. /partner-site/call.html?slug=x.",
        ),
        locale=graphene.String(
            description="Language code: the page in this language when it has a public "
            "version in it; defaults to the default."
        ),
    )

    @staticmethod
    def resolve_redirect(
        root: Any, info: Any, path: str, locale: str | None = None
    ) -> dict[str, Any] | None:
        if len(path) > MAX_PATH_LENGTH:
            raise GraphQLError(f"Argument 'path' is longer than {MAX_PATH_LENGTH} characters.")
        if not path.strip():
            raise GraphQLError("Argument 'path' must not be empty.")
        try:
            urlsplit(path)
        except ValueError as error:
            # e.g. an unclosed "[" of an IPv6 host: Wagtail's normalising would raise it.
            raise GraphQLError(f"Argument 'path' is not an address: {error}.") from error
        language = resolve_locale(locale, info)
        context = request_context(info)
        for redirect in recorded_redirects([path]):
            if redirect.redirect_page_id is not None:
                target = public_target(context, redirect, language)
                if target is None:
                    continue
                context.loaders.note([target])
                code = context.locales[target.locale_id].language_code
                return {
                    "path": redirect.old_path,
                    "page": target,
                    "url": frontend_url(target, language_code=code),
                    "is_permanent": redirect.is_permanent,
                }
            link = redirect.redirect_link
            # Only web addresses; never a script or a path on this host.
            if link and urlsplit(link).scheme in ("http", "https"):
                return {
                    "path": redirect.old_path,
                    "page": None,
                    "url": link,
                    "is_permanent": redirect.is_permanent,
                }
        return None
