"""Webhook delivery, run by the django-tasks database worker (``manage.py db_worker``).

Each attempt is signed per Standard Webhooks (``webhook-id``, ``webhook-timestamp``,
``webhook-signature``), waits at most ``CMS_WEBHOOK_TIMEOUT_SECONDS``, follows no redirect and
reaches only http(s) addresses that are not loopback, link-local, private, reserved or
multicast (unless ``CMS_WEBHOOK_ALLOW_PRIVATE_TARGETS``), connecting to exactly the address
that was checked (:mod:`cms.partners.outbound`). 5xx answers, 408, 429, timeouts and
connection errors are retried with exponential backoff and jitter for
``CMS_WEBHOOK_RETRY_HOURS``; other answers are final.

A worker that dies under a task (PostgreSQL went away) leaves it ``RUNNING`` in
django-tasks-db's table for good: the library has no public way to take such a task back.
:func:`resume_stalled` (``manage.py resume_webhook_deliveries``, scheduled like
``publish_scheduled``) queues a new attempt for a delivery whose task is gone, from this
app's own delivery rows; django-tasks-db's rows are only read.
"""

from __future__ import annotations

import io
import json
import logging
import random
import time
from datetime import datetime, timedelta

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from cms.partners.models import WebhookDelivery
from cms.partners.outbound import TransportError, UnsafeTarget, post

logger = logging.getLogger(__name__)

BACKEND = "webhooks"
RETRY_STATUSES = frozenset({408, 429})
RESPONSE_BYTES = 1024
KEEP_DAYS = 30
PRUNE_EVERY = timedelta(days=1)
#: A task RUNNING longer than this lost its worker: an attempt waits at most
#: ``CMS_WEBHOOK_TIMEOUT_SECONDS`` (10 s) for the receiver.
STALLED_AFTER = timedelta(minutes=2)


def retry_delay(attempt: int) -> float:
    """Seconds before attempt ``attempt + 1``: doubling from the base, capped, with jitter."""
    base = settings.CMS_WEBHOOK_RETRY_BASE_SECONDS
    delay = min(base * 2 ** max(0, attempt - 1), settings.CMS_WEBHOOK_RETRY_MAX_SECONDS)
    return delay * random.uniform(0.5, 1.0)  # noqa: S311 (spreading retries, not a secret)


def sign(secret: str, message_id: str, sent_at: datetime, body: str) -> dict[str, str]:
    signature = Webhook(secret).sign(message_id, sent_at, body)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": "SolidarityCMS-Webhooks/1",
    }


@task(backend=BACKEND)
def deliver_webhook(delivery_id: int) -> str:
    """Make one attempt at a delivery; queue the next one when the failure is temporary."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint__partner").filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.SUCCEEDED,
        WebhookDelivery.Status.FAILED,
    ):
        return "skipped"
    endpoint = delivery.endpoint
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.next_attempt_at = None
    retry = False
    code: int | None = None
    body = json.dumps(delivery.payload, separators=(",", ":"))
    try:
        if not (endpoint.active and endpoint.partner.active):
            raise UnsafeTarget("the endpoint or its partner is inactive")
        started = time.monotonic()
        answer = post(
            endpoint.url,
            body.encode(),
            sign(endpoint.secret, delivery.message_id, now, body),
            read_bytes=RESPONSE_BYTES,
        )
        delivery.response_ms = int((time.monotonic() - started) * 1000)
        code = answer.status
        delivery.response_code = code
        delivery.response_body = answer.body.decode("utf-8", "replace")
        delivery.error = ""
        retry = code >= 500 or code in RETRY_STATUSES
        if 200 <= code < 300:
            delivery.status = WebhookDelivery.Status.SUCCEEDED
        elif 300 <= code < 400:
            delivery.error = "redirects are not followed"
    except UnsafeTarget as error:
        delivery.error = str(error)[:500]
    except TransportError as error:
        delivery.error = f"{type(error).__name__}: {error}"[:500]
        retry = True
    if delivery.status != WebhookDelivery.Status.SUCCEEDED:
        deadline = delivery.created_at + timedelta(hours=settings.CMS_WEBHOOK_RETRY_HOURS)
        next_at = now + timedelta(seconds=retry_delay(delivery.attempts))
        if retry and next_at < deadline:
            delivery.status = WebhookDelivery.Status.RETRYING
            delivery.next_attempt_at = next_at
        else:
            delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    schedule_pruning()
    logger.info("Webhook %s to %s: %s", delivery.message_id, endpoint.url, delivery.status)
    return delivery.status


def redeliver(delivery: WebhookDelivery) -> None:
    """Send a delivery again (same message id, so receivers can tell it is a repeat)."""
    delivery.status = WebhookDelivery.Status.PENDING
    delivery.created_at = timezone.now()
    delivery.save(update_fields=["status", "created_at"])
    from django.db import transaction

    transaction.on_commit(lambda: deliver_webhook.enqueue(delivery.pk))


def resume_stalled(stalled_after: timedelta = STALLED_AFTER) -> list[int]:
    """Queue an attempt for every delivery due for ``stalled_after`` with no live task; the ids.

    A task is live while it waits (``READY``) or has run for less than ``stalled_after``. The
    new attempt carries the same ``webhook-id``: if the lost one had reached the receiver, the
    receiver can tell the repeat.
    """
    now = timezone.now()
    due = now - stalled_after
    waiting = WebhookDelivery.objects.filter(
        status__in=(WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING)
    ).filter(Q(next_attempt_at__lte=due) | Q(next_attempt_at__isnull=True, created_at__lte=due))
    live = DBTaskResult.objects.filter(task_path=deliver_webhook.module_path).filter(
        Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gt=due)
    )
    queued = {args_kwargs["args"][0] for args_kwargs in live.values_list("args_kwargs", flat=True)}
    resumed = [pk for pk in waiting.values_list("pk", flat=True) if pk not in queued]
    for pk in resumed:
        deliver_webhook.enqueue(pk)
    if resumed:
        logger.warning("Resumed %d webhook deliveries whose task was lost", len(resumed))
    return resumed


def prune(days: int = KEEP_DAYS) -> int:
    """Delete deliveries older than ``days`` and the worker's finished task results older
    than that (django-tasks' ``prune_db_task_results``); how many deliveries went."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = WebhookDelivery.objects.filter(created_at__lt=cutoff).delete()
    call_command(
        "prune_db_task_results",
        f"--backend={BACKEND}",
        "--queue-name=*",
        f"--min-age-days={days}",
        verbosity=0,
        stdout=io.StringIO(),
    )
    return deleted


@task(backend=BACKEND)
def prune_webhook_history() -> int:
    """The worker's daily clean-up: :func:`prune` with the default 30 days."""
    return prune()


def schedule_pruning() -> bool:
    """Queue :func:`prune_webhook_history` unless it was queued in the last day, so history
    is pruned by the worker itself, without a cron job; whether it was queued now."""
    recent = DBTaskResult.objects.filter(
        backend_name=BACKEND,
        task_path=prune_webhook_history.module_path,
        enqueued_at__gte=timezone.now() - PRUNE_EVERY,
    )
    if recent.exists():
        return False
    prune_webhook_history.enqueue()
    return True
