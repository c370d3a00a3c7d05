"""Page types that lean on their bases' declarations, and the ways to opt out."""

from django.db import models

from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import TranslatableField

from cms.models import BaseIndexPage, BasePage


class BareEventPage(BasePage):
    """Declares nothing of its own: BasePage's lists must not count for it."""

    venue = models.CharField(max_length=100, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("venue")]
    parent_page_types = ["home.HomePage"]


class InheritingIndexPage(BaseIndexPage):
    """Inherits every list from BaseIndexPage, which declares them all: still not its own."""

    parent_page_types = ["home.HomePage"]


class OptedOutEventPage(BasePage):
    """Declares its lists and opts out of search with a reason: passes."""

    venue = models.CharField(max_length=100, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("venue")]
    graphql_fields = [GraphQLString("venue")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("venue")]
    frontend_url_pattern = "{base}/?locale={locale}"
    contract_opt_out = {"search_fields": "Events are found through their listing only."}
    parent_page_types = ["home.HomePage"]


class VagueOptOutPage(BasePage):
    """Opts out without a reason, and out of something that is not in the contract."""

    search_fields = [*BasePage.search_fields]
    graphql_fields = [*BasePage.graphql_fields]
    translatable_fields = [*BasePage.translatable_fields]
    frontend_url_pattern = "{base}/?locale={locale}"
    contract_opt_out = {"search_fields": " ", "colour": "We like it."}
    parent_page_types = ["home.HomePage"]
