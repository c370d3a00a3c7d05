"""Profile one uncached calls listing (the benchmark's query) on 200 calls (docs/performance.md).

Not part of the suite (its name does not start with ``test_``); run it by path:
``PROFILE_OUT=profile.txt .venv/bin/pytest -p no:xdist tests/bench/profile_listing.py``. It
writes the worker CPU per request (100 requests, no profiler) and a pyinstrument profile of 30.

It measures what production runs: the test settings' visibility assertion (a graphene
middleware production does not install) is taken out for the measurement.
"""

import os
import time

import pytest
from pyinstrument import Profiler

from django.conf import settings as django_settings
from django.db import connection

QUERY = """{ calls(locale: "en", perPage: 20) { items { title slug deadline status
  programme { name } translations { locale url } } pagination { total } } }"""


@pytest.mark.django_db
def test_profile_listing(graphql, home, settings) -> None:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from snippets.programmes.factories import ProgrammeFactory

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    from cms.settings.base import GRAPHENE as PRODUCTION_GRAPHENE

    settings.GRAPHENE = {
        **django_settings.GRAPHENE,
        "MIDDLEWARE": PRODUCTION_GRAPHENE["MIDDLEWARE"],
    }
    index = CallIndexPageFactory(parent=home)
    programme = ProgrammeFactory(name="ESC")
    for _ in range(200):
        CallPageFactory(parent=index, programme=programme).save_revision().publish()
    for _ in range(5):
        graphql(QUERY)
    # Counted around the request (Django resets its own query log when a request starts).
    statements: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        body = graphql(QUERY)
    assert "errors" not in body
    runs = 100
    start = time.process_time()
    for _ in range(runs):
        graphql(QUERY)
    cpu = (time.process_time() - start) / runs * 1000
    out = os.environ["PROFILE_OUT"]
    with open(out, "w") as f:
        f.write(f"statements: {len(statements)}\n")
        f.write(f"CPU per request (test client, SQLite, no profiler): {cpu:.2f} ms\n")
        f.flush()
        profiler = Profiler(interval=0.001)
        profiler.start()
        for _ in range(30):
            graphql(QUERY)
        profiler.stop()
        f.write(profiler.output_text(unicode=False, color=False, show_all=False))
