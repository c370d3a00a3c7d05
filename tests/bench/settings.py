"""Benchmark settings: production settings on localhost, plus Wagtail's REST API v2 to compare.

Used only by ``make bench`` (tests/bench/run.py). The REST API v2 and the trivial JSON view
exist here and nowhere else. Environment: ``BENCH_DATABASE_URL`` (default
postgres://postgres@127.0.0.1:5432/solidarity_bench) and ``BENCH_REDIS_URL`` (default
redis://127.0.0.1:6379/15), so a developer's own ``DATABASE_URL`` and ``REDIS_URL`` are never
touched by a benchmark.
"""

import os

BENCH_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/solidarity_bench"
)
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")

# base.py reads these at import time; the benchmark's own values win over the caller's.
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ["REDIS_URL"] = BENCH_REDIS_URL
os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key-never-use-in-production")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from pathlib import Path  # noqa: E402

from cms.settings.production import *  # noqa: E402, F403
from cms.settings.production import BASE_DIR, INSTALLED_APPS, STORAGES  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Plain HTTP on the loopback interface: no redirect to HTTPS, no manifest to collect.
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
# Generated images stay out of the developer's media folder (bench-results/ is ignored by git).
MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA_ROOT", BASE_DIR / "bench-results" / "media"))

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
# wrk sends everything from one address: budgets it never reaches, still counted in Redis, so
# the cost of counting stays in the measurement.
CMS_RATE_LIMITS = {
    "anonymous": {"uncached": "100000000/minute", "requests": "100000000/minute"},
    "key": {"uncached": "100000000/minute", "requests": "100000000/minute"},
}
ROOT_URLCONF = "tests.bench.urls"
