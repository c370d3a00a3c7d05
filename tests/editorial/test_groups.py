"""Groups and the call moderation workflow exist after migrate and follow languages and pages."""

import importlib
from types import SimpleNamespace
from typing import Any

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from cms.editorial.groups import translator_group_name
from pages.calls.factories import CallIndexPageFactory
from pages.calls.models import CallIndexPage

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("cms.editorial.migrations.0001_groups_and_call_moderation")


def page_rights(group: Group, page: Page) -> set[str]:
    rows = GroupPagePermission.objects.filter(group=group, page=page)
    return set(rows.values_list("permission__codename", flat=True))


def model_rights(group: Group) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_a_fresh_install_has_the_editorial_groups_and_the_call_workflow(home: Page) -> None:
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Call moderators")
    workflow = Workflow.objects.get(name="Call moderation")

    assert workflow.active
    [task] = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.all()) == [moderators]
    # Editors work in every language's tree (rights on the root) but do not publish.
    root = home.get_parent()
    assert page_rights(editors, root) == {"add_page", "change_page"}
    assert {
        "programmes.add_programme",
        "people.change_person",
        "organisations.delete_organisation",
    } <= model_rights(editors)
    assert "wagtailadmin.access_admin" in model_rights(moderators)


@pytest.mark.parametrize("code", ["sl", "sv"])
def test_each_target_language_has_a_translator_group_on_its_own_tree(
    code: str, home_pages: dict[str, Page]
) -> None:
    group = Group.objects.get(name=f"Translators ({code})")

    assert page_rights(group, home_pages[code]) == {"add_page", "change_page", "publish_page"}
    # Nowhere else: not on the English tree, not on the other language's.
    assert (
        GroupPagePermission.objects.filter(group=group).exclude(page=home_pages[code]).count() == 0
    )
    assert {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "programmes.change_programme",
        "programmes.add_programme",
    } <= model_rights(group)
    assert "programmes.delete_programme" not in model_rights(group)


def test_the_default_language_has_no_translator_group(db: None) -> None:
    assert not Group.objects.filter(name="Translators (en)").exists()


def test_a_language_added_to_the_settings_gets_its_group_on_the_next_migrate(
    settings: Any, home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CMS_LANGUAGES = [*settings.CMS_LANGUAGES, "de"]
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES

    # What `manage.py migrate` does once the migrations are applied.
    with django_capture_on_commit_callbacks(execute=True):
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)

    german_home = home.get_translation(Locale.objects.get(language_code="de"))
    group = Group.objects.get(name=translator_group_name("de"))
    assert page_rights(group, german_home) == {"add_page", "change_page", "publish_page"}


def test_call_index_pages_get_the_workflow_in_every_language(home: Page, translate_to: Any) -> None:
    moderators = Group.objects.get(name="Call moderators")
    english = CallIndexPageFactory(parent=home)
    slovenian = translate_to(english, "sl", {"Calls": "Razpisi"})

    for index in (english, slovenian):
        assert index.get_workflow().name == "Call moderation"
        assert "publish_page" in page_rights(moderators, index)
    # Other pages keep Wagtail's default workflow from the root.
    assert home.get_workflow().name != "Call moderation"


def test_the_data_migration_sets_up_call_index_pages_that_already_exist(home: Page) -> None:
    index = CallIndexPageFactory(parent=home)
    WorkflowPage.objects.filter(page=index).delete()
    GroupPagePermission.objects.filter(page=index).delete()

    MIGRATION.create_groups_and_workflow(apps, SimpleNamespace(connection=connection))

    index = CallIndexPage.objects.get(pk=index.pk)
    assert index.get_workflow().name == "Call moderation"
    assert "publish_page" in page_rights(Group.objects.get(name="Call moderators"), index)
    # Running it again changes nothing (get-or-create throughout).
    MIGRATION.create_groups_and_workflow(apps, SimpleNamespace(connection=connection))
    assert Workflow.objects.filter(name="Call moderation").count() == 1
