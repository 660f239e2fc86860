"""A limit on sign-in attempts, kept in this process's memory only: per account and per client
address. Addresses are never stored or logged: each key is an HMAC under a key made at start-up
and forgotten when the process ends, and attempts older than the window are dropped."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable


class Throttle:
    """At most `limit` attempts per key in any `window_seconds`."""

    def __init__(
        self,
        limit: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self.clock = clock
        self._secret = secrets.token_bytes(32)
        self._attempts: dict[bytes, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count an attempt for `key`; False (and not counted) if it is over the limit."""
        now = self.clock()
        digest = hmac.new(self._secret, key.encode("utf-8"), hashlib.sha256).digest()
        with self._lock:
            self._forget_old(now)
            times = self._attempts.setdefault(digest, deque())
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True

    def retry_after(self) -> int:
        """Seconds until an attempt is sure to be allowed again."""
        return int(self.window) + 1

    def _forget_old(self, now: float) -> None:
        for digest in list(self._attempts):
            times = self._attempts[digest]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times:
                del self._attempts[digest]
