"""One log line per GraphQL operation executed: its name and cost (the request id is added by
the logging configuration, as on every line)."""

from __future__ import annotations

import logging

from cms import metrics

logger = logging.getLogger("cms.graphql.operation")


def log_operation(name: str | None, cost: int) -> None:
    """Log and count an operation that passed the limits and was executed."""
    operation = name or "anonymous"
    logger.info(
        "GraphQL %s cost %d",
        operation[:64],
        cost,
        extra={"operation": operation[:64], "cost": cost},
    )
    metrics.observe_operation(operation)
