"""Who may work in which language: page rights follow the tree, snippet rights follow them.

Wagtail scopes page permissions to a subtree, and each language has its own tree, so page rights
are already per language. Snippet permissions are per model only; here they are narrowed to the
languages whose tree a user may edit: a page permission on the tree root covers every language,
one on the Slovenian home page covers Slovenian. A user with no page permission edits no
translatable snippet (superusers excepted). wagtail-localize's views check only model-wide
rights for snippets and none for target languages; :mod:`cms.editorial.localize_views` applies
these rules in front of them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.permissions import get_permission_name

# Page rights that let a user change content in a tree (viewing rights do not count).
EDITING_PAGE_RIGHTS = ("add_page", "change_page", "publish_page")
_CACHE_ATTRIBUTE = "_editorial_locale_ids"


def editable_locale_ids(user: Any) -> frozenset[int] | None:
    """Ids of the locales ``user`` may edit content in; ``None`` means every locale."""
    if not user.is_active or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTRIBUTE, False)
    if cached is not False:
        return cached
    rows = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=EDITING_PAGE_RIGHTS
    ).values_list("page__depth", "page__locale_id")
    scope: frozenset[int] | None = frozenset(locale_id for _depth, locale_id in rows)
    if any(depth == 1 for depth, _locale_id in rows):
        scope = None  # the tree root: every language, including ones added later
    # Per request: the user object lives as long as the request.
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def editable_locales(user: Any) -> list[Locale]:
    """The locales ``user`` may edit content in, in configured order."""
    scope = editable_locale_ids(user)
    locales = Locale.objects.all()
    if scope is not None:
        locales = locales.filter(pk__in=scope)
    return list(locales)


def can_edit_in_locale(user: Any, locale_id: int | None) -> bool:
    scope = editable_locale_ids(user)
    return scope is None or locale_id in scope


def can_edit(user: Any, instance: Model) -> bool:
    """Whether ``user`` may change ``instance``: a page by its tree, a snippet by its language."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    if not user.has_perm(get_permission_name("change", type(instance))):
        return False
    return not isinstance(instance, TranslatableMixin) or can_edit_in_locale(
        user, instance.locale_id
    )


def can_publish(user: Any, instance: Model) -> bool:
    """Whether ``user`` may make ``instance`` live; snippets without drafts are live on save,
    snippets with drafts need the right to publish them (moderators have it; translators and
    editors submit them for moderation)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin) and not user.has_perm(
        get_permission_name("publish", type(instance))
    ):
        return False
    return can_edit(user, instance)


def can_create_in_locale(user: Any, model: type[Model], locale_id: int | None) -> bool:
    """Whether ``user`` may add a ``model`` snippet in the locale ``locale_id``."""
    if not user.has_perm(get_permission_name("add", model)):
        return False
    return not issubclass(model, TranslatableMixin) or can_edit_in_locale(user, locale_id)


def can_translate_into(user: Any, instance: Model, locale: Locale) -> bool:
    """Whether ``user`` may create ``instance``'s translation in ``locale``.

    A page's translation goes below its parent's translation (wagtail-localize creates missing
    parents too), so the user needs the right to add pages under the nearest ancestor that
    already exists in ``locale``. A snippet's needs the right to add it in that language.
    """
    if isinstance(instance, Page):
        for ancestor in instance.get_ancestors().specific().order_by("-depth"):
            target = ancestor if ancestor.is_root() else ancestor.get_translation_or_none(locale)
            if target is not None:
                return target.permissions_for_user(user).can_add_subpage()
        return False
    return can_create_in_locale(user, type(instance), locale.pk)
