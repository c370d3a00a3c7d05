from collections.abc import Callable

import graphene

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grapple.models import GraphQLField, GraphQLForeignKey, GraphQLString
from grapple.registry import registry as grapple_registry
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.visibility import PublishedQuerySet
from cms.models import BaseSnippet, ReviewedSnippet
from cms.sanitise import validate_url_scheme


def _required_list(
    field_name: str, model_label: str, *, description: str
) -> Callable[[], GraphQLField]:
    """``[Type!]!`` for a child relation: plain lists, without grapple's queryset arguments."""

    def mixin() -> GraphQLField:
        model = apps.get_model(model_label)
        item = graphene.NonNull(lambda: grapple_registry.models[model])
        return GraphQLField(
            field_name, graphene.NonNull(graphene.List(item)), description=description
        )

    return mixin


class Programme(ReviewedSnippet, ClusterableModel):
    """A funding programme such as the European Solidarity Corps, with its actions."""

    acronym = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("The short form in this language, e.g. 'ESC' in English, 'ESE' in Slovenian."),
        verbose_name=_("acronym"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("What the programme funds and who can take part, in a short paragraph."),
        verbose_name=_("description"),
    )
    website = models.URLField(
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("The programme's official page, starting with https://."),
        verbose_name=_("website"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("slug")], heading=_("Name")
        ),
        FieldPanel("description"),
        FieldPanel("website"),
        InlinePanel(
            "actions",
            heading=pgettext_lazy("strands of a funding programme", "Actions"),
            label=pgettext_lazy("strand of a funding programme", "Action"),
            help_text=_("The strands that applicants choose between, in the programme's order."),
        ),
        PublishingPanel(),
    ]

    search_fields = [
        *BaseSnippet.search_fields,
        index.SearchField("acronym"),
        index.SearchField("description"),
    ]

    graphql_fields = [
        *BaseSnippet.graphql_fields,
        GraphQLString("acronym", description="The short form in this language, e.g. ESC."),
        GraphQLString("description", description="What the programme funds and who can take part."),
        GraphQLString("website", description="The programme's official page."),
        _required_list(
            "actions",
            "programmes.ProgrammeAction",
            description="The programme's actions (strands), in the programme's order.",
        ),
    ]

    translatable_fields = [
        *BaseSnippet.translatable_fields,
        TranslatableField("acronym"),
        TranslatableField("description"),
        SynchronizedField("website", overridable=False),
        TranslatableField("actions"),
    ]

    class Meta(BaseSnippet.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ProgrammeActionQuerySet(PublishedQuerySet):
    """Actions are published with their programme: ``public()`` keeps those of public ones."""

    published_through = "programme__"


class ProgrammeAction(TranslatableMixin, index.Indexed, Orderable):
    """One strand of a programme, e.g. "Solidarity projects" of the European Solidarity Corps."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="actions")
    name = models.CharField(max_length=150, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=150,
        blank=True,
        help_text=_("Unique within the programme. Leave empty to create it from the name."),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Who can apply and what the action supports, in two or three sentences."),
        verbose_name=_("description"),
    )

    objects = ProgrammeActionQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.RelatedFields("programme", [index.SearchField("name")]),
    ]

    graphql_fields = [
        GraphQLString("name", required=True, description="The action's name."),
        GraphQLString(
            "slug",
            required=True,
            description="Unique within the programme, the same in every language.",
        ),
        GraphQLString("description", description="Who can apply and what the action supports."),
        GraphQLForeignKey(
            "programme",
            "programmes.Programme",
            required=True,
            description="The programme the action belongs to.",
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("programme action")
        verbose_name_plural = _("programme actions")
        ordering = ["sort_order"]
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return f"{self.programme} – {self.name}" if self.programme_id else self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)
        if not self.slug and self.name:
            raise ValidationError(
                {"slug": _("Enter a slug: the name has no letters to build one.")}
            )
