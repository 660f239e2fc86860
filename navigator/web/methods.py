"""HTTP methods: `HEAD` wherever `GET` is, `OPTIONS` everywhere a route is, and the `Allow`
header on every 405.

FastAPI routes answer only the methods they name, so without this `HEAD /healthz` (what many
monitors send) got 405, and no 405 said which methods would do."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["METHODS", "Methods", "allowed_methods"]


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
"""The methods a route may answer; `HEAD` and `OPTIONS` follow from them."""


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """The methods some route answers for this path (with `HEAD` wherever `GET` is, and
    `OPTIONS` if any), sorted; empty if no route has the path. Each route is asked whether it
    fully matches the path with each method, so included routers are asked as they route."""
    found: set[str] = set()
    for route in routes:
        if isinstance(route, Mount):  # static files: GET and HEAD
            if route.matches({**scope, "method": "GET"})[0] is not Match.NONE:
                found.add("GET")
            continue
        for method in METHODS:
            if method not in found and route.matches({**scope, "method": method})[0] is Match.FULL:
                found.add(method)
    if not found:
        return []
    if "GET" in found:
        found.add("HEAD")
    return sorted(found | {"OPTIONS"})


class Methods:
    """ASGI middleware: `HEAD` is answered as `GET` without the body; `OPTIONS` gets 204 with
    `Allow` (for a path some route has); every 405 carries `Allow`."""

    def __init__(self, app: ASGIApp, routes: Iterable[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS":
            allowed = allowed_methods(self.routes, {**scope, "method": "GET"})
            if allowed:
                await _empty(send, 204, allowed)
                return
        head = method == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                headers = MutableHeaders(scope=message)
                allowed = allowed_methods(self.routes, {**scope, "method": "GET"})
                headers["Allow"] = ", ".join(allowed)
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_allow)


async def _empty(send: Send, status: int, allowed: list[str]) -> None:
    headers = [(b"allow", ", ".join(allowed).encode()), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
