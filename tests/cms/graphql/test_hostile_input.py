"""Hostile input gets a clear 400 naming what was wrong, and no noise in the log."""

import json
import logging
from io import BytesIO

import pytest
import wagtail_factories
from graphene.utils.str_converters import to_camel_case
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.test import Client

from wagtail.images.models import Rendition

from cms.graphql.limits import Limits
from cms.graphql.registry import registered_queries

pytestmark = pytest.mark.django_db

#: A traceback of the 2,500-word search was 140 KB; bad input may log a line, not a dump.
LOG_BUDGET = 4 * 1024


def assert_quiet(caplog: pytest.LogCaptureFixture) -> None:
    loud = [record for record in caplog.records if record.levelno > logging.WARNING]
    assert not loud, [record.getMessage() for record in loud]
    logged = sum(len(record.getMessage()) + len(record.exc_text or "") for record in caplog.records)
    assert logged < LOG_BUDGET


def assert_refused(body: dict, *phrases: str) -> None:
    assert body["_status"] == 400, body
    assert "data" not in body or body["data"] is None
    message = body["errors"][0]["message"]
    for phrase in phrases:
        assert phrase in message, message


# --- Image renditions ---------------------------------------------------------------------------


@pytest.fixture
def logo_page(home):
    """A municipality page with a small logo."""
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )

    buffer = BytesIO()
    PILImage.new("RGB", (120, 60), (0, 0, 255)).save(buffer, "PNG")
    image = wagtail_factories.ImageFactory(file=ImageFile(buffer, name="logo.png"))
    index = MunicipalityIndexPageFactory(parent=home)
    page = MunicipalityPageFactory(parent=index, slug="koper", logo=image)
    page.save_revision().publish()
    return page


def logo_query(*selections: str) -> str:
    return f'{{ municipality(slug: "koper") {{ logo {{ {" ".join(selections)} }} }} }}'


PRESETS = ["THUMBNAIL", "CARD", "SQUARE", "HERO", "LOGO", "SMALL", "MEDIUM", "LARGE"]
FORMATS = ["WEBP", "AVIF", "JPEG", "PNG"]


def test_renditions_weigh_heavily_in_the_cost(graphql, home) -> None:
    # 100 items asking 25 renditions each: 2,500 renditions, refused before anything runs.
    variants = [(preset, image_format) for preset in PRESETS for image_format in FORMATS]
    renditions = " ".join(
        f"r{i}: rendition(preset: {preset}, format: {image_format}) {{ url }}"
        for i, (preset, image_format) in enumerate(variants[:25])
    )
    query = f"{{ municipalities(perPage: 100) {{ items {{ logo {{ {renditions} }} }} }} }}"
    assert_refused(graphql(query), "cost limit")


def test_a_src_set_costs_one_rendition_per_preset(graphql, home) -> None:
    presets = ", ".join(PRESETS)
    src_sets = " ".join(
        f"{image_format.lower()}: srcSet(presets: [{presets}], format: {image_format})"
        for image_format in FORMATS
    )
    query = f"{{ municipalities(perPage: 100) {{ items {{ logo {{ {src_sets} }} }} }} }}"
    assert_refused(graphql(query), "cost limit")


def test_new_renditions_per_request_are_capped(graphql, logo_page, settings, caplog) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_new_renditions": 2}
    query = logo_query(
        "a: rendition(preset: THUMBNAIL) { url }",
        "b: rendition(preset: CARD) { url }",
        "c: rendition(preset: SQUARE) { url }",
    )
    body = graphql(query)
    assert_refused(body, "Rendition limit", "2 new renditions")
    assert Rendition.objects.count() <= 2
    assert_quiet(caplog)


def test_stored_renditions_do_not_count_towards_the_cap(graphql, logo_page, settings) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_new_renditions": 2}
    first = graphql(
        logo_query("a: rendition(preset: THUMBNAIL) { url }", "srcSet(presets: [CARD])")
    )
    assert first["_status"] == 200, first
    assert Rendition.objects.count() == 2
    again = graphql(
        logo_query(
            "a: rendition(preset: THUMBNAIL) { url }",
            "srcSet(presets: [CARD, SMALL])",
            "b: rendition(preset: SQUARE) { url }",
        )
    )
    assert again["_status"] == 200, again
    assert Rendition.objects.count() == 4


