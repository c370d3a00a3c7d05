from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.models import BaseSnippet


class Category(BaseSnippet):
    """A theme that pages are tagged with, such as "Networking" or "Volunteering"."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text=_(
            "Used in partner site addresses and filters, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("One or two sentences partner sites may show on the category's listing."),
        verbose_name=_("description"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [*BaseSnippet.search_fields, index.SearchField("description")]

    graphql_fields = [
        *BaseSnippet.graphql_fields,
        GraphQLString("description", description="One or two sentences about the category."),
    ]

    translatable_fields = [*BaseSnippet.translatable_fields, TranslatableField("description")]

    class Meta(BaseSnippet.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
