import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLBoolean, GraphQLForeignKey, GraphQLInt, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.loaders import related_in_locale
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
        _("address"),
        validators=[validate_url_scheme],
        help_text=_("The profile's full address, e.g. https://www.instagram.com/name/."),
    )


class OpeningHours(TranslatableMixin, Orderable):
    """Days and times a place is open, e.g. Monday to Friday 9:00–22:00."""

    class Weekday(models.IntegerChoices):
        # ISO 8601 numbering, as partner sites get it through the API.
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    organisation = ParentalKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="opening_hours"
    )
    first_day = models.PositiveSmallIntegerField(
        choices=Weekday.choices,
        help_text=_("For a single day, choose it as first and last day."),
        verbose_name=_("first day"),
    )
    last_day = models.PositiveSmallIntegerField(choices=Weekday.choices, verbose_name=_("last day"))
    opens = models.TimeField(
        null=True,
        blank=True,
        help_text=_("Leave empty when only the closing time is announced, e.g. 'until 24:00'."),
        verbose_name=_("opens"),
    )
    closes = models.TimeField(
        null=True,
        blank=True,
        help_text=_("Leave empty when open until midnight (tick below)."),
        verbose_name=_("closes"),
    )
    until_midnight = models.BooleanField(
        _("open until midnight"),
        default=False,
        help_text=_("Tick for 'until 24:00'; partner sites then show 24:00 as the closing time."),
    )
    note = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("When these hours apply, e.g. 'During events'. Leave empty for regular hours."),
        verbose_name=_("note"),
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
        GraphQLBoolean("until_midnight", required=True, description="True when open until 24:00."),
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
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        days = _day_abbreviation(self.first_day)
        if self.last_day != self.first_day:
            days = f"{days}–{_day_abbreviation(self.last_day)}"
        if self.opens:
            times = f"{self.opens_text}–{self.closes_text}"
        else:
            times = gettext("until %(time)s") % {"time": self.closes_text}
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
            errors["last_day"] = _(
                "The last day must be the first day or a later day of the same week "
                "(the week starts on Monday)."
            )
        if self.until_midnight and self.closes:
            errors["closes"] = _("Leave the closing time empty when open until midnight.")
        elif not self.until_midnight and not self.closes:
            errors["closes"] = _("Enter a closing time, or tick 'open until midnight'.")
        elif self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _(
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
        help_text=_("The label's official name, e.g. 'European Solidarity Corps Quality Label'."),
        verbose_name=_("name"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quality_labels",
        help_text=_("The programme that granted the label, if any."),
        verbose_name=_("programme"),
    )
    year_granted = models.PositiveSmallIntegerField(
        help_text=_("The year it was first granted."), verbose_name=_("year granted")
    )
    year_renewed = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("The year of the latest renewal; empty if never renewed."),
        verbose_name=_("year renewed"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("year_granted"), FieldPanel("year_renewed")]),
    ]

    graphql_fields = [
        GraphQLString("name", required=True, description="The label's official name."),
        GraphQLForeignKey(
            "programme",
            "programmes.Programme",
            source="programme_for_api",
            description="The programme that granted the label, in the label's language; null if "
            "none or not published.",
        ),
        GraphQLInt("year_granted", required=True, description="The year it was first granted."),
        GraphQLInt(
            "year_renewed", description="The year of the latest renewal; null if never renewed."
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("programme"),
        SynchronizedField("year_granted", overridable=False),
        SynchronizedField("year_renewed", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("quality label")
        verbose_name_plural = _("quality labels")

    def __str__(self) -> str:
        if self.year_renewed:
            return gettext("%(name)s (%(granted)s, renewed %(renewed)s)") % {
                "name": self.name,
                "granted": self.year_granted,
                "renewed": self.year_renewed,
            }
        return f"{self.name} ({self.year_granted})"

    def programme_for_api(self, info: object = None, **kwargs: object) -> Any:
        """The programme in this label's language, as published (null while unpublished)."""
        return related_in_locale(info, self, "programme")

    def clean(self) -> None:
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        out_of_range = _("Enter a year between %(first)s and %(last)s.") % {
            "first": FIRST_LABEL_YEAR,
            "last": this_year,
        }
        if self.year_granted is not None and not (
            FIRST_LABEL_YEAR <= self.year_granted <= this_year
        ):
            errors["year_granted"] = out_of_range
        if self.year_renewed is not None:
            if not FIRST_LABEL_YEAR <= self.year_renewed <= this_year:
                errors["year_renewed"] = out_of_range
            elif self.year_granted is not None and self.year_renewed < self.year_granted:
                errors["year_renewed"] = _(
                    "A label cannot be renewed before it was granted (%(year)s)."
                ) % {"year": self.year_granted}
        if errors:
            raise ValidationError(errors)


def _hhmm(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def _day_abbreviation(day: int | None) -> str:
    return OpeningHours.Weekday(day).label[:3] if day else "?"
