"""The platform a newcomer gets from `make run`: locales, home pages, endpoints."""

import pytest

from django.conf import settings
from django.test import Client

from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


def test_every_configured_language_has_a_locale_after_migrate() -> None:
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert settings.LANGUAGE_CODE == "en"


def test_each_locale_has_a_live_home_page_translated_from_english(home_pages) -> None:
    assert set(home_pages) == {"en", "sl", "sv"}
    keys = {page.translation_key for page in home_pages.values()}
    assert len(keys) == 1
    assert all(page.live for page in home_pages.values())
    # Their addresses are the partner frontend's (cms/frontend.py).
    assert home_pages["sl"].url == "http://127.0.0.1:8000/partner-site/?locale=sl"
    assert home_pages["en"].url == "http://127.0.0.1:8000/partner-site/?locale=en"


def test_home_pages_are_wagtail_localize_translations(home_pages) -> None:
    from wagtail_localize.models import Translation

    targets = set(
        Translation.objects.filter(source__object_id=home_pages["en"].translation_key).values_list(
            "target_locale__language_code", flat=True
        )
    )
    assert targets == {"sl", "sv"}


def test_healthz_reports_database_and_cache(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_is_200_and_degraded_when_the_cache_is_down(client: Client, monkeypatch) -> None:
    # A cache outage only costs speed (the API answers from the database): keep serving.
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("redis went away")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("degraded")
    assert "redis went away" not in response.content.decode()


def test_healthz_is_503_naming_the_database_when_it_is_down(client: Client, monkeypatch) -> None:
    from django.db import connection

    def broken(*args, **kwargs):
        raise RuntimeError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("unavailable")


def test_graphql_endpoint_answers_a_query(graphql) -> None:
    body = graphql("{ __typename }")
    assert body["_status"] == 200
    assert body["data"] == {"__typename": "Query"}


def test_admin_login_page_is_served(client: Client) -> None:
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_root_of_tree_holds_one_home_page_per_locale(home) -> None:
    assert Page.objects.filter(depth=2).count() == 3
