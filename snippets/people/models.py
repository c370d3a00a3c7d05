import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey, GraphQLImage, GraphQLString
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import alt_text_field

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()/.-]{6,30}$")


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A contact person: who to write to about an event, a call or a project."""

    name = models.CharField(
        max_length=150, help_text=_("First name and surname."), verbose_name=_("name")
    )
    slug = models.SlugField(
        max_length=150,
        blank=True,
        help_text=_(
            "Used in partner site addresses, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Job title or role in this language, e.g. 'Project coordinator'."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Where the person works or volunteers."),
        verbose_name=_("organisation"),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("Published on partner sites: use a work address the person agreed to."),
        verbose_name=_("email"),
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Published on partner sites. International format, e.g. '+386 1 234 56 78'."),
        verbose_name=_("phone"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait the person agreed to publish; it is cropped to a square."),
        verbose_name=_("photo"),
    )
    photo_alt = alt_text_field("photo alt text")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        FieldPanel("photo"),
        FieldPanel("photo_alt"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("organisation"),
        index.FilterField("locale"),
    ]

    graphql_fields = [
        GraphQLString("name", required=True),
        GraphQLString("slug", required=True),
        GraphQLString("role"),
        GraphQLForeignKey("organisation", "organisations.Organisation"),
        GraphQLString("email"),
        GraphQLString("phone"),
        GraphQLImage("photo", source="photo_for_reader"),
    ]

    translatable_fields = [
        # A name is written the same in every language.
        SynchronizedField("name", overridable=False),
        SynchronizedField("slug"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("photo", overridable=False),
        TranslatableField("photo_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    def save(self, *args, **kwargs) -> None:
        # Objects created in code skip clean(); they still need a slug for lookups.
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.slug:
            self.slug = slugify(self.name)
        if not self.slug:
            if self.name:  # a missing name has an error of its own
                errors["slug"] = _("Enter a slug: the name has no letters to build one.")
        elif (
            self.locale_id
            and Person.objects.filter(slug=self.slug, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            # The admin form leaves out `locale`, so Django's unique_together check skips it.
            errors["slug"] = _(
                "Another person in this language uses this slug; add a distinguishing word, "
                "e.g. 'ana-novak-koper'."
            )
        if self.phone and not PHONE_PATTERN.match(self.phone):
            errors["phone"] = _(
                "Enter a phone number of digits, spaces and + ( ) - / only, "
                "e.g. '+386 1 234 56 78'."
            )
        if errors:
            raise ValidationError(errors)

    def photo_for_reader(self, info: object = None) -> Any:
        """The photo, with this person's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.photo, self.photo_alt, info)
