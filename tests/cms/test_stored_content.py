"""Content written outside the admin forms (a shell, an import, a migration) cannot script a
partner site through the API, cannot break the admin editor, and URL fields check schemes."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from typing import Any

import pytest

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client

from wagtail.models import Page

from cms.plugins import registry
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.municipalities.factories import (
    MunicipalityIndexPageFactory,
    MunicipalityPageFactory,
)
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.projects.factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectSocialLinkFactory,
)
from snippets.organisations.factories import OrganisationFactory
from snippets.organisations.models import OrganisationSocialLink
from snippets.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

#: Each of issue 9's payloads, as an import script would store it in rich text.
HTML_PAYLOADS = [
    '<script>alert("script-tag")</script>',
    '<p><a href="JaVaScRiPt:alert(1)">mixed case</a></p>',
    '<p><a href="   javascript:alert(2)">leading spaces</a></p>',
    '<p><a href="\x01\x1fjavascript:alert(3)">control characters</a></p>',
    '<p><a href="&#106;avascript&colon;alert(4)">entity-encoded</a></p>',
    '<p><a href="java\tscript:alert(5)">tab inside</a></p>',
    '<p><img src="x" onerror="alert(6)">broken image</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(7))">painted</p>',
    '<p onclick="alert(8)">clicked</p>',
    '<p class="evil-class">labelled</p>',
]
#: What an editor's rich text may hold; it must come out as it went in.
SAFE_HTML = (
    '<p>Keep <b>bold</b>, <i>italic</i>, <a href="https://example.org/a?b=1&amp;c=2">a link</a>, '
    '<a href="mailto:info@example.org">mail</a> and <a href="/calls/">a relative one</a>.</p>'
)
#: Stored in URL fields: each would run script if a partner put it in an href.
URL_PAYLOADS = [
    "JaVaScRiPt:alert(1)",
    "   javascript:alert(2)",
    "\x01\x1f javascript:alert(3)",
    "&#106;avascript&colon;alert(4)",
    "java\tscript:alert(5)",
    "data:text/html,<script>alert(6)</script>",
    "vbscript:msgbox(7)",
]
SAFE_SOCIAL_URL = "https://www.facebook.com/safe/"

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "b", "strong", "i", "em", "br"}
ALLOWED_TAGS |= {"hr", "blockquote", "code", "sub", "sup", "s"}


def hostile_body() -> str:
    blocks = [
        {"type": "paragraph", "value": payload, "id": f"p{index}"}
        for index, payload in enumerate([*HTML_PAYLOADS, SAFE_HTML])
    ]
    return json.dumps(blocks)


def write_through_orm(instance: models.Model, **fields: Any) -> None:
    """Store values the way a script does: no form, no ``full_clean``."""
    for name, value in fields.items():
        setattr(instance, name, value)
    if isinstance(instance, Page):
        instance.save(clean=False)
        # The editor opens the latest revision: let it hold the same content.
        instance.save_revision(clean=False)
    else:
        instance.save()


def url(index: int) -> str:
    return URL_PAYLOADS[index % len(URL_PAYLOADS)]


@pytest.fixture
def hostile(home: Page) -> dict[str, models.Model]:
    """One live item of every content type, with every payload in its rich text and URLs."""
    body = hostile_body()
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="hostile-call")
    write_through_orm(call, body=body, application_url=url(0))
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), slug="hostile-conference"
    )
    write_through_orm(conference, body=body, online_url=url(1), application_url=url(2))
    municipality = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home), slug="hostile-municipality"
    )
    write_through_orm(municipality, body=body, website=url(3))
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), slug="hostile-news")
    write_through_orm(news, body=body)
    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home), slug="hostile-project"
    )
    for payload in [*URL_PAYLOADS, SAFE_SOCIAL_URL]:
        ProjectSocialLinkFactory(project=project, network="website", url=payload)
    write_through_orm(
        project, body=body, impact="".join([*HTML_PAYLOADS, SAFE_HTML]), website=url(4)
    )
    organisation = OrganisationFactory(name="Hostile organisation", slug="hostile-organisation")
    # The factory keeps one row per network; an import is not so careful.
    for order, payload in enumerate([*URL_PAYLOADS, SAFE_SOCIAL_URL]):
        OrganisationSocialLink.objects.create(
            organisation=organisation, network="website", url=payload, sort_order=order
        )
    write_through_orm(organisation, website=url(5))
    programme = ProgrammeFactory(name="Hostile programme", slug="hostile-programme")
    write_through_orm(programme, website=url(6))
    return {
        "call": call,
        "conference": conference,
        "municipality": municipality,
        "news": news,
        "project": project,
        "organisation": organisation,
        "programme": programme,
    }


BODY = "body { ... on RichTextBlock { value } }"
QUERY = f"""{{
  call(slug: "hostile-call") {{ applicationUrl {BODY} }}
  conference(slug: "hostile-conference") {{ onlineUrl applicationUrl {BODY} }}
  municipality(slug: "hostile-municipality") {{ website {BODY} }}
  newsItem(slug: "hostile-news") {{ {BODY} }}
  project(slug: "hostile-project") {{ website impact socialLinks {{ url }} {BODY} }}
  organisation(slug: "hostile-organisation") {{ website socialLinks {{ url }} }}
  programme(slug: "hostile-programme") {{ website }}
}}"""


class _Markup(HTMLParser):
    """Every tag and attribute an HTML string holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def assert_harmless(text: str) -> None:
    # As a browser reads it: entities decoded, tabs and control characters ignored.
    decoded = "".join(char for char in html.unescape(text) if char >= " ").lower()
    for needle in (
        "<script",
        "alert(",
        "javascript",
        "onerror",
        "onclick",
        "iframe",
        "style=",
        "class=",
    ):
        assert needle not in decoded, (needle, text)
    markup = _Markup()
    markup.feed(text)
    assert markup.tags <= ALLOWED_TAGS, text
    for tag, name, value in markup.attributes:
        assert (tag, name) == ("a", "href"), text
        assert value.startswith(("https:", "mailto:", "/")), text


