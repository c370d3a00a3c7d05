from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import BasePage


class HomePage(BasePage):
    """The root of one language's tree; every content index page sits below it."""

    intro = models.TextField(
        blank=True,
        help_text=_("One or two sentences shown to partner sites as the network's introduction."),
        verbose_name=_("intro"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString("intro", description="The network's introduction, in one or two sentences."),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        # Each locale's home page is a sibling under the tree root, so its slug must differ.
        TranslatableField("slug"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("og_image"),
    ]

    # The example partner site's home lists every section (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}"

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
