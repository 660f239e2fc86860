"""The pages around the journeys: home (two doors and the search box), urgent help, leaving the
site quickly, privacy, and a health check."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from navigator.content.vocabulary import RouteKind
from navigator.web.actions import directory_actions
from navigator.web.deps import PageContentDep
from navigator.web.journey_state import forget
from navigator.web.rendering import STATIC, render

router = APIRouter(include_in_schema=False)

EXIT_TO = "https://www.bbc.co.uk/weather"
"""Where 'Leave this site' goes: a neutral page, as the GOV.UK pattern suggests."""


@router.get("/")
def home(request: Request, content: PageContentDep) -> Response:
    """Two doors, the directory search, and 'Need help now?'."""
    practitioner = content.pathway_for("practitioner")
    family = content.pathway_for("family")
    return render(
        request,
        "home.html",
        {
            "practitioner_url": f"/pathways/{practitioner.id}?audience=practitioner"
            if practitioner
            else None,
            "family_url": f"/pathways/{family.id}?audience=family" if family else None,
            "quick_exit": True,
        },
    )


@router.get("/urgent")
def urgent(request: Request, content: PageContentDep) -> Response:
    """Every urgent route in the directory, with how to reach it."""
    services = content.urgent_services
    routes = [(s, s.route(RouteKind.urgent)) for s in services]
    context = {"routes": routes, "actions": directory_actions(services), "quick_exit": True}
    return render(request, "urgent.html", context)


@router.get("/exit")
def leave(request: Request) -> Response:
    """'Leave this site': delete a family's answers kept on the server and the cookie naming
    them, clear what the browser keeps for this site, then go somewhere neutral."""
    response = RedirectResponse(EXIT_TO, status_code=303)
    forget(request, response)
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@router.get("/privacy")
def privacy(request: Request) -> Response:
    """What the site keeps (a family's answers for a short while; anonymous journey records
    and feedback) and how to browse safely."""
    settings = request.app.state.settings
    context = {
        "quick_exit": True,
        "state_minutes": settings.state_minutes,
        "record_journeys": settings.record_journeys,
        "retention_months": settings.retention_months,
    }
    return render(request, "privacy.html", context)


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page names: answer with the site's icon
    rather than a 404 in every console."""
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/assets/fonts/{name}", include_in_schema=False)
def no_font(name: str) -> Response:
    """GOV.UK Frontend's stylesheet names GDS Transport files that this site must not serve
    (the font is for GOV.UK only); navigator.css points the family at fonts on the device, but
    a browser may still ask while the stylesheets load. No content: nothing to download."""
    return Response(status_code=204, headers={"Cache-Control": "public, max-age=86400"})


@router.get("/healthz")
def healthz() -> Response:
    """For load balancers and the benchmark: no content, no template."""
    return JSONResponse({"status": "ok"})
