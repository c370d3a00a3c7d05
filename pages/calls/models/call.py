"""A call for applications: who may apply, for what, until when, and where."""

from datetime import datetime, tzinfo

import graphene
from django_countries.fields import CountryField

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from grapple.models import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLForeignKey,
    GraphQLInt,
    GraphQLStreamfield,
    GraphQLString,
)
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.attachments import AttachmentsReader, attachments_graphql_field, attachments_panel
from cms.blocks import BodyBlock
from cms.editorial.publishing import PublishedThroughModeration
from cms.eligibility import CountryEligibilityPage, eligibility_graphql_fields
from cms.forms import LocalisedChoicesPageForm
from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.language import in_reader_language
from cms.graphql.loaders import related_in_locale
from cms.lead_images import (
    LeadImageReader,
    lead_image_alt_field,
    lead_image_caption_field,
    lead_image_credit_field,
    lead_image_field,
    lead_image_graphql_fields,
    lead_image_panel,
    lead_image_translatable_fields,
)
from cms.models import BasePage
from cms.sanitise import validate_url_scheme
from cms.time_zones import zone_or_current
from cms.widgets import CountryCheckboxes
from pages.calls.models.fields import (
    DEFAULT_TIME_ZONE,
    MAX_AGE,
    MAX_DURATION_MONTHS,
    CommaSeparatedCheckboxes,
    kind_codes,
    organisation_kind_choices,
    time_zone_choices,
    validate_organisation_kinds,
)
from pages.calls.querysets import CallPageManager
from pages.calls.types import CallStatusEnum


class CallPageForm(LocalisedChoicesPageForm):
    """Offers only the programmes, actions and country groups of the page's own language."""

    LOCALISED_CHOICES = ("programme", "programme_action", "eligible_country_groups")


