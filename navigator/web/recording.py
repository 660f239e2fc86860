"""Recording a finished journey shown on the site (issue 11; docs/decisions/records.md).

`journey_of` is pure: a result and its answers become a `Journey` of content ids and categories,
with the areas the postcode fell in that are no smaller than a ward, and never the postcode.
`record` keeps it once per journey per browser, and never breaks or slows the result: the
write happens after the page is sent, and any failure is logged without personal data.

What counts: a result page of the site (`/pathways/{id}/result`), for families and
practitioners alike. The API's results do not count: other systems call it (a practice's own
software, the scenario runner, tests) and a call is not a person's journey."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from fastapi import Request
from starlette.background import BackgroundTask

from navigator.checker.coverage_dimensions import BUILDERS, DIMENSIONS
from navigator.content.directory import AreaKind, Directory, Route, Service
from navigator.content.pathway import Pathway
from navigator.content.vocabulary import ALL, RouteKind, Stage
from navigator.engine.facts import Facts, Locator
from navigator.engine.navigate import journey_facts
from navigator.engine.outcome import AnswerValue, Result
from navigator.store.records import Journey, Records
from navigator.web.journey_state import COOKIE

__all__ = ["WARD_OR_LARGER", "journey_of", "record", "recordable_area", "records"]

log = logging.getLogger(__name__)

WARD_OR_LARGER = frozenset(
    {
        AreaKind.ward,
        AreaKind.ward_group,
        AreaKind.local_authority,
        AreaKind.nhs_footprint,
        AreaKind.country,
    }
)
"""The kinds of area a record may name. A kind added later (a lower super output area, a
postcode sector) is not recorded until it is added here, after thought."""

_POSTCODE_LIKE = re.compile(r"(?:^|[^a-z0-9])[a-z]{1,2}[0-9][a-z0-9]?(?:[^a-z0-9]|$)", re.I)
"""An id with a token like a postcode district in it (`bd3-sector`): never recorded."""

_PERIOD = BUILDERS[DIMENSIONS.index("period")]


def recordable_area(directory: Directory, area_id: str) -> bool:
    """Whether a record may name this area: it is in the directory, of a kind no smaller than
    a ward, not made of a single postcode sector (which can be smaller than a ward), and its id
    holds nothing like a postcode."""
    area = directory.area(area_id)
    if area is None or area.kind not in WARD_OR_LARGER or _POSTCODE_LIKE.search(area_id):
        return False
    made_of = [p.split() for p in area.postcodes] if isinstance(area.postcodes, list) else []
    units = [p for p in made_of if len(p) == 2 and len(p[1]) > 1]
    sectors = [p for p in made_of if len(p) == 2 and len(p[1]) == 1]
    return not units and not (sectors and len(made_of) == 1)


def age_band(pathway: Pathway, directory: Directory, facts: Facts) -> str | None:
    """The coverage report's period for these facts (`pregnancy`, `0-5`, …), if known."""
    routes = [
        (s, r)
        for s in directory.services
        if s.active
        for r in s.routes
        if r.kind is not RouteKind.urgent
    ]
    values = _PERIOD(pathway, directory, routes).values
    if facts.stage is Stage.pregnancy:
        wanted = "pregnancy"
    elif facts.stage is Stage.postnatal and facts.age_months is not None:
        for value in values:
            if value.span and value.span[0] <= facts.age_months <= value.span[1]:
                return value.id
        return None
    elif facts.stage is Stage.postnatal:
        wanted = "postnatal"
    else:
        return None
    return wanted if any(v.id == wanted for v in values) else None


def journey_of(
    pathway: Pathway,
    directory: Directory,
    result: Result,
    answers: Mapping[str, AnswerValue],
    locator: Locator | None,
    now: datetime,
) -> Journey:
    """The anonymous record of a result: for a red flag, only the hour, the pathway and the
    disposition; otherwise the categories the result was matched on and what it showed."""
    if result.urgent and result.red_flags:
        return Journey.urgent_only(now, pathway.id, pathway.version, result.disposition)
    facts = journey_facts(pathway, directory, answers, locator)
    shown = [*result.cards(), *result.ask_about]
    return Journey(
        hour=now,
        pathway_id=pathway.id,
        pathway_version=pathway.version,
        disposition=result.disposition,
        audience=facts.audience.value if facts.audience else "",
        stage=facts.stage.value if facts.stage else None,
        age_band=age_band(pathway, directory, facts),
        need=facts.need,
        catch_all_only=result.fallback or _catch_alls_only(pathway, directory, result),
        concerns=tuple(sorted(facts.concerns or ())),
        areas=tuple(sorted(a for a in facts.areas if recordable_area(directory, a))),
        facts=tuple(sorted(facts.named)),
        offers=tuple((c.service_id, c.route) for c in shown),
        near_misses=tuple((m.service_id, m.route, m.failed.criterion) for m in result.near_misses),
    )


def _catch_alls_only(pathway: Pathway, directory: Directory, result: Result) -> bool:
    """Whether every card shown is a catch-all: the pathway's fallback, or a route for any
    concern (as the coverage report counts them)."""
    cards = result.cards()
    if not cards or result.ask_about:
        return False
    fallback = {(ref.service, ref.route) for ref in pathway.fallback}

    def catch_all(service: Service | None, route: Route | None) -> bool:
        if service is None or route is None:
            return False
        return route.eligibility.concerns == ALL or (service.id, route.kind) in fallback

    return all(
        catch_all(
            service := directory.service(c.service_id),
            service.route(c.route) if service else None,
        )
        for c in cards
    )


def records(request: Request) -> Records:
    """The app's journey records (made on first use, on the app's database)."""
    found = getattr(request.app.state, "records", None)
    if found is None:
        minutes = request.app.state.settings.state_minutes
        found = Records(request.app.state.store.engine, timedelta(minutes=minutes))
        request.app.state.records = found
    assert isinstance(found, Records)
    return found


def record(
    request: Request,
    pathway: Pathway,
    directory: Directory,
    result: Result,
    answers: Mapping[str, AnswerValue],
    locator: Locator | None,
) -> tuple[str | None, BackgroundTask | None]:
    """The `ref` of the record of the journey this result page ends, for "Did this help?"
    (None when recording is off or the database cannot be read), and the task that writes it
    after the page is sent (None if this journey was already recorded in this browser: a
    reload, Back). Never raises, and the page never waits for the write."""
    if not request.app.state.settings.record_journeys:
        return None, None
    try:
        journey = journey_of(pathway, directory, result, answers, locator, datetime.now(UTC))
        kept = records(request)
        once = kept.seen_key(journey, request.cookies.get(COOKIE, ""))
        first = kept.seen(once)
        if first is not None:
            return first, None
        ref = kept.new_ref()
    except Exception as error:  # a record must never cost a family their result
        _failed(error)
        return None, None
    return ref, BackgroundTask(_write, kept, journey, once, ref)


def _write(kept: Records, journey: Journey, once: str, ref: str) -> None:
    try:
        kept.add(journey, once=once, ref=ref)
    except Exception as error:
        _failed(error)


def _failed(error: Exception) -> None:
    # The error's type only: its message could quote a value from the answers.
    log.error("the journey could not be recorded (%s)", type(error).__name__)
