import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from grapple.models import GraphQLBoolean, GraphQLForeignKey, GraphQLInt, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import BaseSocialLink
from cms.sanitise import validate_url_scheme

#: The first year a European youth programme could grant a label (Youth for Europe, 1988).
FIRST_LABEL_YEAR = 1988


class OrganisationSocialLink(BaseSocialLink):
    """A link to one of the organisation's social media profiles."""

    organisation = ParentalKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="social_links"
    )
    url = models.URLField(
        "address",
        validators=[validate_url_scheme],
        help_text="The profile's full address, e.g. https://www.instagram.com/name/.",
    )


class OpeningHours(TranslatableMixin, Orderable):
    """Days and times a place is open, e.g. Monday to Friday 9:00–22:00."""

    class Weekday(models.IntegerChoices):
        # ISO 8601 numbering, as partner sites get it through the API.
        MONDAY = 1, "Monday"
        TUESDAY = 2, "Tuesday"
        WEDNESDAY = 3, "Wednesday"
        THURSDAY = 4, "Thursday"
        FRIDAY = 5, "Friday"
        SATURDAY = 6, "Saturday"
        SUNDAY = 7, "Sunday"

    organisation = ParentalKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="opening_hours"
    )
    first_day = models.PositiveSmallIntegerField(
        choices=Weekday.choices, help_text="For a single day, choose it as first and last day."
    )
    last_day = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(
        null=True,
        blank=True,
        help_text="Leave empty when only the closing time is announced, e.g. 'until 24:00'.",
    )
    closes = models.TimeField(
        null=True, blank=True, help_text="Leave empty when open until midnight (tick below)."
    )
    until_midnight = models.BooleanField(
        "open until midnight",
        default=False,
        help_text="Tick for 'until 24:00'; partner sites then show 24:00 as the closing time.",
    )
    note = models.CharField(
        max_length=100,
        blank=True,
        help_text="When these hours apply, e.g. 'During events'. Leave empty for regular hours.",
    )

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes"), FieldPanel("until_midnight")]),
        FieldPanel("note"),
    ]

    graphql_fields = [
        GraphQLInt(
            "first_day", required=True, description="ISO weekday: 1 is Monday, 7 is Sunday."
        ),
        GraphQLInt("last_day", required=True, description="ISO weekday: 1 is Monday, 7 is Sunday."),
        GraphQLString("opens", source="opens_text", description="HH:MM, or null if not announced."),
        GraphQLString("closes", source="closes_text", required=True, description="HH:MM or 24:00."),
        GraphQLBoolean("until_midnight", required=True),
        GraphQLString("note", description="When these hours apply; empty for regular hours."),
    ]

    translatable_fields = [
        SynchronizedField("first_day", overridable=False),
        SynchronizedField("last_day", overridable=False),
        SynchronizedField("opens", overridable=False),
        SynchronizedField("closes", overridable=False),
        SynchronizedField("until_midnight", overridable=False),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self) -> str:
        days = _day_abbreviation(self.first_day)
        if self.last_day != self.first_day:
            days = f"{days}–{_day_abbreviation(self.last_day)}"
        times = (
            f"{self.opens_text}–{self.closes_text}" if self.opens else f"until {self.closes_text}"
        )
        return f"{self.note}: {days} {times}" if self.note else f"{days} {times}"

    @property
    def opens_text(self) -> str | None:
        return _hhmm(self.opens) if self.opens else None

    @property
    def closes_text(self) -> str:
        if self.until_midnight:
            return "24:00"
        return _hhmm(self.closes) if self.closes else ""

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.first_day and self.last_day and self.last_day < self.first_day:
            errors["last_day"] = (
                "The last day must be the first day or a later day of the same week "
                "(the week starts on Monday)."
            )
        if self.until_midnight and self.closes:
            errors["closes"] = "Leave the closing time empty when open until midnight."
        elif not self.until_midnight and not self.closes:
            errors["closes"] = "Enter a closing time, or tick 'open until midnight'."
        elif self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = (
                "The closing time must be after the opening time; "
                "for 24:00 tick 'open until midnight' instead."
            )
        if errors:
            raise ValidationError(errors)


class QualityLabel(TranslatableMixin, Orderable):
    """An accreditation the organisation holds, e.g. the European Solidarity Corps Quality Label."""

    organisation = ParentalKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="quality_labels"
    )
    name = models.CharField(
        max_length=200,
        help_text="The label's official name, e.g. 'European Solidarity Corps Quality Label'.",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quality_labels",
        help_text="The programme that granted the label, if any.",
    )
    year_granted = models.PositiveSmallIntegerField(help_text="The year it was first granted.")
    year_renewed = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year of the latest renewal; empty if never renewed."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("year_granted"), FieldPanel("year_renewed")]),
    ]

    graphql_fields = [
        GraphQLString("name", required=True),
        GraphQLForeignKey("programme", "programmes.Programme"),
        GraphQLInt("year_granted", required=True),
        GraphQLInt("year_renewed"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("programme"),
        SynchronizedField("year_granted", overridable=False),
        SynchronizedField("year_renewed", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "quality label"

    def __str__(self) -> str:
        if self.year_renewed:
            return f"{self.name} ({self.year_granted}, renewed {self.year_renewed})"
        return f"{self.name} ({self.year_granted})"

    def clean(self) -> None:
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        if self.year_granted is not None and not (
            FIRST_LABEL_YEAR <= self.year_granted <= this_year
        ):
            errors["year_granted"] = f"Enter a year between {FIRST_LABEL_YEAR} and {this_year}."
        if self.year_renewed is not None:
            if not FIRST_LABEL_YEAR <= self.year_renewed <= this_year:
                errors["year_renewed"] = f"Enter a year between {FIRST_LABEL_YEAR} and {this_year}."
            elif self.year_granted is not None and self.year_renewed < self.year_granted:
                errors["year_renewed"] = (
                    f"A label cannot be renewed before it was granted ({self.year_granted})."
                )
        if errors:
            raise ValidationError(errors)


def _hhmm(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def _day_abbreviation(day: int | None) -> str:
    return OpeningHours.Weekday(day).label[:3] if day else "?"
