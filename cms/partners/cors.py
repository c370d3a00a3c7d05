"""CORS per partner: active partners' allowed origins, read from the database.

django-cors-headers allows ``CORS_ALLOWED_ORIGINS`` itself and asks its
``check_request_enabled`` signal about every other origin; the answer here is the union of
active partners' origins, cached and invalidated when a partner changes, so adding a partner
needs no restart.
"""

from __future__ import annotations

import logging
from typing import Any

from corsheaders.signals import check_request_enabled

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

from cms.partners.endpoints import endpoint_of
from cms.partners.models import Partner

logger = logging.getLogger(__name__)

CACHE_KEY = "partners:allowed-origins"
CACHE_SECONDS = 300


def partner_origins() -> frozenset[str]:
    """Every active partner's allowed origins, lower-cased."""
    origins = cache.get(CACHE_KEY)
    if origins is None:
        try:
            partners = list(Partner.objects.filter(active=True).only("allowed_origins"))
        except DatabaseError:
            logger.warning("Partner origins could not be read; only CORS_ALLOWED_ORIGINS apply.")
            return frozenset()
        origins = frozenset(
            origin.lower() for partner in partners for origin in partner.origin_list()
        )
        cache.set(CACHE_KEY, origins, CACHE_SECONDS)
    return origins


def allow_partner_origin(sender: Any, request: HttpRequest, **kwargs: Any) -> bool:
    """django-cors-headers' signal: True for an API request from a partner's origin."""
    if endpoint_of(request.path_info) is None:
        return False
    origin = request.headers.get("Origin")
    return bool(origin) and origin.lower() in partner_origins()


def forget_origins(**kwargs: Any) -> None:
    # Now, and again after commit: a request between the two would have cached the old list.
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect() -> None:
    check_request_enabled.connect(allow_partner_origin, dispatch_uid="partners.cors")
    post_save.connect(forget_origins, sender=Partner, dispatch_uid="partners.cors.save")
    post_delete.connect(forget_origins, sender=Partner, dispatch_uid="partners.cors.delete")
