"""Sign-in lockouts (django-axes): the page a locked-out visitor sees, and the admin's unlock.

django-axes counts failed sign-ins per account and per address (settings: ``AXES_*``). An
administrator sees the recorded failures under Settings > Sign-in lockouts; deleting a row
unlocks the account and the address it counted against. The shell way is
``manage.py axes_reset_username <name>``, ``axes_reset_ip <address>`` or ``axes_reset`` (all).
"""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    """django-axes' AXES_LOCKOUT_CALLABLE: a 429 page that says what happened and what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = ngettext(
        "Too many failed sign-in attempts for this account or from this address. Sign-in is "
        "locked for %(minutes)d minute; an administrator can unlock it sooner.",
        "Too many failed sign-in attempts for this account or from this address. Sign-in is "
        "locked for %(minutes)d minutes; an administrator can unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}
    return render(request, "cms/login_locked_out.html", {"message": message}, status=429)


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Failures are recorded by django-axes only: an administrator may view and delete them."""

    ACTIONS = frozenset({"view", "delete"})

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: Any) -> QuerySet:
        return super().users_with_any_permission([a for a in actions if a in self.ACTIONS])


class LockoutViewSet(ModelViewSet):
    """Settings > Sign-in lockouts: failed sign-ins per account and address; delete unlocks."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["username", "ip_address"]
    search_fields = ["username", "ip_address"]
    # Never edited: LockoutPermissionPolicy refuses add and change; a form is still required.
    form_fields = ["username"]
