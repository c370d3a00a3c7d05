"""Complete, production-safe settings; dev.py, test.py and production.py only override.

Everything a deployment changes comes from environment variables, documented in the README's
configuration table. Nothing here is safe to loosen for production.
"""

from datetime import timedelta
from pathlib import Path

import environ

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cms.admin_languages import admin_languages
from cms.database_timeouts import with_statement_timeout
from cms.error_reporting import start_error_reporting
from cms.log_config import logging_config
from cms.media_storage import media_storages, object_store_from_env
from cms.plugins import discover_plugins
from cms.shared_cache import LOCAL_MEMORY, redis_cache

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# Required: a missing key must stop the process, never fall back to a guessable default.
try:
    SECRET_KEY = env.str("SECRET_KEY")
except ImproperlyConfigured as exc:
    raise ImproperlyConfigured(
        "The SECRET_KEY environment variable is required (see the README's configuration table)."
    ) from exc

DEBUG = False
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Content plugins -------------------------------------------------------------------------
# The one list of content types; it feeds INSTALLED_APPS and GRAPPLE["APPS"] alike.
CMS_PLUGINS = discover_plugins(BASE_DIR)
CMS_PLUGIN_MODULES = [plugin.module for plugin in CMS_PLUGINS]

INSTALLED_APPS = [
    "cms",
    "cms.editorial",
    "cms.partners",
    *CMS_PLUGIN_MODULES,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # grapple must come after wagtail.snippets, or every schema load fails with
    # "fields cannot be resolved".
    "grapple",
    "graphene_django",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "corsheaders",
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_guid",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # The request id (cms/request_id.py), then one log line per request (cms/request_log.py).
    "cms.request_id.TrustedRequestIdMiddleware",
    "django_guid.middleware.guid_middleware",
    "cms.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app itself: compressed, hashed names cached for a year.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that the API's answers do not vary by browser language (the locale is
    # a query argument), so shared caches can store them.
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.security_headers.ContentSecurityPolicyMiddleware",
    # django-axes turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
    # Answers a database failure; below it, so it runs after the rollback is marked.
    "cms.database_errors.DatabaseErrorMiddleware",
    # Each admin request is one transaction: a publish or approval is all or nothing.
    "cms.admin_transactions.AtomicAdminMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
# PostgreSQL: no web request waits on the database longer than this (a stuck query answers
# 503 instead of holding a worker); 0 turns it off. `manage.py migrate` lifts it and waits at
# most CMS_MIGRATION_LOCK_TIMEOUT_MS for any lock instead, so a migration queued behind a long
# read fails fast rather than stalling every request queued behind it.
CMS_STATEMENT_TIMEOUT_MS = env.int("CMS_STATEMENT_TIMEOUT_MS", default=5_000)
CMS_MIGRATION_LOCK_TIMEOUT_MS = env.int("CMS_MIGRATION_LOCK_TIMEOUT_MS", default=2_000)
DATABASES["default"] = with_statement_timeout(DATABASES["default"], CMS_STATEMENT_TIMEOUT_MS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (cms/shared_cache.py) -------------------------------------------------------------
# Redis when REDIS_URL is set: every worker, cron job and shell then shares one cache. An outage
# costs speed, not answers: errors read as misses, and are logged once a minute at most. Without
# Redis each process keeps its own; production refuses that behind several workers unless
# CMS_ALLOW_LOCAL_CACHE is true. Freshness never depends on it: the content generation that
# keys cached responses lives in the database (cms.ContentGeneration).
REDIS_URL: str = env.str("REDIS_URL", default="")
CACHES = {"default": redis_cache(REDIS_URL) if REDIS_URL else {"BACKEND": LOCAL_MEMORY}}
CMS_ALLOW_LOCAL_CACHE = env.bool("CMS_ALLOW_LOCAL_CACHE", default=False)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cms.cache"
# Sessions live in the database: signing in and saving never depend on the cache.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Languages -------------------------------------------------------------------------------
# The first code in CMS_LANGUAGES is the default locale and the source language of translations.
CMS_LANGUAGES: list[str] = [
    code.strip().lower() for code in env.list("CMS_LANGUAGES", default=["en", "sl", "sv"])
]
if not CMS_LANGUAGES or len(set(CMS_LANGUAGES)) != len(CMS_LANGUAGES):
    raise ImproperlyConfigured("CMS_LANGUAGES must list each language code once, e.g. 'en,sl,sv'.")

_LANGUAGE_NAMES = {
    "en": _("English"),
    "sl": _("Slovenian"),
    "sv": _("Swedish"),
    "de": _("German"),
    "fr": _("French"),
    "it": _("Italian"),
    "hr": _("Croatian"),
    "hu": _("Hungarian"),
    "fi": _("Finnish"),
    "es": _("Spanish"),
    "lt": _("Lithuanian"),
    "sr": _("Serbian"),
    "sq": _("Albanian"),
}


def _language_name(code: str) -> str:
    from django.conf.locale import LANG_INFO

    if code in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[code]
    if code in LANG_INFO and "name" in LANG_INFO[code]:
        return LANG_INFO[code]["name"]
    raise ImproperlyConfigured(f"CMS_LANGUAGES: {code!r} is not a language code Django knows.")


LANGUAGE_CODE = CMS_LANGUAGES[0]
LANGUAGES = [(code, _language_name(code)) for code in CMS_LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Where the API looks when content is not published in the requested language, in order.
# Default: every language falls back to the default language. Override in a settings module,
# e.g. {"sl": ["hr", "en"], "sv": ["en"]}.
CMS_LOCALE_FALLBACKS: dict[str, list[str]] = {
    code: [LANGUAGE_CODE] for code in CMS_LANGUAGES if code != LANGUAGE_CODE
}
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
# The project's own interface strings (labels, help, messages) in every admin language it
# supports; `make messages` updates them, `make run` and `make test` compile them.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Ljubljana")
USE_TZ = True

# Kosovo is listed as in EU documents: the designation is without prejudice to positions on
# status (UN Security Council resolution 1244/1999).
COUNTRIES_OVERRIDE = {"XK": _("Kosovo*")}

# --- Static and media (cms/media_storage.py) --------------------------------------------------
# Static files: `collectstatic` writes hashed, compressed copies; WhiteNoise serves them from
# every app instance, far-future cached. Media: the local disk, or an S3-compatible object
# store when MEDIA_S3_BUCKET is set (uploads private behind signed, expiring URLs; renditions
# public). Renditions always go where Wagtail's `renditions` storage says.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
CMS_OBJECT_STORE = object_store_from_env(env)
STORAGES = media_storages(CMS_OBJECT_STORE)
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
# Documents always go through Wagtail's serve view, which checks collection restrictions; from
# object storage it answers with a redirect to a signed URL that expires.
WAGTAILDOCS_SERVE_METHOD = "redirect" if CMS_OBJECT_STORE else "serve_view"
# Local disk outside development: the app serves renditions (MEDIA_URL + "images/"), never
# originals; a proxy in front may serve that folder itself instead (MEDIA_SERVE=false).
CMS_SERVE_LOCAL_RENDITIONS = CMS_OBJECT_STORE is None and env.bool("MEDIA_SERVE", default=True)

# --- Security --------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# Links out of the admin (to partner sites, "View live") carry no path or query.
SECURE_REFERRER_POLICY = "same-origin"
# Load balancers probe /healthz over plain HTTP; under SECURE_SSL_REDIRECT it must answer, not
# redirect (patterns match the path without its leading slash).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): this policy serves every response; the admin adds the
# inline scripts Wagtail's admin still needs and its preview frames, the API allows nothing at
# all (cms/security_headers.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Gravatar would send a hash of every editor's e-mail address to a third party on each admin
# page (and need a hole in the policy above).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one account, or from
# one address, sign-in is refused for LOGIN_LOCKOUT_MINUTES, before any password is checked.
# An administrator unlocks sooner under Settings > Sign-in lockouts, or with
# `manage.py axes_reset_username <name>` / `axes_reset_ip <address>` / `axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not clear earlier failures: an editor's own sign-in would otherwise clear the
# count of the guesses made from the same address against a colleague's account.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "cms.login_lockouts.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"
AXES_ENABLE_ADMIN = False  # Django's admin is not served; the Wagtail admin lists lockouts.
# Requests behind this many reverse proxies: the client's address is the one the outermost
# proxy appended to X-Forwarded-For. 0: REMOTE_ADDR (no proxy).
CMS_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Password reset e-mails: at most this many requests per address and per e-mail address in
# PASSWORD_RESET_WINDOW_MINUTES.
CMS_PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=5)
CMS_PASSWORD_RESET_WINDOW = timedelta(minutes=env.int("PASSWORD_RESET_WINDOW_MINUTES", default=60))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CORS_ALLOWED_ORIGINS: list[str] = env.list("CORS_ALLOWED_ORIGINS", default=[])
# Partner sites only read the API; nothing else is exposed cross-origin.
CORS_URLS_REGEX = r"^/graphql/?$"
CORS_ALLOW_METHODS = ("GET", "OPTIONS", "POST")
CORS_ALLOW_HEADERS = ("accept", "authorization", "content-type", "x-api-key")
CORS_EXPOSE_HEADERS = ("Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-ID")

# --- Partner access (cms/partners/) ----------------------------------------------------------
# Active partners' allowed origins join CORS_ALLOWED_ORIGINS from the database, no restart.
# True: /graphql/ answers 401 to callers without an API key.
CMS_API_REQUIRE_KEY = env.bool("API_REQUIRE_KEY", default=False)
# True: page(token:) (drafts in preview) needs a key with the preview scope. Dev and tests let
# anonymous callers preview, as the bundled example site does.
CMS_PREVIEW_REQUIRES_KEY = env.bool("PREVIEW_REQUIRES_KEY", default=True)
# Budgets, as the `limits` library writes rates ("600/minute", "10/second"); empty: unlimited.
# "uncached" counts requests the response cache could not answer, "requests" counts all. An
# anonymous client is counted by address, a key by itself; a partner may override its keys'.
CMS_RATE_LIMITS = {
    "anonymous": {
        "uncached": env.str("RATE_LIMIT_ANONYMOUS_UNCACHED", default="60/minute"),
        "requests": env.str("RATE_LIMIT_ANONYMOUS_REQUESTS", default="1200/minute"),
    },
    "key": {
        "uncached": env.str("RATE_LIMIT_KEY_UNCACHED", default="600/minute"),
        "requests": env.str("RATE_LIMIT_KEY_REQUESTS", default="6000/minute"),
    },
}
# Where the counts live, shared by every worker: Redis when REDIS_URL is set.
CMS_RATE_LIMIT_STORAGE_URL = env.str("RATE_LIMIT_STORAGE_URL", default=REDIS_URL or "memory://")
# When that store does not answer: "allow" (serve without limits, log once a minute) or
# "refuse" (503).
CMS_RATE_LIMIT_STORE_DOWN = env.str("RATE_LIMIT_STORE_DOWN", default="allow")
if CMS_RATE_LIMIT_STORE_DOWN not in ("allow", "refuse"):
    raise ImproperlyConfigured("RATE_LIMIT_STORE_DOWN must be 'allow' or 'refuse'.")

# Webhooks (cms/partners/delivery.py): queued in the database, sent by `manage.py db_worker
# --backend webhooks --queue-name '*'` (`make run` starts it beside the server). Wagtail's own
# background tasks stay immediate.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
CMS_WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
CMS_WEBHOOK_RETRY_HOURS = env.float("WEBHOOK_RETRY_HOURS", default=24.0)
CMS_WEBHOOK_RETRY_BASE_SECONDS = env.float("WEBHOOK_RETRY_BASE_SECONDS", default=10.0)
CMS_WEBHOOK_RETRY_MAX_SECONDS = env.float("WEBHOOK_RETRY_MAX_SECONDS", default=2 * 60 * 60)
# True lets endpoints on loopback, link-local and private addresses receive webhooks (tests,
# a partner inside the same network); never on a CMS that partners reach over the internet.
CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", default=False)

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Solidarity CMS")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Wagtail's database backend, with each language indexed and searched by its own rules on
# PostgreSQL (cms/search.py). "SEARCH_CONFIGS": {"hr": "croatian"} adds or overrides the
# PostgreSQL text-search configuration of a language; others fall back to "simple".
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Width x height x frames of an upload (Wagtail's default, stated): 128 million pixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
# Wagtail counts one frame per animated image; this form counts them all (cms/image_uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_uploads.ImageForm"
# Frames an uploaded image may have: counting them is bounded work even for 1x1 frames.
CMS_IMAGE_MAX_FRAMES = env.int("IMAGE_MAX_FRAMES", default=1000)
# Draftail that opens rich text written past it (imports, scripts) instead of answering 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "cms.rich_text_editor.RichTextEditor"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A changed slug or a moved page leaves a redirect from its old address (Wagtail's default,
# stated because the API's `redirect` and `movedTo` rely on it).
WAGTAILREDIRECTS_AUTO_CREATE = True
# Admin (interface) languages, separate from the content languages above: the content
# languages first, then every other language Wagtail's admin is translated into.
WAGTAILADMIN_PERMITTED_LANGUAGES = admin_languages(LANGUAGES)
WAGTAILLOCALIZE_JQUERY_PRIVATE = True

# --- GraphQL ---------------------------------------------------------------------------------
GRAPHENE = {
    "SCHEMA": "cms.graphql.schema.schema",
    # Visibility is applied where rows are fetched; the test settings add an assertion.
    # Batching and sanitising are in the fields' own resolvers (cms/graphql/field_rules.py).
    "MIDDLEWARE": [],
}
# The only renditions the API creates: name -> Wagtail filter spec. `fill` crops around the
# editor's focal point. Output format (WebP by default, AVIF, JPEG, PNG) is chosen per request.
CMS_IMAGE_PRESETS = {
    "THUMBNAIL": "fill-400x300",
    "CARD": "fill-800x450",
    "SQUARE": "fill-600x600",
    "HERO": "fill-1600x900",
    "LOGO": "max-400x200",
    "SMALL": "width-480",
    "MEDIUM": "width-960",
    "LARGE": "width-1600",
    # Social media previews (og:image): the size Facebook, LinkedIn and X recommend.
    "OG": "fill-1200x630",
}
GRAPPLE = {
    # Every app with page or snippet models must be listed, or `pages` fails for every query.
    "APPS": [plugin.label for plugin in CMS_PLUGINS],
    "EXPOSE_GRAPHIQL": env.bool("GRAPHIQL_ENABLED", default=False),
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "AUTO_CAMELCASE": True,
    "PAGE_INTERFACE": "cms.graphql.interfaces.PublicPageInterface",
    "SNIPPET_INTERFACE": "cms.graphql.interfaces.PublicSnippetInterface",
}

# Preview links older than this are refused with "invalid or expired preview token".
CMS_PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=3600)
# Bounds on every GraphQL request (cms/graphql/limits.py counts them; README explains).
CMS_GRAPHQL_LIMITS = {
    "max_depth": env.int("GRAPHQL_MAX_DEPTH", default=8),
    "max_cost": env.int("GRAPHQL_MAX_COST", default=50_000),
    "max_list_aliases": env.int("GRAPHQL_MAX_LIST_ALIASES", default=20),
    "max_tokens": env.int("GRAPHQL_MAX_TOKENS", default=2_000),
    "max_body_bytes": env.int("GRAPHQL_MAX_BODY_BYTES", default=16 * 1024),
    "default_list_size": 10,
    "list_cost": env.int("GRAPHQL_LIST_COST", default=500),
    "rendition_cost": env.int("GRAPHQL_RENDITION_COST", default=20),
    "max_new_renditions": env.int("GRAPHQL_MAX_NEW_RENDITIONS", default=20),
    "max_search_words": env.int("GRAPHQL_MAX_SEARCH_WORDS", default=64),
    "max_search_chars": env.int("GRAPHQL_MAX_SEARCH_CHARS", default=512),
    "persisted_query_ttl": env.int("GRAPHQL_PERSISTED_QUERY_TTL", default=24 * 60 * 60),
    "max_persisted_queries": env.int("GRAPHQL_MAX_PERSISTED_QUERIES", default=1_000),
    "max_merge_checks": env.int("GRAPHQL_MAX_MERGE_CHECKS", default=5_000),
}
# Schema introspection and "Did you mean" hints help developers and attackers alike: off for
# anonymous callers unless enabled (dev enables both; staff may always introspect).
CMS_GRAPHQL_INTROSPECTION = env.bool("GRAPHQL_INTROSPECTION", default=False)
CMS_GRAPHQL_SUGGESTIONS = env.bool("GRAPHQL_SUGGESTIONS", default=False)
# Seconds partner responses may be cached, by HTTP caches (GET) and server-side.
CMS_GRAPHQL_CACHE_SECONDS = env.int("GRAPHQL_CACHE_SECONDS", default=60)
# Seconds a reader may take the content generation from the shared cache instead of the
# database (cms/graphql/invalidation.py): a cache hit then reads no SQL. A publish writes the new
# value there at once; only a failed write leaves the old one this long. 0 reads the database on
# every request: the default without REDIS_URL, where each process's cache is its own and would
# not hear of another process's publish.
CMS_GRAPHQL_GENERATION_CACHE_SECONDS = env.int(
    "GRAPHQL_GENERATION_CACHE_SECONDS", default=5 if REDIS_URL else 0
)

WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env.str("PREVIEW_CLIENT_URL", default="http://127.0.0.1:8000/")},
}
# Folder of the example partner site to serve at /partner-site/; development only (dev.py).
CMS_PARTNER_SITE_DIR: Path | None = None
# Pages live on the partner frontend (cms/frontend.py): every page URL the API, rich text and
# the admin give is this base plus the page type's pattern, and page paths on this host
# redirect there. The default is the example partner site as `make run` serves it.
CMS_FRONTEND_URL = env.str("CMS_FRONTEND_URL", default="http://127.0.0.1:8000/partner-site/")
# Per page type, by model label: {"calls.CallPage": "{base}/{locale}/calls/{slug}/"}; a type not
# named keeps the pattern its plugin declares (frontend_url_pattern).
CMS_FRONTEND_URL_PATTERNS: dict[str, str] = env.json("CMS_FRONTEND_URL_PATTERNS", default={})

