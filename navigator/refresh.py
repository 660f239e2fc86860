"""Keeping something built from files up to date without stopping its readers: at most every
`poll_seconds`, look whether the files changed, and if so rebuild in a background thread while
the previous build keeps serving. The search index and the postcode lookup both work so."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

Stamp = tuple[int, int] | None
"""A file's modification time (ns) and size, or None when it cannot be read."""


def file_stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class BackgroundRefresh:
    """Calls `refresh` in a daemon thread when `changed()` says so, checking at most every
    `poll_seconds`, one refresh at a time; a failing refresh is logged, never raised."""

    def __init__(
        self,
        name: str,
        poll_seconds: float,
        changed: Callable[[], bool],
        refresh: Callable[[], object],
        log: logging.Logger,
        failure: str,
    ) -> None:
        self.name = name
        self.poll_seconds = poll_seconds
        self._changed = changed
        self._refresh = refresh
        self._log = log
        self._failure = failure
        self._checked = 0.0
        self._worker: threading.Thread | None = None

    def poll(self) -> None:
        """Start a refresh in the background if it is time to look and the files changed."""
        now = time.monotonic()
        if now - self._checked < self.poll_seconds:
            return
        self._checked = now
        if self._changed() and (self._worker is None or not self._worker.is_alive()):
            self._worker = threading.Thread(target=self._quietly, name=self.name, daemon=True)
            self._worker.start()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background refresh to finish (tests, the command line)."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def _quietly(self) -> None:
        try:
            self._refresh()
        except Exception:  # a background refresh must never take the readers down
            self._log.exception(self._failure)
