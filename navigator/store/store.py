"""The store: a SQLModel engine on SQLite (the default, a file in `state_dir`) or PostgreSQL
(any SQLAlchemy URL), with the few queries the site needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, create_engine, select

from navigator.store import schema
from navigator.store.models import ContentVersion


class Store:
    """Records of content versions. Safe to share between threads: each call opens its own
    session."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, **_options(url))

    def upgrade(self) -> tuple[str, ...]:
        """Bring the schema up to date through the migrations; the revisions it is at."""
        return schema.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def record(self, version: ContentVersion) -> ContentVersion:
        """Add one content load attempt."""
        with Session(self.engine, expire_on_commit=False) as session:
            session.add(version)
            session.commit()
            session.refresh(version)
            return version

    def live(self) -> ContentVersion | None:
        """The last accepted version: the one the site serves."""
        return self._last(accepted=True)

    def last_rejected(self) -> ContentVersion | None:
        """The last edit that was refused, if any."""
        return self._last(accepted=False)

    def history(self, limit: int = 20) -> list[ContentVersion]:
        """The most recent attempts, newest first."""
        with Session(self.engine) as session:
            query = (
                select(ContentVersion)
                .order_by(col(ContentVersion.loaded_at).desc(), col(ContentVersion.id).desc())
                .limit(limit)
            )
            return list(session.exec(query))

    def _last(self, *, accepted: bool) -> ContentVersion | None:
        with Session(self.engine) as session:
            query = (
                select(ContentVersion)
                .where(ContentVersion.accepted == accepted)
                .order_by(col(ContentVersion.loaded_at).desc(), col(ContentVersion.id).desc())
                .limit(1)
            )
            return session.exec(query).first()


def _options(url: str) -> dict[str, object]:
    if not url.startswith("sqlite"):
        return {"pool_pre_ping": True}
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # The web app calls the store from several worker threads.
    return {"connect_args": {"check_same_thread": False}}
