import graphene
from django_countries.fields import CountryField

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLField, GraphQLForeignKey, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.attachments import BaseAttachment
from cms.graphql.language import choice_label
from cms.graphql.loaders import loaders_of, related_in_locale
from cms.graphql.types import GraphQLCountry
from cms.models import BaseSocialLink
from cms.sanitise import validate_url_scheme


class ProjectPartner(Orderable):
    """A municipality or an organisation taking part in a project, with its role."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")
        LOCAL = "local", _("Local partner")

    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="partners")
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="project_partnerships",
        help_text=_("Choose a municipality or an organisation, not both."),
        verbose_name=_("municipality"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="project_partnerships",
        help_text=_("For partners that are not municipalities: NGOs, agencies, schools."),
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.PARTNER, verbose_name=_("role")
    )

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("organisation")]),
        FieldPanel("role"),
    ]

    graphql_fields = [
        GraphQLString("role", required=True, description="lead, partner, associated or local."),
        GraphQLString(
            "role_label",
            required=True,
            source="role_label_for_reader",
            description="The role in the language asked for, e.g. Lead partner.",
        ),
        GraphQLForeignKey(
            "municipality",
            "municipalities.MunicipalityPage",
            source="municipality_for_api",
            description=(
                "The municipality's page in the project's language when it has one; null if "
                "the page is not published."
            ),
        ),
        GraphQLForeignKey(
            "organisation",
            "organisations.Organisation",
            source="organisation_for_api",
            description="The organisation in the project's language when it is translated.",
        ),
        GraphQLString(
            "name",
            source="name_for_reader",
            description="The partner's name, whichever kind it is.",
        ),
    ]

    translatable_fields = [
        SynchronizedField("municipality", overridable=False),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("role", overridable=False),
    ]
    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True

    class Meta(Orderable.Meta):
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")

    def __str__(self) -> str:
        return f"{self.municipality or self.organisation} ({self.get_role_display()})"

    @property
    def role_label(self) -> str:
        return str(self.get_role_display())

    def role_label_for_reader(self, info: object = None) -> str:
        """The role's label in the language the partner asked for."""
        return choice_label(self, "role", info)

    @property
    def name(self) -> str:
        """The partner's name as partner sites see it; empty if its page is not published."""
        return self.name_for_reader()

    def name_for_reader(self, info: object = None, **kwargs: object) -> str:
        """:attr:`name`; in a GraphQL request, loaded for every row at once."""
        municipality = self.municipality_for_api(info)
        if municipality is not None:
            return municipality.title
        organisation = self.organisation_for_api(info)
        return organisation.name if organisation is not None else ""

    def municipality_for_api(self, info: object = None, **kwargs: object) -> models.Model | None:
        """The municipality in the project's language, or ``None`` if it is not public."""
        return related_in_locale(info, self, "municipality", locale_id=self._locale_id(info))

    def organisation_for_api(self, info: object = None, **kwargs: object) -> models.Model | None:
        """The organisation in the project's language when it is translated there."""
        return related_in_locale(info, self, "organisation", locale_id=self._locale_id(info))

    def _locale_id(self, info: object) -> int | None:
        # A row has no language of its own: it is shown in its project's. In a GraphQL
        # request the loader that listed the rows knows it.
        return None if loaders_of(info) is not None else self.project.locale_id

    def clean(self) -> None:
        super().clean()
        if self.municipality_id is None and self.organisation_id is None:
            raise ValidationError(
                {"municipality": _("Choose the partner: a municipality or an organisation.")}
            )
        if self.municipality_id is not None and self.organisation_id is not None:
            raise ValidationError(
                {
                    "organisation": _(
                        "Choose a municipality or an organisation, not both: a municipality's "
                        "own organisation record is linked on its page."
                    )
                }
            )


class ProjectGoal(TranslatableMixin, Orderable):
    """One of a project's goals, in the order the project states them."""

    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(help_text=_("One goal, as a sentence."), verbose_name=_("text"))

    panels = [FieldPanel("text")]

    graphql_fields = [GraphQLString("text", required=True, description="One goal, as a sentence.")]

    translatable_fields = [TranslatableField("text")]
    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project goal")
        verbose_name_plural = _("project goals")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.text


class ProjectEvent(TranslatableMixin, Orderable):
    """A meeting, conference or visit held within a project."""

    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="events")
    title = models.CharField(
        max_length=255, help_text=_("e.g. 'International conference'."), verbose_name=_("title")
    )
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("Leave empty for a one-day event."),
        verbose_name=_("end date"),
    )
    place = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Town or venue, e.g. 'Canepina'."),
        verbose_name=_("place"),
    )
    country = CountryField(blank=True, verbose_name=_("country"))

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("country")]),
    ]

    graphql_fields = [
        GraphQLString(
            "title", required=True, description="What the event was, e.g. International conference."
        ),
        GraphQLField(
            "start_date", graphene.Date, required=True, description="The day the event starts."
        ),
        GraphQLField(
            "end_date", graphene.Date, description="The day it ends; null for a one-day event."
        ),
        GraphQLString("place", description="Town or venue."),
        GraphQLCountry(
            "country",
            source="country_or_none",
            description="The country the event took place in; null if not given.",
        ),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("place"),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("country", overridable=False),
    ]
    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project event")
        verbose_name_plural = _("project events")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date})"

    @property
    def country_or_none(self) -> object | None:
        return self.country or None

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class ProjectSocialLink(BaseSocialLink):
    """A link to one of the project's social media profiles."""

    project = ParentalKey(
        "projects.ProjectPage", on_delete=models.CASCADE, related_name="social_links"
    )
    url = models.URLField(
        _("address"),
        validators=[validate_url_scheme],
        help_text=_("The profile's full address, e.g. https://www.facebook.com/name/."),
    )

    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True


class ProjectAttachment(BaseAttachment):
    """A document attached to a project, e.g. its final report."""

    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="attachments")
