"""A partner (a site or service that reads the API) and its API keys."""

from __future__ import annotations

from limits import parse

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_rate(value: str) -> None:
    """A rate the ``limits`` library reads, such as ``600/minute`` or ``10/second``."""
    try:
        parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Write a rate as a number per period, for example 600/minute or 10/second.")
        ) from exc


def validate_origin(value: str) -> None:
    """An origin as browsers send it: scheme, host and optional port, nothing else."""
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.path
        or parts.query
        or parts.fragment
        or "@" in parts.netloc
    ):
        raise ValidationError(
            _("%(origin)s is not an origin: write https://example.org, without a path."),
            params={"origin": value},
        )


class Partner(models.Model):
    """A site or service that reads the API, with the origins its browsers call from."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    contact = models.CharField(
        _("contact"),
        max_length=300,
        blank=True,
        help_text=_("Who to tell about changes and incidents: a name and an e-mail address."),
    )
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_(
            "One origin per line (https://www.example.org): browsers on these sites may call "
            "the API. Takes effect without a restart."
        ),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive partner's keys and origins stop working at once."),
    )
    uncached_rate = models.CharField(
        _("uncached requests allowed"),
        max_length=40,
        blank=True,
        validators=[validate_rate],
        help_text=_(
            "Per key, for requests the cache cannot answer, e.g. 600/minute. Empty: the "
            "default for keys."
        ),
    )
    request_rate = models.CharField(
        _("requests allowed"),
        max_length=40,
        blank=True,
        validators=[validate_rate],
        help_text=_("Per key, for all requests including cache hits. Empty: the default."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        default_permissions = ()
        permissions = [("manage_partners", _("Manage partners"))]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = []
        for origin in self.origin_list():
            try:
                validate_origin(origin)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError({"allowed_origins": errors})

    def origin_list(self) -> list[str]:
        """The allowed origins, one per non-empty line, without a trailing slash."""
        return [
            line.strip().rstrip("/") for line in self.allowed_origins.splitlines() if line.strip()
        ]


class PartnerKeyQuerySet(models.QuerySet):
    """Keys that authenticate now: not revoked, not expired, of an active partner."""

    def usable(self, now: object | None = None) -> PartnerKeyQuerySet:
        now = now or timezone.now()
        return self.filter(
            revoked_at__isnull=True,
            partner__active=True,
        ).filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))


class PartnerKey(models.Model):
    """An API key of a partner: only its SHA-256 hash is stored, its prefix for display."""

    SCOPE_PREVIEW = "preview"
    SCOPE_INTROSPECTION = "introspection"

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="keys", verbose_name=_("partner")
    )
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("Where the key is used.")
    )
    prefix = models.CharField(_("prefix"), max_length=20, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope_preview = models.BooleanField(
        _("preview"),
        default=False,
        help_text=_("May open drafts with a preview token (page(token:))."),
    )
    scope_introspection = models.BooleanField(
        _("introspection"),
        default=False,
        help_text=_("May read the GraphQL schema by introspection in production."),
    )
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.prefix}…"

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(
            scope
            for scope, granted in (
                (self.SCOPE_PREVIEW, self.scope_preview),
                (self.SCOPE_INTROSPECTION, self.scope_introspection),
            )
            if granted
        )

    def status(self, now: object | None = None) -> str:
        """active, revoked or expired, for the admin's list."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    import base64
    import secrets

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookEndpoint(models.Model):
    """A partner's URL that receives signed events when content changes."""

    EVENTS = (
        ("page.published", _("Page published")),
        ("page.unpublished", _("Page unpublished")),
        ("page.deleted", _("Page deleted")),
        ("snippet.changed", _("Snippet changed")),
    )

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="webhooks", verbose_name=_("partner")
    )
    url = models.URLField(
        _("URL"), max_length=500, help_text=_("An http or https address on the public internet.")
    )
    events = models.CharField(
        _("events"),
        max_length=200,
        default="page.published,page.unpublished,page.deleted,snippet.changed",
        help_text=_(
            "Comma-separated: page.published, page.unpublished, page.deleted, snippet.changed."
        ),
    )
    content_types = models.CharField(
        _("content types"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated model labels in app_label.ModelName form. Empty: all."),
    )
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated language codes, e.g. sl,en. Empty: all."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_webhook_secret,
        editable=False,
        help_text=_("Verify the webhook-signature header with it (Standard Webhooks)."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["partner__name", "url"]
        default_permissions = ()

    def __str__(self) -> str:
        return self.url

    def clean(self) -> None:
        known = {event for event, _label in self.EVENTS}
        unknown = set(_split(self.events)) - known
        if unknown or not _split(self.events):
            raise ValidationError(
                {"events": _("Use one or more of: %(events)s.") % {"events": ", ".join(known)}}
            )

    def wants(self, event: str, content_type: str, language: str) -> bool:
        """Whether this endpoint subscribed to ``event`` for this type and language."""
        types = {label.lower() for label in _split(self.content_types)}
        languages = {code.lower() for code in _split(self.languages)}
        return (
            event in _split(self.events)
            and (not types or content_type.lower() in types)
            and (not languages or language.lower() in languages)
        )


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint, with the outcome of its last attempt."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    message_id = models.CharField(_("message id"), max_length=64, editable=False)
    event = models.CharField(_("event"), max_length=40, editable=False)
    payload = models.JSONField(_("payload"), editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    response_ms = models.PositiveIntegerField(_("response time (ms)"), null=True, blank=True)
    response_body = models.TextField(_("response (first 1 KB)"), blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"
