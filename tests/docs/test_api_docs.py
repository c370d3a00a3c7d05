"""Every query in docs/api.md runs against the demo content and returns data."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
BLOCK = re.compile(r"```graphql\n(?P<query>.*?)```(?:\s*```json\n(?P<variables>.*?)```)?", re.S)


def documented_queries() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for match in BLOCK.finditer(DOC.read_text()):
        variables = json.loads(match["variables"]) if match["variables"] else {}
        found.append((match["query"], variables))
    return found


def test_the_guide_documents_ten_queries() -> None:
    assert len(documented_queries()) >= 10


def _empty(value: Any) -> bool:
    """A lookup that found nothing, or a list with no items, shows the example is broken."""
    if isinstance(value, dict) and "items" in value:
        return not value["items"]
    return value is None


#: Statements one documented query may cost, in every language (docs/performance.md).
MAX_STATEMENTS = 12


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_content")
@pytest.mark.xdist_group("api_docs_over_the_demo")
class TestOverTheDemo:
    """The documented queries against one load of the demo content."""

    def test_every_documented_query_returns_data_from_the_demo_content(
        self, graphql, settings
    ) -> None:
        settings.CMS_GRAPHQL_CACHE_SECONDS = 0
        failures = []
        for query, variables in documented_queries():
            body = graphql(query, variables)
            data = body.get("data") or {}
            if body.get("errors") or any(_empty(value) for value in data.values()):
                failures.append(f"{query.strip()[:80]}… -> {json.dumps(body)[:400]}")
        assert not failures, "\n\n".join(failures)

    def test_every_documented_query_costs_at_most_12_statements_in_every_language(
        self, graphql, settings
    ) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        settings.CMS_GRAPHQL_CACHE_SECONDS = 0
        counts = {}
        for query, variables in documented_queries():
            for language in ("en", "sl", "sv"):
                asked = {**variables, "locale": language} if "$locale" in query else variables
                graphql(query, asked)  # warms per-process caches (content types, site roots)
                with CaptureQueriesContext(connection) as captured:
                    body = graphql(query, asked)
                assert "errors" not in body, body["errors"]
                counts[(query.strip().splitlines()[0], language)] = len(captured.captured_queries)
        over = {key: count for key, count in counts.items() if count > MAX_STATEMENTS}
        assert not over, over
