"""Abstract bases every content plugin builds on (pages, index pages, snippets, social links),
and the content generation every process reads.

The generation is the core's only concrete model; no content lives in the core.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext_lazy as _

from grapple.models import GraphQLImage, GraphQLString
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.graphql.language import choice_label
from cms.graphql.visibility import PublishedQuerySet
from cms.sanitise import validate_url_scheme

#: Most items an index page lists; partner sites page through the top-level query instead.
INDEX_LIST_LIMIT = 100


def alt_text_field(verbose_name: str) -> models.CharField:
    """The alt text of one use of an image, kept beside it so it is translated with the
    content; partner sites get it as the image's ``alt``."""
    return models.CharField(
        verbose_name,
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it, in this language. Leave "
            "empty to use the image's own description."
        ),
    )


class BasePage(HeadlessPreviewMixin, Page):
    """Common declarations for every page type: the fields Page itself brings, and the image
    shown when the page is shared."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social media, cropped to 1200 × 630 pixels. "
            "Leave empty to use the page's lead image, if it has one."
        ),
        verbose_name=_("share image"),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("og_image")]

    search_fields = [*Page.search_fields, index.SearchField("search_description")]

    graphql_fields: list = [
        GraphQLImage(
            "og_image",
            source="og_image_for_reader",
            description=(
                "The image for social media previews (og:image): the share image, else the lead "
                "image, else the site settings' default for the page's language; ask for the OG "
                "preset (1200 x 630). Null when there is none or it is in a private collection."
            ),
        ),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("og_image"),
    ]

    #: Where the partner frontend shows a page of this type, e.g.
    #: ``"{base}/call.html?slug={slug}&locale={locale}"``; each page type declares its own
    #: (cms.E001) and ``CMS_FRONTEND_URL_PATTERNS`` may override it (cms/frontend.py).
    frontend_url_pattern: ClassVar[str | None] = None

    class Meta:
        abstract = True

    # Headless: a page's address is on the partner frontend. Wagtail builds ``url``,
    # ``full_url``, ``relative_url``, rich-text links and "View live" from these two methods.
    def get_url_parts(self, request: HttpRequest | None = None) -> tuple | None:
        from cms.frontend import frontend_url, url_parts

        parts = super().get_url_parts(request=request)
        if parts is None:  # not under any site
            return None
        url = frontend_url(self)
        if url is None:
            return (parts[0], None, None)
        return (parts[0], *url_parts(url))

    def get_url(
        self, request: HttpRequest | None = None, current_site: object = None
    ) -> str | None:
        """The full frontend address: the frontend is another host, so never a local path."""
        return self.get_full_url(request=request)

    url = property(get_url)

    def og_image_for_reader(self, info: object = None) -> Any:
        """The share image, else the page type's fallback (its lead image), else the site's
        default for the page's language; never a private image."""
        from cms.graphql.images import image_with_alt
        from cms.graphql.share_images import default_share_image, load_default_share_images

        load_default_share_images(info)  # first, whatever this page shows (see there)
        own = image_with_alt(self.og_image, "", info) if self.og_image_id else None
        if own is None:
            own = self.share_image_fallback(info)
        return own if own is not None else default_share_image(info, self.locale_id)

    def share_image_fallback(self, info: object = None) -> Any:
        """The image shared when the page has no share image; page types with one override it."""
        return None

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseRedirect:
        """Nothing on the CMS host renders a page: it sends the reader to the frontend."""
        url = self.get_full_url(request=request)
        if url is None:
            raise Http404
        return HttpResponseRedirect(url)

    @classmethod
    def get_page_from_preview_token(cls, token: str) -> Page | None:
        """The draft behind a preview token, or None for a tampered, expired or unknown one."""
        try:
            cls.get_preview_signer().unsign(token, max_age=settings.CMS_PREVIEW_TOKEN_MAX_AGE)
        except signing.BadSignature:  # SignatureExpired is a BadSignature too
            return None
        preview = PagePreview.objects.filter(token=token).first()
        return preview.as_page() if preview is not None else None

    # Wagtail's publish and unpublish save the page, then write the audit log and send signals,
    # without a transaction of their own: outside a request (publish_scheduled, a shell, an
    # import) a failure after the save would leave the page live with no log entry.
    @transaction.atomic
    def publish(self, revision: Any, *args: Any, **kwargs: Any) -> Any:
        """Publish ``revision``: all or nothing, its audit-log entry included."""
        return super().publish(revision, *args, **kwargs)

    @transaction.atomic
    def unpublish(self, *args: Any, **kwargs: Any) -> Any:
        """Unpublish: all or nothing, its audit-log entry included."""
        return super().unpublish(*args, **kwargs)


