"""One explicit request context carries what resolvers share (docs/architecture.md).

The locale, the visibility snapshot, the caller and the loaders live in ``info.context``;
nothing travels through the active language, attributes hung on model instances or on the
request, or module state.
"""

import re
from pathlib import Path

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

from tests.test_imports import python_files

ROOT = Path(__file__).resolve().parents[3]
READ_PATH = [
    # invalidation.py is the write path: it batches a transaction's saves per thread.
    *sorted(set((ROOT / "cms" / "graphql").glob("*.py")) - {ROOT / "cms/graphql/invalidation.py"}),
    ROOT / "cms" / "localized.py",
    ROOT / "cms" / "blocks.py",
    *sorted(ROOT.glob("pages/*/selectors.py")),
    *sorted(ROOT.glob("pages/*/models.py")),
    *sorted(ROOT.glob("pages/*/models/*.py")),
    *sorted(ROOT.glob("snippets/*/selectors.py")),
]
HIDDEN_STATE = {
    "the active language as a carrier": re.compile(r"translation\.activate|get_language\(\)"),
    "results hung on model instances": re.compile(r"\._cms_|f\"_cms_|\"_cms_(?!api_related)"),
    "results hung on the request": re.compile(r"request\.cms_|context\.cms_"),
    "module-level request state": re.compile(r"ContextVar|threading\.local"),
}


@pytest.mark.parametrize("kind", HIDDEN_STATE)
def test_the_read_path_carries_no_hidden_state(kind: str) -> None:
    pattern = HIDDEN_STATE[kind]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in READ_PATH
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, f"{kind}:\n" + "\n".join(found)


def test_the_registry_and_page_links_do_not_import_each_other() -> None:
    registry = (ROOT / "cms" / "graphql" / "registry.py").read_text()
    links = (ROOT / "cms" / "graphql" / "links.py").read_text()
    assert "cms.graphql.links" not in registry
    assert "cms.graphql.registry" not in links


@pytest.mark.django_db
def test_a_query_in_another_language_leaves_the_active_language_alone(graphql, home_pages) -> None:
    with translation.override("en"):
        body = graphql('{ calls(locale: "sl") { items { title } } }')
        assert "errors" not in body, body
        assert translation.get_language() == "en"


@pytest.mark.django_db
def test_collection_restrictions_are_read_only_when_an_image_is_asked_for(
    graphql, home: Page, settings
) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home))
    call.save_revision().publish()
    with CaptureQueriesContext(connection) as captured:
        body = graphql("{ calls { items { title programme { name } } } }")
    assert "errors" not in body, body
    statements = " ".join(query["sql"] for query in captured.captured_queries)
    assert "collectionviewrestriction" not in statements


def test_resolvers_ask_the_context_for_the_caller_not_the_request() -> None:
    # The view gets the caller as an argument (cms.partners.access.partner_api) and puts it in
    # its RequestContext; resolvers ask info.context.caller, so a check cannot read a different
    # caller than the rest.
    pattern = re.compile(r"caller_of\(|api_caller|context\.request\b")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in READ_PATH
        if path.name != "view.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


def test_nothing_hangs_the_caller_on_the_request() -> None:
    # Partner access hands the caller over explicitly; no module sets or reads it as a request
    # attribute (as Django's request.user), the view included.
    pattern = re.compile(
        r"api_caller|CALLER_ATTRIBUTE|caller_of\(|setattr\(request\b|request\.caller\b"
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in python_files(ROOT / "cms")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


@pytest.mark.django_db
def test_the_context_caller_is_the_partner_the_key_names() -> None:
    from django.test import RequestFactory

    from cms.graphql.view import PartnerGraphQLView
    from cms.partners.keys import Caller as PartnerCaller

    request = RequestFactory().post(
        "/graphql/", {"query": "{ __typename }"}, content_type="application/json"
    )
    partner = PartnerCaller(key_id=7, partner_id=3, scopes=frozenset({"preview"}))
    view = PartnerGraphQLView()
    # As cms.partners.access.partner_api calls it, once the key is authenticated.
    assert view.dispatch(request, caller=partner).status_code == 200
    caller = view.get_context(request).caller
    assert caller.partner == partner
    assert caller.may("preview")
    assert not caller.may("introspection")
    assert not caller.is_staff
