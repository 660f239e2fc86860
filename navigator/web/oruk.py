"""The Open Referral UK 3.0 feed under `/oruk/`: the directory as `HSDS-UK-3.0` JSON, for the
Family Hubs finder, council and health directories and the ORUK validator.

Every response is JSON with `Access-Control-Allow-Origin: *` (an open, anonymous feed).
Listings are paged as the spec says; `text` (or the spec's `search`) searches with the same
index as `/search`, best match first. The mapping itself is `navigator.openreferral.feed`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from navigator.content.directory import Directory, Service
from navigator.engine.facts import Locator
from navigator.geo.centroids import Centroids, metres_between
from navigator.geo.postcode import InvalidPostcode, parse_postcode
from navigator.openreferral.feed import Feed, api_details
from navigator.openreferral.page import MAX_PER_PAGE, PER_PAGE, page_of
from navigator.search.index import Generation
from navigator.search.query import SearchRequest, search
from navigator.web.deps import ContentDep, LocatorDep
from navigator.web.search_routes import GenerationDep

router = APIRouter(prefix="/oruk", tags=["open referral uk"])

FEED_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
}
Item = TypeVar("Item")
SCHEMAS = "https://openreferraluk.org/specifications/3.0/schema/"

Responses = dict[int | str, dict[str, Any]]


def conforms(name: str, description: str, *errors: int) -> Responses:
    """The OpenAPI responses of an endpoint whose body is ORUK 3.0 schema `name`."""
    found: Responses = {
        200: {
            "description": f"{description} (ORUK 3.0 `{name}`).",
            "content": {"application/json": {"schema": {"$ref": SCHEMAS + name}}},
        }
    }
    for status in errors:
        found[status] = {
            "description": {400: "A parameter cannot be used", 404: "No such id"}[status]
            + ": `message` says why."
        }
    return found


class BadParameter(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def feed_json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status, headers=FEED_HEADERS)


def problem(status: int, message: str, field: str | None = None) -> JSONResponse:
    errors = [{"field": field, "message": message}] if field else []
    return feed_json({"message": message, "errors": errors}, status)


def feed_for(request: Request, directory: Directory) -> Feed:
    """The feed of this content version (built once a version and a day)."""
    cache: dict[int, Feed] = getattr(request.app.state, "oruk_feeds", {})
    today = date.today()
    cached = cache.get(id(directory))
    if cached is not None and cached.directory is directory and cached.today == today:
        return cached
    feed = Feed(directory, today, coordinates=lambda postcode: Centroids.default()(postcode))
    # The search index and the served content each hold a directory: keep both versions.
    fresh = {k: f for k, f in cache.items() if f.today == today and k != id(directory)}
    request.app.state.oruk_feeds = {**dict(list(fresh.items())[-3:]), id(directory): feed}
    return feed


def _number(field: str, value: str, default: int, high: int) -> int:
    if not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(field, f"{field} must be a whole number, not '{value}'") from None
    if not 1 <= number <= high:
        raise BadParameter(field, f"{field} must be from 1 to {high}, not {number}")
    return number


def _paged(
    items: Sequence[Item], page: str, per_page: str, render: Callable[[Item], dict[str, Any]]
) -> JSONResponse:
    try:
        number = _number("page", page, 1, 1_000_000)
        size = _number("per_page", per_page, PER_PAGE, MAX_PER_PAGE)
    except BadParameter as error:
        return problem(400, f"{error}.", error.field)
    return feed_json(page_of(items, number, size, render))


def ranked(generation: Generation, text: str) -> list[str]:
    """Ids of the services matching `text`, best first: the `/search` index and ranking."""
    ids: list[str] = []
    number = 1
    while True:
        found = search(generation, SearchRequest(text=text[:200], page=number, per_page=100))
        ids += found.ids
        if number >= found.pages:
            return ids
        number += 1


def _chosen(
    feed: Feed, generation: Generation, text: str, term: str, taxonomy: str, organization: str
) -> list[Service]:
    """The services passing every filter: best match first when there is a text, otherwise in
    the directory's order (ended services included, with status `defunct`)."""
    services = feed.services()
    if text.strip():
        by_id = {s.id: s for s in services}
        services = [by_id[i] for i in ranked(generation, text) if i in by_id]
    if term:
        services = [s for s in services if feed.has_term(s, term)]
    if taxonomy:
        services = [
            s for s in services if any(t.taxonomy.id == taxonomy for t in feed.service_terms(s))
        ]
    if organization:
        services = [s for s in services if feed.organization(s.provider)["id"] == organization]
    return services


