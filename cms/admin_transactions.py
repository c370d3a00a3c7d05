"""Each admin request is one database transaction: it commits whole or not at all.

Wagtail's publish, unpublish, revert and workflow approval save the page, then write the audit
log and send signals, without a transaction of their own. Here the whole request is atomic, so
when a later statement fails, or anything raises, nothing of it is committed, and work deferred
to the commit (``transaction.on_commit``: cache invalidation, wagtail-localize's syncs) never
runs. Django's ``ATOMIC_REQUESTS`` would do the same for every view, but graphene-django then
marks any enclosing transaction for rollback on a GraphQL error; the API only reads and stays in
autocommit mode.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse

from cms.admin_paths import is_admin_request


class AtomicAdminMiddleware:
    """Run admin requests in ``transaction.atomic``; roll back when the view raises."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_admin_request(request):
            return self.get_response(request)
        with transaction.atomic():
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        # Django turns the exception into a response inside the atomic block, which would then
        # commit whatever ran before the exception: mark it for rollback instead.
        if is_admin_request(request):
            transaction.set_rollback(True)
