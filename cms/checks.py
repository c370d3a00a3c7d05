"""System checks: every plugin model declares the contract partners and translators rely on."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Tags, register

from cms.plugins import registry

#: Attribute name -> why it is required; a missing or empty declaration is an error.
CONTRACT = {
    "graphql_fields": "partner sites read content only through GraphQL",
    "translatable_fields": "translators need an explicit list of what to translate or sync",
    "search_fields": "editors and partners search every content type",
}


@register(Tags.models)
def check_plugin_contract(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for plugin in registry:
        if app_configs is not None and plugin not in app_configs:
            continue
        for model in plugin.content_models():
            for attribute, reason in CONTRACT.items():
                # Declared on the model itself or a project base class, never only inherited
                # from Wagtail's Page, whose defaults describe no content type.
                if not _declares(model, attribute):
                    errors.append(
                        Error(
                            f"{model._meta.label} does not declare {attribute}.",
                            hint=f"Add {attribute} to {model.__name__}: {reason}.",
                            obj=model,
                            id="cms.E001",
                        )
                    )
    return errors


THIRD_PARTY_PREFIXES = frozenset(
    {"wagtail", "wagtail_localize", "wagtail_headless_preview", "django", "modelcluster", "grapple"}
)


def _declares(model: type, attribute: str) -> bool:
    # Wagtail's Page and mixins carry defaults that describe no content type, so only a
    # declaration on a project class (the model or a project base class) counts.
    for klass in model.__mro__:
        if klass.__module__.split(".", 1)[0] in THIRD_PARTY_PREFIXES:
            continue
        if attribute in vars(klass):
            return vars(klass)[attribute] is not None
    return False