Text = Annotated[str, Query(description="Full-text search, as on /search (ORUK 1.0's name).")]
Search = Annotated[str, Query(description="Full-text search (the ORUK 3.0 name for `text`).")]
TermId = Annotated[str, Query(description="Only services tagged with this term (or a child).")]
TaxonomyId = Annotated[str, Query(description="Only services with a term of this taxonomy.")]
OrganizationId = Annotated[str, Query(description="Only this organization's services.")]
Page = Annotated[str, Query(description="Page number, from 1.")]
PerPage = Annotated[str, Query(description=f"Items a page, 1 to {MAX_PER_PAGE} (default 50).")]
Full = Annotated[str, Query(description="`true` for fully nested services.")]


@router.get("", include_in_schema=False)
@router.get(
    "/",
    summary="API details: the ORUK version and profile",
    responses=conforms("api_details.json", "The version and profile"),
)
def details() -> JSONResponse:
    """`{"version": "HSDS-UK-3.0", "profile": …, "openapi_url": …}`."""
    return feed_json(api_details())


@router.get(
    "/services",
    summary="A page of services (one-to-one fields)",
    responses=conforms("service_list.json", "A page of services", 400),
)
def list_services(
    request: Request,
    generation: GenerationDep,
    text: Text = "",
    search: Search = "",
    taxonomy_term_id: TermId = "",
    taxonomy_id: TaxonomyId = "",
    organization_id: OrganizationId = "",
    page: Page = "",
    per_page: PerPage = "",
    full: Full = "",
) -> JSONResponse:
    """Services as the spec's page (`total_items`, …, `empty`, `contents`)."""
    feed = feed_for(request, generation.directory)
    chosen = _chosen(
        feed, generation, text or search, taxonomy_term_id, taxonomy_id, organization_id
    )
    nested = full.strip().lower() == "true"
    return _paged(chosen, page, per_page, lambda s: feed.service(s, full=nested))


@router.get(
    "/services/{id}",
    summary="One service, fully nested",
    responses=conforms("service.json", "The service", 404),
)
def get_service(id: str, request: Request, content: ContentDep) -> JSONResponse:
    feed = feed_for(request, content.directory)
    service = feed.service_by_uuid(id) or content.directory.service(id)
    if service is None:
        return problem(404, f"There is no service with id '{id}' in this feed.")
    return feed_json(feed.service(service))


@router.get(
    "/taxonomies",
    summary="The taxonomies the feed's terms come from",
    responses=conforms("taxonomy_list.json", "A page of taxonomies", 400),
)
def list_taxonomies(
    request: Request, content: ContentDep, page: Page = "", per_page: PerPage = ""
) -> JSONResponse:
    feed = feed_for(request, content.directory)
    return _paged(feed.taxonomies, page, per_page, lambda t: t.as_json())


@router.get(
    "/taxonomies/{id}",
    summary="One taxonomy",
    responses=conforms("taxonomy.json", "The taxonomy", 404),
)
def get_taxonomy(id: str, request: Request, content: ContentDep) -> JSONResponse:
    taxonomy = feed_for(request, content.directory).taxonomy_by_uuid(id)
    if taxonomy is None:
        return problem(404, f"There is no taxonomy with id '{id}' in this feed.")
    return feed_json(taxonomy.as_json())


@router.get(
    "/taxonomy_terms",
    summary="The terms services are tagged with",
    responses=conforms("taxonomy_term_list.json", "A page of terms", 400),
)
def list_terms(
    request: Request,
    content: ContentDep,
    search: Annotated[str, Query(description="Words in the term's name or code.")] = "",
    taxonomy_id: Annotated[str, Query(description="Only this taxonomy's terms.")] = "",
    parent_id: Annotated[str, Query(description="Only the children of this term.")] = "",
    top_only: Annotated[str, Query(description="`true` for terms with no parent.")] = "",
    page: Page = "",
    per_page: PerPage = "",
) -> JSONResponse:
    feed = feed_for(request, content.directory)
    found = [
        t
        for t in feed.terms
        if (not taxonomy_id or t.taxonomy.id == taxonomy_id)
        and (not parent_id or t.as_json(nested=False).get("parent_id") == parent_id)
        and (top_only.strip().lower() != "true" or t.parent is None)
        and all(w in f"{t.name} {t.code}".lower() for w in search.lower().split())
    ]
    return _paged(found, page, per_page, lambda t: t.as_json())


@router.get(
    "/taxonomy_terms/{id}",
    summary="One term",
    responses=conforms("taxonomy_term.json", "The term", 404),
)
def get_term(id: str, request: Request, content: ContentDep) -> JSONResponse:
    term = feed_for(request, content.directory).term_by_uuid(id)
    if term is None:
        return problem(404, f"There is no taxonomy term with id '{id}' in this feed.")
    return feed_json(term.as_json())


