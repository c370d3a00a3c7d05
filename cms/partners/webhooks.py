"""Webhook events: what happened to which item, recorded as deliveries in the editor's
transaction and queued for the worker once it commits (:mod:`cms.partners.delivery`).

Events: ``page.published``, ``page.unpublished``, ``page.deleted`` and ``snippet.changed``.
The editor's request only writes rows; no HTTP request is ever made inside it.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms.frontend import frontend_url
from cms.partners.models import WebhookDelivery, WebhookEndpoint


def event_payload(event: str, instance: models.Model) -> dict[str, Any]:
    """The Standard Webhooks message body: ``type``, ``timestamp`` and the item in ``data``."""
    locale = getattr(instance, "locale", None)
    url = frontend_url(instance) if isinstance(instance, Page) else None
    return {
        "type": event,
        "timestamp": timezone.now().isoformat(),
        "data": {
            "type": instance._meta.label,
            "id": instance.pk,
            "translationKey": str(getattr(instance, "translation_key", "") or "") or None,
            "locale": locale.language_code if locale is not None else None,
            "slug": getattr(instance, "slug", None),
            "url": url,
        },
    }


def emit(event: str, instance: models.Model) -> list[WebhookDelivery]:
    """Record a delivery for every endpoint that wants ``event`` and queue them on commit."""
    payload = event_payload(event, instance)
    language = payload["data"]["locale"] or ""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True, partner__active=True)
        if endpoint.wants(event, instance._meta.label, language)
    ]
    if not endpoints:
        return []
    deliveries = [
        WebhookDelivery.objects.create(
            endpoint=endpoint,
            message_id=f"msg_{uuid.uuid4().hex}",
            event=event,
            payload=payload,
        )
        for endpoint in endpoints
    ]
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: _enqueue(ids))
    return deliveries


def _enqueue(ids: list[int]) -> None:
    from cms.partners.delivery import deliver_webhook

    for delivery_id in ids:
        deliver_webhook.enqueue(delivery_id)


def _published(sender: Any, instance: Page, **kwargs: Any) -> None:
    emit("page.published", instance)


def _unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    emit("page.unpublished", instance)


def _deleted(sender: Any, instance: models.Model, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        # Django signals every table of a page's inheritance chain: answer the specific one.
        if type(instance) is instance.specific_class and instance.live:
            emit("page.deleted", instance)
    elif _is_snippet(type(instance)):
        emit("snippet.changed", instance)


def _saved(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if not raw and not isinstance(instance, Page) and _is_snippet(type(instance)):
        emit("snippet.changed", instance)


def _is_snippet(model: type[models.Model]) -> bool:
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def connect() -> None:
    page_published.connect(_published, dispatch_uid="partners.webhooks.published")
    page_unpublished.connect(_unpublished, dispatch_uid="partners.webhooks.unpublished")
    post_delete.connect(_deleted, dispatch_uid="partners.webhooks.deleted")
    post_save.connect(_saved, dispatch_uid="partners.webhooks.saved")
