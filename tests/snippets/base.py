"""Helpers for snippet tests: admin URLs, form posts and the errors an editor would see."""

from typing import Any

from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from wagtail.models import DraftStateMixin


def snippet_url(model: type[models.Model], action: str, *args: Any) -> str:
    """The admin URL of a snippet view, e.g. ``snippet_url(Category, "add")``."""
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args
    )


def post_add_form(
    client: Client, model: type[models.Model], data: dict[str, Any], locale: str = "en"
) -> HttpResponse:
    """Submit the snippet's "add" form in ``locale`` as an editor would: for a snippet with
    drafts, with Publish (Wagtail checks required fields of drafts only on publishing)."""
    if issubclass(model, DraftStateMixin):
        data = {"action-publish": "action-publish", **data}
    return client.post(f"{snippet_url(model, 'add')}?locale={locale}", data)


def form_errors(response: HttpResponse) -> dict[str, list[str]]:
    """Errors on the main form, by field name; empty when the form was accepted."""
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def formset_errors(response: HttpResponse, relation: str) -> list[dict[str, list[str]]]:
    """Errors of each inline row of ``relation`` (e.g. ``opening_hours``), in order."""
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    formset = response.context["form"].formsets[relation]
    return [{name: list(errors) for name, errors in form.errors.items()} for form in formset]
