"""Where old links lead: ``redirect(path:, locale:)`` and the single lookups' old slugs.

Wagtail's redirects app (``wagtail.contrib.redirects``) holds the redirects editors make and
the ones it creates itself when a page's slug changes or a page moves
(``WAGTAILREDIRECTS_AUTO_CREATE``, on by default). This project's pages live on the partner
frontend, so the old paths Wagtail records are frontend addresses (``/call.html?slug=old&
locale=en`` under ``CMS_FRONTEND_URL``). Only a public target is ever named: a redirect to a
draft, private, expired or unpublished page answers as if there were none.
"""

from __future__ import annotations

from urllib.parse import quote

from django.db.models import Model, Q

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from cms.frontend import frontend_base, pattern_for, url_parts
from cms.graphql.context import RequestContext
from cms.graphql.moved import Moved

#: Longer paths are refused (browsers and servers stop near here too).
MAX_PATH_LENGTH = 2048


def public_target(
    context: RequestContext, redirect: Redirect, locale: Locale | None
) -> Page | None:
    """The redirect's page if it is public, as its public translation in ``locale`` when there
    is one; None for a page no anonymous reader may see."""
    if redirect.redirect_page_id is None:
        return None
    public = context.visibility.public_pages
    target = public(Page.objects.filter(pk=redirect.redirect_page_id)).first()
    if target is None:
        return None
    if locale is not None and target.locale_id != locale.pk:
        translated = public(
            Page.objects.filter(translation_key=target.translation_key, locale=locale)
        ).first()
        target = translated or target
    return target.specific


def recorded_forms(path: str) -> list[str]:
    """``path`` as an editor's redirect stores it, and as Wagtail's automatic ones do: those
    add the page's route ("/") to the end of the whole address, query string included
    (``/call.html?locale=en/&slug=x``); the redirect tests fail if that ever changes."""
    return list(
        dict.fromkeys(
            [Redirect.normalise_path(path), Redirect.normalise_path(path.rstrip("/") + "/")]
        )
    )


def recorded_redirects(paths: list[str]) -> list[Redirect]:
    """Redirects recorded for any of ``paths`` on the default site or on every site."""
    paths = [form for path in paths for form in recorded_forms(path)]
    site = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
    return list(
        Redirect.objects.filter(old_path__in=paths)
        .filter(Q(site__isnull=True) | Q(site_id=site))
        .order_by("site_id", "pk")
    )


def moved_page(
    context: RequestContext, model: type[Model], slug: str, chain: list[Locale]
) -> Moved | None:
    """Where a ``model`` page that had ``slug`` in one of the ``chain``'s languages lives now,
    read from the redirects Wagtail recorded for its old frontend address."""
    pattern = pattern_for(model)
    # A pattern built from the tree path cannot be rebuilt from a slug alone.
    if pattern is None or "{path}" in pattern:
        return None
    paths = []
    for locale in chain:
        url = pattern.format(
            base=frontend_base(), locale=quote(locale.language_code, safe=""), slug=quote(slug)
        )
        paths.append(url_parts(url)[1])
    for redirect in recorded_redirects(paths):
        target = public_target(context, redirect, chain[0])
        if isinstance(target, model):
            return Moved(old=slug, page=target, is_permanent=redirect.is_permanent)
    return None
