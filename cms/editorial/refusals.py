"""A refusal the admin explains to the person refused (shown on the 403 page)."""

from django.core.exceptions import PermissionDenied


class ExplainedRefusal(PermissionDenied):
    """A refusal whose message is written for the person refused, and shown to them.

    Other PermissionDenied messages (Wagtail's, third-party apps') are not meant for display;
    :mod:`cms.editorial.permission_denied_patch` shows this one's.
    """