def test_src_set_counts_each_new_rendition(graphql, logo_page, settings) -> None:
    settings.CMS_GRAPHQL_LIMITS = {**settings.CMS_GRAPHQL_LIMITS, "max_new_renditions": 2}
    body = graphql(logo_query("srcSet(presets: [THUMBNAIL, CARD, SMALL])"))
    assert_refused(body, "Rendition limit")
    assert Rendition.objects.count() == 0


def test_the_default_rendition_cap_is_twenty(settings) -> None:
    assert Limits().max_new_renditions == 20
    assert Limits.from_settings(settings.CMS_GRAPHQL_LIMITS).max_new_renditions == 20


# --- Search terms -------------------------------------------------------------------------------


def search_arguments() -> list[str]:
    """Every argument that reaches the search backend: ``search(query:)`` and each list's."""
    lists = [
        f"{{ {to_camel_case(query.plural)}(search: $text) {{ pagination {{ total }} }} }}"
        for query in registered_queries()
    ]
    return ["{ search(query: $text) { pagination { total } } }", *lists]


@pytest.mark.parametrize("selection", search_arguments())
def test_a_2500_word_search_is_refused_naming_the_limit(graphql, home, caplog, selection) -> None:
    body = graphql(f"query($text: String!) {selection}", {"text": " ".join("a" * 2500)})
    assert_refused(body, "Search limit", "maximum is 512 characters")
    assert_quiet(caplog)


@pytest.mark.parametrize("selection", search_arguments())
def test_search_words_are_capped(graphql, home, caplog, selection) -> None:
    body = graphql(f"query($text: String!) {selection}", {"text": " ".join("a" * 65)})
    assert_refused(body, "Search limit", "65 words", "maximum is 64 words")
    assert_quiet(caplog)


def test_search_characters_are_capped(graphql, home, caplog) -> None:
    body = graphql('{ calls(search: "' + "x" * 513 + '") { pagination { total } } }')
    assert_refused(body, "Search limit", "513 characters", "maximum is 512 characters")
    assert_quiet(caplog)


def test_a_search_within_the_limits_runs(graphql, home, caplog) -> None:
    words = " ".join(["abcdefg"] * 64)  # 64 words in 511 characters: at both limits
    body = graphql(
        "query($text: String!) { search(query: $text) { pagination { total } } "
        "calls(search: $text) { pagination { total } } }",
        {"text": words},
    )
    assert body["_status"] == 200, body
    assert_quiet(caplog)


# --- NUL characters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        ('{ calls(search: "a\\u0000b") { pagination { total } } }', "search"),
        ('{ search(query: "a\\u0000b") { pagination { total } } }', "query"),
        ('{ page(urlPath: "/a\\u0000") { title } }', "urlPath"),
        ('{ call(slug: "x\\u0000") { title } }', "slug"),
        ('{ calls(locale: "\\u0000") { pagination { total } } }', "locale"),
        ('{ calls(programme: "esc\\u0000") { pagination { total } } }', "programme"),
    ],
)
def test_a_nul_in_an_inline_argument_is_refused_naming_it(
    graphql, home, caplog, query, argument
) -> None:
    body = graphql(query)
    assert_refused(body, f"'{argument}'", "NUL")
    assert_quiet(caplog)


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        ("query($t: String) { calls(search: $t) { pagination { total } } }", "search"),
        ("query($t: String!) { search(query: $t) { pagination { total } } }", "query"),
        ("query($t: String!) { news(search: $t, category: $t) { pagination { total } } }", "$t"),
        ("query($t: String) { __typename }", "$t"),
    ],
)
def test_a_nul_in_a_variable_is_refused_naming_it(graphql, home, caplog, query, argument) -> None:
    body = graphql(query, {"t": "solidarity\x00"})
    assert_refused(body, argument, "NUL")
    assert_quiet(caplog)


