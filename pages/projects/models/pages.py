import graphene

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from grapple.models import (
    GraphQLField,
    GraphQLForeignKey,
    GraphQLImage,
    GraphQLRichText,
    GraphQLStreamfield,
    GraphQLString,
)
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.attachments import AttachmentsReader, attachments_graphql_field, attachments_panel
from cms.blocks import BodyBlock
from cms.graphql.loaders import batched, noted, related_in_locale, visibility_of
from cms.lead_images import (
    LeadImageReader,
    image_field,
    lead_image_alt_field,
    lead_image_caption_field,
    lead_image_credit_field,
    lead_image_field,
    lead_image_graphql_fields,
    lead_image_panel,
    lead_image_translatable_fields,
)
from cms.models import INDEX_LIST_LIMIT, BaseIndexPage, BasePage, alt_text_field
from cms.sanitise import validate_url_scheme
from pages.projects.forms import ProjectPageForm
from pages.projects.models.rows import ProjectPartner
from pages.projects.querysets import ProjectPageManager, projects_partners


class ProjectIndexPage(BaseIndexPage):
    """The list of the network's projects; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list of projects."),
        verbose_name=_("intro"),
    )

    search_fields = [*BaseIndexPage.search_fields]

    graphql_fields = [
        *BaseIndexPage.graphql_fields,
        GraphQLForeignKey(
            "projects",
            "projects.ProjectPage",
            is_list=True,
            required=True,
            description=(
                f"The public project pages below this index, newest first (at most "
                f"{INDEX_LIST_LIMIT}; the top-level projects query pages through all)."
            ),
        ),
    ]

    translatable_fields = [*BaseIndexPage.translatable_fields]

    # The example partner site lists them in a section of its home (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}#projects"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("project index page")
        verbose_name_plural = _("project index pages")

    def projects(self, info: object = None) -> list["ProjectPage"]:
        """The public project pages below this index (GraphQL passes ``info``)."""
        listed = ProjectPage.objects.listed_under(self, visibility_of(info))
        return noted(info, listed[:INDEX_LIST_LIMIT])


class ProjectPage(LeadImageReader, AttachmentsReader, BasePage):
    """A funded project: who runs it with whom, what it aims at, and what happened."""

    #: The order of every list of projects, here and on municipality pages: newest first, and
    #: those whose start is unknown last on every database.
    NEWEST_FIRST = (F("start_date").desc(nulls_last=True), "title")

    acronym = models.CharField(
        max_length=30,
        help_text=_("The short name the project is known by, e.g. 'VOLWE' or 'SHELTER'."),
        verbose_name=_("acronym"),
    )
    summary = models.TextField(
        blank=True,
        help_text=_("Two or three sentences partner sites show in project lists."),
        verbose_name=_("summary"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("funding programme"),
        help_text=_("The programme that co-funds the project, e.g. Europe for Citizens."),
    )
    programme_action = models.ForeignKey(
        "programmes.ProgrammeAction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("strand"),
        help_text=_("The programme's action or strand, e.g. 'Networks of towns'."),
    )
    coordinator = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("coordinator contact"),
        help_text=_("The person partners contact about the project, e.g. its coordinator."),
    )
    start_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The first day of the funded project period; leave empty if unknown."),
        verbose_name=_("start date"),
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The last day of the funded project period; leave empty while unknown."),
        verbose_name=_("end date"),
    )
    impact = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What changed thanks to the project, for whom and where."),
        verbose_name=_("impact"),
    )
    website = models.URLField(
        blank=True,
        validators=[validate_url_scheme],
        help_text=_("The project's own website, if it has one."),
        verbose_name=_("website"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("The full story of the project."),
        verbose_name=_("body"),
    )
    logo = image_field(
        _("logo"),
        _("The project's logo, e.g. SHELTER's; a wide PNG on a transparent background works best."),
    )
    logo_alt = alt_text_field(_("logo alt text"))
    lead_image = lead_image_field()
    lead_image_alt = lead_image_alt_field()
    lead_image_caption = lead_image_caption_field()
    lead_image_credit = lead_image_credit_field()

    objects = ProjectPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("acronym"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        lead_image_panel(),
        FieldPanel("body"),
        attachments_panel(),
    ]
    funding_panels = [
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("programme_action")],
            heading=_("Funding"),
            help_text=_("The strand must belong to the chosen programme."),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("coordinator"),
    ]
    partner_panels = [
        InlinePanel(
            "partners",
            heading=_("Partners"),
            label=_("Partner"),
            help_text=_(
                "Each partner is a municipality or an organisation, with its role. Municipality "
                "pages list their projects from these rows."
            ),
        ),
    ]
    goal_panels = [
        InlinePanel(
            "goals", heading=_("Goals"), label=_("Goal"), help_text=_("In order of importance.")
        ),
        FieldPanel("impact"),
    ]
    event_panels = [
        InlinePanel("events", heading=_("Events"), label=_("Event")),
    ]
    link_panels = [
        FieldPanel("website"),
        InlinePanel("social_links", heading=_("Social media"), label=_("Social media link")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Project")),
            ObjectList(funding_panels, heading=_("Funding and period")),
            ObjectList(partner_panels, heading=_("Partners")),
            ObjectList(goal_panels, heading=_("Goals and impact")),
            ObjectList(event_panels, heading=_("Events")),
            ObjectList(link_panels, heading=_("Links")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=ProjectPageForm,
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("summary"),
        index.SearchField("impact"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.RelatedFields("goals", [index.SearchField("text")]),
    ]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString(
            "acronym",
            required=True,
            description="The short name the project is known by, e.g. VOLWE.",
        ),
        GraphQLString("summary", description="Two or three sentences for lists of projects."),
        GraphQLForeignKey(
            "programme",
            "programmes.Programme",
            source="programme_for_api",
            description="The programme that co-funds the project, in the page's language; null "
            "while it is not published.",
        ),
        GraphQLForeignKey(
            "programme_action",
            "programmes.ProgrammeAction",
            source="programme_action_for_api",
            description="The programme's action or strand, in the page's language.",
        ),
        GraphQLForeignKey(
            "coordinator", "people.Person", description="The person to contact about the project."
        ),
        GraphQLField(
            "start_date",
            graphene.Date,
            description="The first day of the project; null if unknown.",
        ),
        GraphQLField(
            "end_date",
            graphene.Date,
            description="The last day of the project; null while unknown.",
        ),
        GraphQLForeignKey(
            "lead_partner",
            "projects.ProjectPartner",
            source="lead_partner_for_api",
            description="The partner whose role is lead partner, if any.",
        ),
        GraphQLForeignKey(
            "partners",
            "projects.ProjectPartner",
            is_list=True,
            required=True,
            source="partners_for_api",
            description="The partners, lead partner first as entered.",
        ),
        GraphQLForeignKey(
            "goals",
            "projects.ProjectGoal",
            is_list=True,
            required=True,
            description="What the project set out to do, one sentence each.",
        ),
        GraphQLRichText(
            "impact", description="What changed thanks to the project, for whom and where."
        ),
        GraphQLForeignKey(
            "events",
            "projects.ProjectEvent",
            is_list=True,
            required=True,
            description="Events of the project, in order.",
        ),
        GraphQLString("website", description="The project's own website, if it has one."),
        GraphQLForeignKey(
            "social_links",
            "projects.ProjectSocialLink",
            is_list=True,
            required=True,
            description="The project's social media profiles.",
        ),
        GraphQLStreamfield("body", description="The full story of the project."),
        GraphQLImage(
            "logo",
            source="logo_for_reader",
            description=(
                "The project's logo, with this page's alt text; null when there is none or it "
                "is in a private collection."
            ),
        ),
        *lead_image_graphql_fields(),
        attachments_graphql_field("projects.ProjectAttachment"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("impact"),
        TranslatableField("body"),
        TranslatableField("goals"),
        TranslatableField("events"),
        # Snippets are translatable: a translation points at their translation when there is
        # one and keeps the source's otherwise.
        TranslatableField("programme"),
        TranslatableField("programme_action"),
        TranslatableField("coordinator"),
        # A brand, kept as is unless a translator overrides it.
        SynchronizedField("acronym"),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("partners", overridable=False),
        SynchronizedField("social_links", overridable=False),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
        *lead_image_translatable_fields(),
        TranslatableField("attachments"),
    ]

    # The page of the example partner site (examples/partner-site/) that shows one.
    frontend_url_pattern = "{base}/project.html?slug={slug}&locale={locale}"

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")

    def __str__(self) -> str:
        return f"{self.acronym}: {self.title}" if self.acronym else self.title

    @property
    def lead_partner(self) -> ProjectPartner | None:
        """The partner row with the lead partner role; roles are entered once, on the rows."""
        return next(
            (row for row in self.partners.all() if row.role == ProjectPartner.Role.LEAD), None
        )

    def logo_for_reader(self, info: object = None) -> models.Model | None:
        """The logo, with this page's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.logo, self.logo_alt, info)

    def partners_for_api(self, info: object = None) -> list[ProjectPartner]:
        """Partner rows with each partner in this page's language (GraphQL passes ``info``)."""
        # Loaded for every project of the request at once; partners and leadPartner share them.
        return batched(info, "project_partners", self, projects_partners)

    def programme_for_api(self, info: object = None, **kwargs: object) -> models.Model | None:
        """The programme in this page's language, as published (null while unpublished)."""
        return related_in_locale(info, self, "programme")

    def programme_action_for_api(
        self, info: object = None, **kwargs: object
    ) -> models.Model | None:
        """The action in this page's language, of a published programme."""
        return related_in_locale(info, self, "programme_action")

    def lead_partner_for_api(self, info: object = None) -> ProjectPartner | None:
        return next(
            (row for row in self.partners_for_api(info) if row.role == ProjectPartner.Role.LEAD),
            None,
        )

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        action = self.programme_action
        if action is not None:
            if self.programme is None:
                errors["programme"] = _("Choose the programme that the strand belongs to.")
            # Compared by translation key: a translation may point at the programme's
            # translation and the strand's source, or the other way round.
            elif action.programme.translation_key != self.programme.translation_key:
                errors["programme_action"] = _(
                    "'%(strand)s' is not a strand of %(programme)s; choose one of its own."
                ) % {"strand": action.name, "programme": self.programme}
        if errors:
            raise ValidationError(errors)
