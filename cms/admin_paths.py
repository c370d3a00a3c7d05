"""Whether a request is for the Wagtail admin, wherever the admin is mounted."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def is_admin_request(request: HttpRequest) -> bool:
    """True for every URL under the admin's home (``wagtailadmin_home``)."""
    try:
        prefix = reverse("wagtailadmin_home")
    except NoReverseMatch:
        return False
    return request.path_info.startswith(prefix)
