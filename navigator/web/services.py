"""Service pages: remit, boundaries, routes and contact, and an eligibility checker (who is
asking, pregnancy or the baby's age, and optionally the concern, the level of need and a
postcode). Former ids and names redirect to the current page; a service
that has ended says so and names its successor."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from navigator.content.directory import Directory, Route, Service
from navigator.content.pathway import Pathway, QuestionKind
from navigator.content.vocabulary import ALL, Audience, RouteKind, Stage
from navigator.engine.eligibility import EligibilityCheck, check_eligibility
from navigator.engine.facts import Locator
from navigator.engine.flow import parse_months
from navigator.geo.postcode import InvalidPostcode, parse_postcode
from navigator.web.deps import LocatorDep, PageContentDep
from navigator.web.rendering import render

router = APIRouter(include_in_schema=False)


def max_months(pathways: Iterable[Pathway]) -> int | None:
    """The oldest age in months the pathways ask about (their `months` questions' `max`), so
    the checker asks within the ages served; None when no pathway sets one."""
    found = [
        q.max
        for p in pathways
        for q in p.questions
        if q.kind is QuestionKind.months and q.max is not None
    ]
    return max(found) if found else None


AUDIENCE_PLURALS = {Audience.practitioner: "practitioners", Audience.family: "families"}


def slug(text: str) -> str:
    """`Old Infant Team` → `old-infant-team`: how a name is written in a link."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def find_service(directory: Directory, key: str) -> tuple[Service | None, str | None]:
    """The service `key` names, and the id to redirect to if `key` is a former id or a name."""
    service = directory.service(key)
    if service is not None:
        return service, None
    current = directory.current_id(key)
    if current is not None:
        return None, current
    wanted = slug(key)
    for candidate in directory.services:
        names = [candidate.name, *candidate.aliases, *candidate.former_ids]
        if wanted and wanted in {slug(n) for n in names}:
            return None, candidate.id
    return None, None


@dataclass(frozen=True)
class EligibilityForm:
    """The checker's fields as typed, and what is wrong with them (field id → message)."""

    stage: str
    age_months: str
    postcode: str
    errors: dict[str, str]
    stage_value: Stage | None = None
    months: int | None = None
    normalised_postcode: str | None = None
    audience: str = ""
    concern: str = ""
    need: str = ""

    @property
    def audience_value(self) -> Audience | None:
        return Audience(self.audience) if self.audience in set(Audience) else None


def read_form(
    stage: str,
    age_months: str,
    postcode: str,
    directory: Directory,
    *,
    audience: str = "",
    concern: str = "",
    need: str = "",
    oldest: int | None = None,
    age_required: bool = True,
) -> EligibilityForm:
    """Check the fields (an age up to `oldest` months, when given); every message says what to
    do. Who is asking, the concern and the level of need are optional: what is not given is not
    checked, and the answer says so. The API (`age_required=False`) treats a missing age the
    same way."""
    errors: dict[str, str] = {}
    if audience and audience not in set(Audience):
        errors["audience"] = "Select who is asking, or leave it blank"
    stage_value = Stage(stage) if stage in set(Stage) else None
    if stage_value is None:
        errors["stage"] = "Select whether the baby is born yet"
    months = None
    if stage_value is Stage.postnatal:
        text = age_months.strip()
        months = parse_months(text)
        if not text:
            if age_required:
                errors["age_months"] = "Enter the baby's age in months, like 7"
        elif months is None or (oldest is not None and months > oldest):
            limit = f"from 0 to {oldest}" if oldest is not None else "from 0"
            errors["age_months"] = (
                f"Enter the baby's age in months {limit}, like 7 or 1 year 2 months"
            )
            months = None
    if concern and concern not in {c.id for c in directory.concerns}:
        errors["concern"] = "Select a concern from the list, or leave it blank"
    if need and need not in {n.id for n in directory.need_levels}:
        errors["need"] = "Select a level of need, or leave it blank"
    normalised = None
    if postcode.strip():
        try:
            normalised = parse_postcode(postcode)
        except InvalidPostcode as error:
            errors["postcode"] = str(error)
    return EligibilityForm(
        stage,
        age_months,
        postcode,
        errors,
        stage_value,
        months,
        normalised,
        audience,
        concern,
        need,
    )


def run_check(
    service: Service, directory: Directory, form: EligibilityForm, locator: Locator
) -> EligibilityCheck | None:
    if form.errors or form.stage_value is None:
        return None
    place = locator.locate(form.normalised_postcode) if form.normalised_postcode else None
    return check_eligibility(
        service,
        directory,
        form.stage_value,
        form.months,
        place,
        audience=form.audience_value,
        concern=form.concern or None,
        need=form.need or None,
    )


@router.get("/services")
def services(request: Request, content: PageContentDep) -> Response:
    """Every current service, A to Z."""
    current = sorted(
        (s for s in content.directory.services if s.active), key=lambda s: s.name.lower()
    )
    return render(request, "services.html", {"services": current})


@router.get("/services/{service_id}")
def service_page(request: Request, service_id: str, content: PageContentDep) -> Response:
    """One service: what it does, who it is not for, how to use it."""
    service = _service_or_redirect(content.directory, service_id, "")
    if isinstance(service, Response):
        return service
    return render(request, "service.html", _context(content.directory, service))


@router.get("/services/{service_id}/eligibility")
def eligibility(
    request: Request,
    service_id: str,
    content: PageContentDep,
    locator: LocatorDep,
    stage: str = "",
    age_months: str = "",
    postcode: str = "",
    audience: str = "",
    concern: str = "",
    need: str = "",
) -> Response:
    """The service page with the checker's answer for these facts."""
    service = _service_or_redirect(content.directory, service_id, "/eligibility", request)
    if isinstance(service, Response):
        return service
    form = read_form(
        stage,
        age_months,
        postcode,
        content.directory,
        audience=audience,
        concern=concern,
        need=need,
        oldest=max_months(content.pathways),
    )
    verdict = run_check(service, content.directory, form, locator)
    context = _context(content.directory, service)
    context.update(form=form, verdict=verdict, checked=True)
    return render(request, "service.html", context, status_code=422 if form.errors else 200)


def _service_or_redirect(
    directory: Directory, key: str, suffix: str, request: Request | None = None
) -> Service | Response:
    service, current = find_service(directory, key)
    if service is not None:
        return service
    if current is not None:
        # Re-encoded from the parsed query: the raw one may hold what a Location must not.
        pairs = request.query_params.multi_items() if request is not None else []
        query = f"?{urlencode(pairs)}" if pairs else ""
        return RedirectResponse(f"/services/{current}{suffix}{query}", status_code=301)
    raise HTTPException(404, f"There is no service called '{key}' in the directory.")


def route_words(route: Route, directory: Directory) -> list[str]:
    """A route's eligibility in words, one line a criterion."""
    rules = route.eligibility
    who = " and ".join(AUDIENCE_PLURALS[a] for a in rules.audience)
    lines = [f"For {who}"]
    stages = {s.value for s in rules.stages}
    if stages == {"pregnancy"}:
        lines.append("In pregnancy only")
    elif stages == {"postnatal"}:
        lines.append("After the birth only")
    else:
        lines.append("In pregnancy and after the birth")
    if rules.age_months is not None:
        lines.append(f"Baby's age: {rules.age_months}")
    if rules.concerns != ALL:
        labels = {c.id: c.label for c in directory.concerns}
        lines.append("Concerns: " + ", ".join(labels.get(c, c) for c in rules.concerns))
    if rules.need != ALL:
        levels = {n.id: n.label for n in directory.need_levels}
        lines.append("Level of need: " + ", ".join(levels.get(n, n) for n in rules.need))
    if rules.areas != ALL:
        names = [(a.name if (a := directory.area(i)) else i) for i in rules.areas]
        lines.append("Area: " + ", ".join(names))
    return lines


def _context(directory: Directory, service: Service) -> dict[str, Any]:
    successor = directory.service(service.replaced_by) if service.replaced_by else None
    routes = [r for r in service.routes if r.kind is not RouteKind.urgent]
    urgent = service.route(RouteKind.urgent)
    return {
        "service": service,
        "successor": successor,
        "routes": routes,
        "urgent_route": urgent,
        "directory": directory,
        "form": EligibilityForm("", "", "", {}),
        "concerns": directory.concerns,
        "need_levels": directory.need_levels,
        "verdict": None,
        "checked": False,
        "route_words": lambda route: route_words(route, directory),
        "service_name_of": lambda sid: s.name if (s := directory.service(sid)) else sid,
    }
