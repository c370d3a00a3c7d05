"""Admin (interface) languages are a setting of their own; nothing about editors leaves."""

from typing import Any

import pytest

from django.conf import settings
from django.test import Client

from wagtail.admin.localization import WAGTAILADMIN_PROVIDED_LANGUAGES

from cms.admin_languages import admin_languages


def test_the_admin_offers_the_content_languages_first_then_every_language_wagtail_speaks() -> None:
    codes = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]

    assert codes[:3] == ["en", "sl", "sv"]
    assert {code for code, _name in WAGTAILADMIN_PROVIDED_LANGUAGES} <= set(codes)
    assert len(codes) == len(set(codes))


def test_a_content_language_wagtail_does_not_speak_is_still_offered_first() -> None:
    codes = [code for code, _name in admin_languages([("sq", "Albanian"), ("en", "English")])]

    assert codes[:2] == ["sq", "en"]
    assert codes.count("en") == 1


@pytest.mark.django_db
def test_no_editors_email_hash_is_sent_to_gravatar(admin_client: Client, admin_user: Any) -> None:
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None

    html = admin_client.get("/admin/").content.decode()

    assert "gravatar" not in html.lower()
