"""Page URLs belong to the partner frontend: the API, rich text, the admin and the CMS host all
lead there, built from configuration and page data only."""

from typing import Any
from urllib.parse import urlsplit

import pytest

from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.utils.html import escape

from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms import checks
from cms.translation import translate

pytestmark = pytest.mark.django_db

DEFAULT_BASE = "http://127.0.0.1:8000/partner-site"


@pytest.fixture
def calls(home_pages: dict[str, Page], django_capture_on_commit_callbacks: Any) -> dict[str, Page]:
    """A call index and a call in English and Slovenian, with localised Slovenian slugs."""
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home_pages["en"])
    call = CallPageFactory(parent=index, slug="esc-maribor", title="ESC in Maribor")
    call.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sl_index = translate(index, "sl")
        sl_call = translate(call, "sl", {"ESC in Maribor": "ESE v Mariboru"})
    for page, slug in ((sl_index, "klici"), (sl_call, "klic-maribor")):
        page.slug = slug
        page.save_revision().publish()
    return {
        "index": index,
        "call": call,
        "sl_index": Page.objects.get(pk=sl_index.pk).specific,
        "sl_call": Page.objects.get(pk=sl_call.pk).specific,
    }


def call_url(slug: str, locale: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}/call.html?slug={slug}&locale={locale}"


def test_the_api_gives_frontend_urls_for_pages_and_their_translations(graphql, calls) -> None:
    body = graphql(
        '{ call(slug: "esc-maribor") { url translations { locale slug url } } '
        ' sl: call(slug: "klic-maribor", locale: "sl") { url } }'
    )
    assert body["data"]["call"] == {
        "url": call_url("esc-maribor", "en"),
        "translations": [
            {"locale": "sl", "slug": "klic-maribor", "url": call_url("klic-maribor", "sl")}
        ],
    }
    assert body["data"]["sl"] == {"url": call_url("klic-maribor", "sl")}


def test_index_and_home_pages_lead_to_their_section_of_the_partner_site(graphql, calls) -> None:
    body = graphql(
        '{ home: page(urlPath: "/") { url } index: page(urlPath: "/calls/") { url } '
        ' sl: page(urlPath: "/klici/", locale: "sl", fallback: false) { url } }'
    )
    assert body["data"] == {
        "home": {"url": f"{DEFAULT_BASE}/?locale=en"},
        "index": {"url": f"{DEFAULT_BASE}/?locale=en#calls"},
        "sl": {"url": f"{DEFAULT_BASE}/?locale=sl#calls"},
    }


def test_rich_text_links_and_page_choosers_give_frontend_urls(graphql, calls) -> None:
    from pages.calls.factories import CallPageFactory

    target = calls["call"]
    html = f'<p>See <a linktype="page" id="{target.pk}">the call</a>.</p>'
    linking = CallPageFactory(
        parent=calls["index"],
        slug="linking",
        body=[("paragraph", RichText(html)), ("page_link", {"page": target, "text": ""})],
    )
    linking.save_revision().publish()
    body = graphql(
        '{ call(slug: "linking") { body { ... on RichTextBlock { value } '
        "... on PageLinkBlock { page { url translations { url } } } } } }"
    )
    text, chooser = body["data"]["call"]["body"]
    assert f'<a href="{escape(call_url("esc-maribor", "en"))}">the call</a>' in text["value"]
    assert chooser == {
        "page": {
            "url": call_url("esc-maribor", "en"),
            "translations": [{"url": call_url("klic-maribor", "sl")}],
        }
    }


def test_the_admins_view_live_links_lead_to_the_frontend(client: Client, calls) -> None:
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    listing = client.get(f"/admin/pages/{calls['index'].pk}/").content.decode()
    edit = client.get(f"/admin/pages/{calls['sl_call'].pk}/edit/").content.decode()
    assert escape(call_url("esc-maribor", "en")) in listing
    assert escape(call_url("klic-maribor", "sl")) in edit
    assert 'href="/calls/esc-maribor/"' not in listing


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", f"{DEFAULT_BASE}/?locale=en"),
        ("/sl/", f"{DEFAULT_BASE}/?locale=sl"),
        ("/calls/", f"{DEFAULT_BASE}/?locale=en#calls"),
        ("/calls/esc-maribor/", call_url("esc-maribor", "en")),
        ("/sl/klici/klic-maribor/", call_url("klic-maribor", "sl")),
    ],
)
def test_a_page_path_on_the_cms_host_redirects_to_the_frontend(
    client: Client, calls, path: str, expected: str
) -> None:
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (302, expected)


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",
        "/calls/no-such-call/",
        "/sl/calls/klic-maribor/",  # the Slovenian index is /sl/klici/
        "/sv/calls/esc-maribor/",  # no Swedish version
        "/xx/calls/",
        "/calls/draft-call/",
        "/calls/members-only/",
        "/wp-login.php",
        "/calls/esc-maribor/%00/",
    ],
)
def test_unknown_and_hidden_paths_answer_404_never_500(
    client: Client, calls, path: str, home_pages
) -> None:
    from pages.calls.factories import CallPageFactory

    draft = CallPageFactory(parent=calls["index"], slug="draft-call")
    draft.unpublish()
    members = CallPageFactory(parent=calls["index"], slug="members-only")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        ("/calls/esc-maribor/?next=https://evil.example/", {}),
        ("/calls/esc-maribor/", {"HTTP_X_FORWARDED_HOST": "evil.example"}),
        ("/calls/esc-maribor/", {"HTTP_REFERER": "https://evil.example/"}),
        ("/calls/esc-maribor/", {"HTTP_X_FORWARDED_PROTO": "javascript"}),
    ],
)
def test_the_redirect_target_ignores_request_input(
    client: Client, calls, path: str, extra: dict[str, str]
) -> None:
    response = client.get(path, **extra)
    assert (response.status_code, response["Location"]) == (302, call_url("esc-maribor", "en"))


