"""The workbench's pages (all behind the guard, `guard.py`): the home page, the content's
status, the checker's findings for the files on disk, a preview of any journey against the
files on disk, and the scenarios' results for them.

"On disk" is what the content folder holds now, which may differ from what the site serves:
an edit with errors never goes live, and these pages show what it would do before it does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from navigator.checker import check
from navigator.content.finding import Finding, Severity
from navigator.content.loader import Bundle, load
from navigator.content.pathway import Pathway
from navigator.engine import Ask, navigate
from navigator.engine.facts import Locator
from navigator.engine.outcome import Outcome
from navigator.engine.scenarios import Failure, coverage_of, plan, run
from navigator.settings import Settings
from navigator.web.answers import pairs, read_answers, with_query
from navigator.web.commission.guard import SIGN_IN
from navigator.web.commission.sessions import CommissionSession
from navigator.web.deps import LiveDep, LocatorDep, StoreDep
from navigator.web.live import NoContent
from navigator.web.rendering import render
from navigator.web.steps import carried

router = APIRouter(include_in_schema=False)


def signed_in(request: Request) -> CommissionSession:
    """The commissioner the guard let in (the guard already sent everyone else to sign in;
    this is the routes' own check that it did)."""
    found = getattr(request.state, "commissioner", None)
    if not isinstance(found, CommissionSession):
        raise HTTPException(303, headers={"Location": SIGN_IN})
    return found


CommissionerDep = Annotated[CommissionSession, Depends(signed_in)]

LINKS = [
    (
        "/commission/status",
        "Content status",
        "Which version of the content is live, and the last edit the checker refused.",
    ),
    (
        "/commission/findings",
        "Checker findings",
        "What the checker finds in the files on disk now, before they go live.",
    ),
    (
        "/commission/preview",
        "Preview a journey",
        "Answer a pathway's questions and see the "
        "result the files on disk give, before they go live.",
    ),
    (
        "/commission/scenarios",
        "Scenario results",
        "Every scenario run against the files on disk, and what they cover.",
    ),
    (
        "/commission/reports",
        "Reports",
        "Demand and unmet need from anonymous journey records, with small numbers suppressed.",
    ),
    (
        "/commission/pictures",
        "Pictures",
        "The pathway, the system map, coverage and age ranges as diagrams.",
    ),
]


@router.get("/commission")
def home(request: Request, who: CommissionerDep) -> Response:
    return render(request, "commission/home.html", {"links": LINKS, "who": who})


@router.get("/commission/status")
def status(request: Request, who: CommissionerDep, live: LiveDep, store: StoreDep) -> Response:
    """The live version, the last refused edit and the recent load attempts."""
    try:
        snapshot = live.current()
    except NoContent:
        snapshot = None
    rejected = store.last_rejected()
    superseded = (
        rejected is not None
        and snapshot is not None
        and rejected.loaded_at.replace(tzinfo=None) < snapshot.attempt.at.replace(tzinfo=None)
    )
    context = {
        "snapshot": snapshot,
        "rejected": rejected,
        "superseded": superseded,
        "history": store.history(10),
    }
    return render(request, "commission/status.html", context)


@dataclass(frozen=True)
class OnDisk:
    """The content files as they are on disk now, and what the checker says of them."""

    bundle: Bundle
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.error]

    @property
    def pathways(self) -> list[Pathway]:
        return [p for p, _ in self.bundle.pathways]


def on_disk(settings: Settings) -> OnDisk:
    bundle = load(settings.content_paths, settings.content_root)
    return OnDisk(bundle, [*bundle.unreadable, *check(bundle)])


@router.get("/commission/findings")
async def findings(request: Request, who: CommissionerDep) -> Response:
    """The checker's findings for the files on disk, now."""
    disk = await run_in_threadpool(on_disk, request.app.state.settings)
    return render(request, "commission/findings.html", {"disk": disk})


