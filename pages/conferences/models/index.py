"""The index page that lists a language's conferences."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey

from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.loaders import noted, visibility_of
from cms.graphql.types import with_list_arguments
from cms.models import BaseIndexPage
from pages.conferences.models.conference import ConferencePage


class ConferenceIndexPage(BaseIndexPage):
    """The network's conferences; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list of conferences."),
        verbose_name=_("intro"),
    )

    search_fields = [*BaseIndexPage.search_fields]

    graphql_fields = [
        *BaseIndexPage.graphql_fields,
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "conferences",
            "conferences.ConferencePage",
            required=True,
            item_required=True,
            description="The live conference pages below this index, soonest first.",
        ),
    ]

    translatable_fields = [*BaseIndexPage.translatable_fields]

    # The example partner site lists them in a section of its home (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}#conferences"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["conferences.ConferencePage"]

    class Meta:
        verbose_name = _("conference index page")
        verbose_name_plural = _("conference index pages")

    def conferences(self, info: object = None, **kwargs: object) -> list[ConferencePage]:
        """The live, public conference pages below this index (GraphQL passes ``info``).

        A list, not a queryset: ``limit`` and ``offset`` slice it; the request's loaders then
        fetch what the query asks of the items for all of them at once.
        """
        listed = ConferencePage.objects.listed_under(self, visibility_of(info))
        return noted(info, with_list_arguments(listed, info, kwargs))
