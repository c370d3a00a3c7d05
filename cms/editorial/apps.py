"""The editorial app: who may edit, publish and translate what, and the admin aids for it."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Groups, moderated sections, locale-scoped rights and translation status."""

    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.editorial import groups, moderation, permission_denied_patch

        # No sender: this app has no models, so Django never sends post_migrate for it; the
        # handler acts once, on the signal for the last app, when every other app's handlers
        # (locales, home pages, permissions) have run.
        post_migrate.connect(groups.provision_after_migrate, dispatch_uid="editorial.groups")
        post_migrate.connect(
            moderation.provision_after_migrate, dispatch_uid="editorial.moderated_sections"
        )
        moderation.connect()
        permission_denied_patch.install()
