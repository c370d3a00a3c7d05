"""Logging filters: an outage is worth one line per interval, not one per request."""

import logging
import threading
import time
from collections.abc import Callable


class RateLimitFilter(logging.Filter):
    """Pass one record per ``interval`` seconds; the next one says how many were dropped."""

    def __init__(self, interval: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget what was passed and dropped: the next record passes."""
        self._next_pass = float("-inf")
        self._dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            now = self.clock()
            if now < self._next_pass:
                self._dropped += 1
                return False
            self._next_pass = now + self.interval
            dropped, self._dropped = self._dropped, 0
        if dropped:
            record.msg = f"{record.msg} ({dropped} more like it since the last one not logged)"
        return True
