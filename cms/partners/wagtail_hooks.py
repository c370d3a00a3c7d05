"""Settings > Partners in the Wagtail admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.partners.admin import (
    DeliveryPolicy,
    ManagePartnersPolicy,
    PartnerViewSet,
    WebhookDeliveryViewSet,
    WebhookEndpointViewSet,
)
from cms.partners.models import Partner, WebhookDelivery, WebhookEndpoint

# Registered on import, before any view asks for the model's policy (Wagtail then refuses).
register_permission_policy(Partner, ManagePartnersPolicy(Partner))
register_permission_policy(WebhookEndpoint, ManagePartnersPolicy(WebhookEndpoint))
register_permission_policy(WebhookDelivery, DeliveryPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_partners() -> PartnerViewSet:
    return PartnerViewSet("partners")


@hooks.register("register_admin_viewset")
def register_webhook_endpoints() -> WebhookEndpointViewSet:
    return WebhookEndpointViewSet("webhook_endpoints")


@hooks.register("register_admin_viewset")
def register_webhook_deliveries() -> WebhookDeliveryViewSet:
    return WebhookDeliveryViewSet("webhook_deliveries")


@hooks.register("register_partner_queries")
def add_sitemap_query() -> list[type]:
    from cms.partners.graphql import SitemapQuery

    return [SitemapQuery]
