from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class HomeConfig(ContentPlugin):
    """The root page of every locale's tree."""

    name = "pages.home"
    label = "home"
    verbose_name = _("Home")
    demo_order = 0

    def ready(self) -> None:
        super().ready()
        from pages.home.translations import ensure_home_translations

        post_migrate.connect(ensure_home_translations, sender=self, dispatch_uid="home.locales")
