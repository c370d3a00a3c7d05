from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey, GraphQLImage, GraphQLString
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.loaders import related_in_locale
from cms.models import BaseSnippet, alt_text_field, phone_errors


class Person(BaseSnippet):
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
    photo_alt = alt_text_field(_("photo alt text"))

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
        *BaseSnippet.search_fields,
        index.SearchField("role"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("organisation"),
    ]

    graphql_fields = [
        *BaseSnippet.graphql_fields,
        GraphQLString("role", description="Job title or role, in the person's language."),
        GraphQLForeignKey(
            "organisation",
            "organisations.Organisation",
            source="organisation_for_api",
            description="Where the person works or volunteers, in the person's language; null "
            "while the organisation is not published.",
        ),
        GraphQLString("email", description="A work address the person agreed to publish."),
        GraphQLString("phone", description="In international format."),
        GraphQLImage(
            "photo",
            source="photo_for_reader",
            description="A portrait, with this person's alt text.",
        ),
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

    slug_taken_message = _(
        "Another person in this language uses this slug; add a distinguishing word, "
        "e.g. 'ana-novak-koper'."
    )

    class Meta(BaseSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    def field_errors(self) -> dict[str, Any]:
        return {**super().field_errors(), **phone_errors(self.phone)}

    def organisation_for_api(self, info: object = None, **kwargs: object) -> Any:
        """The organisation in this person's language, as published (null while unpublished)."""
        return related_in_locale(info, self, "organisation")

    def photo_for_reader(self, info: object = None) -> Any:
        """The photo, with this person's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.photo, self.photo_alt, info)
