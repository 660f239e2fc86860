"""Templates: one Jinja environment, the context every page shares, and `render`, which sends a
whole page or (for an htmx request aimed at `#page`) only the part that changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from navigator.content.directory import Site
from navigator.content.vocabulary import LANGUAGE_NAMES, ROUTE_NAMES, ROUTE_TITLES, RouteKind
from navigator.geo.postcode import outward
from navigator.settings import Settings
from navigator.web.actions import actions, dial_links
from navigator.web.live import LiveContent, NoContent
from navigator.web.offers import contact_rest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"

SERVICE_NAME = "Early years mental health navigator"

FAMILY_TITLES = {
    RouteKind.urgent: "Get help now",
    RouteKind.consultation: "Advice for the people who work with you",
    RouteKind.referral: "Services a professional can refer you to",
    RouteKind.self_referral: "Services you can contact yourself",
    RouteKind.signposting: "Information and support you can use",
    RouteKind.training: "Training",
}

UNCONFIRMED = {
    "phone": "the phone number",
    "phone_note": "when to ring",
    "email": "the email address",
    "website": "the website",
    "address": "the address",
    "hours": "opening hours",
    "routes": "how to refer or get in touch",
    "routes.training": "training dates",
    "areas": "which areas it covers",
    "age_months": "the age range",
    "stages": "whether it works in pregnancy",
    "need": "the level of need it takes",
    "status": "whether it still runs",
    "provider": "who runs it",
    "ended": "when it ended",
    "replaced_by": "what replaced it",
    "length": "how long it lasts",
    "response_time": "how soon it responds",
    "languages": "the languages offered",
    "name": "its current name",
    "remit": "what it does",
}
"""How the facts a provider has still to confirm are named to people (content uses field names)."""


def unconfirmed_words(fields: list[str]) -> str:
    """`['phone', 'age_months']` → 'the phone number, the age range'."""
    words = [UNCONFIRMED.get(f, f.replace("_", " ").replace(".", " ")) for f in fields]
    return ", ".join(dict.fromkeys(words))


DOORS = {
    "health-visiting": "your health visitor",
    "midwifery": "your midwife",
    "gp": "your GP",
    "family-hubs": "your Family Hub",
    "specialist-mother-baby-mh": "the perinatal mental health team",
    "healthy-minds": "the Healthy Minds website",
}
"""How the services that are a `through` door are named to people: by the person at the door."""


PRACTITIONER_DOORS = {
    "health-visiting": "the family's health visitor",
    "midwifery": "the family's midwife",
    "gp": "the family's GP",
    "family-hubs": "a Family Hub",
}
"""The same doors as a practitioner reads them: the family's, not the reader's."""


def door(service_id: str, family: bool = True) -> str:
    """`'health-visiting'` → 'your health visitor' (for a practitioner, 'the family's health
    visitor'); another id → 'the ' and its words."""
    named = DOORS if family else {**DOORS, **PRACTITIONER_DOORS}
    return named.get(service_id) or "the " + service_id.replace("-", " ")


FAMILY_ROUTE_LABELS = {
    RouteKind.urgent: "Get help now",
    RouteKind.consultation: "Your health visitor can ask them for advice",
    RouteKind.referral: "A professional can refer you",
    RouteKind.self_referral: "Contact them yourself",
    RouteKind.signposting: "Information and support",
    RouteKind.training: "Training",
}


def route_label(kind: str, family: bool = False) -> str:
    route = RouteKind(kind)
    return FAMILY_ROUTE_LABELS[route] if family else ROUTE_NAMES[route]


def site_url(request: Request) -> str:
    """The site's public address without a trailing slash: the `base_url` setting, else the
    address the request came to if its host is one of `allowed_hosts`, else empty (links stay
    relative: a `Host` header alone is never trusted). For links that must work away from the
    site (printed, shared)."""
    settings = getattr(request.app.state, "settings", None)
    if not isinstance(settings, Settings):
        settings = Settings()
    return settings.absolute_base(request.url.scheme, request.headers.get("host", ""))


def make_templates(
    directory: Path = TEMPLATES, content_root: Path | None = None
) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(directory), context_processors=[shared_context])
    env = templates.env
    env.filters["source"] = source_filter(content_root)
    env.filters["route_title"] = route_title
    env.filters["route_name"] = lambda kind: ROUTE_NAMES[RouteKind(kind)].lower()
    env.filters["long_date"] = long_date
    env.filters["unconfirmed"] = unconfirmed_words
    env.filters["door"] = door
    env.filters["tel"] = lambda number: "".join(
        ch for ch in str(number) if ch.isdigit() or ch == "+"
    )
    env.filters["outward"] = outward
    env.filters["route_label"] = route_label
    env.filters["contact_rest"] = contact_rest
    env.filters["dial_links"] = dial_links
    env.globals["actions"] = actions
    env.filters["first_upper"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    env.filters["language"] = lambda code: LANGUAGE_NAMES.get(str(code), str(code))
    env.globals["service_name"] = SERVICE_NAME
    return templates


def source_filter(content_root: Path | None) -> Callable[[str], str]:
    """A reason's `file:line`, relative to the content folder: commissioners know
    `services.yaml:56`; the server's own folders are nobody's business."""
    roots = {Path.cwd()} | ({content_root.resolve()} if content_root is not None else set())
    prefixes = sorted((str(root) + "/" for root in roots), key=len, reverse=True)

    def short(text: str) -> str:
        for prefix in prefixes:
            if text.startswith(prefix):
                return text[len(prefix) :]
        if text.startswith("/"):  # a file outside the content folder: its name only
            return Path(text).name
        return text

    return short


def route_title(kind: str, family: bool = False) -> str:
    route = RouteKind(kind)
    return FAMILY_TITLES[route] if family else ROUTE_TITLES[route]


def long_date(value: str | date | None) -> str:
    """`2026-06-01` → `1 June 2026` (the GOV.UK style)."""
    if value is None or value == "":
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


def is_partial(request: Request) -> bool:
    """An htmx request that swaps `#page`, so only that part of the page is sent. A history
    restore asks for the whole page."""
    headers = request.headers
    return (
        headers.get("hx-request") == "true"
        and headers.get("hx-target") == "page"
        and headers.get("hx-history-restore-request") != "true"
    )


def shared_context(request: Request) -> dict[str, Any]:
    """What every page's layout uses: the urgent routes for 'Need help now?', the layout."""
    live: LiveContent | None = getattr(request.app.state, "live", None)
    urgent = []
    site = Site()
    if live is not None:
        try:
            snapshot = live.current()
            urgent = snapshot.urgent_services
            site = snapshot.directory.site
        except NoContent:
            urgent = []
    return {
        "layout": "_partial.html" if is_partial(request) else "base.html",
        "urgent_services": urgent,
        "site": site,
        "search_query": request.query_params.get("q", "") if request.url.path == "/search" else "",
        "base_url": site_url(request),
        # A signed-in commissioner's CSRF token, for the workbench's forms and htmx's header.
        "session_csrf": getattr(getattr(request.state, "commissioner", None), "csrf", ""),
    }


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    """Render template `name`; an htmx partial also tells htmx the URL to show."""
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(
        request, name, dict(context or {}), status_code=status_code
    )
    if is_partial(request):
        url = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response.headers["HX-Push-Url"] = url
    return response
