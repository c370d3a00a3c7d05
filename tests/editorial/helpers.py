"""Helpers for editorial tests: admin form data for calls, GraphQL lookups, page URLs."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from pages.calls.models import CallPage

CALL_TITLES = "query ($locale: String) { calls(locale: $locale, perPage: 50) { items { title } } }"


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def edit_url(page: Page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def admin_datetime(value: datetime.datetime) -> str:
    """A datetime as the admin's date-time widget posts it, in the server's time zone."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def call_form(**fields: Any) -> dict[str, Any]:
    """The call add/edit form as an editor fills it in; ``action`` names the button pressed."""
    now = timezone.now()
    data: dict[str, Any] = {
        "title": "Solidarity projects 2026",
        "slug": "solidarity-projects-2026",
        "summary": "Young people run projects in their community.",
        "body": streamfield([("paragraph", rich_text("<p>How to apply.</p>"))]),
        "opens_at": admin_datetime(now - datetime.timedelta(days=1)),
        "deadline": admin_datetime(now + datetime.timedelta(days=20)),
        "time_zone": "Europe/Ljubljana",
        "application_url": "https://youth.europa.eu/solidarity_en",
        "min_age": "18",
        "max_age": "30",
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def call_form_from(call: CallPage, **changes: Any) -> dict[str, Any]:
    """The edit form of ``call`` as the admin shows it, with ``changes`` typed in."""
    fields: dict[str, Any] = {
        "title": call.title,
        "slug": call.slug,
        "summary": call.summary,
        "programme": call.programme_id,
        "body": streamfield(
            [(block.block_type, rich_text(block.value.source)) for block in call.body]
        ),
        "opens_at": admin_datetime(call.opens_at),
        "deadline": admin_datetime(call.deadline),
        "time_zone": call.time_zone,
        "application_url": call.application_url,
        "min_age": "" if call.min_age is None else str(call.min_age),
        "max_age": "" if call.max_age is None else str(call.max_age),
    }
    fields.update(changes)
    return call_form(**fields)


def call_titles(graphql: Callable[..., dict[str, Any]], locale: str = "en") -> list[str]:
    """Titles of the calls an anonymous partner site gets for ``locale``."""
    body = graphql(CALL_TITLES, {"locale": locale})
    assert "errors" not in body, body
    return [item["title"] for item in body["data"]["calls"]["items"]]


DENIED = "Sorry, you do not have permission to access this area."


def assert_refused(response: Any) -> None:
    """The admin refused the request with 403 Forbidden and a page saying so."""
    assert response.status_code == 403, (response.status_code, response.get("Location"))
    page = response.content.decode()
    assert DENIED in page, page


def submit_and_approve(translator: Client, moderator: Client, page: Page, capture: Any) -> None:
    """The translator submits ``page``'s translated text to its workflow; a moderator approves.

    ``capture`` is pytest-django's ``django_capture_on_commit_callbacks``.
    """
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )
    with capture(execute=True):
        response = translator.post(reverse("editorial_submit_translation", args=[translation.pk]))
    assert response.status_code == 302, response.status_code
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    with capture(execute=True):
        response = moderator.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302), response.status_code
