"""The admin's password-reset form, limited per client address and per e-mail address.

Each accepted request sends an e-mail, so without a limit anyone can flood an editor's inbox or
use the CMS to send mail at will. The limit counts in the cache (Redis in production, so every
worker shares it); when the cache is down, requests are not limited rather than refused.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

from wagtail.admin.views.account import PasswordResetView

from cms.client_address import client_address

logger = logging.getLogger(__name__)


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's password-reset view, answering 429 past ``CMS_PASSWORD_RESET_LIMIT``."""

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"].strip().lower()
        keys = [
            f"password-reset:address:{client_address(self.request)}",
            "password-reset:email:" + hashlib.sha256(email.encode()).hexdigest(),
        ]
        # Count both before deciding, so a refused attempt still counts against each.
        counts = [_count(key) for key in keys]
        if any(count > settings.CMS_PASSWORD_RESET_LIMIT for count in counts):
            minutes = int(settings.CMS_PASSWORD_RESET_WINDOW.total_seconds() // 60)
            form.add_error(
                None,
                _(
                    "Too many password reset requests from this address or for this account. "
                    "Try again in %(minutes)d minutes, or ask an administrator."
                )
                % {"minutes": minutes},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def _count(key: str) -> int:
    """Add one to the counter ``key`` and return it; 0 when the cache does not answer."""
    timeout = int(settings.CMS_PASSWORD_RESET_WINDOW.total_seconds())
    try:
        cache.add(key, 0, timeout=timeout)
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: this is the first of a new window
        cache.set(key, 1, timeout=timeout)
        return 1
    except Exception:  # A cache outage must not stop password resets; it only lifts the limit.
        logger.warning("Password reset limit: the cache did not answer", exc_info=True)
        return 0
