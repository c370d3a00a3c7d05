"""Settings > Partners: one permission; keys made, shown once, revoked and rotated."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.test import Client

from cms.partners.keys import InvalidKey, authenticate
from cms.partners.models import Partner, PartnerKey

KEY = re.compile(r"<code data-partner-key>(scms_[\w-]+)</code>")


def editor(django_user_model: Any, *, manage: bool) -> Client:
    user = django_user_model.objects.create_user("editor", password="x", is_staff=False)
    group = Group.objects.create(name="Partner managers" if manage else "Others")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if manage:
        group.permissions.add(Permission.objects.get(codename="manage_partners"))
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_manage_partners_permission(django_user_model: Any, partner: Partner) -> None:
    outsider = editor(django_user_model, manage=False)
    assert outsider.get("/admin/partners/").status_code in (302, 403)
    assert outsider.get(f"/admin/partners/keys/{partner.pk}/").status_code == 403


def test_key_is_shown_once_then_revoked_and_rotated(admin_client: Client, partner: Partner) -> None:
    assert admin_client.get("/admin/partners/").status_code == 200
    edit = admin_client.get(f"/admin/partners/edit/{partner.pk}/")
    assert f"/admin/partners/keys/{partner.pk}/" in edit.content.decode()
    created = admin_client.post(
        f"/admin/partners/keys/{partner.pk}/", {"label": "site", "scope_preview": "on"}
    )
    assert "no-store" in created["Cache-Control"]
    key = KEY.search(created.content.decode()).group(1)
    assert authenticate(key).scopes == {"preview"}
    listing = admin_client.get(f"/admin/partners/keys/{partner.pk}/").content.decode()
    assert key not in listing
    record = PartnerKey.objects.get()
    assert record.prefix in listing

    rotated = admin_client.post(f"/admin/partners/keys/rotate/{record.pk}/")
    successor = KEY.search(rotated.content.decode()).group(1)
    assert successor != key
    assert authenticate(successor).scopes == {"preview"}
    try:
        authenticate(key)
        raise AssertionError("the rotated key still works")
    except InvalidKey:
        pass

    new_record = PartnerKey.objects.get(revoked_at__isnull=True)
    admin_client.post(f"/admin/partners/keys/revoke/{new_record.pk}/")
    new_record.refresh_from_db()
    assert new_record.status() == "revoked"


def test_add_partner_in_admin(admin_client: Client, db: None) -> None:
    response = admin_client.post(
        "/admin/partners/new/",
        {
            "name": "Maribor",
            "contact": "it@maribor.example",
            "allowed_origins": "https://maribor.example",
            "active": "on",
            "uncached_rate": "100/minute",
            "request_rate": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Partner.objects.get(name="Maribor").origin_list() == ["https://maribor.example"]
    bad = admin_client.post(
        "/admin/partners/new/", {"name": "Bad", "uncached_rate": "lots", "allowed_origins": ""}
    )
    assert bad.status_code == 200
    assert not Partner.objects.filter(name="Bad").exists()


def test_webhook_endpoint_in_admin(admin_client: Client, partner: Partner) -> None:
    from cms.partners.models import WebhookEndpoint

    response = admin_client.post(
        "/admin/webhook_endpoints/new/",
        {
            "partner": partner.pk,
            "url": "https://hooks.lj.example/cms",
            "events": "page.published,snippet.changed",
            "content_types": "calls.CallPage",
            "languages": "sl",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret.startswith("whsec_")
    inspect = admin_client.get(f"/admin/webhook_endpoints/inspect/{endpoint.pk}/")
    assert endpoint.secret in inspect.content.decode()
    bad = admin_client.post(
        "/admin/webhook_endpoints/new/",
        {"partner": partner.pk, "url": "https://x.example/", "events": "page.exploded"},
    )
    assert bad.status_code == 200
    assert WebhookEndpoint.objects.count() == 1
