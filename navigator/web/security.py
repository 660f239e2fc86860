"""Security headers on every response, and an access-log filter that never lets a full postcode
reach the log (journey URLs carry the family's postcode as an answer)."""

from __future__ import annotations

import logging
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


_POSTCODE = re.compile(
    r"(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?)((?:\s|\+|%20)*)([0-9][A-Z]{2})(?![A-Z0-9])",
    re.IGNORECASE,
)
"""Anything shaped like a full postcode, with a space, `+` or `%20` (or nothing) between its
outward and inward codes."""


def mask_postcodes(text: str) -> str:
    """Replace the inward code of anything shaped like a postcode with `***`, keeping the
    outward code: `BD3 8AA` → `BD3 ***`, `postcode=BD3+8AA` → `postcode=BD3+***`."""
    return _POSTCODE.sub(lambda m: f"{m.group(1).upper()}{m.group(2)}***", text)


class PostcodeFilter(logging.Filter):
    """Masks postcodes in uvicorn's access log lines (the request target is the third
    argument) and in any other message it is attached to."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(mask_postcodes(a) if isinstance(a, str) else a for a in record.args)
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
