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