def test_a_nul_inside_a_list_variable_is_found(graphql, home, caplog) -> None:
    query = "query($p: [ImagePreset!]!, $t: [String]) { __typename }"  # unused, still refused
    body = graphql(query, {"p": ["CARD"], "t": [["x", "y\x00"]]})
    assert_refused(body, "$t", "NUL")
    assert_quiet(caplog)


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        ("query($t: String!) { redirect(path: $t) { url } }", "path"),
        ("query($t: String!) { call(slug: $t) { title } }", "slug"),
        ("query($t: String!) { search(query: $t) { pagination { total } } }", "query"),
        ("query($t: String) { calls(search: $t) { pagination { total } } }", "search"),
    ],
)
def test_a_lone_surrogate_in_a_variable_is_refused_naming_it(
    graphql, home, caplog, query, argument
) -> None:
    # JSON may escape half of a surrogate pair on its own; it encodes to nothing.
    body = graphql(query, {"t": "solidarity\ud800"})
    assert_refused(body, f"'{argument}'", "surrogate")
    assert_quiet(caplog)


# --- Malformed bodies ---------------------------------------------------------------------------


@pytest.fixture
def raw_client() -> Client:
    """A client that returns the server's 500 page instead of raising its exception."""
    return Client(raise_request_exception=False)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "body",
    [
        nested(5000),
        '{"query": "{ __typename }", "variables": {"a": ' + nested(5000) + "}}",
        '{"query": "{ __typename }", "extensions": {"a": ' + nested(5000) + "}}",
        '{"query": 5}',
        '{"query": {"a": 1}}',
        '{"query": ["{ __typename }"]}',
        '{"query": "{ __typename }", "variables": [1]}',
        '{"query": "query($n: Int) { __typename }", "variables": [1]}',
        '{"query": "query($n: Int) { __typename }", "variables": "[1]"}',
        '{"query": "query($n: Int) { __typename }", "variables": 5}',
        '{"query": "{ __typename }", "operationName": 5}',
        '{"query": "{ __typename }", "operationName": ["x"]}',
        '{"query": "{ __typename }", "extensions": {"persistedQuery": 5}}',
        '{"query": "{ __typename }", "extensions": {"persistedQuery": {"sha256Hash": 5}}}',
        '{"query": "{ __typename }", "extensions": 5}',
        '"just a string"',
        "{not json",
        '{"query": "{ __typename }"',
    ],
)
def test_malformed_bodies_answer_400_json(raw_client, home, caplog, body) -> None:
    response = raw_client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    errors = response.json()["errors"]
    assert isinstance(errors, list) and errors[0]["message"]
    assert_quiet(caplog)


@pytest.mark.parametrize(
    "params",
    [
        {"query": "{ __typename }", "variables": nested(5000)},
        {"query": "{ __typename }", "extensions": nested(5000)},
        {"query": "{ __typename }", "variables": "[1]"},
        {"query": "{ __typename }", "extensions": '{"persistedQuery": {"sha256Hash": "nothex"}}'},
    ],
)
def test_malformed_get_parameters_answer_400_json(raw_client, home, caplog, params) -> None:
    response = raw_client.get("/graphql/", params, HTTP_ACCEPT="application/json")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"][0]["message"]
    assert_quiet(caplog)


def test_a_well_formed_body_still_runs(raw_client, home) -> None:
    response = raw_client.post(
        "/graphql/",
        json.dumps({"query": "query Q { __typename }", "variables": None, "operationName": "Q"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


def test_a_recursion_error_logs_a_short_trace(client, home, monkeypatch, caplog) -> None:
    def recurse(depth: int) -> int:
        return recurse(depth + 1)

    monkeypatch.setattr("cms.graphql.queries.locale_homes", lambda locale: recurse(0))
    with caplog.at_level(logging.ERROR):
        response = client.post(
            "/graphql/",
            {"query": '{ page(urlPath: "/") { title } }'},
            content_type="application/json",
        )
    request_id = response["X-Request-ID"]
    assert f"quote request id {request_id}" in response.json()["errors"][0]["message"]
    logged = [record for record in caplog.records if request_id in record.getMessage()]
    assert logged and "RecursionError" in logged[0].getMessage()
    assert "recurse" in logged[0].getMessage(), "the last frames say where it happened"
    size = sum(len(record.getMessage()) + len(record.exc_text or "") for record in caplog.records)
    assert size < LOG_BUDGET
