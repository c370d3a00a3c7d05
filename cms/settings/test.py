"""Tests: MD5 hashing, local-memory cache, plain static storage, TEST_DATABASE_URL database."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("GRAPHQL_INTROSPECTION", "true")
# Tests never report errors anywhere, even when a developer's shell has SENTRY_DSN.
os.environ["SENTRY_DSN"] = ""

from .base import *

# `make test` runs the suite a second time with TEST_DATABASE_URL pointing at PostgreSQL.
DATABASES = {
    "default": env.db("TEST_DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'test-db.sqlite3'}")
}
# A shared, busy test machine must not fail slow statements; tests/cms/test_database_timeouts.py
# sets the timeout where it is under test.
CMS_STATEMENT_TIMEOUT_MS = 0
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each test process has its own cache (as without REDIS_URL): the generation is read from the
# database; tests/cms/graphql/test_generation_cache.py sets it where it is under test.
CMS_GRAPHQL_GENERATION_CACHE_SECONDS = 0
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))
GRAPPLE["EXPOSE_GRAPHIQL"] = True
# A page or image that slipped past the visibility rule fails the field loudly in tests.
GRAPHENE = {
    **GRAPHENE,
    "MIDDLEWARE": [
        "cms.graphql.middleware.VisibilityAssertionMiddleware",
        *GRAPHENE["MIDDLEWARE"],
    ],
}
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Preview tests call anonymously; tests/partners covers the key requirement.
CMS_PREVIEW_REQUIRES_KEY = False
CMS_RATE_LIMIT_STORAGE_URL = "memory://"
# Tests that walk the whole demo send hundreds of queries from one address; tests/partners sets
# the budgets it checks (the production defaults are in base.py).
CMS_RATE_LIMITS = {
    "anonymous": {"uncached": "100000/minute", "requests": "100000/minute"},
    "key": {"uncached": "100000/minute", "requests": "100000/minute"},
}
# Tests never send content anywhere, even when a developer's shell has DEEPL_API_KEY.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "cms.editorial.machine_translation.OfflineMachineTranslator",
    "OPTIONS": {},
}
WHITENOISE_AUTOREFRESH = True  # STATIC_ROOT is not collected for tests
# Plain text lines for people reading a terminal.
LOG_FORMAT = "plain"
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
