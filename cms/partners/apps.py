"""Partner access: API keys, CORS per partner and rate limits on the public endpoints."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partners and their API keys; part of the core, not a content plugin."""

    name = "cms.partners"
    label = "partners"
    verbose_name = _("Partners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.partners import cors, webhooks

        cors.connect()
        webhooks.connect()
