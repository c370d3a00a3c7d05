"""The widget script: small, served to any origin, its persisted-query hash matches its query."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from cms.partners.widget import WIDGET


def test_widget_is_small_and_its_hash_matches(client: Any, db: None) -> None:
    source = WIDGET.read_text()
    assert len(source.encode()) <= 15 * 1024
    parts = re.search(r"const QUERY =\n(.*?);\n", source, re.S).group(1)
    query = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', parts))
    declared = re.search(r'const QUERY_HASH = "([0-9a-f]{64})"', source).group(1)
    assert hashlib.sha256(query.encode()).hexdigest() == declared
    response = client.get("/widget/solidarity-calls.js", headers={"Origin": "https://any.example"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    # The query runs as the widget sends it: a GET with the hash and the document.
    answer = client.get(
        "/graphql/",
        {
            "query": query,
            "variables": '{"locale": "sl", "country": "SI", "programme": null, "perPage": 10}',
            "extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": declared}}),
        },
        headers={"Accept": "application/json"},
    ).json()
    assert answer == {"data": {"calls": {"items": []}}}
