"""Old links: redirect(path:, locale:), call(slug:) with an old slug (movedTo), and a
translation's own slug."""

from typing import Any

import pytest

from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallPage

pytestmark = pytest.mark.django_db

OLD_PATH = "/partner-site/call.html?slug=old-slug&locale=en"


@pytest.fixture
def renamed(home: Page, django_capture_on_commit_callbacks: Any) -> CallPage:
    """A published call whose slug an editor changed: Wagtail records the old address."""
    index = CallIndexPageFactory(parent=home)
    call = CallPageFactory(parent=index, title="Solidarity projects", slug="old-slug")
    with django_capture_on_commit_callbacks(execute=True):
        call.save_revision().publish()
        call.slug = "solidarity-projects"
        call.save_revision().publish()
    return call


def test_automatic_redirects_are_on(settings: Any) -> None:
    assert "wagtail.contrib.redirects" in settings.INSTALLED_APPS
    assert settings.WAGTAILREDIRECTS_AUTO_CREATE is True


def test_a_slug_change_is_answered_by_redirect(graphql: Any, renamed: CallPage) -> None:
    assert Redirect.objects.filter(redirect_page=renamed, automatically_created=True).exists()
    body = graphql(
        "query($p: String!) { redirect(path: $p) { path url isPermanent page { slug } } }",
        {"p": "https://example.org" + OLD_PATH},
    )
    answer = body["data"]["redirect"]
    assert answer["page"] == {"slug": "solidarity-projects"}
    assert answer["url"].endswith("call.html?slug=solidarity-projects&locale=en")
    assert answer["isPermanent"] is True


def test_call_with_an_old_slug_says_it_moved(graphql: Any, renamed: CallPage) -> None:
    body = graphql('{ call(slug: "old-slug") { slug movedTo { oldSlug slug url } } }')
    assert body["data"]["call"] == {
        "slug": "solidarity-projects",
        "movedTo": {
            "oldSlug": "old-slug",
            "slug": "solidarity-projects",
            "url": body["data"]["call"]["movedTo"]["url"],
        },
    }
    body = graphql('{ call(slug: "solidarity-projects") { slug movedTo { slug } } }')
    assert body["data"]["call"] == {"slug": "solidarity-projects", "movedTo": None}


@pytest.mark.parametrize("hide", ["unpublish", "private", "expire"])
def test_a_target_that_is_not_public_is_never_revealed(
    graphql: Any, renamed: CallPage, hide: str
) -> None:
    if hide == "unpublish":
        renamed.unpublish()
    elif hide == "private":
        PageViewRestriction.objects.create(
            page=renamed, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    else:
        Page.objects.filter(pk=renamed.pk).update(expire_at=timezone.now())
    body = graphql(
        "query($p: String!) { redirect(path: $p) { url page { title } } }", {"p": OLD_PATH}
    )
    assert body["data"]["redirect"] is None
    body = graphql('{ call(slug: "old-slug") { title movedTo { slug } } }')
    assert body["data"]["call"] is None


def test_an_editors_redirect_to_a_draft_is_never_revealed(graphql: Any, renamed: CallPage) -> None:
    draft = CallPageFactory(parent=renamed.get_parent(), title="Secret draft")
    Page.objects.filter(pk=draft.pk).update(live=False)
    Redirect.objects.create(old_path="/secret", redirect_page=draft)
    body = graphql('{ redirect(path: "/secret") { url page { title } } }')
    assert body["data"]["redirect"] is None


def test_an_editors_redirect_to_another_site(graphql: Any, db: None) -> None:
    Redirect.objects.create(old_path="/old-guide", redirect_link="https://youth.europa.eu/")
    Redirect.objects.create(old_path="/bad", redirect_link="javascript:alert(1)")
    body = graphql('{ redirect(path: "/old-guide/") { url page { title } } }')
    assert body["data"]["redirect"] == {"url": "https://youth.europa.eu/", "page": None}
    assert graphql('{ redirect(path: "/bad") { url } }')["data"]["redirect"] is None


def test_hostile_paths_are_refused(graphql: Any, db: None) -> None:
    body = graphql("query($p: String!) { redirect(path: $p) { url } }", {"p": "/x" * 5000})
    assert body["_status"] < 500
    assert "Argument 'path'" in body["errors"][0]["message"]


@pytest.mark.parametrize("path", ["http://[", "https://[::1/old", "http://x]/old"])
def test_an_address_that_cannot_be_parsed_is_refused(graphql: Any, db: None, path: str) -> None:
    body = graphql("query($p: String!) { redirect(path: $p) { url } }", {"p": path})
    assert body["_status"] < 500
    assert "Argument 'path'" in body["errors"][0]["message"]


def test_the_english_slug_finds_the_slovenian_page(
    graphql: Any, home: Page, locales: Any, django_capture_on_commit_callbacks: Any
) -> None:
    index = CallIndexPageFactory(parent=home)
    call = CallPageFactory(parent=index, title="Solidarity projects", slug="solidarity-projects")
    call.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, "sl")
        slovenian = translate(call, "sl", {"Solidarity projects": "Projekti solidarnosti"})
    slovenian.slug = "projekti-solidarnosti"
    slovenian.save_revision().publish()

    for slug in ("solidarity-projects", "projekti-solidarnosti"):
        body = graphql(
            'query($s: String!) { call(slug: $s, locale: "sl") { title slug locale } }', {"s": slug}
        )
        assert body["data"]["call"] == {
            "title": "Projekti solidarnosti",
            "slug": "projekti-solidarnosti",
            "locale": "sl",
        }
    # Its translation unpublished, the English page answers again (the fallback).
    slovenian.unpublish()
    body = graphql('{ call(slug: "solidarity-projects", locale: "sl") { locale } }')
    assert body["data"]["call"] == {"locale": "en"}
