"""Security headers on every response, and an access-log filter that never lets a full postcode
reach the log (journey URLs carry the family's postcode as an answer)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from urllib.parse import quote, quote_plus, unquote, unquote_plus

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from navigator.geo.postcode import masked

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
"""No `unsafe-inline` or `unsafe-eval`: no page has an inline script or style; htmx reads its
configuration from a meta tag and injects no styles."""

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # `same-origin`, not `no-referrer`: links out to services' sites send nothing (the URL
    # holds a family's answers), and our own forms keep a proper Origin.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

STATIC_CACHE = "public, max-age=86400"
PAGE_CACHE = "no-store"
"""Pages carry answers and are used on shared devices: never kept in any cache."""


class SecurityHeaders:
    """ASGI middleware: the headers above on every response; `no-store` except for static
    files; `Vary: HX-Request` wherever a page may come whole or as an htmx partial."""

    def __init__(self, app: ASGIApp, static_prefix: str = "/static/") -> None:
        self.app = app
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith(self.static_prefix)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if static:
                    headers.setdefault("Cache-Control", STATIC_CACHE)
                else:
                    headers["Cache-Control"] = PAGE_CACHE
                    headers.add_vary_header("HX-Request")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def mask_postcodes(text: str) -> str:
    """`text` with every postcode masked to its outward code and `***`, as the site's own
    postcode parser reads it (`navigator.geo.postcode.masked`). A request target
    (`/path?query`) is split into path segments and query keys and values, each decoded as the
    app decodes it (percent-encoding, `+` for a space) and masked if it holds a postcode:
    `/x?postcode=BD3+8AA` → `/x?postcode=BD3+***`. Other text is masked word by word."""
    if text.startswith("/"):
        return mask_target(text)
    return " ".join(
        mask_target(word) if word.startswith("/") else word for word in masked(text).split(" ")
    )


def mask_target(target: str) -> str:
    """A request target with the postcodes in its path and query masked."""
    path, mark, query = target.partition("?")
    segments = [_masked_part(segment, unquote, _quote_path) for segment in path.split("/")]
    fields = []
    for field in re.split(r"([&;])", query) if mark else []:
        if field in {"&", ";"}:
            fields.append(field)
            continue
        key, equals, value = field.partition("=")
        key = _masked_part(key, unquote_plus, quote_plus)
        fields.append(key + equals + _masked_part(value, unquote_plus, quote_plus))
    return "/".join(segments) + mark + "".join(fields)


def _quote_path(text: str) -> str:
    return quote(text, safe="")


def _masked_part(raw: str, decode: Callable[[str], str], encode: Callable[[str], str]) -> str:
    """`raw` as it was if its decoded text holds no postcode; else the masked text, encoded."""
    text = decode(raw)
    hidden = masked(text)
    if hidden == text:
        return raw
    return encode(hidden).replace("%2A", "*")


class PostcodeFilter(logging.Filter):
    """Masks postcodes in uvicorn's access log lines (the request target is the third
    argument) and in any other message it is attached to, and leaves the client's address out
    of the access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            args = [mask_postcodes(a) if isinstance(a, str) else a for a in record.args]
            if record.name == "uvicorn.access" and len(args) == 5:
                args[0] = "-"  # the client's address (behind a proxy, the family's) is not logged
            record.args = tuple(args)
        elif isinstance(record.msg, str) and not record.args:
            record.msg = mask_postcodes(record.msg)
        return True


def install_log_filter(logger_name: str = "uvicorn.access") -> PostcodeFilter:
    """Attach the filter once to the access logger (idempotent)."""
    logger = logging.getLogger(logger_name)
    for existing in logger.filters:
        if isinstance(existing, PostcodeFilter):
            return existing
    found = PostcodeFilter()
    logger.addFilter(found)
    return found