def test_the_api_serves_no_stored_script_markup_or_unsafe_url(hostile: Any, graphql: Any) -> None:
    body = graphql(QUERY)

    assert "errors" not in body, body["errors"]
    data = body["data"]
    for text in strings(data):
        assert_harmless(text)
    # Unsafe URLs are dropped, not rewritten; unsafe social links leave their list.
    assert data["call"]["applicationUrl"] is None
    assert data["conference"]["onlineUrl"] is None
    assert data["conference"]["applicationUrl"] is None
    assert data["municipality"]["website"] is None
    assert data["project"]["website"] is None
    assert data["organisation"]["website"] is None
    assert data["programme"]["website"] is None
    assert data["project"]["socialLinks"] == [{"url": SAFE_SOCIAL_URL}]
    assert data["organisation"]["socialLinks"] == [{"url": SAFE_SOCIAL_URL}]
    # What an editor can write survives, text of the removed markup too.
    paragraphs = [block["value"] for block in data["call"]["body"]]
    assert SAFE_HTML in paragraphs
    assert "<p><a>mixed case</a></p>" in paragraphs
    assert "<p>clicked</p>" in paragraphs
    assert "<p>labelled</p>" in paragraphs
    assert SAFE_HTML in data["project"]["impact"]


@pytest.fixture
def editor(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("kind", ["call", "conference", "municipality", "news", "project"])
def test_the_admin_editor_opens_a_page_with_stored_payloads(
    hostile: dict[str, models.Model], editor: Client, kind: str
) -> None:
    response = editor.get(f"/admin/pages/{hostile[kind].pk}/edit/")

    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["organisation", "programme"])
def test_the_admin_editor_opens_a_snippet_with_stored_payloads(
    hostile: dict[str, models.Model], editor: Client, kind: str
) -> None:
    snippet = hostile[kind]
    meta = snippet._meta
    response = editor.get(f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{snippet.pk}/")

    assert response.status_code == 200


def url_fields() -> list[tuple[type[models.Model], str]]:
    return [
        (model, field.name)
        for plugin in registry
        for model in plugin.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
    ]


def test_every_url_field_of_every_content_type_is_found() -> None:
    labels = {f"{model._meta.label}.{name}" for model, name in url_fields()}

    assert {
        "calls.CallPage.application_url",
        "conferences.ConferencePage.online_url",
        "projects.ProjectSocialLink.url",
        "organisations.OrganisationSocialLink.url",
        "programmes.Programme.website",
    } <= labels


@pytest.mark.parametrize(
    "value", ["ftp://example.org/file", "javascript:alert(1)", "data:text/html,x", " JavaScript:x"]
)
@pytest.mark.parametrize(
    ("model", "name"), url_fields(), ids=lambda item: getattr(item, "__name__", item)
)
def test_url_fields_refuse_other_schemes(model: type[models.Model], name: str, value: str) -> None:
    field = model._meta.get_field(name)

    with pytest.raises(ValidationError):
        field.clean(value, model())
    assert field.clean("https://example.org/path", model()) == "https://example.org/path"
