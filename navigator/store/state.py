"""Short-lived server-side state behind a random id: the one design for state a person's
browser must not carry in the address (docs/decisions/state.md). A family's journey keeps its
answers here; commissioners' sign-in sessions (issue 11) are meant to use the same table and
cookie design with another `kind`.

Each read or write first purges whatever has expired, so nothing outlives its lifetime by more
than the time to the next request."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete
from sqlmodel import Session, col

from navigator.store.models import ServerState

__all__ = ["StateStore"]

ID_BYTES = 32
"""256 random bits: an id cannot be guessed."""


def _now() -> datetime:
    return datetime.now(UTC)


class StateStore:
    """Create, read, renew and delete short-lived state. Safe to share between threads."""

    def __init__(self, engine: Engine, lifetime: timedelta) -> None:
        self.engine = engine
        self.lifetime = lifetime

    def create(self, kind: str, data: dict[str, Any], now: datetime | None = None) -> str:
        """Keep `data` under a new random id, and return the id."""
        key = secrets.token_urlsafe(ID_BYTES)
        self.save(key, kind, data, now)
        return key

    def save(self, key: str, kind: str, data: dict[str, Any], now: datetime | None = None) -> None:
        """Keep `data` under `key` (replacing what was there) for another lifetime."""
        moment = now or _now()
        with Session(self.engine) as session:
            self._purge(session, moment)
            row = session.get(ServerState, key)
            if row is None:
                row = ServerState(id=key, kind=kind, expires_at=moment)
            row.kind = kind
            row.data = json.dumps(data, ensure_ascii=False)
            row.expires_at = moment + self.lifetime
            session.add(row)
            session.commit()

    def load(self, key: str, kind: str, now: datetime | None = None) -> dict[str, Any] | None:
        """The data under `key`, if it is of this kind and has not expired."""
        moment = now or _now()
        with Session(self.engine) as session:
            self._purge(session, moment)
            session.commit()
            row = session.get(ServerState, key)
            if row is None or row.kind != kind:
                return None
            found: dict[str, Any] = json.loads(row.data)
            return found

    def delete(self, key: str) -> None:
        """Forget the state under `key` at once ("Leave this site", signing out)."""
        with Session(self.engine) as session:
            session.execute(delete(ServerState).where(col(ServerState.id) == key))
            session.commit()

    def purge(self, now: datetime | None = None) -> int:
        """Delete every expired state; how many were deleted."""
        with Session(self.engine) as session:
            count = self._purge(session, now or _now())
            session.commit()
            return count

    @staticmethod
    def _purge(session: Session, now: datetime) -> int:
        moment = now.astimezone(UTC)
        done = session.execute(delete(ServerState).where(col(ServerState.expires_at) <= moment))
        return int(getattr(done, "rowcount", 0) or 0)