class CallPage(
    LeadImageReader, AttachmentsReader, PublishedThroughModeration, CountryEligibilityPage
):
    """A call for applications, e.g. for European Solidarity Corps solidarity projects.

    Every call, in every language, goes live through the "Call moderation" workflow.
    """

    class Status(models.TextChoices):
        # Never stored: derived from the dates whenever it is asked for.
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    summary = models.TextField(
        help_text=_("Two or three sentences partner sites show in lists of calls."),
        verbose_name=_("summary"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The programme that funds what applicants apply for."),
        verbose_name=_("programme"),
    )
    # Not "action": a form field of that name hides the HTML form's own `action` property,
    # which the admin's autosave posts to.
    programme_action = models.ForeignKey(
        "programmes.ProgrammeAction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The programme's action, e.g. 'Solidarity projects'; it must belong to the "
            "programme above."
        ),
        verbose_name=_("programme action"),
    )
    opens_at = models.DateTimeField(
        _("opens"), help_text=_("When applications open, in the time zone below.")
    )
    deadline = models.DateTimeField(
        help_text=_("The last moment to apply, in the time zone below; after the opening."),
        verbose_name=_("deadline"),
    )
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The time zone the dates are announced in; partner sites show them in it."),
        verbose_name=_("time zone"),
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AGE)],
        help_text=_("Youngest age at which people may apply, e.g. 18. Empty if there is none."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AGE)],
        help_text=_("Oldest age at which people may apply, e.g. 30. Empty if there is none."),
    )
    eligible_organisation_kinds = models.CharField(
        _("eligible kinds of organisation"),
        max_length=255,
        blank=True,
        validators=[validate_organisation_kinds],
        help_text=_("Kinds of organisation that may apply; tick none if individuals apply."),
    )
    required_quality_label = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "The label applicants must hold, e.g. 'European Solidarity Corps Quality "
            "Label'. Empty if none is needed."
        ),
        verbose_name=_("required quality label"),
    )
    eligible_country_groups = ParentalManyToManyField(
        "countries.CountryGroup",
        blank=True,
        related_name="+",
        verbose_name=_("eligible country groups"),
        help_text=_("Groups whose countries applicants may come from."),
    )
    eligible_countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_("Single countries eligible besides the groups above."),
        verbose_name=_("eligible countries"),
    )
    eligibility_note = models.TextField(
        blank=True,
        help_text=_(
            "Anything else about who may apply, e.g. residence rules or the note on Kosovo."
        ),
        verbose_name=_("eligibility note"),
    )
    duration_min_months = models.PositiveSmallIntegerField(
        _("shortest duration (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MONTHS)],
        help_text=_("Shortest project or activity applicants may propose, e.g. 2."),
    )
    duration_max_months = models.PositiveSmallIntegerField(
        _("longest duration (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MONTHS)],
        help_text=_("Longest project or activity applicants may propose, e.g. 12."),
    )
    application_url = models.URLField(
        _("application form"),
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("Where applicants apply online."),
    )
    contact = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("Who answers applicants' questions."),
    )
    related_conference = models.ForeignKey(
        "conferences.ConferencePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        help_text=_("The conference this call invites applications for, if any."),
        verbose_name=_("related conference"),
    )
    related_project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project this call belongs to, if any."),
        verbose_name=_("related project"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("What is funded, how to apply and how applications are assessed."),
        verbose_name=_("body"),
    )
    lead_image = lead_image_field()
    lead_image_alt = lead_image_alt_field()
    lead_image_caption = lead_image_caption_field()
    lead_image_credit = lead_image_credit_field()

    objects = CallPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("programme_action")],
            heading=_("Programme"),
            help_text=_("The action must belong to the chosen programme."),
        ),
        lead_image_panel(),
        FieldPanel("body"),
        attachments_panel(),
    ]
    dates_panels = [
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")], heading=_("Applications")),
        FieldPanel("time_zone"),
        FieldRowPanel(
            [FieldPanel("duration_min_months"), FieldPanel("duration_max_months")],
            heading=_("Duration of what is funded"),
        ),
        FieldPanel("application_url"),
    ]
    eligibility_panels = [
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading=_("Age")),
        FieldPanel(
            "eligible_organisation_kinds",
            widget=CommaSeparatedCheckboxes(choices=organisation_kind_choices),
        ),
        FieldPanel("required_quality_label"),
        MultiFieldPanel(
            [
                FieldPanel("eligible_country_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("eligible_countries", widget=CountryCheckboxes),
                FieldPanel("eligibility_note"),
            ],
            heading=_("Eligible countries"),
        ),
    ]
    related_panels = [
        FieldPanel("contact"),
        FieldPanel("related_conference"),
        FieldPanel("related_project"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(dates_panels, heading=_("Dates")),
            ObjectList(eligibility_panels, heading=_("Eligibility")),
            ObjectList(related_panels, heading=_("Contact & related")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=CallPageForm,
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("eligibility_note"),
        index.RelatedFields("programme", [index.SearchField("name")]),
        index.FilterField("opens_at"),
        index.FilterField("deadline"),
        index.FilterField("programme"),
    ]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString(
            "summary", required=True, description="Two or three sentences for lists of calls."
        ),
        GraphQLForeignKey(
            "programme",
            "programmes.Programme",
            source="localized_programme",
            description="The programme that funds what applicants apply for; null while it is "
            "not published.",
        ),
        GraphQLForeignKey(
            "programme_action",
            "programmes.ProgrammeAction",
            source="localized_action",
            description="The programme's action (strand), e.g. Solidarity projects.",
        ),
        GraphQLField(
            "status",
            CallStatusEnum,
            required=True,
            description=(
                "Where the call stands, worked out from its dates at the moment of the request; "
                "the same values as the status filter of the calls query."
            ),
        ),
        GraphQLString(
            "status_label",
            required=True,
            source="status_label_for_reader",
            description="The status in the language asked for, e.g. Open.",
        ),
        GraphQLField(
            "opens_at",
            graphene.DateTime,
            source="opens_at_local",
            required=True,
            description="When applications open, with the offset of the call's time zone.",
        ),
        GraphQLField(
            "deadline",
            graphene.DateTime,
            source="deadline_local",
            required=True,
            description="When applications close, with the offset of the call's time zone.",
        ),
        GraphQLString("time_zone", required=True, description="IANA name, e.g. Europe/Ljubljana."),
        GraphQLInt(
            "min_age",
            description="The youngest age at which people may apply; null if there is none.",
        ),
        GraphQLInt(
            "max_age",
            description="The oldest age at which people may apply; null if there is none.",
        ),
        GraphQLDescribedCollection(
            GraphQLString,
            "eligible_organisation_kinds",
            source="eligible_organisation_kind_codes",
            required=True,
            item_required=True,
            description="Values of Organisation.kind, e.g. ngo or municipality.",
        ),
        GraphQLString(
            "required_quality_label",
            description="The label applicants must hold; null if none is needed.",
        ),
        GraphQLBoolean(
            "requires_quality_label",
            required=True,
            description="True when applicants must hold a quality label.",
        ),
        *eligibility_graphql_fields("countries.CountryGroup"),
        GraphQLInt(
            "duration_min_months",
            description="The shortest project or activity applicants may propose, in months.",
        ),
        GraphQLInt(
            "duration_max_months",
            description="The longest project or activity applicants may propose, in months.",
        ),
        GraphQLString("application_url", description="Where applicants apply online."),
        GraphQLForeignKey(
            "contact",
            "people.Person",
            source="localized_contact",
            description="Who answers applicants' questions, in the call's language.",
        ),
        GraphQLForeignKey(
            "related_conference",
            "conferences.ConferencePage",
            source="localized_related_conference",
            description="The conference the call invites applications for; null if none.",
        ),
        GraphQLForeignKey(
            "related_project",
            "projects.ProjectPage",
            source="localized_related_project",
            description="The project the call belongs to; null if none or not public.",
        ),
        GraphQLStreamfield(
            "body", description="What is funded, how to apply and how applications are assessed."
        ),
        *lead_image_graphql_fields(),
        attachments_graphql_field("calls.CallAttachment"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("required_quality_label"),
        TranslatableField("eligibility_note"),
        TranslatableField("body"),
        # Snippets are translatable: a translation points at their translation when there is
        # one and keeps the source's otherwise.
        TranslatableField("programme"),
        TranslatableField("programme_action"),
        TranslatableField("contact"),
        # Facts, the same in every language: a translation copies them and cannot change them.
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("deadline", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("min_age", overridable=False),
        SynchronizedField("max_age", overridable=False),
        SynchronizedField("eligible_organisation_kinds", overridable=False),
        # Many-to-many rows are copied as they are; GraphQL shows each in the page's language.
        SynchronizedField("eligible_country_groups", overridable=False),
        SynchronizedField("eligible_countries", overridable=False),
        SynchronizedField("duration_min_months", overridable=False),
        SynchronizedField("duration_max_months", overridable=False),
        SynchronizedField("application_url", overridable=False),
        # Pages: GraphQL shows the live translation in the call's language when there is one.
        SynchronizedField("related_conference", overridable=False),
        SynchronizedField("related_project", overridable=False),
        *lead_image_translatable_fields(),
        TranslatableField("attachments"),
    ]

    # The page of the example partner site (examples/partner-site/) that shows one.
    frontend_url_pattern = "{base}/call.html?slug={slug}&locale={locale}"

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("call page")
        verbose_name_plural = _("call pages")

    def __str__(self) -> str:
        return self.title

    @property
    def status(self) -> str:
        """Upcoming, open or closed at this moment; nothing stored changes when it moves on."""
        now = timezone.now()
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING.value
        if self.deadline and now >= self.deadline:
            return self.Status.CLOSED.value
        return self.Status.OPEN.value

    def status_label_for_reader(self, info: object = None) -> str:
        """The status's label in the language the partner asked for."""
        return in_reader_language(self.Status(self.status).label, info, self)

    @property
    def zone(self) -> tzinfo:
        """The call's time zone; the server's if the stored name is unknown here."""
        return zone_or_current(self.time_zone)

    @property
    def opens_at_local(self) -> datetime | None:
        return self._local(self.opens_at)

    @property
    def deadline_local(self) -> datetime | None:
        return self._local(self.deadline)

    @property
    def eligible_organisation_kind_codes(self) -> list[str]:
        return kind_codes(self.eligible_organisation_kinds)

    @property
    def requires_quality_label(self) -> bool:
        return bool(self.required_quality_label)

    def localized_programme(self, info: object = None, **kwargs: object) -> models.Model | None:
        return related_in_locale(info, self, "programme")

    def localized_action(self, info: object = None, **kwargs: object) -> models.Model | None:
        return related_in_locale(info, self, "programme_action")

    def localized_contact(self, info: object = None, **kwargs: object) -> models.Model | None:
        return related_in_locale(info, self, "contact")

    def localized_related_conference(self, info: object = None, **kwargs: object) -> Page | None:
        return related_in_locale(info, self, "related_conference")

    def localized_related_project(self, info: object = None, **kwargs: object) -> Page | None:
        return related_in_locale(info, self, "related_project")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            errors["deadline"] = _("The deadline must be after the opening date.")
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = _("The maximum age must be at least the minimum age (%(age)s).") % {
                "age": self.min_age
            }
        if (
            self.duration_min_months is not None
            and self.duration_max_months is not None
            and self.duration_max_months < self.duration_min_months
        ):
            errors["duration_max_months"] = ngettext(
                "The longest duration must be at least the shortest (%(months)s month).",
                "The longest duration must be at least the shortest (%(months)s months).",
                self.duration_min_months,
            ) % {"months": self.duration_min_months}
        # Compared by translation key: a translation may point at the programme's
        # translation and the action's source, or the other way round.
        if (
            self.programme_action_id
            and self.programme_id
            and self.programme_action.programme.translation_key != self.programme.translation_key
        ):
            errors["programme_action"] = _(
                "'%(action)s' is not an action of %(programme)s; choose one of its own."
            ) % {"action": self.programme_action.name, "programme": self.programme}
        self.eligible_organisation_kinds = ",".join(kind_codes(self.eligible_organisation_kinds))
        if errors:
            raise ValidationError(errors)

    def _local(self, value: datetime | None) -> datetime | None:
        return value.astimezone(self.zone) if value else None
