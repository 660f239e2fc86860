"""Search: the `/search` page and `GET /api/v1/services`.

The page is a plain GET form that works without JavaScript; htmx makes it live (the query
box asks again 300 ms after typing stops, filters as soon as they change) by fetching the
same URL with `HX-Target: search-results`, which gets only the results part. Both the page
and the API build the request with `navigator.search.request.build_request`, as
`navigator search` does, so all three give the same results.

The index is opened (or built, once, if `services.yaml` changed) when the app starts, and
swapped for a new generation in the background when the content changes; each request
searches the generation current when it starts, with its worker thread's own searcher (Whoosh
searchers are not thread-safe; see `Generation.searcher`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any, cast
from urllib.parse import urlencode

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response

from navigator.content.directory import Directory
from navigator.content.vocabulary import LANGUAGE_NAMES, Audience, RouteKind, Stage
from navigator.search.index import Generation
from navigator.search.live import LiveIndex
from navigator.search.query import Hit, SearchPage, search
from navigator.search.request import BadSearch, Parameters, build_request
from navigator.settings import Settings
from navigator.web.deps import LocatorDep
from navigator.web.language import NATIVE_NAMES
from navigator.web.live import LiveContent, NoContent, Snapshot
from navigator.web.rendering import render

RESULTS_TARGET = "search-results"
"""The id of the element live results replace."""

_starting = threading.Lock()


def live_index(app: FastAPI) -> LiveIndex:
    """The app's live index, made on first use (the lifespan makes it at start-up)."""
    found = getattr(app.state, "search_index", None)
    if found is None:
        with _starting:
            found = getattr(app.state, "search_index", None)
            if found is None:
                settings = cast(Settings, getattr(app.state, "settings", None) or Settings())
                found = LiveIndex.for_settings(settings)
                app.state.search_index = found
    return cast(LiveIndex, found)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the index, or build it if the content changed, before the first request."""
    index = live_index(app)
    live = cast(LiveContent | None, getattr(app.state, "live", None))
    if live is None:
        yield
        return
    live.preparers.append(lambda snapshot: for_snapshot(index, snapshot))
    # Without content the status page says why, and search answers 503 until it loads.
    with contextlib.suppress(NoContent):
        snapshot = live.current()
        await anyio.to_thread.run_sync(for_snapshot, index, snapshot)
    yield


def for_snapshot(index: LiveIndex, snapshot: Snapshot) -> Generation:
    """The search generation of the content version the pages serve."""
    return index.for_content(snapshot.content_hash, snapshot.directory)


router = APIRouter(lifespan=lifespan)


def get_generation(request: Request) -> Generation:
    """The generation of the content version the pages serve now (built if it is not yet:
    the first request after start); 503 while no content has loaded."""
    live = cast(LiveContent, request.app.state.live)
    return for_snapshot(live_index(request.app), live.current())


GenerationDep = Annotated[Generation, Depends(get_generation)]


def search_parameters(
    q: Annotated[
        str, Query(description="What to look for; empty lists every service by name.")
    ] = "",
    audience: Annotated[
        str, Query(description="`practitioner` or `family`: who will use the route.")
    ] = "",
    route: Annotated[
        list[str] | None, Query(description="Route kinds; repeat for any of several.")
    ] = None,
    stage: Annotated[str, Query(description="`pregnancy` or `postnatal`.")] = "",
    age_months: Annotated[
        str, Query(description="The baby's age in whole months (postnatal).")
    ] = "",
    postcode: Annotated[
        str, Query(description="Where the family lives (never stored or logged).")
    ] = "",
    ring: Annotated[
        list[str] | None, Query(description="`core`, `universal` or `risk`; repeatable.")
    ] = None,
    language: Annotated[
        str,
        Query(
            description="A language code (`ur`, `pl`): services whose staff work in it or that "
            "arrange interpreters."
        ),
    ] = "",
    page: Annotated[str, Query(description="Page number, from 1.")] = "1",
    per_page: Annotated[str, Query(description="Results a page, 1 to 100 (default 10).")] = "",
) -> Parameters:
    """The search parameters of the query string, as text (the page and the API read the
    same ones; `build_request` says what they mean)."""
    return Parameters(
        q=q,
        audience=audience,
        routes=tuple(route or ()),
        stage=stage,
        age_months=age_months,
        postcode=postcode,
        rings=tuple(ring or ()),
        language=language,
        page=page or "1",
        per_page=per_page,
    )


ParametersDep = Annotated[Parameters, Depends(search_parameters)]


@router.get("/search", include_in_schema=False)
def search_page(
    request: Request, given: ParametersDep, generation: GenerationDep, locator: LocatorDep
) -> Response:
    """The search page, or just its results for a live (htmx) update."""
    error: str | None = None
    try:
        search_request, notes = build_request(given, generation.directory, locator)
        results: SearchPage | None = search(generation, search_request, notes)
    except BadSearch as problem:
        error, results = str(problem), None
    context = {
        "given": given,
        "results": results,
        "cards": [card(hit, generation.directory) for hit in results.hits] if results else [],
        "error": error,
        "filters": _filter_options(given, results, generation.directory.ring_labels()),
        "language_options": _language_options(given, generation.directory.site.languages),
        "links": _links(given, results),
        "results_target": RESULTS_TARGET,
    }
    live = request.headers.get("hx-request") == "true" and (
        request.headers.get("hx-target") == RESULTS_TARGET
    )
    name = "_search_results.html" if live else "search.html"
    response = render(request, name, context, status_code=422 if error else 200)
    response.headers["Vary"] = "HX-Target"  # the security middleware adds HX-Request
    if live:
        # The address bar follows the search, so a reload or a shared link shows the same.
        response.headers["HX-Push-Url"] = _url(given)
    return response


@router.get(
    "/api/v1/services",
    tags=["api"],
    responses={
        200: {"description": "A page of services, best match first, with facets."},
        422: {"description": "A parameter cannot be used; `message` says why."},
    },
)
def search_services(given: ParametersDep, generation: GenerationDep, locator: LocatorDep) -> Any:
    """Search the directory: the same results as the search page and `navigator search`."""
    try:
        search_request, notes = build_request(given, generation.directory, locator)
    except BadSearch as problem:
        message = f"{problem}."
        errors = [{"field": problem.field, "message": message}]
        return JSONResponse({"message": message, "errors": errors}, 422)
    # Plain JSON types already: straight to the response, not through FastAPI's encoder
    # (which walks every value of the page again).
    return JSONResponse(search(generation, search_request, notes).as_json())


def card(hit: Hit, directory: Directory) -> dict[str, Any]:
    """What a result card shows: highlighted text, the former name matched, the ways in
    (route kinds and who may use them) and the boundaries with where to go instead."""
    service = hit.service
    former = hit.former_name
    ways = [
        {
            "kind": route.kind.value,
            "who": [AUDIENCE_LABELS[a].lower() for a in route.eligibility.audience],
        }
        for route in sorted(service.routes, key=lambda r: r.kind.rank)
    ]
    boundaries = [
        {
            "who": boundary.who,
            "instead": [
                {"id": other.id, "name": other.name}
                for other in (directory.service(i) for i in boundary.instead)
                if other is not None
            ],
            "instead_text": boundary.instead_text,
        }
        for boundary in service.not_for
    ]
    return {
        "id": service.id,
        "name": hit.highlights.get("name"),
        "plain_name": service.name,
        "provider": service.provider,
        "remit": hit.highlights.get("remit"),
        "plain_remit": service.remit,
        "description": hit.highlights.get("description") if "remit" not in hit.highlights else None,
        "former": former,
        "former_is_alias": former is not None and former in service.aliases,
        "ways": ways,
        "boundaries": boundaries,
        "ended": not service.active,
    }


def _url(given: Parameters, **changes: Any) -> str:
    """The /search address for these parameters, with `changes` made (None removes one)."""
    values: dict[str, Any] = {
        "q": given.q,
        "audience": given.audience,
        "route": list(given.routes),
        "stage": given.stage,
        "age_months": given.age_months,
        "postcode": given.postcode,
        "ring": list(given.rings),
        "language": given.language,
        "page": given.page if given.page != "1" else "",
    }
    values.update(changes)
    pairs = [
        (key, item)
        for key, value in values.items()
        for item in (value if isinstance(value, list) else [value])
        if item not in (None, "")
    ]
    return "/search" + (f"?{urlencode(pairs)}" if pairs else "")


def _links(given: Parameters, results: SearchPage | None) -> dict[str, str | None]:
    if results is None:
        return {"previous": None, "next": None, "did_you_mean": None}
    return {
        "previous": _url(given, page=str(results.page - 1)) if results.page > 1 else None,
        "next": _url(given, page=str(results.page + 1)) if results.page < results.pages else None,
        "did_you_mean": _url(given, q=results.did_you_mean, page="")
        if results.did_you_mean
        else None,
    }


ROUTE_LABELS = {
    RouteKind.urgent: "Urgent help",
    RouteKind.consultation: "Consultation (advice for practitioners)",
    RouteKind.referral: "Referral",
    RouteKind.self_referral: "Self-referral",
    RouteKind.signposting: "Signposting and information",
    RouteKind.training: "Training",
}
AUDIENCE_LABELS = {Audience.practitioner: "Practitioners", Audience.family: "Families"}
STAGE_LABELS = {Stage.pregnancy: "In pregnancy", Stage.postnatal: "After the birth"}


def _language_options(given: Parameters, offered: Sequence[str]) -> list[dict[str, Any]]:
    """The language filter's options: the site's languages other than English."""
    chosen = given.language.strip().lower()
    return [
        {
            "value": code,
            "label": NATIVE_NAMES.get(code, LANGUAGE_NAMES.get(code, code)),
            "checked": code == chosen,
        }
        for code in offered
        if code != "en"
    ]


def _filter_options(
    given: Parameters, results: SearchPage | None, rings: Mapping[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """Each filter's options with whether it is chosen and its count in the results."""
    facets = results.facets if results is not None else {}

    def options(facet: str, labels: Mapping[Any, str], chosen: set[str]) -> list[dict[str, Any]]:
        counts = facets.get(facet, {})
        return [
            {
                "value": str(key),
                "label": label,
                "checked": str(key) in chosen,
                "count": counts.get(str(key), 0),
            }
            for key, label in labels.items()
        ]

    return {
        "audience": options("audience", AUDIENCE_LABELS, {given.audience}),
        "route": options("route", ROUTE_LABELS, set(given.routes)),
        "stage": options("stage", STAGE_LABELS, {given.stage}),
        "ring": options("ring", rings, set(given.rings)),
    }
