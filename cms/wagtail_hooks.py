"""Core schema hooks; they run when grapple builds the schema, after every app is ready."""

from typing import Any

from axes.models import AccessAttempt

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.graphql.images import install_image_type
from cms.graphql.queries import CoreQueries
from cms.graphql.registry import build_query_mixin
from cms.graphql.schema import drop_grapple_queries, restrict_type_fields
from cms.login_lockouts import LockoutPermissionPolicy, LockoutViewSet
from cms.rich_text import PublicPageLinkHandler


# Runs after grapple's own hook (order 0), so its queries are there to be removed.
@hooks.register("register_schema_query", order=100)
def add_content_queries(query_mixins: list) -> None:
    drop_grapple_queries(query_mixins)
    restrict_type_fields()
    install_image_type()
    query_mixins[:0] = [build_query_mixin(), CoreQueries]


# After Wagtail's own registration (order 0), so this handler replaces the default one.
@hooks.register("register_rich_text_features", order=100)
def link_only_to_public_pages(features: Any) -> None:
    features.register_link_type(PublicPageLinkHandler)


# Registered on import, before any view asks for the model's policy (Wagtail then refuses).
register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_lockouts() -> LockoutViewSet:
    return LockoutViewSet("sign_in_lockouts")