@router.get("/commission/preview")
async def preview_list(request: Request, who: CommissionerDep) -> Response:
    disk = await run_in_threadpool(on_disk, request.app.state.settings)
    return render(request, "commission/preview.html", {"disk": disk})


@router.get("/commission/preview/{pathway_id}")
async def preview(
    request: Request, pathway_id: str, who: CommissionerDep, locator: LocatorDep
) -> Response:
    """One step of a journey through the files on disk: the next question, or the result.
    The answers travel in the address, as in a practitioner's journey; nothing is recorded."""
    disk = await run_in_threadpool(on_disk, request.app.state.settings)
    return await run_in_threadpool(_preview, request, disk, pathway_id, locator)


def _preview(request: Request, disk: OnDisk, pathway_id: str, locator: Locator) -> Response:
    pathway = disk.bundle.pathway(pathway_id)
    if pathway is None or disk.bundle.directory is None:
        raise HTTPException(404, f"The files on disk have no pathway called '{pathway_id}'.")
    action = f"/commission/preview/{pathway.id}"
    given = read_answers(request.query_params, pathway)
    asked = request.query_params.get("asked")
    outcome: Outcome = navigate(pathway, disk.bundle.directory, dict(given), locator)
    context: dict[str, Any] = {"disk": disk, "pathway": pathway, "preview": True}
    if isinstance(outcome, Ask):
        error = outcome.error
        if error is None and asked == outcome.question_id:
            error = "Select or enter an answer"
        following = carried(given, outcome.answers)
        value = outcome.given if error else given.get(outcome.question_id)
        back = (
            with_query(
                action, {k: v for k, v in following.items() if k != outcome.previous}, pathway
            )
            if outcome.previous
            else "/commission/preview"
        )
        context |= {
            "ask": outcome,
            "error": error,
            "value": value if value is not None else "",
            "values": value if isinstance(value, list) else [value] if value else [],
            "hidden": pairs(following, pathway, without=outcome.question_id),
            "action": action,
            "method": "get",
            "kept": False,
            "family": False,
            "first": False,
            "unfound": False,
            "back_url": back,
            "restart_url": action,
        }
        return render(request, "commission/preview_question.html", context)
    context |= {"result": outcome, "restart_url": action, "answers": outcome.answers}
    return render(request, "commission/preview_result.html", context)


@dataclass(frozen=True)
class ScenarioRow:
    pathway: str
    scenario: str
    title: str
    failures: list[Failure]


def scenario_results(disk: OnDisk, locator: Locator | None) -> dict[str, Any]:
    """What `navigator test` says of the files on disk."""
    if disk.errors or disk.bundle.directory is None:
        return {"ran": False}
    found, orphans = plan(disk.bundle)
    rows: list[ScenarioRow] = []
    outcomes = []
    for pathway, scenario in found:
        outcome, failed = run(scenario, pathway, disk.bundle.directory, locator)
        outcomes.append(outcome)
        rows.append(ScenarioRow(pathway.id, scenario.id, scenario.title, failed))
    cover = coverage_of(outcomes, disk.pathways, disk.bundle.directory)
    return {
        "ran": True,
        "rows": rows,
        "orphans": orphans,
        "passed": sum(1 for r in rows if not r.failures),
        "failed": sum(1 for r in rows if r.failures),
        "coverage": cover.lines(),
        "missing": {kind: items for kind, items in cover.missing().items() if items},
    }


@router.get("/commission/scenarios")
async def scenarios(request: Request, who: CommissionerDep, locator: LocatorDep) -> Response:
    """Every scenario run against the files on disk, as `navigator test` runs them."""
    disk = await run_in_threadpool(on_disk, request.app.state.settings)
    results = await run_in_threadpool(scenario_results, disk, locator)
    return render(request, "commission/scenarios.html", {"disk": disk, **results})


@router.get("/commission/", include_in_schema=False)
def home_slash() -> Response:
    return RedirectResponse("/commission", status_code=308)
