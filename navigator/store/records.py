"""Anonymous journey records and "Did this help?" feedback (issue 11; docs/decisions/records.md).

`Journey` is the value a finished journey becomes before it is kept: ids from the content and
categories only, never a name, a date of birth, a postcode, an IP address or free text. The web
builds it (navigator/web/recording.py); `Records` writes it, links feedback to it by its random
`ref`, and deletes what is older than the retention period."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Hashable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func
from sqlmodel import Session, col, select

from navigator.store.models import (
    Feedback,
    JourneyArea,
    JourneyConcern,
    JourneyFact,
    JourneyNearMiss,
    JourneyOffer,
    JourneyRecord,
    ServerState,
)
from navigator.store.scrub import scrub

__all__ = ["HELPED", "TEXT_LIMIT", "Journey", "Purged", "Records", "hour_of", "months_before"]

REF_BYTES = 16
"""128 random bits: a record's `ref` cannot be guessed."""
TEXT_LIMIT = 500
"""The most characters of feedback text kept."""
HELPED = ("yes", "no", "partly")
"""The answers to "Did this help?"."""
SEEN = "recorded"
"""The `server_state` kind that remembers, for a short while, that a journey was recorded."""


def hour_of(moment: datetime) -> datetime:
    """`moment` in UTC, truncated to the hour: no record says more precisely when."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the last day of a shorter
    month: 31 March less one month is 28 or 29 February)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    days = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return moment.replace(year=year, month=month, day=min(moment.day, days))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True)
class Journey:
    """One finished journey as it is recorded. A red-flag journey carries only its hour,
    pathway and disposition (`Journey.urgent_only`)."""

    hour: datetime
    pathway_id: str
    pathway_version: str
    disposition: str
    audience: str = ""
    stage: str | None = None
    age_band: str | None = None
    need: str | None = None
    catch_all_only: bool = False
    concerns: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    facts: tuple[tuple[str, bool], ...] = ()
    offers: tuple[tuple[str, str], ...] = ()
    """(service id, route kind) of every card shown."""
    near_misses: tuple[tuple[str, str, str], ...] = ()
    """(service id, route kind, the criterion that failed)."""

    @classmethod
    def urgent_only(
        cls, hour: datetime, pathway_id: str, pathway_version: str, disposition: str
    ) -> Journey:
        """A red-flag journey: nothing but when, which pathway, and the disposition."""
        return cls(hour_of(hour), pathway_id, pathway_version, disposition)

    def fingerprint(self) -> str:
        """A digest of everything but the hour: the same journey shown again has the same
        one. Made from the record's own values, so it holds nothing the record does not."""
        values = asdict(self)
        values.pop("hour")
        text = json.dumps(values, sort_keys=True, default=list)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Purged:
    """What `Records.purge` deleted."""

    records: int
    feedback: int
    states: int


