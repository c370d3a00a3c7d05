"""Settings > Partners: partners, and their API keys made, revoked and rotated in the admin.

Every view needs the one permission "Manage partners" (``partners.manage_partners``). A new
key is shown once, on the page that answers its creation, and never again.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.models import EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from cms.partners.delivery import redeliver
from cms.partners.keys import create_key, revoke_key, rotate_key
from cms.partners.models import Partner, PartnerKey, WebhookDelivery, WebhookEndpoint

PERMISSION = "partners.manage_partners"


class ManagePartnersPolicy(ModelPermissionPolicy):
    """One permission covers everything: a partner admin may add, change and delete."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return user.has_perm(PERMISSION)

    def users_with_any_permission(self, actions: Any) -> QuerySet:
        return self._get_users_with_any_permission_codenames(["manage_partners"])


class NewKeyForm(forms.Form):
    """What a new key may do and until when."""

    label = forms.CharField(label=gettext_lazy("Label"), max_length=100, required=False)
    scope_preview = forms.BooleanField(
        label=gettext_lazy("Preview (drafts through page(token:))"), required=False
    )
    scope_introspection = forms.BooleanField(
        label=gettext_lazy("Schema introspection"), required=False
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Expires"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def scopes(self) -> set[str]:
        return {
            scope
            for scope, field in (
                (PartnerKey.SCOPE_PREVIEW, "scope_preview"),
                (PartnerKey.SCOPE_INTROSPECTION, "scope_introspection"),
            )
            if self.cleaned_data[field]
        }


def _require_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def keys_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A partner's keys, and the form that makes a new one (POST answers with the key, once)."""
    _require_permission(request)
    partner = get_object_or_404(Partner, pk=pk)
    form = NewKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _record, new_key = create_key(
            partner,
            label=form.cleaned_data["label"],
            scopes=form.scopes(),
            expires_at=form.cleaned_data["expires_at"],
        )
        form = NewKeyForm()
    return _keys_page(request, partner, form, new_key)


def revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_permission(request)
    record = get_object_or_404(PartnerKey, pk=pk)
    if request.method == "POST":
        revoke_key(record)
        messages.success(request, _("Key %(prefix)s… revoked.") % {"prefix": record.prefix})
    return redirect("partners:keys", pk=record.partner_id)


def rotate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke a key and make its successor, shown once."""
    _require_permission(request)
    record = get_object_or_404(PartnerKey, pk=pk)
    if request.method != "POST":
        return redirect("partners:keys", pk=record.partner_id)
    _successor, new_key = rotate_key(record)
    messages.success(request, _("Key %(prefix)s… revoked.") % {"prefix": record.prefix})
    return _keys_page(request, record.partner, NewKeyForm(), new_key)


def _keys_page(
    request: HttpRequest, partner: Partner, form: NewKeyForm, new_key: str | None
) -> HttpResponse:
    response = TemplateResponse(
        request,
        "partners/keys.html",
        {
            "partner": partner,
            "keys": partner.keys.all(),
            "form": form,
            "new_key": new_key,
            "page_title": _("API keys of %(partner)s") % {"partner": partner.name},
            "header_icon": "key",
            "edit_url": reverse("partners:edit", args=[partner.pk]),
        },
    )
    # The page that shows a key must not be kept by the browser's cache or history.
    response["Cache-Control"] = "no-store"
    return response


class PartnerEditView(EditView):
    """The partner's form, with a button to its API keys."""

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return [
            *super().header_buttons,
            HeaderButton(
                _("API keys"), url=reverse("partners:keys", args=[self.object.pk]), icon_name="key"
            ),
        ]


class PartnerViewSet(ModelViewSet):
    """Settings > Partners."""

    model = Partner
    icon = "site"
    menu_label = gettext_lazy("Partners")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "contact", "active"]
    form_fields = [
        "name",
        "contact",
        "allowed_origins",
        "active",
        "uncached_rate",
        "request_rate",
    ]

    edit_view_class = PartnerEditView

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("keys/<int:pk>/", keys_view, name="keys"),
            path("keys/revoke/<int:pk>/", revoke_view, name="revoke_key"),
            path("keys/rotate/<int:pk>/", rotate_view, name="rotate_key"),
        ]


def redeliver_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks, POST sends a delivery again (with the same message id)."""
    _require_permission(request)
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "partners/redeliver.html",
            {
                "delivery": delivery,
                "page_title": _("Redeliver %(event)s to %(url)s")
                % {"event": delivery.event, "url": delivery.endpoint.url},
                "header_icon": "resubmit",
            },
        )
    redeliver(delivery)
    messages.success(request, _("The delivery is queued again."))
    return redirect("webhook_deliveries:inspect", pk=delivery.pk)


class DeliveryInspectView(InspectView):
    """A delivery's details, with a Redeliver button."""

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return [
            *super().header_buttons,
            HeaderButton(
                _("Redeliver"),
                url=reverse("webhook_deliveries:redeliver", args=[self.object.pk]),
                icon_name="resubmit",
            ),
        ]


class WebhookEndpointForm(WagtailAdminModelForm):
    """The endpoint's settings; the secret is generated, never typed."""

    url = forms.URLField(
        label=gettext_lazy("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("An http or https address on the public internet."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["partner", "url", "events", "content_types", "languages", "active"]


class WebhookEndpointViewSet(ModelViewSet):
    """Settings > Webhook endpoints: where partners receive signed events."""

    model = WebhookEndpoint
    icon = "link-external"
    menu_label = gettext_lazy("Webhook endpoints")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["partner", "url", "events", "content_types", "languages", "secret"]
    list_display = ["url", "partner", "events", "active"]

    def get_form_class(self, for_update: bool = False) -> type[WebhookEndpointForm]:
        return WebhookEndpointForm


class DeliveryPolicy(ManagePartnersPolicy):
    """Deliveries are written by the worker: a partner manager may only look and redeliver."""

    ACTIONS = frozenset({"view"})

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.ACTIONS and super().user_has_permission(user, action)


class WebhookDeliveryViewSet(ModelViewSet):
    """Settings > Webhook deliveries: the log, with Redeliver."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = gettext_lazy("Webhook deliveries")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = DeliveryInspectView
    list_display = [
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "response_ms",
        "created_at",
    ]
    list_filter = ["status", "event"]
    # Nothing is editable (the policy allows only viewing); Wagtail still builds the form.
    form_fields = ["status"]
    inspect_view_fields = [
        "message_id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "response_ms",
        "response_body",
        "error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "payload",
    ]

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("redeliver/<int:pk>/", redeliver_view, name="redeliver"),
        ]
