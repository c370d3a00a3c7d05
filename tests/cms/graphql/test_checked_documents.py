"""A query parsed and validated once is not parsed again, and never skips a per-request check."""

from unittest import mock

import pytest

from django.test import Client, override_settings

from cms.graphql import view

pytestmark = pytest.mark.django_db

QUERY = "query Calls($search: String) { calls(search: $search) { pagination { total } } }"


def test_the_same_query_is_parsed_and_validated_once(graphql, home) -> None:
    with (
        mock.patch.object(view, "parse", wraps=view.parse) as parse,
        mock.patch.object(view, "validate", wraps=view.validate) as validate,
    ):
        for word in ("solidarity", "youth", "camp"):
            body = graphql(QUERY + " ", {"search": word})
            assert body["_status"] == 200, body
    assert parse.call_count == 1
    assert validate.call_count == 1


def test_a_kept_query_still_has_its_variables_checked(graphql, home) -> None:
    assert graphql(QUERY, {"search": "youth"})["_status"] == 200
    body = graphql(QUERY, {"search": "a\u0000b"})
    assert body["_status"] == 400
    assert "NUL" in body["errors"][0]["message"]


def test_introspection_allowed_to_staff_stays_refused_to_anonymous_callers(
    admin_client: Client, graphql, home
) -> None:
    query = "{ __schema { queryType { name } } }"
    with override_settings(CMS_GRAPHQL_INTROSPECTION=False):
        staff = admin_client.post("/graphql/", {"query": query}, content_type="application/json")
        assert staff.json()["data"]["__schema"]["queryType"]["name"] == "Query"
        body = graphql(query)
    assert body["_status"] == 400
    assert "introspection" in body["errors"][0]["message"].lower()


def test_a_partners_query_in_use_outlives_a_stream_of_new_ones() -> None:
    from graphql import parse

    from cms.graphql import checked_documents
    from cms.graphql.limits import Limits

    limits = Limits()
    mine = "{ calls { pagination { total } } }"
    checked_documents.keep_checked_document(mine, limits, False, parse(mine))
    for number in range(checked_documents.MAX_DOCUMENTS * 2):
        # The partner keeps asking while someone sends query after query never seen before.
        assert checked_documents.checked_document(mine, limits, False) is not None
        other = f"query Q{number} {{ calls {{ pagination {{ total }} }} }}"
        checked_documents.keep_checked_document(other, limits, False, parse(other))
    assert checked_documents.checked_document(mine, limits, False) is not None
    assert len(checked_documents._documents) <= checked_documents.MAX_DOCUMENTS