class BaseIndexPage(BasePage):
    """The page a language tree lists one page type under, with an introduction above it."""

    # Each index redeclares it to name what it lists: help text is part of its migrations.
    intro = models.TextField(
        blank=True,
        help_text=_("A short introduction partner sites show above the list."),
        verbose_name=_("intro"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    graphql_fields = [
        *BasePage.graphql_fields,
        GraphQLString("intro", description="A short introduction to show above the list."),
    ]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    # One per language tree.
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class BaseSocialLink(Orderable):
    """A link to a social media profile; its address must be on the chosen network's hosts."""

    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        LINKEDIN = "linkedin", "LinkedIn"
        X = "x", "X (Twitter)"
        WEBSITE = "website", _("Other website")

    #: Hosts a profile address of each network may use; "website" accepts any host.
    HOSTS: ClassVar[dict[str, tuple[str, ...]]] = {
        Network.FACEBOOK: ("facebook.com", "fb.com", "fb.me"),
        Network.INSTAGRAM: ("instagram.com",),
        Network.TIKTOK: ("tiktok.com",),
        Network.YOUTUBE: ("youtube.com", "youtu.be"),
        Network.LINKEDIN: ("linkedin.com",),
        Network.X: ("x.com", "twitter.com"),
    }

    network = models.CharField(max_length=20, choices=Network.choices, verbose_name=_("network"))
    # Each link model redeclares it with its own example: help text is part of its migrations.
    url = models.URLField(
        _("address"),
        validators=[validate_url_scheme],
        help_text=_("The profile's full address."),
    )

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]

    graphql_fields = [
        GraphQLString(
            "network",
            required=True,
            description="facebook, instagram, tiktok, youtube, linkedin, x or website.",
        ),
        GraphQLString(
            "network_label",
            required=True,
            source="network_label_for_reader",
            description="The network's name in the language asked for, e.g. Other website.",
        ),
        GraphQLString("url", required=True, description="The profile's full address."),
    ]

    translatable_fields = [
        SynchronizedField("network", overridable=False),
        SynchronizedField("url", overridable=False),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.url}"

    @property
    def network_label(self) -> str:
        return str(self.get_network_display())

    def network_label_for_reader(self, info: object = None) -> str:
        """The network's label in the language the partner asked for."""
        return choice_label(self, "network", info)

    def clean(self) -> None:
        super().clean()
        hosts = self.HOSTS.get(self.network)
        if not hosts or not self.url:
            return
        host = (urlsplit(self.url).hostname or "").lower()
        if not any(host == allowed or host.endswith(f".{allowed}") for allowed in hosts):
            message = _(
                "This address is not on %(network)s: it should be on %(hosts)s. "
                "Choose 'Other website' for other sites."
            )
            hosts_text = get_text_list(list(hosts), _("or"))
            raise ValidationError(
                {"url": message % {"network": self.get_network_display(), "hosts": hosts_text}}
            )


#: What a published phone number may contain: digits, spaces and + ( ) - / . only.
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()/.-]{6,30}$")
PHONE_MESSAGE = _(
    "Enter a phone number of digits, spaces and + ( ) - / only, e.g. '+386 1 234 56 78'."
)


class BaseSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A snippet's skeleton: a name, and a slug made from it, the same in every language.

    The slug is unique within each language. Each snippet redeclares ``name`` and ``slug``
    when its length or help text differs (help text is part of its migrations), and adds its
    own fields and ``description`` to the lists below.
    """

    name = models.CharField(max_length=150, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=150,
        blank=True,
        help_text=_(
            "Used in partner site addresses and filters, the same in every language. "
            "Leave empty to create it from the name."
        ),
        verbose_name=_("slug"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    graphql_fields = [
        GraphQLString("name", required=True, description="The name, in the item's language."),
        GraphQLString(
            "slug",
            required=True,
            description="The same in every language; use it in addresses and in the list filters.",
        ),
    ]

    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    #: The error when another item in the same language has the slug; ``%(kind)s`` is the
    #: model's verbose name. A snippet may say how to tell its items apart.
    slug_taken_message = _("Another %(kind)s in this language uses this slug.")

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Objects created in code skip clean(); they still need a slug for lookups.
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors = self.field_errors()
        if errors:
            raise ValidationError(errors)

    def field_errors(self) -> dict[str, Any]:
        """The errors of :meth:`clean`, by field; a snippet adds those of its own fields."""
        if not self.slug:
            self.slug = slugify(self.name)
        if not self.slug:
            if self.name:  # a missing name has an error of its own
                return {"slug": _("Enter a slug: the name has no letters to build one.")}
            return {}
        # The admin form leaves out `locale`, so Django's own unique_together check skips it.
        clash = type(self)._default_manager.filter(slug=self.slug, locale_id=self.locale_id)
        if self.locale_id and clash.exclude(pk=self.pk).exists():
            return {"slug": self.slug_taken_message % {"kind": self._meta.verbose_name}}
        return {}


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, BaseSnippet):
    """A snippet edited in drafts and published, on a schedule or through a workflow.

    For snippets whose change reaches much published content at once (a country group decides
    the eligibility of every call listing it). Saving a draft stores a revision and leaves the
    row, which the API serves, as it was published; the API shows live, unexpired rows only
    (:class:`cms.graphql.visibility.PublishedQuerySet`, the manager's ``public()``). A model
    adds ``PublishingPanel()`` to its panels for scheduling.
    """

    # Wagtail's snippet mixins, as documented: revisions and workflow states go with the object.
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s"
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    objects = PublishedQuerySet.as_manager()

    class Meta(BaseSnippet.Meta):
        abstract = True

    @property
    def revisions(self) -> Any:
        return self._revisions

    def save_revision(self, *args: Any, **kwargs: Any) -> Any:
        # A row live from before it had drafts (every row the migration kept live, and rows
        # made in code) has no live revision. Wagtail would then treat a change scheduled for
        # later as a first publication and take the row offline until then: record what the
        # row holds as its live revision first.
        if self.pk and self.live and self.live_revision_id is None:
            from wagtail.models import Revision

            stored = type(self)._default_manager.get(pk=self.pk)
            revision = Revision.objects.create(
                content_object=stored,
                base_content_type=stored.get_base_content_type(),
                content=stored.serializable_data(),
                object_str=str(stored),
            )
            type(self)._default_manager.filter(pk=self.pk).update(live_revision=revision)
            self.live_revision = revision
        return super().save_revision(*args, **kwargs)


def phone_errors(phone: str) -> dict[str, Any]:
    """A ``phone`` error unless the value looks like a phone number (empty is fine)."""
    return {"phone": PHONE_MESSAGE} if phone and not PHONE_PATTERN.match(phone) else {}


class ContentGeneration(models.Model):
    """One row counting changes the public can see; cached API responses are keyed by it.

    It lives in the database, not in a cache, so that every worker, cron job and shell sees
    the same value, and a cache outage or eviction can never bring back an old generation.
    """

    #: The primary key of the one row (created by the migration, recreated if missing).
    ROW = 1

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content generation")

    def __str__(self) -> str:
        return f"generation {self.value}"
