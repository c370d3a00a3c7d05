"""What anonymous partner sites may see: the one place the rule is written down."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from wagtail.models import Page


def public_pages(queryset: QuerySet[Page]) -> QuerySet[Page]:
    """Live, unexpired pages below live, unexpired ancestors, with no view restriction.

    ``public()`` excludes password-, login- and group-restricted sections. Expiry is checked
    here too, so an expired page disappears at once rather than when ``publish_scheduled``
    next runs. A live page under an unpublished or expired ancestor stays hidden: its section
    was taken down, and ``parent`` must never lead to the hidden ancestor.
    """
    now = timezone.now()
    not_shown = Q(live=False) | Q(expire_at__lte=now)
    hidden_sections = Page.objects.filter(not_shown, numchild__gt=0, depth__gt=1).values_list(
        "path", flat=True
    )
    queryset = (
        queryset.live()
        .public()
        .filter(depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
    for path in hidden_sections:
        queryset = queryset.exclude(path__startswith=path)
    return queryset
