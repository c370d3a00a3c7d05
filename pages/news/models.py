import datetime

import graphene

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grapple.models import (
    GraphQLField,
    GraphQLForeignKey,
    GraphQLImage,
    GraphQLStreamfield,
    GraphQLString,
)
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.graphql.loaders import noted, related_in_locale, visibility_of
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
from cms.models import INDEX_LIST_LIMIT, BaseIndexPage, BasePage
from cms.time_zones import DEFAULT_TIME_ZONE, time_zone_choices, zone_or_current
from pages.news.forms import NewsPageForm
from pages.news.querysets import NewsPageManager


class NewsIndexPage(BaseIndexPage):
    """The network's news; one per language tree, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list of news."),
        verbose_name=_("intro"),
    )

    search_fields = [*BaseIndexPage.search_fields]

    graphql_fields = [
        *BaseIndexPage.graphql_fields,
        GraphQLForeignKey(
            "news",
            "news.NewsPage",
            is_list=True,
            required=True,
            description=(
                f"The public news items below this index, newest first (at most "
                f"{INDEX_LIST_LIMIT}; the top-level news query pages through all)."
            ),
        ),
    ]

    translatable_fields = [*BaseIndexPage.translatable_fields]

    # The example partner site lists them in a section of its home (examples/partner-site/).
    frontend_url_pattern = "{base}/?locale={locale}#news"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self, info: object = None) -> list["NewsPage"]:
        """The public news items below this index (GraphQL passes ``info``)."""
        listed = NewsPage.objects.listed_under(self, visibility_of(info))
        return noted(info, listed[:INDEX_LIST_LIMIT])


class NewsPage(LeadImageReader, BasePage):
    """A news item: what happened, who wrote it, and which projects and places it concerns."""

    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date shown with the item; it may differ from when the page went live."),
    )
    author = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who wrote the item, if they are in the people list."),
        verbose_name=_("author"),
    )
    byline = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "Shown instead of the author's name when set, e.g. for a guest writer or "
            "'City Municipality of Novo mesto'."
        ),
        verbose_name=_("byline"),
    )
    categories = ParentalManyToManyField(
        "categories.Category",
        blank=True,
        related_name="news_pages",
        help_text=_("Themes partner sites can filter news by."),
        verbose_name=_("categories"),
    )
    intro = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences that sum up the item; shown in lists and previews."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="news_pages",
        help_text=_("Projects the item reports on; their pages can list it."),
        verbose_name=_("related projects"),
    )
    related_municipalities = ParentalManyToManyField(
        "municipalities.MunicipalityPage",
        blank=True,
        related_name="news_pages",
        help_text=_("Municipalities that took part or hosted."),
        verbose_name=_("related municipalities"),
    )
    related_organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="news_pages",
        help_text=_("Organisations that took part, e.g. local NGOs at a meeting."),
        verbose_name=_("related organisations"),
    )
    lead_image = lead_image_field()
    lead_image_alt = lead_image_alt_field()
    lead_image_caption = lead_image_caption_field()
    lead_image_credit = lead_image_credit_field()
    event_date = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The day of the event the item reports on, e.g. a visit; leave empty if it "
            "reports on no event."
        ),
        verbose_name=_("event date"),
    )
    event_time = models.TimeField(
        null=True,
        blank=True,
        help_text=_("When the event started, in the time zone below; leave empty if unknown."),
        verbose_name=_("event time"),
    )
    event_time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The time zone of the place of the event."),
        verbose_name=_("event time zone"),
    )
    event_place = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Where the event took place, e.g. 'ČMC Zalog, Ljubljana'."),
        verbose_name=_("event place"),
    )

    objects = NewsPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("byline")],
            heading=_("Author"),
            help_text=_("Choose a person, write a byline, or both (the byline is shown)."),
        ),
        FieldPanel("intro"),
        lead_image_panel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_date"), FieldPanel("event_time")]),
                FieldPanel("event_time_zone"),
                FieldPanel("event_place"),
            ],
            heading=_("Event"),
            help_text=_("When and where the event the item reports on took place, if any."),
        ),
    ]
    gallery_panels = [
        InlinePanel("gallery_images", heading=_("Gallery"), label=_("Image")),
    ]
    relation_panels = [
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_projects"),
        FieldPanel("related_municipalities"),
        FieldPanel("related_organisations"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("News item")),
            ObjectList(gallery_panels, heading=_("Gallery")),
            ObjectList(relation_panels, heading=_("Categories and links")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=NewsPageForm,
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("byline"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLField("date", graphene.Date, required=True, description="The publication date."),
        GraphQLForeignKey(
            "author",
            "people.Person",
            description="The person who wrote the item, if they are in the people list.",
        ),
        GraphQLString("byline", description="Shown instead of the author's name when set."),
        GraphQLString("author_name", description="The byline when set, else the author's name."),
        GraphQLString("intro", description="The lead: one or two sentences that sum up the item."),
        GraphQLStreamfield("body", description="The full text of the item."),
        GraphQLForeignKey(
            "gallery_images",
            "news.NewsGalleryImage",
            is_list=True,
            required=True,
            description="Images of the item's gallery, in order.",
        ),
        # Lists in the item's language: each related item's translation when there is one.
        GraphQLForeignKey(
            "categories",
            "categories.Category",
            is_list=True,
            required=True,
            source="categories_in_locale",
            description="Themes the item is tagged with, in the item's language.",
        ),
        GraphQLForeignKey(
            "related_projects",
            "projects.ProjectPage",
            is_list=True,
            required=True,
            source="related_projects_in_locale",
            description="Public projects the item reports on, in the item's language.",
        ),
        GraphQLForeignKey(
            "related_municipalities",
            "municipalities.MunicipalityPage",
            is_list=True,
            required=True,
            source="related_municipalities_in_locale",
            description="Public municipalities that took part or hosted, in the item's language.",
        ),
        GraphQLForeignKey(
            "related_organisations",
            "organisations.Organisation",
            is_list=True,
            required=True,
            source="related_organisations_in_locale",
            description="Organisations that took part, in the item's language.",
        ),
        *lead_image_graphql_fields(),
        GraphQLField(
            "event_date",
            graphene.Date,
            description="The day of the event the item reports on; null if it reports on none.",
        ),
        GraphQLField(
            "event_starts_at",
            graphene.DateTime,
            source="event_starts_at_local",
            description=(
                "When the event started, with the offset of its time zone; null when the time "
                "(or the date) is not known."
            ),
        ),
        GraphQLString(
            "event_time_zone",
            source="event_time_zone_for_reader",
            description="IANA name of the event's time zone; null without an event date.",
        ),
        GraphQLString(
            "event_place",
            description="Where the event took place, in the item's language; empty if unknown.",
        ),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("byline"),
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("gallery_images"),
        # A translated person is used when there is one, else the source's.
        TranslatableField("author"),
        SynchronizedField("date", overridable=False),
        # Many-to-many relations are copied as they are; GraphQL shows each related item in
        # the news item's language when it has a translation there.
        SynchronizedField("categories", overridable=False),
        SynchronizedField("related_projects", overridable=False),
        SynchronizedField("related_municipalities", overridable=False),
        SynchronizedField("related_organisations", overridable=False),
        *lead_image_translatable_fields(),
        SynchronizedField("event_date", overridable=False),
        SynchronizedField("event_time", overridable=False),
        SynchronizedField("event_time_zone", overridable=False),
        TranslatableField("event_place"),
    ]

    # The page of the example partner site (examples/partner-site/) that shows one.
    frontend_url_pattern = "{base}/news.html?slug={slug}&locale={locale}"

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def __str__(self) -> str:
        return self.title

    @property
    def author_name(self) -> str:
        """The byline when set, else the author's name."""
        return self.byline or (self.author.name if self.author else "")

    @property
    def event_starts_at_local(self) -> datetime.datetime | None:
        if self.event_date is None or self.event_time is None:
            return None
        zone = zone_or_current(self.event_time_zone)
        return datetime.datetime.combine(self.event_date, self.event_time, tzinfo=zone)

    def event_time_zone_for_reader(self, info: object = None) -> str | None:
        return self.event_time_zone if self.event_date else None

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.event_time is not None and self.event_date is None:
            errors["event_date"] = _("Enter the date of the event, or clear its time.")
        if self.event_place and self.event_date is None:
            errors["event_date"] = _("Enter the date of the event, or clear its place.")
        if errors:
            raise ValidationError(errors)

    # Lists in the item's language, loaded for a whole list at once in a GraphQL request.
    def categories_in_locale(self, info: object = None, **kwargs: object) -> list:
        return related_in_locale(info, self, "categories")

    def related_projects_in_locale(self, info: object = None, **kwargs: object) -> list:
        return related_in_locale(info, self, "related_projects")

    def related_municipalities_in_locale(self, info: object = None, **kwargs: object) -> list:
        return related_in_locale(info, self, "related_municipalities")

    def related_organisations_in_locale(self, info: object = None, **kwargs: object) -> list:
        return related_in_locale(info, self, "related_organisations")


class NewsGalleryImage(TranslatableMixin, Orderable):
    """An image in a news item's gallery, with its caption."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("What the image shows; also its alternative text."),
        verbose_name=_("caption"),
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    graphql_fields = [
        GraphQLImage(
            "image",
            required=True,
            source="image_for_reader",
            description="The image, with the caption as its alt text.",
        ),
        GraphQLString("caption", description="What the image shows."),
    ]

    translatable_fields = [
        TranslatableField("caption"),
        SynchronizedField("image", overridable=False),
    ]
    # Saving a row drops cached GraphQL responses, as saving a page does.
    _cms_api_related = True

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.caption or f"Image {self.image_id}"

    def image_for_reader(self, info: object = None) -> models.Model:
        """The image, with the caption (in the gallery's language) as its alt text."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.image, self.caption, info)
