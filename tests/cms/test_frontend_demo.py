"""Every page of the demo, in every language: the URL the API gives is an address the example
partner site shows, and the page's path on the CMS host redirects there."""

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

from cms.graphql.interfaces import locale_relative_path
from cms.graphql.visibility import public_pages

SITE = Path(__file__).resolve().parents[2] / "examples" / "partner-site"
QUERY = """query($path: String!, $locale: String!) {
  page(urlPath: $path, locale: $locale, fallback: false) {
    id locale url translations { locale url }
  }
}"""


def _site_table(name: str) -> dict[str, str]:
    """A ``{Type: "value"}`` table of render.js, the partner site's own routing."""
    source = (SITE / "render.js").read_text()
    block = re.search(rf"export const {name} = \{{(.*?)\}};", source, re.S)
    assert block, f"render.js has no {name} table"
    return dict(re.findall(r'(\w+): "([^"]*)"', block[1]))


def assert_the_partner_site_shows(url: str, page: Page, base: str) -> None:
    """The address names a file of the site, with the parameters and section it reads."""
    assert url.startswith(f"{base}/"), url
    parts = urlsplit(url[len(base) :])
    file = parts.path.lstrip("/") or "index.html"
    assert (SITE / file).is_file(), url
    query = parse_qs(parts.query)
    typename = type(page).__name__
    assert query["locale"] == [page.locale.language_code], url
    if file == "index.html":
        sections = _site_table("SECTIONS")
        assert set(query) == {"locale"}, url
        assert sections[typename] == parts.fragment, url
        if parts.fragment:
            assert f'id: "{parts.fragment}"' in (SITE / "index.js").read_text(), url
    else:
        assert _site_table("PAGES")[typename] == file, url
        assert set(query) == {"slug", "locale"} and query["slug"] == [page.slug], url
        # Scripts live beside the page (the Content-Security-Policy allows no inline script).
        script = file.removesuffix(".html") + ".js"
        assert f'src="{script}"' in (SITE / file).read_text(), url
        assert "renderDetail(" in (SITE / script).read_text(), url


@pytest.mark.django_db
def test_every_demo_page_url_leads_to_the_partner_site_in_every_language(
    client: Client, graphql, home, settings, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    base = settings.CMS_FRONTEND_URL.rstrip("/")
    pages = list(public_pages(Page.objects.all()).specific().order_by("path"))
    languages: Counter[str] = Counter()
    api_urls: dict[int, str] = {}
    translation_urls: set[str] = set()
    for page in pages:
        code = page.locale.language_code
        path = locale_relative_path(page)
        found = graphql(QUERY, {"path": path, "locale": code})["data"]["page"]
        assert found is not None and found["id"] == str(page.pk), (page, found)
        api_urls[page.pk] = found["url"]
        translation_urls |= {other["url"] for other in found["translations"]}
        assert_the_partner_site_shows(found["url"], page, base)
        # The same page asked for on the CMS host, as Wagtail would have served it.
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        response = client.get(f"{prefix}{path}")
        assert (response.status_code, response.get("Location")) == (302, found["url"]), page
        languages[code] += 1
    assert set(languages) == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert min(languages.values()) >= 6, languages  # the home page and every index, at least
    assert len(set(api_urls.values())) == len(api_urls)  # no two pages share an address
    assert translation_urls <= set(api_urls.values())
