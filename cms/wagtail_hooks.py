"""Core admin hooks: public page links in rich text, the sign-in lockouts viewset, and the
cross-type partner queries (agenda, redirects)."""

from typing import Any

from axes.models import AccessAttempt

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.login_lockouts import LockoutPermissionPolicy, LockoutViewSet
from cms.rich_text import PublicPageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces the default one.
@hooks.register("register_rich_text_features", order=100)
def link_only_to_public_pages(features: Any) -> None:
    features.register_link_type(PublicPageLinkHandler)


# Registered on import, before any view asks for the model's policy (Wagtail then refuses).
register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_lockouts() -> LockoutViewSet:
    return LockoutViewSet("sign_in_lockouts")


@hooks.register("register_partner_queries")
def add_agenda_and_redirect_queries() -> list[type]:
    from cms.graphql.agenda import build_agenda_query
    from cms.graphql.redirect_query import RedirectQuery

    agenda = build_agenda_query()
    return [RedirectQuery] if agenda is None else [agenda, RedirectQuery]
