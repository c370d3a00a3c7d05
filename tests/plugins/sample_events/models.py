from django.db import models

from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.models import BasePage


class SampleEventPage(BasePage):
    """A page type that exists only to prove plugins need no edit to cms/."""

    venue = models.CharField(max_length=100, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("venue")]
    search_fields = [*BasePage.search_fields, index.SearchField("venue")]
    graphql_fields = [GraphQLString("venue")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("venue")]
    contract_opt_out = {"frontend_url_pattern": "The example partner site shows no events."}
    parent_page_types = ["home.HomePage"]