@pytest.mark.parametrize(
    "path", ["//evil.example/", "/%2F%2Fevil.example/", "/calls/..%2F..%2Fevil.example/"]
)
def test_paths_that_name_another_host_are_not_redirected(client: Client, calls, path) -> None:
    # Given as the raw path a server receives (the test client would read //host as a host).
    assert client.get("/", PATH_INFO=path).status_code == 404


def test_a_host_the_cms_does_not_serve_is_refused(client: Client, calls) -> None:
    assert client.get("/calls/esc-maribor/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize(
    "slug", ["//evil.example", "javascript:alert(1)", "x?y=1#z", "a@evil.example", ".."]
)
def test_a_hostile_slug_written_outside_the_admin_stays_under_the_frontend(
    graphql, calls, settings, slug: str
) -> None:
    # An import or a shell can store any slug; the URL keeps the configured origin and path.
    settings.CMS_FRONTEND_URL_PATTERNS = {"calls.CallPage": "{base}/{locale}/calls/{slug}/"}
    Page.objects.filter(pk=calls["call"].pk).update(slug=slug)
    url = graphql('{ page(urlPath: "/calls/") { children { url } } }')["data"]["page"]
    [url] = [child["url"] for child in url["children"]]
    if slug == "..":
        assert url is None  # a path segment browsers would climb out of the frontend with
        return
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("http", "127.0.0.1:8000")
    assert parts.path.startswith("/partner-site/en/calls/")
    assert parts.path.count("/") == 5 and not parts.query and not parts.fragment


def test_the_base_and_each_page_types_pattern_follow_settings(
    graphql, client: Client, calls, settings
) -> None:
    settings.CMS_FRONTEND_URL = "https://www.novomesto.si/razpisi/"
    settings.CMS_FRONTEND_URL_PATTERNS = {
        "calls.CallPage": "{base}/{locale}/calls/{slug}/",
        "calls.callindexpage": "{base}/{locale}/{path}",
    }
    body = graphql(
        '{ call(slug: "klic-maribor", locale: "sl") { url parent { url } } '
        ' home: page(urlPath: "/") { url } }'
    )
    assert body["data"] == {
        "call": {
            "url": "https://www.novomesto.si/razpisi/sl/calls/klic-maribor/",
            "parent": {"url": "https://www.novomesto.si/razpisi/sl/klici/"},
        },
        "home": {"url": "https://www.novomesto.si/razpisi/?locale=en"},
    }
    response = client.get("/sl/klici/klic-maribor/")
    assert response["Location"] == "https://www.novomesto.si/razpisi/sl/calls/klic-maribor/"


def test_serving_a_page_redirects_and_renders_no_template(calls) -> None:
    request = RequestFactory().get("/calls/esc-maribor/")
    response = calls["call"].serve(request)
    assert (response.status_code, response["Location"]) == (302, call_url("esc-maribor", "en"))


def test_wagtails_own_url_doors_agree(calls) -> None:
    call = calls["sl_call"]
    expected = call_url("klic-maribor", "sl")
    assert call.url == call.full_url == call.get_url() == call.get_full_url() == expected
    assert call.get_url_parts()[1:] == (
        "http://127.0.0.1:8000",
        "/partner-site/call.html?slug=klic-maribor&locale=sl",
    )


@pytest.mark.parametrize(
    "base", ["partner-site/", "javascript:alert(1)//x/", "https://partner.example/?x=1"]
)
def test_the_system_check_refuses_a_frontend_base_that_is_no_web_address(settings, base) -> None:
    settings.CMS_FRONTEND_URL = base
    [error] = checks.check_frontend_urls()
    assert error.id == "cms.E003"
    assert error.msg.startswith(f"CMS_FRONTEND_URL {base!r}: it must")


def test_the_system_check_refuses_broken_page_patterns(settings) -> None:
    settings.CMS_FRONTEND_URL_PATTERNS = {
        "calls.CallPage": "{base}/{locale}/calls/{slugg}/",
        "calls.CallIndexPage": "{base.__class__}/",
        "conferences.ConferencePage": "/conference.html?slug={slug}",
        "projects.ProjectPage": "{base}/{slug",
    }
    text = "\n".join(error.msg for error in checks.check_frontend_urls())
    assert text.count("The frontend URL pattern of") == 4, text
    assert "calls.CallPage ('{base}/{locale}/calls/{slugg}/'): it uses {slugg}" in text
    assert "{base.__class__}" in text
    assert "conferences.ConferencePage" in text and "absolute http or https URL" in text
    assert "projects.ProjectPage" in text and "not a valid pattern" in text
    settings.CMS_FRONTEND_URL_PATTERNS = {"nosuch.EventPage": "{base}/", "calls.Callx": "{base}/"}
    text = "\n".join(error.msg for error in checks.check_frontend_urls())
    assert "names 'nosuch.EventPage', which is not a page type" in text
    assert "names 'calls.Callx', which is not a page type" in text


def test_the_shipped_configuration_passes_the_check() -> None:
    assert checks.check_frontend_urls() == []
