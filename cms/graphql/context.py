"""One GraphQL request's context: what resolvers read from ``info.context``.

The view builds one :class:`RequestContext` per request (``PartnerGraphQLView.get_context``).
It holds everything a resolver needs beyond its own arguments, so that nothing travels as
thread-local or process-global state, and nothing is hung on model instances or the request:

- the caller (a signed-in staff member or not, and the partner key sent, if any), read from
  the request once by the view: resolvers ask the context, never the request;
- the language each top-level field asked for, and its fallback chain;
- the visibility snapshot (hidden sections, private collections, "now");
- the run-time counters a limit bounds (new renditions);
- the per-request loaders (:mod:`cms.graphql.loaders`) that batch what lists would otherwise
  fetch item by item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Locale

from cms.graphql.loaders import Loaders
from cms.graphql.visibility import Visibility
from cms.partners.keys import ANONYMOUS
from cms.partners.keys import Caller as PartnerCaller


@dataclass(frozen=True)
class Caller:
    """Who is asking: a signed-in member of staff or not, and the partner whose key was sent
    (:data:`cms.partners.keys.ANONYMOUS` without one)."""

    user: Any = None
    partner: PartnerCaller = ANONYMOUS

    @property
    def is_staff(self) -> bool:
        return bool(self.user is not None and self.user.is_staff)

    def may(self, scope: str) -> bool:
        """Whether the partner's key has ``scope`` (``PartnerKey.SCOPE_*``)."""
        return self.partner.may(scope)


@dataclass
class RequestCounters:
    """Work this request has done that a run-time limit bounds."""

    new_renditions: int = 0


@dataclass
class RequestContext:
    """Everything one GraphQL request's resolvers share (``info.context``)."""

    request: HttpRequest
    caller: Caller = field(default_factory=Caller)
    visibility: Visibility = field(default_factory=Visibility)
    counters: RequestCounters = field(default_factory=RequestCounters)
    #: Top-level response keys answering an editor's preview (the draft itself, not its links).
    preview_keys: set[str] = field(default_factory=set)
    #: Language code asked for, by top-level response key.
    _languages: dict[str, str] = field(default_factory=dict)
    _locales: dict[int, Locale] | None = None
    _loaders: Loaders | None = None

    # --- What graphene and grapple read from a request ----------------------------------------

    @property
    def user(self) -> Any:
        return self.caller.user

    @property
    def is_preview(self) -> bool:
        return bool(self.preview_keys)

    # --- Languages ----------------------------------------------------------------------------

    def set_language(self, info: Any, language_code: str) -> None:
        """Record that the top-level field ``info`` answers in ``language_code``."""
        self._languages[top_level_key(info)] = language_code

    def language(self, info: Any, item: Any = None) -> str:
        """The language asked for by the top-level field above ``info``; else ``item``'s own
        language, else the default one."""
        if info is not None:
            code = self._languages.get(top_level_key(info))
            if code is not None:
                return code
        locale_id = getattr(item, "locale_id", None)
        if locale_id is not None and locale_id in self.locales:
            return self.locales[locale_id].language_code
        return settings.LANGUAGE_CODE

    def locale(self, info: Any) -> Locale:
        """The locale asked for by the top-level field above ``info`` (else the default)."""
        return self.locale_by_code(self.language(info)) or Locale.get_default()

    @property
    def locales(self) -> dict[int, Locale]:
        """Every locale by primary key, read once per request."""
        if self._locales is None:
            self._locales = {locale.pk: locale for locale in Locale.objects.all()}
        return self._locales

    def locale_by_code(self, code: str) -> Locale | None:
        by_code = {locale.language_code: locale for locale in self.locales.values()}
        return by_code.get(code) or by_code.get(code.split("-")[0])

    def fallback_chain(self, locale: Locale) -> list[Locale]:
        """``locale`` then the languages it falls back to (``CMS_LOCALE_FALLBACKS``)."""
        codes = [locale.language_code, *settings.CMS_LOCALE_FALLBACKS.get(locale.language_code, [])]
        chain: list[Locale] = []
        for code in codes:
            found = self.locale_by_code(code)
            if found is not None and found.language_code == code and found not in chain:
                chain.append(found)
        return chain

    # --- Loaders ------------------------------------------------------------------------------

    @property
    def loaders(self) -> Loaders:
        if self._loaders is None:
            self._loaders = Loaders(self)
        return self._loaders


def top_level_key(info: Any) -> Any:
    """The response key of the top-level field ``info`` sits under."""
    path = info.path
    while path.prev is not None:
        path = path.prev
    return path.key


def request_context(info: Any) -> RequestContext:
    """``info.context``; a plain request (a test calling the schema directly) gets one."""
    context = info.context
    if isinstance(context, RequestContext):
        return context
    raise TypeError(
        "info.context must be a cms.graphql.context.RequestContext; execute the schema with "
        "context_value=RequestContext(request)."
    )
