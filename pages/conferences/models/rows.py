"""Rows edited inline on a conference page: objectives, delegation roles, partner logos and
attachments."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLForeignKey, GraphQLImage, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.attachments import BaseAttachment
from cms.graphql.loaders import related_in_locale
from cms.models import alt_text_field


class ConferenceObjective(TranslatableMixin, Orderable):
    """One objective of a conference; editors order them as the programme lists them."""

    page = ParentalKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="objectives"
    )
    text = models.TextField(
        max_length=500,
        help_text=_(
            "One objective as a full sentence, e.g. 'To map how cities support volunteers'."
        ),
        verbose_name=_("text"),
    )

    panels = [FieldPanel("text")]

    graphql_fields = [
        GraphQLString("text", required=True, description="One objective, as a full sentence.")
    ]

    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text


class DelegationRole(TranslatableMixin, Orderable):
    """One member of the delegation a conference invites, e.g. 'a municipality representative'."""

    page = ParentalKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="delegation_roles"
    )
    role = models.CharField(
        max_length=200,
        help_text=_("Who fills this seat, e.g. 'Representative of a volunteering organisation'."),
        verbose_name=_("role"),
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Optional detail, e.g. 'a business involved in corporate social responsibility'."
        ),
        verbose_name=_("note"),
    )

    panels = [FieldPanel("role"), FieldPanel("note")]

    graphql_fields = [
        GraphQLString("role", required=True, description="Who fills this seat."),
        GraphQLString("note", description="Optional detail about the seat."),
    ]

    translatable_fields = [TranslatableField("role"), TranslatableField("note")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")

    def __str__(self) -> str:
        return self.role


class ConferencePartnerLogo(TranslatableMixin, Orderable):
    """A logo shown in the conference's partner strip, optionally naming the organisation."""

    page = ParentalKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="partner_logos"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "The partner's logo; a wide PNG or SVG on a transparent background works best."
        ),
        verbose_name=_("image"),
    )
    image_alt = alt_text_field(_("logo alt text"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: the organisation the logo stands for, so partner sites can link it."
        ),
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("organisation")]

    graphql_fields = [
        GraphQLImage(
            "image", required=True, source="image_for_reader", description="The partner's logo."
        ),
        GraphQLForeignKey(
            "organisation",
            "organisations.Organisation",
            source="localized_organisation",
            description="The organisation the logo stands for; null if not given.",
        ),
    ]

    translatable_fields = [
        SynchronizedField("image", overridable=False),
        TranslatableField("image_alt"),
        # Points at the organisation's translation when there is one.
        TranslatableField("organisation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner logo")
        verbose_name_plural = _("partner logos")

    def __str__(self) -> str:
        return str(self.organisation or self.image)

    def image_for_reader(self, info: object = None) -> models.Model:
        """The logo, with this row's alt text for it."""
        from cms.graphql.images import image_with_alt

        return image_with_alt(self.image, self.image_alt, info)

    def localized_organisation(self, info: object = None, **kwargs: object) -> models.Model | None:
        """The organisation in the row's language (the conference's) when translated there."""
        return related_in_locale(info, self, "organisation")


class ConferenceAttachment(BaseAttachment):
    """A document attached to a conference, e.g. its programme or the report."""

    page = ParentalKey(
        "conferences.ConferencePage", on_delete=models.CASCADE, related_name="attachments"
    )
