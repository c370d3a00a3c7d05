"""The index page that lists a language's calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from grapple.models import GraphQLCollection, GraphQLForeignKey, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.models import BasePage

if TYPE_CHECKING:
    from pages.calls.models import CallPage


class CallIndexPage(BasePage):
    """The network's open, coming and past calls; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text="A short introduction partner sites show above the list of calls.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString("intro"),
        GraphQLCollection(
            GraphQLForeignKey,
            "calls",
            "calls.CallPage",
            required=True,
            item_required=True,
            description="The live call pages below this index, nearest deadline first.",
        ),
    ]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["calls.CallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "call index page"

    def __str__(self) -> str:
        return self.title

    def calls(self, info: object = None, **kwargs: object) -> list[CallPage]:
        """The live, public call pages below this index (GraphQL passes ``info``).

        A list, not a queryset: ``limit`` and ``offset`` slice it, and a sliced queryset can
        no longer be narrowed by the visibility middleware.
        """
        from pages.calls.selectors import calls_under, with_list_arguments

        return list(with_list_arguments(calls_under(self), info, kwargs))
