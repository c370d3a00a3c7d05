"""Optional error reporting: SENTRY_DSN turns on sentry-sdk; unset, nothing is sent anywhere."""

from __future__ import annotations


def start_error_reporting(
    dsn: str, *, environment: str, release: str, traces_sample_rate: float
) -> bool:
    """Start sentry-sdk with its Django integration when ``dsn`` is set; say whether it did.

    No personal data by default: no user ids, addresses, cookies or request bodies.
    """
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        environment=environment or None,
        release=release or None,
        traces_sample_rate=traces_sample_rate,
    )
    return True
