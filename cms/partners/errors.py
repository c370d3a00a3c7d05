"""The partner API's own refusals, in the GraphQL error shape partners already parse."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def json_error(message: str, *, status: int, extensions: dict[str, Any]) -> HttpResponse:
    """``{"errors": [{"message", "extensions"}]}`` with ``status``; never stored by caches."""
    response = HttpResponse(
        json.dumps({"errors": [{"message": message, "extensions": extensions}]}),
        status=status,
        content_type="application/json",
    )
    patch_cache_control(response, no_store=True)
    return response
