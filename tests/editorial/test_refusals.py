"""A refused admin request answers 403 Forbidden with a page that says why, not a redirect."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from snippets.programmes.models import Programme
from tests.editorial.helpers import DENIED, assert_refused

pytestmark = pytest.mark.django_db


def test_a_view_behind_a_permission_answers_403_not_a_redirect_to_the_dashboard(
    editor: Any, client_for: Callable[[Any], Client]
) -> None:
    # Wagtail's own permission decorator (user management is for administrators only).
    response = client_for(editor).get("/admin/users/")

    assert_refused(response)
    assert "Go to your dashboard" in response.content.decode()


def test_the_refusing_view_s_reason_is_shown(
    sl_translator: Any, client_for: Callable[[Any], Client], esc: Programme
) -> None:
    response = client_for(sl_translator).get(f"/admin/snippets/programmes/programme/edit/{esc.pk}/")

    assert_refused(response)
    assert "You may not edit programme in this language." in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}, id="XMLHttpRequest"),
        pytest.param({"HTTP_ACCEPT": "application/json"}, id="fetch asking for JSON"),
    ],
)
def test_scripts_still_get_a_bare_403(
    editor: Any, client_for: Callable[[Any], Client], headers: dict[str, str]
) -> None:
    response = client_for(editor).get("/admin/users/", **headers)

    assert response.status_code == 403
    assert DENIED not in response.content.decode()


def test_anonymous_visitors_are_still_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/admin/users/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/?next=")
