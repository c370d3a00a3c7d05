"""The editorial groups and the rights they hold, provisioned after every ``migrate``.

The groups themselves are created by this app's data migration, so a fresh install has them
(the moderators of a plugin's moderated section come with it: :mod:`cms.editorial.moderation`).
Their rights depend on things that only exist at the end of ``migrate``: snippet permissions
(created by Django's own post_migrate handler) and each language's home page (created by the
home plugin's). So :func:`provision` grants them then, and
creates the group of any language added to ``CMS_LANGUAGES`` since the last run.

Provisioning only adds: it never removes a right. The rights listed here are the defaults the
project relies on; a site that wants other rights makes its own groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model

from wagtail.models import GroupPagePermission, Locale, Page, Site, TranslatableMixin

EDITORS = "Editors"
TRANSLATORS = "Translators ({code})"

# Model permissions by "app_label.codename"; ones that do not exist (an app not installed) are
# skipped rather than failing migrate.
ADMIN_ACCESS = ("wagtailadmin.access_admin",)
SUBMIT_TRANSLATION = ("wagtail_localize.submit_translation",)
CHOOSE_MEDIA = ("wagtailimages.choose_image", "wagtaildocs.choose_document")

EDITOR_PAGE_RIGHTS = ("add_page", "change_page")
MODERATOR_PAGE_RIGHTS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
TRANSLATOR_PAGE_RIGHTS = ("add_page", "change_page", "publish_page")

EDITOR_SNIPPET_RIGHTS = ("add", "change", "delete")
# Translators create a language's version of a snippet and edit it; deleting one stays with
# editors, as it removes the snippet from every page that shows it in that language.
TRANSLATOR_SNIPPET_RIGHTS = ("add", "change")


def translator_group_name(language_code: str) -> str:
    """The name of the group that translates into ``language_code``, e.g. "Translators (sl)"."""
    return TRANSLATORS.format(code=language_code)


def target_languages() -> list[str]:
    """Every configured language except the default, which is the translation source."""
    return [code for code in settings.CMS_LANGUAGES if code != settings.LANGUAGE_CODE]


def provision_after_migrate(
    using: str = DEFAULT_DB_ALIAS, app_config: Any = None, **kwargs: Any
) -> None:
    """post_migrate receiver: provision once per ``migrate``, after the last app's signal."""
    if app_config is None or app_config.label != _last_app_with_models():
        return
    if not _tables_ready(using):
        return
    provision(using)


def provision(using: str = DEFAULT_DB_ALIAS) -> None:
    """Create missing groups and grant the default rights of every editorial group."""
    snippet_models = _snippet_models()
    for app_config in {apps.get_app_config(model._meta.app_label) for model in snippet_models}:
        _create_permissions(app_config, using)
    translatable = [model for model in snippet_models if issubclass(model, TranslatableMixin)]
    root = Page.objects.using(using).filter(depth=1).first()
    with transaction.atomic(using=using):
        editors, _created = Group.objects.using(using).get_or_create(name=EDITORS)
        _grant(editors, [*ADMIN_ACCESS, *SUBMIT_TRANSLATION, *CHOOSE_MEDIA], using)
        _grant(editors, _snippet_permissions(snippet_models, EDITOR_SNIPPET_RIGHTS, using), using)
        if root is not None:
            # On the tree root, so editors work in every language's tree, present and future.
            _grant_pages(editors, root, EDITOR_PAGE_RIGHTS, using)

        for code in target_languages():
            translators, _created = Group.objects.using(using).get_or_create(
                name=translator_group_name(code)
            )
            _grant(translators, [*ADMIN_ACCESS, *SUBMIT_TRANSLATION, *CHOOSE_MEDIA], using)
            _grant(
                translators,
                _snippet_permissions(translatable, TRANSLATOR_SNIPPET_RIGHTS, using),
                using,
            )
            home = locale_home_page(code, using)
            if home is not None:
                _grant_pages(translators, home, TRANSLATOR_PAGE_RIGHTS, using)


def locale_home_page(language_code: str, using: str = DEFAULT_DB_ALIAS) -> Page | None:
    """The default site's root page in ``language_code``: the top of that language's tree."""
    sites = Site.objects.using(using).filter(is_default_site=True).select_related("root_page")
    site = sites.first()
    locale = Locale.objects.using(using).filter(language_code=language_code).first()
    if site is None or locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def grant_page_rights(group: Group, page: Page, codenames: Iterable[str]) -> None:
    """Give ``group`` the page permissions ``codenames`` on ``page`` and everything below it."""
    _grant_pages(group, page, codenames, page._state.db or DEFAULT_DB_ALIAS)


def _grant(group: Group, permissions: Iterable[str | Permission], using: str) -> None:
    wanted = []
    for permission in permissions:
        if isinstance(permission, Permission):
            wanted.append(permission)
            continue
        app_label, codename = permission.split(".", 1)
        found = Permission.objects.using(using).filter(
            content_type__app_label=app_label, codename=codename
        )
        wanted.extend(found)
    group.permissions.add(*wanted)


def _grant_pages(group: Group, page: Page, codenames: Iterable[str], using: str) -> None:
    page_type = ContentType.objects.db_manager(using).get_for_model(Page)
    for permission in Permission.objects.using(using).filter(
        content_type=page_type, codename__in=list(codenames)
    ):
        GroupPagePermission.objects.using(using).get_or_create(
            group=group, page=page, permission=permission
        )


def _snippet_permissions(
    models: Iterable[type[Model]], actions: Iterable[str], using: str
) -> list[Permission]:
    codenames = {
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in models
        for action in actions
    }
    if not codenames:
        return []
    permissions = (
        Permission.objects.using(using)
        .filter(
            content_type__app_label__in={app for app, _codename in codenames},
            codename__in={codename for _app, codename in codenames},
        )
        .select_related("content_type")
    )
    return [p for p in permissions if (p.content_type.app_label, p.codename) in codenames]


def _snippet_models() -> list[type[Model]]:
    from wagtail.snippets.models import get_snippet_models

    return list(get_snippet_models())


def _create_permissions(app_config: AppConfig, using: str) -> None:
    # Django creates an app's permissions on that app's own post_migrate signal; this runs on
    # the last app's, and a receiver order is not guaranteed, so make sure they exist.
    from django.contrib.auth.management import create_permissions

    create_permissions(app_config, verbosity=0, using=using)


def _last_app_with_models() -> str:
    # Django sends post_migrate once per app that has a models module, in INSTALLED_APPS order.
    return [config for config in apps.get_app_configs() if config.models_module][-1].label


def _tables_ready(using: str) -> bool:
    tables = set(connections[using].introspection.table_names())
    return {Group._meta.db_table, GroupPagePermission._meta.db_table} <= tables
