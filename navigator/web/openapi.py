"""The OpenAPI document, made to tell the truth: every parameter's allowed values (enums from
the vocabulary and the content served, patterns for postcodes, ages and page numbers) and every
error response the API gives (400, 405, 413, 422, all as `Problem`).

FastAPI writes the document from the routes' signatures, where every parameter is a plain
string (so an error message can say what was wrong in words); `refine` adds what the code
checks. The document is made again when the content changes (concern ids, question ids)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from navigator.content.vocabulary import LANGUAGE_NAMES, Audience, RouteKind, Stage
from navigator.geo.postcode import DOCUMENTED_PATTERN
from navigator.web.live import LiveContent, NoContent, Snapshot
from navigator.web.services import max_months

__all__ = ["install", "refine"]

Schema = dict[str, Any]

PROBLEM: Schema = {
    "title": "Problem",
    "type": "object",
    "description": "What was wrong with the request, in words, and where.",
    "properties": {
        "message": {"type": "string", "description": "What went wrong and what to do."},
        "errors": {
            "type": "array",
            "items": {"type": "object"},
            "description": "One entry per field: `field` and `message`.",
        },
    },
    "required": ["message", "errors"],
}

MONTHS = "^(?:[0-9]|[12][0-9]|3[0-6])$"
"""A baby's age in whole months, 0 to 36, when the pathways set no oldest age (the document
otherwise lists 0 to the oldest; the API also reads `7 months`, `1 year 2 months`)."""

ID = "^[a-z0-9][a-z0-9-]{0,79}$"
"""A pathway or service id as the content writes it (a service page also takes a name)."""


def _enum(values: list[str], *, blank: bool = True) -> Schema:
    return {"type": "string", "enum": ([""] if blank else []) + values}


def _whole(low: int, high: int) -> Schema:
    """A string of a whole number from `low` to `high`, written without leading zeros."""
    if (low, high) == (1, 100):
        pattern = "^(?:[1-9][0-9]?|100)$"
    elif (low, high) == (1, 500):
        pattern = "^(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$"
    elif (low, high) == (1, 10_000):
        pattern = "^(?:[1-9][0-9]{0,3}|10000)$"
    else:  # metres: 1 to 9,999,999 (the feed takes up to 20,000,000)
        pattern = "^[1-9][0-9]{0,6}$"
    return {"type": "string", "pattern": pattern}


def _ids(ids: list[str]) -> Schema:
    """The ids the content serves (a former service id redirects); a pattern without content."""
    return {"type": "string", "enum": ids} if ids else {"type": "string", "pattern": ID}


def _or_blank(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "string", "enum": [""]}]}


def _parameters(snapshot: Snapshot | None) -> dict[tuple[str, str], Schema]:
    """(operation path or `*`, parameter name) → its schema."""
    directory = snapshot.directory if snapshot is not None else None
    pathways = [p.id for p in snapshot.pathways] if snapshot is not None else []
    services = sorted(
        {i for s in directory.services for i in (s.id, *s.former_ids)} if directory else set()
    )
    concerns = [c.id for c in directory.concerns] if directory else []
    rings = sorted(directory.ring_labels()) if directory else []
    needs = [n.id for n in directory.need_levels] if directory else []
    postcode: Schema = {"type": "string", "pattern": DOCUMENTED_PATTERN}
    oldest = max_months(snapshot.pathways) if snapshot is not None else None
    months: Schema = (
        {"type": "string", "pattern": MONTHS}
        if oldest is None or oldest > 120
        else {"type": "string", "enum": [str(n) for n in range(oldest + 1)]}
    )
    eligibility = "/api/v1/services/{service_id}/eligibility"
    return {
        ("*", "pathway_id"): _ids(pathways),
        ("*", "service_id"): _ids(services),
        ("*", "postcode"): _or_blank(postcode),
        ("/api/v1/postcodes/{postcode}", "postcode"): postcode,
        ("*", "stage"): _enum([s.value for s in Stage]),
        (eligibility, "stage"): _enum([s.value for s in Stage], blank=False),
        ("*", "audience"): _enum([a.value for a in Audience]),
        ("*", "age_months"): _or_blank(months),
        ("*", "concern"): _enum(concerns),
        ("*", "need"): _enum(needs),
        ("*", "route"): {"type": "array", "items": _enum([r.value for r in RouteKind][1:])},
        ("*", "ring"): {"type": "array", "items": _enum(rings, blank=False)},
        ("/api/v1/services", "language"): _enum(sorted(LANGUAGE_NAMES)),
        ("/api/v1/services", "page"): _or_blank(_whole(1, 10_000)),
        ("/api/v1/services", "per_page"): _or_blank(_whole(1, 100)),
        ("*", "page"): _or_blank(_whole(1, 10_000)),
        ("*", "per_page"): _or_blank(_whole(1, 500)),
        ("*", "proximity"): _or_blank(_whole(1, 20_000_000)),
        ("*", "full"): _enum(["true", "false"]),
        ("*", "top_only"): _enum(["true", "false"]),
    }


def refine(document: Schema, snapshot: Snapshot | None) -> Schema:
    """`document` with the parameters' allowed values and every error response; changed in
    place and returned."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    problem = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    known = _parameters(snapshot)
    questions = _question_ids(snapshot)
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                name = parameter["name"]
                schema = known.get((path, name)) or known.get(("*", name))
                if schema is not None:
                    keep = {k: v for k, v in parameter["schema"].items() if k in {"title"}}
                    parameter["schema"] = {**schema, **keep}
                if path.endswith("/eligibility") and name == "stage":
                    parameter["required"] = True
            responses = operation.setdefault("responses", {})
            _error(
                responses,
                "405",
                "This method is not allowed here: `Allow` lists those that are.",
                problem,
            )
            _error(
                responses,
                "422",
                "The input cannot be used; `message` says why.",
                problem,
                replace=True,
            )
            if path.startswith("/oruk/") and operation.get("parameters"):
                _error(
                    responses,
                    "400",
                    "A parameter cannot be used; `message` says why.",
                    problem,
                    replace=True,
                )
            if "requestBody" in operation:
                _error(
                    responses, "413", "The body is larger than the site accepts (64 KiB).", problem
                )
                if questions and path.endswith("/navigate"):
                    _answers(document, questions)
    return document


def _error(
    responses: Schema, status: str, description: str, content: Schema, *, replace: bool = False
) -> None:
    if status in responses and not replace:
        return
    responses[status] = {"description": description, "content": content}


def _question_ids(snapshot: Snapshot | None) -> list[str]:
    if snapshot is None:
        return []
    ids = {"red_flags"}
    for pathway in snapshot.pathways:
        ids.update(q.id for q in pathway.questions)
    return sorted(ids)


def _answers(document: Schema, questions: list[str]) -> None:
    """The navigate body's answers: keyed only by question ids."""
    body = document["components"]["schemas"].get("NavigateRequest")
    if body is None:
        return
    answers = body["properties"]["answers"]
    answers["propertyNames"] = {"enum": questions}


def install(app: FastAPI) -> None:
    """Serve the refined document at `/openapi.json`, made again when the content changes."""
    cache: dict[str, Schema] = {}

    def document() -> Schema:
        live: LiveContent = app.state.live
        try:
            snapshot: Snapshot | None = live.current()
        except NoContent:
            snapshot = None
        key = snapshot.content_hash if snapshot is not None else ""
        if key not in cache:
            cache.clear()
            made = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            cache[key] = refine(made, snapshot)
        return cache[key]

    app.openapi = document  # type: ignore[method-assign]
