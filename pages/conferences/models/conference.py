"""A conference: when and where, who may take part, who organises it and how to apply."""

from datetime import datetime, tzinfo

import graphene
from django_countries.fields import CountryField

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grapple.models import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLForeignKey,
    GraphQLStreamfield,
    GraphQLString,
)
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
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
from cms.eligibility import CountryEligibilityPage, eligibility_graphql_fields
from cms.forms import LocalisedChoicesPageForm
from cms.graphql.collection_descriptions import GraphQLDescribedCollection
from cms.graphql.language import choice_label
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
from pages.conferences.models.fields import (
    DEFAULT_TIME_ZONE,
    language_codes,
    time_zone_choices,
    validate_language_codes,
)
from pages.conferences.querysets import ConferencePageManager


class ConferencePageForm(LocalisedChoicesPageForm):
    """Offers only the organisations and country groups of the page's own language."""

    LOCALISED_CHOICES = ("eligible_country_groups", "initiators", "co_organisers")


class ConferencePage(LeadImageReader, AttachmentsReader, CountryEligibilityPage):
    """A conference that municipalities and organisations apply to attend."""

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        ON_SITE = "on_site", _("On site")
        HYBRID = "hybrid", _("Hybrid (on site and online)")

    summary = models.TextField(
        help_text=_("Two or three sentences partner sites show in conference lists."),
        verbose_name=_("summary"),
    )
    format = models.CharField(
        max_length=10,
        choices=Format.choices,
        default=Format.ONLINE,
        help_text=_("Online needs a platform or link, on site a venue, hybrid both."),
        verbose_name=_("format"),
    )
    starts_at = models.DateTimeField(
        _("starts"), help_text=_("Date and time the conference opens, in the time zone below.")
    )
    ends_at = models.DateTimeField(
        _("ends"), help_text=_("Date and time it closes; must be after the start.")
    )
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The time zone of the programme; partner sites show the times in it."),
        verbose_name=_("time zone"),
    )
    venue = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "Place and address, e.g. 'City Hall, Mestni trg 1, Ljubljana'. "
            "Required on site and for hybrid conferences."
        ),
        verbose_name=_("venue"),
    )
    online_platform = models.CharField(
        max_length=100,
        blank=True,
        help_text=_(
            "The tool used online, e.g. 'Zoom'. Online and hybrid conferences need it or a link."
        ),
        verbose_name=_("online platform"),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("Where participants join; leave empty if the link is only sent to them."),
    )
    working_languages = models.CharField(
        max_length=100,
        default="en",
        validators=[validate_language_codes],
        help_text=_("Language codes separated by commas, e.g. 'en' or 'en, sl'."),
        verbose_name=_("working languages"),
    )
    target_audience = models.TextField(
        blank=True,
        help_text=_(
            "Who the conference is for, e.g. 'Municipalities and the organisations they work with'."
        ),
        verbose_name=_("target audience"),
    )
    delegation_note = models.TextField(
        blank=True,
        help_text=_(
            "How delegations apply, e.g. 'Each member applies separately; individuals may "
            "also apply'."
        ),
        verbose_name=_("delegation note"),
    )
    eligible_country_groups = ParentalManyToManyField(
        "countries.CountryGroup",
        blank=True,
        related_name="+",
        verbose_name=_("eligible country groups"),
        help_text=_("Groups whose countries may send participants, e.g. 'Programme countries'."),
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
            "Anything partners must say about eligibility, e.g. the note on Kosovo and UN "
            "Security Council resolution 1244/1999."
        ),
        verbose_name=_("eligibility note"),
    )
    main_organiser = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation responsible for the conference."),
        verbose_name=_("main organiser"),
    )
    initiators = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="+",
        help_text=_("The organisations that started the idea."),
        verbose_name=_("initiators"),
    )
    co_organisers = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("co-organisers"),
        help_text=_("Organisations that prepare and run the conference with the main organiser."),
    )
    contact = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("Who answers questions about the conference."),
    )
    application_url = models.URLField(
        _("application form"),
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("The online application form."),
    )
    application_deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Last moment to apply, in the conference's time zone; not after it starts."),
        verbose_name=_("application deadline"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("Background, programme and anything else to tell."),
        verbose_name=_("body"),
    )
    lead_image = lead_image_field()
    lead_image_alt = lead_image_alt_field()
    lead_image_caption = lead_image_caption_field()
    lead_image_credit = lead_image_credit_field()

    objects = ConferencePageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        InlinePanel(
            "objectives",
            heading=_("Objectives"),
            label=_("Objective"),
            help_text=_("In the order the programme lists them."),
        ),
        lead_image_panel(),
        FieldPanel("body"),
        attachments_panel(),
    ]
    dates_panels = [
        FieldPanel("format"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Dates")),
        FieldPanel("time_zone"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("online_platform"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("working_languages"),
        MultiFieldPanel(
            [FieldPanel("application_url"), FieldPanel("application_deadline")],
            heading=_("How to apply"),
        ),
    ]
    participant_panels = [
        FieldPanel("target_audience"),
        InlinePanel(
            "delegation_roles",
            heading=_("Delegation"),
            label=_("Delegation member"),
            help_text=_("The seats of a delegation, if the conference invites delegations."),
        ),
        FieldPanel("delegation_note"),
        MultiFieldPanel(
            [
                FieldPanel("eligible_country_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("eligible_countries", widget=CountryCheckboxes),
                FieldPanel("eligibility_note"),
            ],
            heading=_("Eligible countries"),
        ),
    ]
    organiser_panels = [
        FieldPanel("main_organiser"),
        FieldPanel("initiators"),
        FieldPanel("co_organisers"),
        FieldPanel("contact"),
        InlinePanel("partner_logos", heading=_("Partner logos"), label=_("Logo")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(dates_panels, heading=_("Dates & application")),
            ObjectList(participant_panels, heading=_("Participants & eligibility")),
            ObjectList(organiser_panels, heading=_("Organisers")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=ConferencePageForm,
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("target_audience"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.RelatedFields("objectives", [index.SearchField("text")]),
        index.FilterField("format"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString(
            "summary", required=True, description="Two or three sentences for lists of conferences."
        ),
        GraphQLString("format", required=True, description="online, on_site or hybrid."),
        GraphQLString(
            "format_label",
            required=True,
            source="format_label_for_reader",
            description="The format in the language asked for, e.g. Online.",
        ),
        GraphQLField(
            "starts_at",
            graphene.DateTime,
            source="starts_at_local",
            required=True,
            description="When it starts, with the offset of the conference's time zone.",
        ),
        GraphQLField(
            "ends_at",
            graphene.DateTime,
            source="ends_at_local",
            required=True,
            description="When it ends, with the offset of the conference's time zone.",
        ),
        GraphQLString("time_zone", required=True, description="IANA name, e.g. Europe/Ljubljana."),
        GraphQLBoolean(
            "upcoming", required=True, description="True until the conference has ended."
        ),
        GraphQLString(
            "venue", description="Place and address; for on-site and hybrid conferences."
        ),
        GraphQLString("online_platform", description="The tool used online, e.g. Zoom."),
        GraphQLString(
            "online_url",
            description="Where participants join online; null if the link is only sent to them.",
        ),
        GraphQLDescribedCollection(
            GraphQLString,
            "working_languages",
            source="working_language_codes",
            required=True,
            item_required=True,
            description="ISO 639-1 codes, e.g. en.",
        ),
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "objectives",
            "conferences.ConferenceObjective",
            required=True,
            item_required=True,
            description="What the conference sets out to do, one sentence each.",
        ),
        GraphQLString("target_audience", description="Who the conference is for."),
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "delegation_roles",
            "conferences.DelegationRole",
            required=True,
            item_required=True,
            description="The seats a delegation fills, in order.",
        ),
        GraphQLString("delegation_note", description="How delegations apply."),
        *eligibility_graphql_fields("countries.CountryGroup"),
        GraphQLForeignKey(
            "main_organiser",
            "organisations.Organisation",
            source="localized_main_organiser",
            description="The organisation responsible for the conference, in its language.",
        ),
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "initiators",
            "organisations.Organisation",
            source="localized_initiators",
            required=True,
            item_required=True,
            description="The organisations that started the idea.",
        ),
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "co_organisers",
            "organisations.Organisation",
            source="localized_co_organisers",
            required=True,
            item_required=True,
            description="Organisations that run the conference with the main organiser.",
        ),
        GraphQLForeignKey(
            "contact",
            "people.Person",
            source="localized_contact",
            description="Who answers questions about the conference.",
        ),
        GraphQLDescribedCollection(
            GraphQLForeignKey,
            "partner_logos",
            "conferences.ConferencePartnerLogo",
            required=True,
            item_required=True,
            description="Logos of the partners, in order.",
        ),
        GraphQLString("application_url", description="The online application form."),
        GraphQLField(
            "application_deadline",
            graphene.DateTime,
            source="application_deadline_local",
            description=(
                "When applications close, with the offset of the conference's time zone; null "
                "when there is no deadline."
            ),
        ),
        GraphQLBoolean(
            "applications_open",
            required=True,
            description="True until the deadline (or, without one, until the start).",
        ),
        GraphQLStreamfield("body", description="Background, programme and anything else to tell."),
        *lead_image_graphql_fields(),
        attachments_graphql_field("conferences.ConferenceAttachment"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("venue"),
        TranslatableField("online_platform"),
        TranslatableField("target_audience"),
        TranslatableField("delegation_note"),
        TranslatableField("eligibility_note"),
        TranslatableField("body"),
        TranslatableField("objectives"),
        TranslatableField("delegation_roles"),
        TranslatableField("partner_logos"),
        # Snippets are translatable: a translation points at their translation when there is
        # one and keeps the source's otherwise.
        TranslatableField("main_organiser"),
        TranslatableField("contact"),
        SynchronizedField("format", overridable=False),
        SynchronizedField("starts_at", overridable=False),
        SynchronizedField("ends_at", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("working_languages", overridable=False),
        SynchronizedField("eligible_countries", overridable=False),
        # Many-to-many rows are copied as they are; GraphQL shows each in the page's language.
        SynchronizedField("eligible_country_groups", overridable=False),
        SynchronizedField("initiators", overridable=False),
        SynchronizedField("co_organisers", overridable=False),
        SynchronizedField("application_url", overridable=False),
        SynchronizedField("application_deadline", overridable=False),
        *lead_image_translatable_fields(),
        TranslatableField("attachments"),
    ]

    # The page of the example partner site (examples/partner-site/) that shows one.
    frontend_url_pattern = "{base}/conference.html?slug={slug}&locale={locale}"

    parent_page_types = ["conferences.ConferenceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("conference page")
        verbose_name_plural = _("conference pages")

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> tzinfo:
        """The conference's time zone; the server's if the stored name is unknown here."""
        return zone_or_current(self.time_zone)

    @property
    def format_label(self) -> str:
        return str(self.get_format_display())

    def format_label_for_reader(self, info: object = None) -> str:
        """The format's label in the language the partner asked for."""
        return choice_label(self, "format", info)

    @property
    def starts_at_local(self) -> datetime | None:
        return self._local(self.starts_at)

    @property
    def ends_at_local(self) -> datetime | None:
        return self._local(self.ends_at)

    @property
    def application_deadline_local(self) -> datetime | None:
        return self._local(self.application_deadline)

    @property
    def upcoming(self) -> bool:
        """Not over yet, judged now (nothing stored changes when the conference ends)."""
        return self.ends_at is not None and timezone.now() < self.ends_at

    @property
    def applications_open(self) -> bool:
        closes = self.application_deadline or self.starts_at
        return closes is not None and timezone.now() < closes

    @property
    def working_language_codes(self) -> list[str]:
        return language_codes(self.working_languages)

    def localized_main_organiser(
        self, info: object = None, **kwargs: object
    ) -> models.Model | None:
        return related_in_locale(info, self, "main_organiser")

    def localized_contact(self, info: object = None, **kwargs: object) -> models.Model | None:
        return related_in_locale(info, self, "contact")

    def localized_initiators(self, info: object = None, **kwargs: object) -> list[models.Model]:
        return related_in_locale(info, self, "initiators")

    def localized_co_organisers(self, info: object = None, **kwargs: object) -> list[models.Model]:
        return related_in_locale(info, self, "co_organisers")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The conference must end after it starts.")
        if (
            self.application_deadline
            and self.starts_at
            and self.application_deadline > self.starts_at
        ):
            errors["application_deadline"] = _(
                "The application deadline cannot be after the conference starts."
            )
        online = self.format in (self.Format.ONLINE, self.Format.HYBRID)
        on_site = self.format in (self.Format.ON_SITE, self.Format.HYBRID)
        if online and not (self.online_platform or self.online_url):
            errors["online_platform"] = _(
                "An online or hybrid conference needs its platform (e.g. Zoom) or a link."
            )
        if on_site and not self.venue:
            errors["venue"] = _("An on-site or hybrid conference needs a venue.")
        self.working_languages = ", ".join(language_codes(self.working_languages))
        if not self.working_languages:
            errors["working_languages"] = _("Enter at least one language code, e.g. 'en'.")
        if errors:
            raise ValidationError(errors)

    def _local(self, value: datetime | None) -> datetime | None:
        return value.astimezone(self.zone) if value else None
