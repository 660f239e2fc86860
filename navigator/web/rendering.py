"""Templates: one Jinja environment, the context every page shares, and `render`, which sends a
whole page or (for an htmx request aimed at `#page`) only the part that changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date
from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from starlette.responses import Response

from navigator.content.directory import Site
from navigator.content.vocabulary import LANGUAGE_NAMES, ROUTE_NAMES, ROUTE_TITLES, RouteKind
from navigator.geo.postcode import outward
from navigator.settings import Settings
from navigator.web.actions import Action, actions, dial_links
from navigator.web.catalogue import N_, gettext, offer_in, reviewed
from navigator.web.catalogue import install as install_gettext
from navigator.web.deps import page_language
from navigator.web.language import (
    DEFAULT,
    PARAM,
    carried,
    current,
    explicit,
    language,
    offered,
    suggestion,
    with_language,
)
from navigator.web.live import LiveContent, NoContent
from navigator.web.offers import contact_rest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"

SERVICE_NAME = N_("Early years mental health navigator")

FAMILY_TITLES = {
    RouteKind.urgent: N_("Get help now"),
    RouteKind.consultation: N_("Advice for the people who work with you"),
    RouteKind.referral: N_("Services a professional can refer you to"),
    RouteKind.self_referral: N_("Services you can contact yourself"),
    RouteKind.signposting: N_("Information and support you can use"),
    RouteKind.training: N_("Training"),
}

UNCONFIRMED = {
    "phone": N_("the phone number"),
    "phone_note": N_("when to ring"),
    "email": N_("the email address"),
    "website": N_("the website"),
    "address": N_("the address"),
    "hours": N_("opening hours"),
    "routes": N_("how to refer or get in touch"),
    "routes.training": N_("training dates"),
    "areas": N_("which areas it covers"),
    "age_months": N_("the age range"),
    "stages": N_("whether it works in pregnancy"),
    "need": N_("the level of need it takes"),
    "status": N_("whether it still runs"),
    "provider": N_("who runs it"),
    "ended": N_("when it ended"),
    "replaced_by": N_("what replaced it"),
    "length": N_("how long it lasts"),
    "response_time": N_("how soon it responds"),
    "languages": N_("the languages offered"),
    "name": N_("its current name"),
    "remit": N_("what it does"),
}
"""How the facts a provider has still to confirm are named to people (content uses field names)."""


def unconfirmed_words(fields: list[str]) -> str:
    """`['phone', 'age_months']` → 'the phone number, the age range'."""
    words = [
        gettext(UNCONFIRMED[f]) if f in UNCONFIRMED else f.replace("_", " ").replace(".", " ")
        for f in fields
    ]
    return ", ".join(dict.fromkeys(words))


DOORS = {
    "health-visiting": N_("your health visitor"),
    "midwifery": N_("your midwife"),
    "gp": N_("your GP"),
    "family-hubs": N_("your Family Hub"),
    "specialist-mother-baby-mh": N_("the perinatal mental health team"),
    "healthy-minds": N_("the Healthy Minds website"),
}
"""How the services that are a `through` door are named to people: by the person at the door."""


PRACTITIONER_DOORS = {
    "health-visiting": N_("the family's health visitor"),
    "midwifery": N_("the family's midwife"),
    "gp": N_("the family's GP"),
    "family-hubs": N_("a Family Hub"),
}
"""The same doors as a practitioner reads them: the family's, not the reader's."""


def door(service_id: str, family: bool = True) -> str:
    """`'health-visiting'` → 'your health visitor' (for a practitioner, 'the family's health
    visitor'); another id → 'the ' and its words."""
    named = DOORS if family else {**DOORS, **PRACTITIONER_DOORS}
    found = named.get(service_id)
    return gettext(found) if found else "the " + service_id.replace("-", " ")


FAMILY_ROUTE_LABELS = {
    RouteKind.urgent: N_("Get help now"),
    RouteKind.consultation: N_("Your health visitor can ask them for advice"),
    RouteKind.referral: N_("A professional can refer you"),
    RouteKind.self_referral: N_("Contact them yourself"),
    RouteKind.signposting: N_("Information and support"),
    RouteKind.training: N_("Training"),
}


def route_label(kind: str, family: bool = False) -> str:
    route = RouteKind(kind)
    return gettext(FAMILY_ROUTE_LABELS[route]) if family else gettext(ROUTE_NAMES[route])


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
    env.add_extension("jinja2.ext.i18n")
    install_gettext(env)
    env.filters["lang_url"] = language_url
    env.globals["lang_field"] = language_field
    env.filters["action_label"] = per_page(action_label)
    env.filters["source"] = source_filter(content_root)
    env.filters["route_title"] = per_page(route_title)
    env.filters["route_name"] = lambda kind: ROUTE_NAMES[RouteKind(kind)].lower()
    env.filters["long_date"] = per_page(long_date)
    env.filters["unconfirmed"] = per_page(unconfirmed_words)
    env.filters["door"] = per_page(door)
    env.filters["tel"] = lambda number: "".join(
        ch for ch in str(number) if ch.isdigit() or ch == "+"
    )
    env.filters["outward"] = outward
    env.filters["route_label"] = per_page(route_label)
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
    return gettext(FAMILY_TITLES[route]) if family else gettext(ROUTE_TITLES[route])


def long_date(value: str | date | None) -> str:
    """`2026-06-01` → `1 June 2026` (the GOV.UK style)."""
    if value is None or value == "":
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    code = current()
    if code != DEFAULT:
        return format_date(day, "d MMMM y", locale=code.replace("-", "_"))
    return f"{day.day} {day:%B %Y}"


ACTION_WORDS = (
    N_("Website"),
    N_("Police or ambulance, if anyone is in danger or a life is at risk"),
)
"""Words of the actions (navigator/web/actions.py) that are translated when shown."""


def action_label(action: Action) -> Markup:
    """An action's button words in the page's language, the number or address kept left to
    right (`<bdi dir="ltr">`) inside right-to-left text."""
    label = str(action.label)
    for kind, english, message in (
        ("call", "Call ", N_("Call %(phone)s")),
        ("email", "Email ", N_("Email %(email)s")),
    ):
        if action.kind == kind and label.startswith(english):
            value = Markup('<bdi dir="ltr">{}</bdi>').format(label.removeprefix(english))
            key = "phone" if kind == "call" else "email"
            return Markup(escape(gettext(message))) % {key: value}
    return Markup(escape(gettext(label)))


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
    english_of: Mapping[str, str] = {}
    if live is not None:
        try:
            snapshot = live.current().in_language(page_language(request))
            urgent = snapshot.urgent_services
            site = snapshot.directory.site
            english_of = snapshot.english_of
        except NoContent:
            urgent = []
    return {
        **language_context(request, site),
        "layout": "_partial.html" if is_partial(request) else "base.html",
        "urgent_services": urgent,
        "site": site,
        "search_query": request.query_params.get("q", "") if request.url.path == "/search" else "",
        "base_url": site_url(request),
        "english_of": english_of,
        "content_unreviewed": bool(english_of),
        # A signed-in commissioner's CSRF token, for the workbench's forms and htmx's header.
        "session_csrf": getattr(getattr(request.state, "commissioner", None), "csrf", ""),
    }


def per_page(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result depends on the page's language: Jinja must not work it out once
    for a constant when it compiles the template (it does for plain filters)."""

    @pass_context
    def filter_(context: Context, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    filter_.__doc__ = function.__doc__
    return filter_


@pass_context
def language_url(context: Context, url: str) -> str:
    """`'/urgent'|lang_url`: the link with the page's language. (Taking the context keeps Jinja
    from working out a filter of a constant once, when the template is compiled, in whatever
    language that page was.)"""
    return with_language(str(url))


def language_field() -> Markup:
    """The hidden field that carries the language through a GET form (a GET form's action
    loses its query string)."""
    code = carried()
    if code is None:
        return Markup("")
    return Markup('<input type="hidden" name="{}" value="{}">').format(PARAM, code)


def language_context(request: Request, site: Site) -> dict[str, Any]:
    """The page's language (`<html lang dir>`), the switcher's languages and links, and the
    browser's preferred language as a suggestion (never a switch)."""
    code = str(getattr(request.state, "language", DEFAULT))
    codes = getattr(request.state, "languages", None) or offered(site)
    bare = request.url.remove_query_params(PARAM)
    here = bare.path + (f"?{bare.query}" if bare.query else "")

    def switch_url(target: str) -> str:
        """This page in `target` (English named, so it wins over a journey's kept language)."""
        return here + ("&" if bare.query else "?") + urlencode({PARAM: target})

    hinted = (
        None
        if explicit()
        else suggestion(request.headers.get("accept-language", ""), list(codes), code)
    )
    return {
        "language": language(code),
        "languages": [language(c) for c in codes] if len(codes) > 1 else [],
        "switch_url": switch_url,
        "suggested": _suggested(hinted) if hinted else None,
        "unreviewed": not reviewed(code),
    }


def _suggested(code: str) -> dict[str, str]:
    found = language(code)
    return {"code": code, "direction": found.direction, "offer": offer_in(code, found.name)}


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
