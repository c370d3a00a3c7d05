"""LOGGING for every environment: JSON lines in production, plain text in development.

Every line carries the request id (django-guid's filter, ``request_id``; "-" outside a
request). JSON lines also carry the fields a line adds (``extra=``): the request line's method,
path, status, duration_ms, sql_count and partner_key, the GraphQL line's operation and cost.
"""

from __future__ import annotations

from typing import Any

FORMATS = ("json", "plain")


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """A dictConfig for ``log_format`` ("json" or "plain") at root level ``level``."""
    if log_format not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {
                "format": "%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s"
            },
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "format": "%(levelname)s %(name)s %(message)s %(correlation_id)s",
                # ISO 8601 in UTC, whatever TIME_ZONE says.
                "timestamp": "time",
                "rename_fields": {
                    "levelname": "level",
                    "name": "logger",
                    "correlation_id": "request_id",
                },
            },
        },
        "filters": {
            "once_a_minute": {"()": "cms.log_filters.RateLimitFilter", "interval": 60},
            "request_id": {"()": "django_guid.log_filters.CorrelationId"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # One line per background task is noise at INFO; failures still log as errors.
            "django_tasks": {"level": "WARNING"},
            # django-axes logs its start-up at INFO; lockouts still log as warnings.
            "axes": {"level": "WARNING"},
            # A cache outage is one line a minute (with a count of the others), not one a request.
            "cms.cache": {"filters": ["once_a_minute"]},
            "cms.partners.rate_limits": {"filters": ["once_a_minute"]},
            # django-guid's own debug lines about each request.
            "django_guid": {"level": "WARNING"},
        },
    }