@router.get(
    "/organizations",
    summary="The organizations that run the services",
    responses=conforms("organization_list.json", "A page of organizations", 400),
)
def list_organizations(
    request: Request, content: ContentDep, page: Page = "", per_page: PerPage = ""
) -> JSONResponse:
    feed = feed_for(request, content.directory)
    providers = list(dict.fromkeys(s.provider for s in content.directory.services))
    return _paged(providers, page, per_page, feed.organization)


@router.get(
    "/organizations/{id}",
    summary="One organization",
    responses=conforms("organization.json", "The organization", 404),
)
def get_organization(id: str, request: Request, content: ContentDep) -> JSONResponse:
    feed = feed_for(request, content.directory)
    for provider in dict.fromkeys(s.provider for s in content.directory.services):
        found = feed.organization(provider)
        if found["id"] == id:
            return feed_json(found)
    return problem(404, f"There is no organization with id '{id}' in this feed.")


def covering(feed: Feed, locator: Locator, postcode: str) -> Callable[[Service], bool]:
    """Whether a service's areas take in the postcode (an area near the postcode's edge, or
    decided by GP registration, counts: the family may be in it)."""
    place = locator.locate(parse_postcode(postcode))
    directory = feed.directory
    if place.known:
        found = {*place.areas, *place.near_boundary, *place.hints}
    elif not place.covered:
        found = {a.id for a in directory.areas if a.kind.value == "country"}
    else:
        raise BadParameter("postcode", place.message or f"We could not find {postcode}")
    areas = {a for area in found for a in directory.ancestors(area)}

    def covers(service: Service) -> bool:
        served = feed.areas(service)
        return served is None or any(a.id in areas for a in served)

    return covers


def near(feed: Feed, service: Service, postcode: str, metres: int) -> bool:
    """Whether the service's location is within `metres` of the postcode's centroid: a
    virtual location (the service comes to the family) is, in its areas; a physical one
    needs coordinates."""
    location = feed.location(service)
    if location["location_type"] == "virtual":
        return True
    origin = feed.coordinates(postcode) if feed.coordinates else None
    if origin is None or "latitude" not in location:
        return False
    return metres_between(origin, (location["latitude"], location["longitude"])) <= metres


@router.get(
    "/service_at_locations",
    summary="Where each service is delivered",
    responses=conforms("service_at_location_list.json", "A page of services at locations", 400),
)
def list_service_at_locations(
    request: Request,
    generation: GenerationDep,
    locator: LocatorDep,
    text: Text = "",
    search: Search = "",
    taxonomy_term_id: TermId = "",
    taxonomy_id: TaxonomyId = "",
    organization_id: OrganizationId = "",
    postcode: Annotated[
        str, Query(description="Only services whose areas take in this postcode.")
    ] = "",
    proximity: Annotated[
        str, Query(description="Metres from the postcode (needs `postcode`).")
    ] = "",
    page: Page = "",
    per_page: PerPage = "",
) -> JSONResponse:
    """One entry a service. With `postcode`, only services whose areas include it; with
    `proximity` as well, only locations within that many metres of the postcode's centroid
    (an address's coordinates are its postcode's centroid); a virtual location (a service
    that comes to the family, by phone, online or at home) is within any distance of a
    postcode in its areas."""
    feed = feed_for(request, generation.directory)
    chosen = _chosen(
        feed, generation, text or search, taxonomy_term_id, taxonomy_id, organization_id
    )
    try:
        if proximity.strip():
            _number("proximity", proximity, 0, 20_000_000)
            if not postcode.strip():
                raise BadParameter("proximity", "proximity needs a postcode to measure from")
        if postcode.strip():
            covers = covering(feed, locator, postcode)
            chosen = [s for s in chosen if covers(s)]
            if proximity.strip():
                metres = _number("proximity", proximity, 0, 20_000_000)
                chosen = [s for s in chosen if near(feed, s, postcode, metres)]
    except (BadParameter, InvalidPostcode) as error:
        field = getattr(error, "field", "postcode")
        return problem(400, f"{error}.", field)
    return _paged(chosen, page, per_page, feed.service_at_location)


@router.get(
    "/service_at_locations/{id}",
    summary="One service at one location",
    responses=conforms("service_at_location.json", "The service at its location", 404),
)
def get_service_at_location(id: str, request: Request, content: ContentDep) -> JSONResponse:
    feed = feed_for(request, content.directory)
    for service in content.directory.services:
        found = feed.service_at_location(service)
        if found["id"] == id:
            return feed_json(found)
    return problem(404, f"There is no service_at_location with id '{id}' in this feed.")
