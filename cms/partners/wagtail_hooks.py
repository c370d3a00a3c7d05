"""Settings > Partners in the Wagtail admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.partners.admin import ManagePartnersPolicy, PartnerViewSet
from cms.partners.models import Partner

# Registered on import, before any view asks for the model's policy (Wagtail then refuses).
register_permission_policy(Partner, ManagePartnersPolicy(Partner))


@hooks.register("register_admin_viewset")
def register_partners() -> PartnerViewSet:
    return PartnerViewSet("partners")
