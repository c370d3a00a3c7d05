"""The core app: plugin contract checks, locale sync, health and GraphQL plumbing."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Solidarity CMS core; it knows plugins only through ``cms.plugins.registry``."""

    name = "cms"
    label = "cms"
    verbose_name = "Solidarity CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import checks  # noqa: F401  (registers the system checks)
        from cms.graphql import invalidation
        from cms.locales import sync_locales
        from cms.proxy_purge import purge_proxies

        invalidation.connect()
        invalidation.responses_invalidated.connect(purge_proxies, dispatch_uid="cms.proxy_purge")
        post_migrate.connect(sync_locales, sender=self, dispatch_uid="cms.sync_locales")
