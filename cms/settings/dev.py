"""Local development: debug on, GraphiQL on, a throw-away secret."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
os.environ.setdefault("GRAPHIQL_ENABLED", "true")
os.environ.setdefault("GRAPHQL_INTROSPECTION", "true")
os.environ.setdefault("GRAPHQL_SUGGESTIONS", "true")

from .base import *

DEBUG = True
# `make run` passes the address it serves on (HOST, PORT), so the admin's links and the API's
# image URLs point at the running server, whatever port it uses.
DEV_HOST = env.str("HOST", default="127.0.0.1")
DEV_PORT = env.int("PORT", default=8000)
DEV_URL = f"http://{DEV_HOST}:{DEV_PORT}"
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=list(dict.fromkeys(["127.0.0.1", "localhost", "[::1]", DEV_HOST]))
)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=DEV_URL)
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://(127\.0\.0\.1|localhost)(:\d+)?$"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CMS_DEV_SUPERUSER = True
# The example partner site previews drafts without an API key.
CMS_PREVIEW_REQUIRES_KEY = False
# The example partner site at /partner-site/ is the default headless-preview target.
CMS_PARTNER_SITE_DIR = BASE_DIR / "examples" / "partner-site"
WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]["default"] = env.str(
    "PREVIEW_CLIENT_URL", default=f"{DEV_URL}/partner-site/"
)
# Page URLs in the API and "View live" lead to the bundled partner site on the served address.
CMS_FRONTEND_URL = env.str("CMS_FRONTEND_URL", default=f"{DEV_URL}/partner-site/")
# Plain text lines for people reading a terminal.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
