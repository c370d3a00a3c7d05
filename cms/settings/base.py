"""Complete, production-safe settings; dev.py, test.py and production.py only override.

Everything a deployment changes comes from environment variables, documented in the README's
configuration table. Nothing here is safe to loosen for production.
"""

from pathlib import Path

import environ

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cms.admin_languages import admin_languages
from cms.plugins import discover_plugins

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL: str = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "solidarity",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}

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
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CORS_ALLOWED_ORIGINS: list[str] = env.list("CORS_ALLOWED_ORIGINS", default=[])
# Partner sites only read the API; nothing else is exposed cross-origin.
CORS_URLS_REGEX = r"^/graphql/?$"
CORS_ALLOW_METHODS = ("GET", "OPTIONS", "POST")

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Solidarity CMS")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No editor's e-mail address (hashed) leaves the server to fetch an avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Admin (interface) languages, separate from the content languages above: the content
# languages first, then every other language Wagtail's admin is translated into.
WAGTAILADMIN_PERMITTED_LANGUAGES = admin_languages(LANGUAGES)
WAGTAILLOCALIZE_JQUERY_PRIVATE = True

# --- GraphQL ---------------------------------------------------------------------------------
GRAPHENE = {
    "SCHEMA": "grapple.schema.schema",
    "MIDDLEWARE": ["cms.graphql.middleware.VisibilityMiddleware"],
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
}
# Schema introspection and "Did you mean" hints help developers and attackers alike: off for
# anonymous callers unless enabled (dev enables both; staff may always introspect).
CMS_GRAPHQL_INTROSPECTION = env.bool("GRAPHQL_INTROSPECTION", default=False)
CMS_GRAPHQL_SUGGESTIONS = env.bool("GRAPHQL_SUGGESTIONS", default=False)
# Seconds partner responses may be cached, by HTTP caches (GET) and server-side.
CMS_GRAPHQL_CACHE_SECONDS = env.int("GRAPHQL_CACHE_SECONDS", default=60)

WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env.str("PREVIEW_CLIENT_URL", default="http://127.0.0.1:8000/")},
}
# Folder of the example partner site to serve at /partner-site/; development only (dev.py).
CMS_PARTNER_SITE_DIR: Path | None = None

# --- Logging ---------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One line per background task is noise at INFO; failures still log as errors.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

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
