"""System checks: every plugin model declares the contract partners and translators rely on,
and page URLs on the partner frontend can be built."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from cms.frontend import base_problems, pattern_for, pattern_problems
from cms.plugins import registry

#: Attribute name -> why it is required; a missing or empty declaration is an error.
CONTRACT = {
    "graphql_fields": "partner sites read content only through GraphQL",
    "translatable_fields": "translators need an explicit list of what to translate or sync",
    "search_fields": "editors and partners search every content type",
}
#: Also required of page types.
PAGE_CONTRACT = {
    "frontend_url_pattern": (
        "the API, rich-text links and the admin's 'View live' lead to the page on the partner "
        "frontend (cms/frontend.py)"
    ),
}
#: A model names what it deliberately leaves out, each with its reason:
#: ``contract_opt_out = {"search_fields": "Found through their listing only."}``.
OPT_OUT = "contract_opt_out"


@register(Tags.models)
def check_plugin_contract(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    from wagtail.models import Page

    errors: list[CheckMessage] = []
    for plugin in registry:
        if app_configs is not None and plugin not in app_configs:
            continue
        for model in plugin.content_models():
            contract = {**CONTRACT, **(PAGE_CONTRACT if issubclass(model, Page) else {})}
            opted_out = vars(model).get(OPT_OUT) or {}
            errors.extend(_opt_out_errors(model, opted_out, contract))
            for attribute, reason in contract.items():
                # Declared on the concrete model itself: a base class's list describes the
                # base, and a type that merely inherits it has not said what it offers.
                declared = vars(model).get(attribute) is not None
                if not declared and attribute not in opted_out:
                    errors.append(
                        Error(
                            f"{model._meta.label} does not declare {attribute}.",
                            hint=(
                                f"Add {attribute} to {model.__name__} (e.g. "
                                f"{attribute} = [*Base.{attribute}] to keep its base's), or "
                                f'name it in {OPT_OUT} = {{"{attribute}": "<why>"}}: {reason}.'
                            ),
                            obj=model,
                            id="cms.E001",
                        )
                    )
    return errors


def _opt_out_errors(
    model: type, opted_out: dict[str, Any], contract: dict[str, str]
) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    label = model._meta.label  # type: ignore[attr-defined]
    for attribute, why in opted_out.items():
        if attribute not in contract:
            message = f"{label} opts out of {attribute}, which is not part of the contract."
            hint = f"{OPT_OUT} may name {', '.join(contract)}."
        elif not isinstance(why, str) or not why.strip():
            message = f"{label} opts out of {attribute} without a reason."
            hint = f"Say why {model.__name__} needs no {attribute}."
        else:
            continue
        errors.append(Error(message, hint=hint, obj=model, id="cms.E002"))
    return errors


@register(Tags.urls)
def check_frontend_urls(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """``CMS_FRONTEND_URL`` and every page type's pattern give absolute frontend URLs."""
    from wagtail.models import Page

    errors: list[CheckMessage] = []
    for problem in base_problems(settings.CMS_FRONTEND_URL):
        errors.append(
            Error(f"CMS_FRONTEND_URL {settings.CMS_FRONTEND_URL!r}: {problem}.", id="cms.E003")
        )
    pages = {
        model._meta.label_lower: model
        for model in registry.content_models()
        if issubclass(model, Page)
    }
    for label in settings.CMS_FRONTEND_URL_PATTERNS:
        if label.lower() not in pages:
            errors.append(
                Error(
                    f"CMS_FRONTEND_URL_PATTERNS names {label!r}, which is not a page type.",
                    hint=f"Use a model label, one of: {', '.join(sorted(pages))}.",
                    id="cms.E003",
                )
            )
    if errors:  # patterns are checked against a usable base
        return errors
    for model in pages.values():
        pattern = pattern_for(model)
        if pattern is None:
            continue
        for problem in pattern_problems(pattern):
            errors.append(
                Error(
                    f"The frontend URL pattern of {model._meta.label} ({pattern!r}): {problem}.",
                    obj=model,
                    id="cms.E003",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_frontend_url_is_public(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """In production the default (the example site on this machine) is almost surely wrong."""
    from urllib.parse import urlsplit

    host = urlsplit(settings.CMS_FRONTEND_URL).hostname or ""
    if host in {"127.0.0.1", "localhost", "::1"}:
        return [
            Warning(
                f"CMS_FRONTEND_URL is {settings.CMS_FRONTEND_URL!r}: every page URL the API "
                "and the admin give points at this machine.",
                hint="Set CMS_FRONTEND_URL to the partner frontend's public address.",
                id="cms.W003",
            )
        ]
    return []
