"""Fixtures for editorial tests: users in the migrated groups, calls, translations, no network."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Page

from cms.translation import translate
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallIndexPage, CallPage
from snippets.programmes.factories import ProgrammeFactory

OFFLINE_TRANSLATOR = {"CLASS": "cms.editorial.machine_translation.OfflineMachineTranslator"}


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """Fail any test that opens a network connection (DeepL included); offline translator."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("Tests must not use the network.")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = OFFLINE_TRANSLATOR


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    """A user in the named groups (the ones the migration created), e.g. make_user("Editors")."""

    def make(*groups: str, username: str | None = None) -> Any:
        name = username or "-".join(g.lower().replace(" ", "-") for g in groups) or "nobody"
        user = get_user_model().objects.create_user(
            username=name, email=f"{name}@example.org", password="pw", first_name=name.title()
        )
        user.groups.set([Group.objects.get(name=group) for group in groups])
        return user

    return make


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """A test client logged in as the given user."""

    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def editor(make_user: Callable[..., Any]) -> Any:
    return make_user("Editors", username="erika")


@pytest.fixture
def moderator(make_user: Callable[..., Any]) -> Any:
    return make_user("Call moderators", username="mojca")


@pytest.fixture
def sl_translator(make_user: Callable[..., Any]) -> Any:
    return make_user("Translators (sl)", username="tina")


@pytest.fixture
def translate_to(locales: Any, django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Translate through wagtail-localize and run what it defers to the transaction commit."""

    def run(
        instance: Any, language: str, texts: dict[str, str] | None = None, publish: bool = True
    ) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translate(instance, language, texts, publish=publish)

    return run


@pytest.fixture
def esc(locales: Any) -> Any:
    return ProgrammeFactory(
        name="European Solidarity Corps", slug="european-solidarity-corps", acronym="ESC"
    )


@pytest.fixture
def index(home: Page) -> CallIndexPage:
    return CallIndexPageFactory(parent=home)


@pytest.fixture
def live_call(index: CallIndexPage, esc: Any) -> CallPage:
    """A published English call."""
    call = CallPageFactory(
        parent=index,
        title="Solidarity projects",
        slug="solidarity-projects",
        summary="Young people run projects in their community.",
        programme=esc,
    )
    call.save_revision().publish()
    return call
