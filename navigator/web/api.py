"""The JSON API, `/api/v1`, described by the OpenAPI document at `/openapi.json`.

The navigate endpoint returns exactly what `navigator navigate --json` prints (see
docs/engine-json.md). Bad input gets a 422 with a `message` a person can act on."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field, StrictInt, StrictStr

from navigator.content.directory import Service
from navigator.engine import navigate
from navigator.engine.eligibility import EligibilityCheck
from navigator.engine.outcome import Ask, Result
from navigator.geo.postcode import InvalidPostcode, parse_postcode
from navigator.web.answers import Answers, read_answers
from navigator.web.deps import ContentDep, LocatorDep
from navigator.web.services import find_service, max_months, read_form, run_check

router = APIRouter(prefix="/api/v1", tags=["api"])


class Problem(BaseModel):
    """What was wrong with the request, in words, and where."""

    message: str = Field(description="What went wrong and what to do about it.")
    errors: list[dict[str, Any]] = Field(
        default_factory=list, description="One entry per field: `field` and `message`."
    )


class NavigateRequest(BaseModel):
    """The answers so far, by question id. A multi-select answer is a list."""

    answers: dict[str, StrictStr | StrictInt | list[StrictStr]] = Field(
        default_factory=dict,
        description='Answers by question id, e.g. {"red_flags": ["none"], "age": 5}.',
        examples=[{"red_flags": ["none"], "audience": "practitioner", "stage": "pregnancy"}],
    )


class PathwaySummary(BaseModel):
    id: str
    title: str
    version: str
    status: str
    audiences: list[str]


def problem(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    return JSONResponse(Problem(message=message, errors=errors or []).model_dump(), status)


Responses = dict[int | str, dict[str, Any]]

NOT_FOUND: Responses = {404: {"model": Problem, "description": "No such pathway or service."}}
BAD_INPUT: Responses = {
    422: {"model": Problem, "description": "The input cannot be used; `message` says why."}
}


@router.get("/pathways", response_model=list[PathwaySummary])
def list_pathways(content: ContentDep) -> list[PathwaySummary]:
    """The pathways being served."""
    return [
        PathwaySummary(
            id=p.id,
            title=p.title,
            version=p.version,
            status=p.status,
            audiences=[a.value for a in p.audiences],
        )
        for p in content.pathways
    ]


@router.post(
    "/pathways/{pathway_id}/navigate",
    response_model=Ask | Result,
    responses={**NOT_FOUND, **BAD_INPUT},
)
def navigate_pathway(
    pathway_id: str, body: NavigateRequest, content: ContentDep, locator: LocatorDep
) -> Ask | Result | JSONResponse:
    """The next question (`type: question`) or the result (`type: result`) for the answers.

    An answer that cannot be used comes back as the same question with `error` set."""
    pathway = content.pathway(pathway_id)
    if pathway is None:
        known = ", ".join(p.id for p in content.pathways) or "none"
        return problem(404, f"There is no pathway '{pathway_id}'. Pathways: {known}.")
    unknown = sorted(set(body.answers) - {"red_flags", *(q.id for q in pathway.questions)})
    if unknown:
        return problem(
            422,
            f"These are not questions of pathway '{pathway.id}': {', '.join(unknown[:20])}"
            f"{' and more' if len(unknown) > 20 else ''}. "
            "Please use the question ids the navigate response gives.",
            [{"field": f"answers.{k}", "message": "not a question id"} for k in unknown[:20]],
        )
    answers: Answers = read_answers(body.answers, pathway)
    for key, value in body.answers.items():
        if isinstance(value, int):
            answers[key] = value
    return navigate(pathway, content.directory, answers, locator)


def _service_json(service: Service) -> dict[str, Any]:
    data: dict[str, Any] = service.model_dump(mode="json", by_alias=True, exclude_none=True)
    return data


@router.get(
    "/services/{service_id}",
    responses={
        200: {"description": "The service, as in services.yaml (docs/content.md)."},
        301: {"description": "A former id: the Location header gives the current one."},
        **NOT_FOUND,
    },
)
def get_service(service_id: str, content: ContentDep) -> Any:
    """One service: remit, boundaries (`not_for`), routes with their eligibility, contact."""
    service, current = find_service(content.directory, service_id)
    if current is not None:
        return RedirectResponse(f"/api/v1/services/{current}", status_code=301)
    if service is None:
        return problem(404, f"There is no service '{service_id}' in the directory.")
    return _service_json(service)


@router.get(
    "/services/{service_id}/eligibility",
    response_model=EligibilityCheck,
    responses={301: {"description": "A former id."}, **NOT_FOUND, **BAD_INPUT},
)
def get_eligibility(
    request: Request,
    service_id: str,
    content: ContentDep,
    locator: LocatorDep,
    stage: str = Query("", description="`pregnancy` or `postnatal`."),
    age_months: str = Query(
        "",
        description="The baby's age (postnatal): `7`, `7 months`, `1 year 2 months`; if left "
        "out, `not_checked` says so.",
    ),
    postcode: str = Query("", description="The family's postcode (optional)."),
    audience: str = Query(
        "",
        description="Who is asking: `practitioner` or `family` (optional). Only the routes "
        "that audience can use are checked; without it, every route but training.",
    ),
    concern: str = Query(
        "", description="A concern id (optional; if left out, `not_checked` says so)."
    ),
    need: str = Query(
        "", description="A level of need id (optional; if left out, `not_checked` says so)."
    ),
) -> Response | EligibilityCheck:
    """Whether the family fits each route of the service: yes, no (`why_not` gives each
    reason once, and `instead` where to go) or confirm (near a boundary, the area could not be
    told, or a limit on the concern or level of need was not asked: see `not_checked`)."""
    service, current = find_service(content.directory, service_id)
    if current is not None:
        query = urlencode(request.query_params.multi_items())
        return RedirectResponse(f"/api/v1/services/{current}/eligibility?{query}", 301)
    if service is None:
        return problem(404, f"There is no service '{service_id}' in the directory.")
    form = read_form(
        stage,
        age_months,
        postcode,
        content.directory,
        audience=audience,
        concern=concern,
        need=need,
        oldest=max_months(content.pathways),
        age_required=False,
    )
    if form.errors:
        return problem(
            422,
            " ".join(f"{message}." for message in form.errors.values()),
            [{"field": k, "message": v} for k, v in form.errors.items()],
        )
    found = run_check(service, content.directory, form, locator)
    assert found is not None
    return found


@router.get(
    "/postcodes/{postcode}",
    responses={
        200: {"description": "Location: areas, near_boundary, hints, message."},
        **BAD_INPUT,
    },
)
def get_postcode(postcode: str, locator: LocatorDep) -> Any:
    """Which areas a postcode is in, and whether it is near a boundary."""
    try:
        normalised = parse_postcode(postcode)
    except InvalidPostcode as error:
        return problem(422, str(error), [{"field": "postcode", "message": str(error)}])
    place = locator.locate(normalised)
    as_json = getattr(place, "as_json", None)
    if callable(as_json):
        return as_json()
    return {
        "postcode": place.postcode,
        "known": place.known,
        "areas": list(place.areas),
        "near_boundary": list(place.near_boundary),
        "hints": list(place.hints),
        "message": place.message,
    }
