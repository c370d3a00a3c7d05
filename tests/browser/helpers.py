"""Small helpers shared by the browser tests."""

from __future__ import annotations

import json
import uuid
from typing import Any

from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

PASSWORD = "correct-horse-battery-staple"


def rich_text_body(html: str) -> str:
    """A body StreamField value holding one paragraph of rich text."""
    return json.dumps([{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}])


def make_user(username: str, *groups: str) -> Any:
    """A user in the named groups (created by migrations), with ``PASSWORD``."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.title(),
    )
    user.groups.set([Group.objects.get(name=group) for group in groups])
    return user


def log_in(tab: BrowserPage, base_url: str, username: str) -> None:
    """Sign in to the Wagtail admin through its login form."""
    tab.goto(f"{base_url}/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(f"{base_url}/admin/")


def public_graphql(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """What an anonymous partner site gets from /graphql/."""
    response = Client().post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def set_admin_language(user: Any, language: str) -> None:
    """Set the user's admin language, as they would in their account settings."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
