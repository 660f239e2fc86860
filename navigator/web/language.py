"""The language a page is in: chosen by the person, never guessed.

One place decides it (`LanguageChoice`, an ASGI middleware), in this order:

1. `?lang=ur` in the address, if it is a language the site offers (an unknown code is ignored);
2. for a family's journey kept on the server, the language kept with its answers
   (navigator/web/journey_state.py), so a posted step keeps it;
3. English.

The languages offered are the content's `site.languages` that have an interface catalogue
(navigator/locale/), English always first. `Accept-Language` only suggests: a page may offer the
matching language in a line of its own (`suggestion`), it never switches or redirects.

The choice is `request.state.language` (a code, "en" by default) for route code and the
content's translations, and `current()` for code that has no request (link builders, gettext).
Every link the site builds carries it (`with_language`)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from babel import Locale, UnknownLocaleError
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from navigator.content.directory import Site

__all__ = [
    "DEFAULT",
    "LOCALE_DIR",
    "PARAM",
    "Language",
    "LanguageChoice",
    "carried",
    "catalogue_languages",
    "current",
    "direction",
    "explicit",
    "language",
    "offered",
    "suggestion",
    "with_language",
]

DEFAULT = "en"
PARAM = "lang"
"""The query parameter that carries the choice: `?lang=ur`."""

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
"""The interface catalogues: `<code>/LC_MESSAGES/messages.po` (see docs/i18n.md)."""

NATIVE_NAMES = {
    "en": "English",
    "ur": "اردو",
    "pl": "Polski",
    "pa": "ਪੰਜਾਬੀ",
    "sk": "Slovenčina",
    "cs": "Čeština",
    "ro": "Română",
    "ar": "العربية",
    "bn": "বাংলা",
}
"""Each language's name in its own words, as the switcher shows it."""

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)
_explicit: ContextVar[bool] = ContextVar("language_explicit", default=False)


@dataclass(frozen=True)
class Language:
    """A language the site offers, as the switcher shows it."""

    code: str
    name: str
    """Its name in its own words."""
    direction: str
    """'ltr' or 'rtl'."""


def current() -> str:
    """The language of the page being made ("en" outside a request)."""
    return _language.get()


def explicit() -> bool:
    """Whether this request named its language in the address (`?lang=`)."""
    return _explicit.get()


def direction(code: str) -> str:
    """'rtl' for a language written right to left (Urdu), else 'ltr'."""
    try:
        return str(Locale.parse(code.replace("-", "_")).text_direction)
    except (ValueError, UnknownLocaleError):
        return "ltr"


def language(code: str) -> Language:
    return Language(code, NATIVE_NAMES.get(code, code), direction(code))


@cache
def catalogue_languages(root: Path = LOCALE_DIR) -> frozenset[str]:
    """The languages with an interface catalogue (English needs none)."""
    if not root.is_dir():
        return frozenset()
    return frozenset(
        entry.name for entry in root.iterdir() if (entry / "LC_MESSAGES" / "messages.po").is_file()
    )


def offered(site: Site | None) -> list[str]:
    """English, then the site's languages that have an interface catalogue, in its order."""
    wanted = site.languages if site is not None else []
    have = catalogue_languages()
    return [DEFAULT, *dict.fromkeys(c for c in wanted if c != DEFAULT and c in have)]


def suggestion(accept_language: str, codes: list[str], chosen: str) -> str | None:
    """The offered language the browser prefers, if it is not the one chosen and not English
    (a suggestion only: the page offers it, never switches to it)."""
    preferred = [
        part.split(";")[0].strip().replace("_", "-")
        for part in accept_language.split(",")
        if part.strip() and not part.strip().startswith("*")
    ]
    found = Locale.negotiate(preferred, codes, sep="-") if preferred else None
    code = str(found) if found is not None else None
    return code if code is not None and code not in (chosen, DEFAULT) else None


def carried(code: str | None = None) -> str | None:
    """The code links carry (`?lang=`), if any: the page's language unless it is English
    that was not named in the address."""
    code = code or current()
    return code if code != DEFAULT or explicit() else None


def with_language(url: str, code: str | None = None) -> str:
    """`url` carrying the language: `?lang=ur` added (or replaced). English is left out unless
    it was chosen in the address (so a family that switches back to English keeps it over the
    language kept with their answers). Links to other sites are left alone."""
    code = code or current()
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != PARAM]
    if carried(code):
        query.append((PARAM, code))
    return urlunsplit(("", "", parts.path, urlencode(query), parts.fragment))


def _from_state(request: Request) -> str | None:
    """The language kept with a family's journey on the server, if this browser has one."""
    from navigator.web.journey_state import kept_language

    try:
        return kept_language(request)
    except Exception:  # a store that is not there (yet) never stops a page
        return None


def _site(request: Request) -> Site | None:
    live = getattr(request.app.state, "live", None)
    if live is None:
        return None
    try:
        site = live.current().directory.site
    except Exception:
        return None
    return site if isinstance(site, Site) else None


class LanguageChoice:
    """ASGI middleware: decides each page's language and sets `request.state.language`,
    `request.state.languages` (the offered codes) and `current()`."""

    def __init__(self, app: ASGIApp, static_prefix: str = "/static/") -> None:
        self.app = app
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope.get("path", "")).startswith(self.static_prefix):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        codes = offered(_site(request))
        asked = request.query_params.get(PARAM, "")
        chosen, named = DEFAULT, False
        if asked in codes:
            chosen, named = asked, True
        elif request.url.path.startswith("/pathways/"):
            kept = _from_state(request)
            if kept in codes and kept is not None:
                chosen = kept
        state = scope.setdefault("state", {})
        state["language"] = chosen
        state["languages"] = codes
        language_token = _language.set(chosen)
        explicit_token = _explicit.set(named)
        try:
            await self.app(scope, receive, send)
        finally:
            _language.reset(language_token)
            _explicit.reset(explicit_token)
