"""The demo loader leaves a sound page tree that new translations can grow into."""

from __future__ import annotations

import io
from typing import Any

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from wagtail.models import Locale, Page

from pages.calls.factories import CallPageFactory
from pages.calls.models import CallIndexPage
from pages.news.factories import NewsPageFactory
from pages.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def tree_problems() -> dict[str, list[int]]:
    """What ``manage.py fixtree`` would report (and rewrite) for the page tree."""
    names = ("bad characters", "bad path length", "orphans", "wrong depth", "wrong numchild")
    return {name: ids for name, ids in zip(names, Page.find_problems(), strict=True) if ids}


def test_the_demo_tree_is_sound_and_takes_a_translators_first_new_translation(
    home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())

    # The loader commits nothing by itself: what wagtail-localize defers to the commit ran above.
    assert tree_problems() == {}
    for page in Page.objects.filter(depth__gt=1):
        assert page.numchild == Page.objects.child_of(page).count(), page

    # Each translated section takes its first new page from a translator (a wrong child count
    # gave the new page the path of an existing one: a server error).
    translator = get_user_model().objects.create_user("tina", password="pw")
    translator.groups.add(Group.objects.get(name="Translators (sl)"))
    client = Client()
    client.force_login(translator)
    slovenian = Locale.objects.get(language_code="sl")
    news_index = NewsIndexPage.objects.get(locale=Locale.get_default())
    call_index = CallIndexPage.objects.get(locale=Locale.get_default())
    for new_page in (
        NewsPageFactory(parent=news_index, title="Fresh news", slug="fresh-news"),
        CallPageFactory(parent=call_index, title="Fresh call", slug="fresh-call"),
    ):
        new_page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/localize/submit/page/{new_page.pk}/", {"locales": [slovenian.pk]}
            )
        assert response.status_code == 302, response.status_code
        assert new_page.has_translation(slovenian)
    assert tree_problems() == {}
