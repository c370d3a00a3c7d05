"""JSON log lines with the request id, request id propagation, /metrics, error reporting."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from cms.log_config import logging_config
from cms.partners.keys import create_key
from cms.partners.models import Partner
from cms.request_log import RequestLogMiddleware, note_partner_key

QUERY = {"query": 'query Home { page(urlPath: "/") { title } }'}


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """The production JSON handler (formatter and request id filter), writing to a buffer."""
    config = logging_config("json", "INFO")
    formatter_config = dict(config["formatters"]["json"])
    formatter_class = formatter_config.pop("()")
    module, _, name = formatter_class.rpartition(".")
    formatter = getattr(__import__(module, fromlist=[name]), name)(
        fmt=formatter_config["format"],
        rename_fields=formatter_config["rename_fields"],
        timestamp=formatter_config["timestamp"],
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    from django_guid.log_filters import CorrelationId

    handler.addFilter(CorrelationId())
    logger = logging.getLogger("cms")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_one_json_line_per_request_and_per_operation(
    json_lines: io.StringIO, client: Client, home: Any
) -> None:
    response = client.get("/graphql/", QUERY)
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    lines = _lines(json_lines)
    requests = [line for line in lines if line["logger"] == "cms.request"]
    operations = [line for line in lines if line["logger"] == "cms.graphql.operation"]
    assert len(requests) == 1
    assert len(operations) == 1
    request = requests[0]
    assert request["method"] == "GET"
    assert request["path"] == "/graphql/"
    assert request["status"] == 200
    assert request["duration_ms"] >= 0
    assert request["sql_count"] >= 1
    assert request["partner_key"] is None
    assert request["request_id"] == request_id
    assert request["level"] == "INFO"
    assert request["time"].endswith("+00:00")
    operation = operations[0]
    assert operation["operation"] == "Home"
    assert operation["cost"] >= 1
    assert operation["request_id"] == request_id


def test_partner_key_prefix_joins_the_request_line(
    json_lines: io.StringIO, rf: RequestFactory
) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        note_partner_key("pk_3f9a")
        return HttpResponse("ok")

    RequestLogMiddleware(view)(rf.get("/feeds/calls.ics"))
    (line,) = _lines(json_lines)
    assert line["partner_key"] == "pk_3f9a"
    assert line["sql_count"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["Authorization", "X-API-Key"])
def test_a_partner_key_request_logs_the_key_prefix_never_the_key(
    json_lines: io.StringIO, client: Client, home: Any, header: str
) -> None:
    partner = Partner.objects.create(name="Maribor", contact="web@maribor.example")
    record, key = create_key(partner, label="site")
    value = f"Bearer {key}" if header == "Authorization" else key
    response = client.get("/graphql/", QUERY, headers={header: value})
    assert response.status_code == 200
    (line,) = [line for line in _lines(json_lines) if line["logger"] == "cms.request"]
    assert line["partner_key"] == record.prefix
    assert key not in json_lines.getvalue()
    # The next request, without a key, is anonymous again.
    client.get("/graphql/", QUERY)
    assert _lines(json_lines)[-1]["partner_key"] is None


@pytest.mark.django_db
def test_a_refused_key_logs_no_prefix(json_lines: io.StringIO, client: Client, home: Any) -> None:
    partner = Partner.objects.create(name="Maribor", contact="web@maribor.example")
    record, key = create_key(partner)
    guessed = key[:-4] + "AAAA"
    response = client.get("/graphql/", QUERY, headers={"Authorization": f"Bearer {guessed}"})
    assert response.status_code == 401
    (line,) = [line for line in _lines(json_lines) if line["logger"] == "cms.request"]
    assert line["partner_key"] is None
    assert record.prefix not in json_lines.getvalue()


@pytest.mark.django_db
def test_request_id_from_a_trusted_proxy_is_kept(
    settings: Any, client: Client, home: Any, json_lines: io.StringIO
) -> None:
    settings.CMS_REQUEST_ID_TRUSTED_PROXIES = ["127.0.0.1"]
    response = client.get("/graphql/", QUERY, HTTP_X_REQUEST_ID="varnish-1234")
    assert response["X-Request-ID"] == "varnish-1234"
    assert {line["request_id"] for line in _lines(json_lines)} == {"varnish-1234"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("trusted", "offered"),
    [([], "chosen-by-client"), (["127.0.0.1"], "a b"), (["127.0.0.1"], "x" * 65)],
)
def test_request_id_otherwise_generated(
    settings: Any, client: Client, home: Any, trusted: list[str], offered: str
) -> None:
    settings.CMS_REQUEST_ID_TRUSTED_PROXIES = trusted
    first = client.get("/graphql/", QUERY, HTTP_X_REQUEST_ID=offered)["X-Request-ID"]
    second = client.get("/graphql/", QUERY, HTTP_X_REQUEST_ID=offered)["X-Request-ID"]
    assert offered not in (first, second)
    assert first != second
    assert len(first) == 32


@pytest.mark.django_db
def test_metrics_off_by_default(client: Client) -> None:
    assert client.get("/metrics").status_code == 404


@pytest.mark.django_db
def test_metrics_on(settings: Any, client: Client, home: Any) -> None:
    settings.CMS_METRICS_ENABLED = True
    client.get("/graphql/", QUERY)
    client.get("/graphql/", QUERY)
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert 'cms_http_requests_total{method="GET",route="graphql/",status="200"}' in text
    assert 'cms_http_request_duration_seconds_bucket{le="0.005",route="graphql/"}' in text
    assert 'cms_graphql_operations_total{operation="Home"}' in text
    assert 'cms_graphql_response_cache_total{result="hit"}' in text
    assert 'cms_graphql_response_cache_total{result="miss"}' in text


def test_operation_labels_are_bounded() -> None:
    from cms import metrics

    assert metrics.operation_label("Home") == "Home"
    assert metrics.operation_label("x" * 65) == "other"
    assert metrics.operation_label("drop table;") == "other"
    for number in range(metrics.MAX_OPERATION_NAMES + 5):
        metrics.operation_label(f"Generated{number}")
    assert metrics.operation_label("NeverSeenBefore") == "other"
    assert metrics.operation_label("Home") == "Home"


SENTRY_PROBE = """
import json, sentry_sdk
from cms.error_reporting import start_error_reporting
started = start_error_reporting(
    {dsn!r}, environment="test", release="", traces_sample_rate=0.0
)
client = sentry_sdk.get_client()
print(json.dumps({{
    "started": started,
    "active": client.is_active(),
    "pii": client.options.get("send_default_pii") if client.is_active() else None,
    "integrations": sorted(getattr(client, "integrations", {{}})),
}}))
"""


def _sentry(dsn: str) -> dict[str, Any]:
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SENTRY_PROBE.format(dsn=dsn)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_no_error_reporting_without_a_dsn() -> None:
    assert _sentry("") == {"started": False, "active": False, "pii": None, "integrations": []}


def test_error_reporting_with_a_dsn_sends_no_personal_data() -> None:
    result = _sentry("http://public@127.0.0.1:9/1")
    assert result["started"] is True
    assert result["active"] is True
    assert result["pii"] is False
    assert "django" in result["integrations"]
