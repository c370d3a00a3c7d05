from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import clean_slug


class Category(TranslatableMixin, index.Indexed, models.Model):
    """A theme that pages are tagged with, such as "Networking" or "Volunteering"."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text=_(
            "Used in partner site addresses and filters, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("One or two sentences partner sites may show on the category's listing."),
        verbose_name=_("description"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    graphql_fields = [
        GraphQLString("name", required=True),
        GraphQLString("slug", required=True),
        GraphQLString("description"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Objects created in code skip clean(); they still need a slug for lookups.
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        clean_slug(self)
