"""The index page that lists a language's calls."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey

from cms.editorial.publishing import PublishedThroughModeration
from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.loaders import noted, visibility_of
from cms.graphql.types import with_list_arguments
from cms.models import BaseIndexPage
from pages.calls.models.call import CallPage


class CallIndexPage(PublishedThroughModeration, BaseIndexPage):
    """The network's open, coming and past calls; one per language tree, under the home page.

    It carries the "Call moderation" workflow, so it and every call below it, in every
    language, go live through moderation.
    """

    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list of calls."),
        verbose_name=_("intro"),
    )

    search_fields = [*BaseIndexPage.search_fields]

    graphql_fields = [
        *BaseIndexPage.graphql_fields,
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "calls",
            "calls.CallPage",
            required=True,
            item_required=True,
            description="The live call pages below this index, nearest deadline first.",
        ),
    ]

    translatable_fields = [*BaseIndexPage.translatable_fields]

    # The example partner site lists them in a section of its home (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}#calls"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = _("call index page")
        verbose_name_plural = _("call index pages")

    def calls(self, info: object = None, **kwargs: object) -> list[CallPage]:
        """The live, public call pages below this index (GraphQL passes ``info``).

        A list, not a queryset: ``limit`` and ``offset`` slice it; the request's loaders then
        fetch what the query asks of the items for all of them at once.
        """
        listed = CallPage.objects.listed_under(self, visibility_of(info))
        return noted(info, with_list_arguments(listed, info, kwargs))
