from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class NavigationConfig(ContentPlugin):
    """Per-language site settings (name, tagline, contact, social links) and the site's menus."""

    name = "snippets.navigation"
    label = "navigation"
    verbose_name = _("Site settings and menus")
    # After the pages: the demo menus link to the index pages.
    demo_order = 90

    def load_demo(self, stdout: object) -> None:
        from snippets.navigation.demo import load_demo

        load_demo(stdout)
