"""Page addresses live on the partner frontend: building them, and sending the CMS host there.

Solidarity CMS is headless: a page's public address is on the partner site, not on this host.
Each page type declares ``frontend_url_pattern`` (e.g. ``"{base}/call.html?slug={slug}&
locale={locale}"``, matching the example partner site); ``CMS_FRONTEND_URL_PATTERNS`` overrides
it per type and ``CMS_FRONTEND_URL`` is ``{base}``. The API's ``url`` fields, rich-text page links,
the admin's "View live" and a request for a page path on this host all give that address.

Every address is built from configuration and the page's own data (quoted), never from the
request, so a redirect from this host can only lead to the configured frontend.
"""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.views.decorators.http import require_safe

if TYPE_CHECKING:
    from wagtail.models import Page

#: Placeholders a pattern may use: the frontend's base URL (no trailing slash), the page's
#: language code, its slug, and its path inside its language's tree (``calls/x/``; empty for
#: the home page).
PLACEHOLDERS = frozenset({"base", "locale", "slug", "path"})

#: Path segments a browser resolves rather than keeps: a slug like these gives no URL at all.
_DOT_SEGMENTS = frozenset({".", ".."})


def frontend_base() -> str:
    """``CMS_FRONTEND_URL`` without its trailing slash, as ``{base}`` in patterns."""
    return settings.CMS_FRONTEND_URL.rstrip("/")


def pattern_for(model: type) -> str | None:
    """The URL pattern of a page type: the project's override, else the type's own."""
    overrides = {
        label.lower(): value for label, value in settings.CMS_FRONTEND_URL_PATTERNS.items()
    }
    label = model._meta.label_lower  # type: ignore[attr-defined]
    if label in overrides:
        return overrides[label]
    return getattr(model, "frontend_url_pattern", None)


def frontend_url(page: Page, language_code: str | None = None) -> str | None:
    """The page's address on the partner frontend; ``None`` for a type with no page there.

    Works for plain ``Page`` instances too (translations, tree queries): the pattern comes from
    the page's specific type. ``language_code`` is the page's, when the caller knows it (a
    GraphQL request reads every locale once); else it is read from the page.
    """
    pattern = pattern_for(page.specific_class or type(page))
    if pattern is None:
        return None
    segments = page.url_path.strip("/").split("/")[1:]  # without the language's home
    if page.slug in _DOT_SEGMENTS or _DOT_SEGMENTS.intersection(segments):
        return None
    return pattern.format(
        base=frontend_base(),
        locale=quote(language_code or page.locale.language_code, safe=""),
        slug=quote(page.slug, safe=""),
        path="".join(f"{quote(segment, safe='')}/" for segment in segments),
    )


def url_parts(url: str) -> tuple[str, str]:
    """``("https://host", "/path?query#fragment")``: Wagtail's root URL and page path."""
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    return root, url[len(root) :]


def pattern_problems(pattern: str) -> list[str]:
    """What is wrong with a pattern, in words; an empty list for a usable one."""
    try:
        fields = [name for _text, name, _spec, _conv in Formatter().parse(pattern) if name]
    except ValueError as exc:
        return [f"it is not a valid pattern ({exc})"]
    unknown = sorted(set(fields) - PLACEHOLDERS)
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        allowed = ", ".join(f"{{{name}}}" for name in sorted(PLACEHOLDERS))
        return [f"it uses {names}; patterns may use only {allowed}"]
    sample = pattern.format(base=frontend_base(), locale="en", slug="x", path="x/")
    if urlsplit(sample).scheme not in ("http", "https") or not urlsplit(sample).netloc:
        return ["it does not give an absolute http or https URL (start it with {base})"]
    return []


def base_problems(base: str) -> list[str]:
    """What is wrong with ``CMS_FRONTEND_URL``; an empty list for a usable one."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ["it must be an absolute http or https URL, e.g. https://www.example.org/"]
    if parts.query or parts.fragment:
        return ["it must not have a query or fragment; page patterns add those"]
    return []


@require_safe
def redirect_to_frontend(request: HttpRequest, path: str) -> HttpResponseRedirect:
    """A page path on this host (``/sl/klici/x/``) answers a redirect to the page's frontend
    address; a path that is no public page answers 404, as it would on the frontend."""
    from wagtail.models import Locale, Page, Site

    from cms.graphql.visibility import public_pages

    site = Site.find_for_request(request)
    # The language comes from the path's prefix (LocaleMiddleware); the page is looked up by
    # its path in that language's tree, as page(urlPath:) does, not by walking the tree.
    home = site.root_page.get_translation_or_none(Locale.get_active()) if site else None
    if home is None:
        raise Http404
    page = public_pages(Page.objects.filter(url_path=home.url_path + path)).specific().first()
    target = frontend_url(page) if page is not None else None
    if target is None:
        raise Http404
    # Temporary: the frontend's address may change with its configuration.
    return HttpResponseRedirect(target)
