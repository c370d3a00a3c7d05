"""The index page that lists a language's conferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from grapple.models import GraphQLCollection, GraphQLForeignKey, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.models import BasePage

if TYPE_CHECKING:
    from pages.conferences.models import ConferencePage


class ConferenceIndexPage(BasePage):
    """The network's conferences; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text="A short introduction partner sites show above the list of conferences.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString("intro"),
        GraphQLCollection(
            GraphQLForeignKey,
            "conferences",
            "conferences.ConferencePage",
            required=True,
            item_required=True,
            description="The live conference pages below this index, soonest first.",
        ),
    ]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["conferences.ConferencePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "conference index page"

    def __str__(self) -> str:
        return self.title

    def conferences(self, info: object = None, **kwargs: object) -> list[ConferencePage]:
        """The live, public conference pages below this index (GraphQL passes ``info``).

        A list, not a queryset: ``limit`` and ``offset`` slice it, and a sliced queryset can
        no longer be narrowed by the visibility middleware.
        """
        from pages.conferences.selectors import conferences_under, with_list_arguments

        return list(with_list_arguments(conferences_under(self), info, kwargs))