# --- Caching proxy (deploy/varnish.vcl, cms/proxy_purge.py) ---------------------------------
# Each proxy in PROXY_PURGE_URLS gets a PURGE of each path in PROXY_PURGE_PATHS when the API's
# answers change (the same event as the app's own cache); the VCL bans everything cached under
# it. A failure is logged and never fails a publish; the proxy's copies then expire.
CMS_PROXY_PURGE_PATHS: list[str] = env.list("PROXY_PURGE_PATHS", default=["/"])
_proxy_purge_urls: list[str] = env.list("PROXY_PURGE_URLS", default=[])
WAGTAILFRONTENDCACHE = {
    f"proxy{number}": {
        "BACKEND": "cms.proxy_purge.BoundedHTTPBackend",
        "LOCATION": url,
        "TIMEOUT": env.float("PROXY_PURGE_TIMEOUT", default=2.0),
    }
    for number, url in enumerate(_proxy_purge_urls, start=1)
}
# The API's paths carry no language prefix: purge each path once.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# --- Logging, request ids, metrics, error reporting ------------------------------------------
# JSON lines (cms/log_config.py), one per request (cms/request_log.py) and one per GraphQL
# operation (cms/operation_log.py), each with the request id; dev.py and test.py use plain text.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))
# X-Request-ID is taken from these proxy addresses only (else generated), and returned.
CMS_REQUEST_ID_TRUSTED_PROXIES: list[str] = env.list("REQUEST_ID_TRUSTED_PROXIES", default=[])
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    # cms/request_id.py already refused what is not a plain token from a trusted proxy.
    "VALIDATE_GUID": False,
    "RETURN_HEADER": True,
    # CORS_EXPOSE_HEADERS lists X-Request-ID with the rate-limit headers; django-guid's own
    # exposing would replace that list.
    "EXPOSE_HEADER": False,
}
# Prometheus metrics at /metrics; keep the path off the public proxy (deploy/varnish.vcl).
CMS_METRICS_ENABLED = env.bool("METRICS_ENABLED", default=False)
# Errors to Sentry (or a compatible service) when SENTRY_DSN is set; no personal data.
CMS_ERROR_REPORTING = start_error_reporting(
    env.str("SENTRY_DSN", default=""),
    environment=env.str("SENTRY_ENVIRONMENT", default=""),
    release=env.str("SENTRY_RELEASE", default=""),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)

# --- Editorial workflow (cms/editorial) ------------------------------------------------------
# Machine translation in wagtail-localize's editor: DeepL when DEEPL_API_KEY is set, otherwise
# an offline translator that only marks text ("[MT sl] ...") so demos and tests never send
# content anywhere.
_deepl_api_key = env.str("DEEPL_API_KEY", default="")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": _deepl_api_key},
    }
    if _deepl_api_key
    else {"CLASS": "cms.editorial.machine_translation.OfflineMachineTranslator", "OPTIONS": {}}
)
# A translation starts as a draft even when its source is live: otherwise submitting a live
# call for translation would publish it in the other languages, past call moderation and
# before anyone translated it. Translators (or moderators) publish it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