class Records:
    """Write journey records and feedback; delete old ones. Safe to share between threads:
    each call opens its own session."""

    def __init__(self, engine: Engine, dedupe: timedelta = timedelta(minutes=60)) -> None:
        self.engine = engine
        self.dedupe = dedupe
        """How long a journey shown again (reloaded, Back) is not recorded again."""

    def seen(self, once: str, now: datetime | None = None) -> str | None:
        """The `ref` of the journey recorded under `once` (see `seen_key`) within `dedupe`,
        if it is still kept."""
        moment = now or datetime.now(UTC)
        with Session(self.engine) as session:
            row = session.get(ServerState, once)
            if row is None or row.kind != SEEN or _aware(row.expires_at) <= moment:
                return None
            ref = json.loads(row.data).get("ref")
            if not isinstance(ref, str):
                return None
            found = session.exec(select(JourneyRecord.id).where(JourneyRecord.ref == ref)).first()
            return ref if found is not None else None

    @staticmethod
    def new_ref() -> str:
        """A new random `ref`."""
        return secrets.token_urlsafe(REF_BYTES)

    def add(
        self,
        journey: Journey,
        once: str | None = None,
        now: datetime | None = None,
        ref: str | None = None,
    ) -> str:
        """Keep `journey` under `ref` (a new random one if not given); its `ref`. With `once`
        (a key that names this journey in this browser, see `seen_key`), a journey already
        recorded under that key within `dedupe` is not recorded again: its first `ref` is
        returned."""
        moment = now or datetime.now(UTC)
        if once is not None:
            first = self.seen(once, moment)
            if first is not None:
                return first
        with Session(self.engine) as session:
            ref = ref or self.new_ref()
            record = JourneyRecord(
                ref=ref,
                hour=hour_of(journey.hour),
                pathway_id=journey.pathway_id,
                pathway_version=journey.pathway_version,
                audience=journey.audience,
                stage=journey.stage,
                age_band=journey.age_band,
                need=journey.need,
                disposition=journey.disposition,
                catch_all_only=journey.catch_all_only,
            )
            session.add(record)
            session.flush()
            assert record.id is not None
            number = record.id
            session.add_all(
                JourneyConcern(journey_id=number, concern=c) for c in _unique(journey.concerns)
            )
            session.add_all(JourneyArea(journey_id=number, area=a) for a in _unique(journey.areas))
            facts = dict(journey.facts)
            session.add_all(
                JourneyFact(journey_id=number, fact=f, value=v) for f, v in facts.items()
            )
            session.add_all(
                JourneyOffer(journey_id=number, service=s, route=r)
                for s, r in _unique(journey.offers)
            )
            misses = {(s, r): c for s, r, c in journey.near_misses}
            session.add_all(
                JourneyNearMiss(journey_id=number, service=s, route=r, criterion=c)
                for (s, r), c in misses.items()
            )
            if once is not None:
                row = session.get(ServerState, once) or ServerState(
                    id=once, kind=SEEN, expires_at=moment
                )
                row.kind = SEEN
                row.data = json.dumps({"ref": ref})
                row.expires_at = moment + self.dedupe
                session.add(row)
            session.commit()
            return ref

    @staticmethod
    def seen_key(journey: Journey, browser: str = "") -> str:
        """The key under which a journey shown in a browser is remembered as recorded: a
        digest of the browser's own random state id (a family's journey; empty for a
        practitioner's, whose answers are in the address) and the record's values."""
        digest = hashlib.sha256(f"{browser}\n{journey.fingerprint()}".encode()).hexdigest()
        return f"{SEEN}-{digest}"

    def find(self, ref: str) -> JourneyRecord | None:
        """The record with this `ref`, if it is still kept."""
        with Session(self.engine) as session:
            return session.exec(select(JourneyRecord).where(JourneyRecord.ref == ref)).first()

    def feedback(
        self, ref: str, helped: str, text: str = "", now: datetime | None = None
    ) -> Feedback | None:
        """Keep "Did this help?" for the record `ref` (None if there is no such record):
        `text` is scrubbed of personal data and cut to `TEXT_LIMIT` characters first. Given
        again for the same record, the newer answer replaces the older."""
        if helped not in HELPED:
            raise ValueError(f"helped must be one of {', '.join(HELPED)}, not {helped!r}")
        moment = now or datetime.now(UTC)
        clean = scrub(text)[:TEXT_LIMIT].strip()
        with Session(self.engine, expire_on_commit=False) as session:
            record = session.exec(select(JourneyRecord).where(JourneyRecord.ref == ref)).first()
            if record is None:
                return None
            row = session.exec(
                select(Feedback).where(Feedback.journey_id == record.id)
            ).first() or Feedback(journey_id=record.id, hour=hour_of(moment), helped=helped)
            row.hour = hour_of(moment)
            row.helped = helped
            row.text = clean
            session.add(row)
            session.commit()
            session.refresh(row)
            return row

    def count(self) -> int:
        """How many journey records are kept."""
        with Session(self.engine) as session:
            return int(session.exec(select(func.count()).select_from(JourneyRecord)).one())

    def purge(self, months: int, now: datetime | None = None) -> Purged:
        """Delete journey records and feedback older than `months` calendar months, and any
        server-side state that has expired."""
        moment = now or datetime.now(UTC)
        cutoff = months_before(moment.astimezone(UTC), months)
        with Session(self.engine) as session:
            old = select(JourneyRecord.id).where(col(JourneyRecord.hour) < cutoff)
            feedback = session.execute(
                delete(Feedback).where(
                    (col(Feedback.hour) < cutoff) | col(Feedback.journey_id).in_(old)
                )
            )
            # Each table's rows are deleted here: SQLite enforces ON DELETE CASCADE only when
            # asked to, so the purge does not rely on it.
            for table in (JourneyConcern, JourneyArea, JourneyFact, JourneyOffer, JourneyNearMiss):
                session.execute(delete(table).where(col(table.journey_id).in_(old)))
            records = session.execute(delete(JourneyRecord).where(col(JourneyRecord.hour) < cutoff))
            states = session.execute(
                delete(ServerState).where(col(ServerState.expires_at) <= moment)
            )
            session.commit()
            return Purged(_rows(records), _rows(feedback), _rows(states))


def _rows(done: object) -> int:
    return int(getattr(done, "rowcount", 0) or 0)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _unique(items: tuple[Hashable, ...]) -> list[Any]:
    return list(dict.fromkeys(items))
