"""A small builder of journey records for the report tests: rows inserted straight through the
models, as the web would leave them."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from navigator.store.models import (
    Feedback,
    JourneyArea,
    JourneyConcern,
    JourneyNearMiss,
    JourneyOffer,
    JourneyRecord,
)

_refs = itertools.count()


@dataclass
class Journey:
    """One finished journey: `times` makes that many alike."""

    hour: datetime
    concerns: Sequence[str] = ()
    age_band: str | None = None
    areas: Sequence[str] = ()
    offers: Sequence[tuple[str, str]] = ()
    """(service, route kind)"""
    near_misses: Sequence[tuple[str, str, str]] = ()
    """(service, route kind, failing criterion)"""
    catch_all_only: bool = False
    disposition: str | None = None
    helped: str | None = None
    text: str = ""
    times: int = 1
    feedback_hour: datetime | None = field(default=None)


def add(engine: Engine, *journeys: Journey) -> None:
    with Session(engine) as session:
        for journey in journeys:
            for _ in range(journey.times):
                record = JourneyRecord(
                    ref=f"test-{next(_refs)}",
                    hour=journey.hour,
                    pathway_id="early-years",
                    pathway_version="1",
                    audience="family",
                    age_band=journey.age_band,
                    disposition=journey.disposition,
                    catch_all_only=journey.catch_all_only,
                )
                session.add(record)
                session.flush()
                assert record.id is not None
                session.add_all(
                    JourneyConcern(journey_id=record.id, concern=c) for c in journey.concerns
                )
                session.add_all(JourneyArea(journey_id=record.id, area=a) for a in journey.areas)
                session.add_all(
                    JourneyOffer(journey_id=record.id, service=s, route=r)
                    for s, r in journey.offers
                )
                session.add_all(
                    JourneyNearMiss(journey_id=record.id, service=s, route=r, criterion=c)
                    for s, r, c in journey.near_misses
                )
                if journey.helped:
                    session.add(
                        Feedback(
                            journey_id=record.id,
                            hour=journey.feedback_hour or journey.hour,
                            helped=journey.helped,
                            text=journey.text,
                        )
                    )
        session.commit()
