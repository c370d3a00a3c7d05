"""A translator's admin speaks their language from the start."""

from collections.abc import Callable
from typing import Any

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def add_user(client: Client, username: str, *groups: str) -> Any:
    """Add a user through the admin's own form, as an administrator does."""
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": f"{username}@example.org",
            "first_name": username.title(),
            "last_name": "Novak",
            "password1": "a-long-enough-password-1",
            "password2": "a-long-enough-password-1",
            "is_active": "on",
            "groups": [Group.objects.get(name=group).pk for group in groups],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_user_model().objects.get(username=username)


def test_a_new_translator_gets_the_admin_in_their_groups_language(admin_client: Client) -> None:
    tina = add_user(admin_client, "tina", "Translators (sl)")
    lars = add_user(admin_client, "lars", "Translators (sv)")

    assert UserProfile.get_for_user(tina).preferred_language == "sl"
    assert UserProfile.get_for_user(lars).preferred_language == "sv"


def test_other_new_users_follow_their_browser_as_before(admin_client: Client) -> None:
    erika = add_user(admin_client, "erika", "Editors")

    assert UserProfile.get_for_user(erika).preferred_language == ""


def test_a_user_added_to_a_translator_group_later_gets_its_language_unless_they_chose_one(
    admin_client: Client, make_user: Callable[..., Any]
) -> None:
    new = make_user("Editors", username="ana")
    chose = make_user("Editors", username="maja")
    profile = UserProfile.get_for_user(chose)
    profile.preferred_language = "en"
    profile.save()
    translators = Group.objects.get(name="Translators (sl)")
    for user in (new, chose):
        response = admin_client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            {
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": "Novak",
                "is_active": "on",
                "groups": [translators.pk],
            },
        )
        assert response.status_code == 302, response.context["form"].errors

    assert UserProfile.get_for_user(new).preferred_language == "sl"
    assert UserProfile.get_for_user(chose).preferred_language == "en"


def test_the_translator_then_sees_the_admin_in_slovenian(
    admin_client: Client, client_for: Callable[[Any], Client]
) -> None:
    tina = add_user(admin_client, "tina", "Translators (sl)")

    html = client_for(tina).get("/admin/").content.decode()

    assert "Prevodi, ki čakajo na delo" in html  # the project's own panel
    assert 'lang="sl"' in html
