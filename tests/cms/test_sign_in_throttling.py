"""Admin sign-in is throttled per account and per address; an administrator can unlock it.

django-axes counts failures in the database; the password-reset form is limited in the cache.
"""

from __future__ import annotations

from typing import Any

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"
RIGHT = "correct horse battery staple"
ATTACKER = "203.0.113.5"
ELSEWHERE = "198.51.100.7"
LOCKED = "Too many failed sign-in attempts for this account or from this address."


@pytest.fixture
def accounts(db: None) -> dict[str, Any]:
    """Two editors who may use the admin, and a superuser who may unlock them."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    users = {}
    for name in ("erika", "mojca"):
        user = get_user_model().objects.create_user(
            username=name, email=f"{name}@example.org", password=RIGHT
        )
        user.user_permissions.add(access_admin)
        users[name] = user
    users["admin"] = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password=RIGHT
    )
    return users


def sign_in(username: str, password: str, address: str) -> tuple[Any, bool]:
    """Post the admin's sign-in form from ``address`` in a fresh browser; (response, signed in)."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, "_auth_user_id" in client.session


def lock_out(username: str, address: str, limit: int) -> Any:
    responses = [sign_in(username, "wrong", address)[0] for _ in range(limit)]
    assert [r.status_code for r in responses[:-1]] == [200] * (limit - 1)
    return responses[-1]


def test_after_the_failure_limit_even_the_right_password_is_refused(
    accounts: dict[str, Any], settings: Any
) -> None:
    last = lock_out("erika", ATTACKER, settings.AXES_FAILURE_LIMIT)
    assert last.status_code == 429

    # The account is locked wherever the next attempt comes from ...
    response, signed_in = sign_in("erika", RIGHT, ELSEWHERE)
    assert response.status_code == 429
    assert not signed_in
    # ... and the address is locked for every account ...
    response, signed_in = sign_in("mojca", RIGHT, ATTACKER)
    assert response.status_code == 429
    assert not signed_in
    # ... while another account from another address still signs in.
    response, signed_in = sign_in("mojca", RIGHT, ELSEWHERE)
    assert response.status_code == 302
    assert signed_in


def test_the_lockout_page_says_what_happened_and_what_to_do(
    accounts: dict[str, Any], settings: Any
) -> None:
    response = lock_out("erika", ATTACKER, settings.AXES_FAILURE_LIMIT)

    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body
    assert "locked for 15 minutes; an administrator can unlock it sooner" in body


def test_a_locked_out_attempt_costs_no_password_check(
    accounts: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each password check costs a deliberate amount of CPU: a locked-out guess costs none."""
    lock_out("erika", ATTACKER, settings.AXES_FAILURE_LIMIT)
    checked: list[str] = []
    user_class = get_user_model()
    original = user_class.check_password

    def counting(self: Any, raw_password: str) -> bool:
        checked.append(self.username)
        return original(self, raw_password)

    monkeypatch.setattr(user_class, "check_password", counting)

    for _ in range(10):
        assert sign_in("erika", "guess", ELSEWHERE)[0].status_code == 429

    assert checked == []


def test_the_reset_commands_unlock(accounts: dict[str, Any], settings: Any) -> None:
    lock_out("erika", ATTACKER, settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset_username", "erika", verbosity=0)
    response, signed_in = sign_in("erika", RIGHT, ELSEWHERE)
    assert response.status_code == 302 and signed_in

    # Guessing names from one address locks the address; resetting the address unlocks it.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(f"guess{number}", "wrong", ATTACKER)
    assert sign_in("mojca", RIGHT, ATTACKER)[0].status_code == 429
    call_command("axes_reset_ip", ATTACKER, verbosity=0)
    assert sign_in("mojca", RIGHT, ATTACKER)[1]


def test_an_administrator_unlocks_in_the_admin(accounts: dict[str, Any], settings: Any) -> None:
    lock_out("erika", ATTACKER, settings.AXES_FAILURE_LIMIT)
    admin = Client()
    admin.force_login(accounts["admin"])

    listing = admin.get("/admin/sign_in_lockouts/")
    assert listing.status_code == 200
    assert "erika" in listing.content.decode()
    assert "Sign-in lockouts" in admin.get("/admin/").content.decode()  # in the Settings menu

    from axes.models import AccessAttempt

    for attempt in AccessAttempt.objects.filter(username="erika"):
        response = admin.post(f"/admin/sign_in_lockouts/delete/{attempt.pk}/")
        assert response.status_code == 302

    response, signed_in = sign_in("erika", RIGHT, ATTACKER)
    assert response.status_code == 302 and signed_in


def test_only_administrators_see_lockouts_and_nobody_edits_them(accounts: dict[str, Any]) -> None:
    editor = Client()
    editor.force_login(accounts["mojca"])
    assert editor.get("/admin/sign_in_lockouts/").status_code in (302, 403)

    admin = Client()
    admin.force_login(accounts["admin"])
    assert admin.get("/admin/sign_in_lockouts/new/").status_code in (302, 403)
    assert "sign_in_lockouts/new/" not in admin.get("/admin/sign_in_lockouts/").content.decode()


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(
    accounts: dict[str, Any], settings: Any
) -> None:
    """Only the proxy's own entry in X-Forwarded-For counts; what the client adds is ignored."""
    settings.CMS_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for number in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=proxy).post(
            LOGIN,
            {"username": f"guess{number}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {ATTACKER}",  # the first part is spoofed
        )

    def from_behind_proxy(forwarded_for: str) -> int:
        client = Client(REMOTE_ADDR=proxy)
        data = {"username": "mojca", "password": RIGHT}
        return client.post(LOGIN, data, HTTP_X_FORWARDED_FOR=forwarded_for).status_code

    assert from_behind_proxy(f"192.0.2.99, {ATTACKER}") == 429
    assert from_behind_proxy(ELSEWHERE) == 302  # the proxy itself is not locked out


@pytest.fixture
def reset_counters() -> None:
    cache.clear()  # the limit counts in the cache, which outlives a test's transaction


def request_reset(email: str, address: str) -> Any:
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def test_password_reset_requests_are_limited_per_account(
    accounts: dict[str, Any], settings: Any, reset_counters: None
) -> None:
    settings.CMS_PASSWORD_RESET_LIMIT = 3
    for _ in range(3):
        assert request_reset("erika@example.org", ATTACKER).status_code == 302
    assert len(mail.outbox) == 3

    refused = request_reset("erika@example.org", ELSEWHERE)

    assert refused.status_code == 429
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 3
    assert request_reset("mojca@example.org", ELSEWHERE).status_code == 302


def test_password_reset_requests_are_limited_per_address(
    accounts: dict[str, Any], settings: Any, reset_counters: None
) -> None:
    settings.CMS_PASSWORD_RESET_LIMIT = 3
    for number in range(3):
        assert request_reset(f"nobody{number}@example.org", ATTACKER).status_code == 302

    assert request_reset("erika@example.org", ATTACKER).status_code == 429
    assert mail.outbox == []  # no account had those addresses; erika's was refused
    assert request_reset("erika@example.org", ELSEWHERE).status_code == 302
    assert len(mail.outbox) == 1
