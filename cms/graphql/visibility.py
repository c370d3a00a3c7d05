"""What anonymous partner sites may see: the one place the rule is written down."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from wagtail.models import Page


def public_pages(queryset: QuerySet[Page]) -> QuerySet[Page]:
    """Live, unexpired pages with no view restriction on them or any ancestor.

    ``public()`` excludes password-, login- and group-restricted sections. Expiry is checked
    here too, so an expired page disappears at once rather than when ``publish_scheduled``
    next runs.
    """
    now = timezone.now()
    return (
        queryset.live()
        .public()
        .filter(depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
