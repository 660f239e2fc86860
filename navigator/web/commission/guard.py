"""The one guard of the workbench: an ASGI middleware over every path under `/commission`.

- Signed out, any path but the sign-in page answers 303 to `/commission/sign-in?next=…`.
- An unsafe method (POST, PUT, PATCH, DELETE) is refused (403) when `Sec-Fetch-Site` says
  another site sent it, and when it does not carry the CSRF token: in the `X-CSRF-Token`
  header (htmx sends it, from the page's `<meta name="csrf-token">`) or in the form's
  `csrf_token` field (forms work without JavaScript). The token is the session's; on the
  sign-in page, where there is no session yet, it is the sign-in cookie's.
- The signed-in commissioner is put in `request.state.commissioner` for the routes.

Because the guard goes by the path, a router added under `/commission` later is protected with
no change to it (tests/web/test_commission_guard.py enumerates the app's routes)."""

from __future__ import annotations

import hmac
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from navigator.commission.throttle import Throttle
from navigator.settings import Settings
from navigator.web.commission.sessions import COOKIE, SIGN_IN_COOKIE, sessions_of

__all__ = ["HOME", "PREFIX", "SIGN_IN", "CommissionGuard", "install", "is_guarded", "safe_next"]

PREFIX = "/commission"
HOME = "/commission"
SIGN_IN = "/commission/sign-in"
OPEN = frozenset({SIGN_IN})
"""The only paths under the prefix that a signed-out person may use."""
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME_SITE = frozenset({"same-origin", "none"})
"""`Sec-Fetch-Site` values of a request the site's own pages made, or the person typed."""
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


def is_guarded(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def safe_next(target: str | None) -> str:
    """Where to go after sign-in: `target` if it is a path of the workbench on this site,
    else the workbench's home (no other site, no scheme, no `//host`, no backslash)."""
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return HOME
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return HOME
    if not is_guarded(parts.path) or parts.path in OPEN or ".." in parts.path.split("/"):
        return HOME
    return target


class CommissionGuard:
    """See the module's description."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_guarded(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = request.url.path
        unsafe = request.method not in SAFE_METHODS
        if unsafe and request.headers.get("sec-fetch-site", "same-origin") not in SAME_SITE:
            await _forbidden(request, "This form was sent from another site.")(scope, receive, send)
            return
        key = request.cookies.get(COOKIE)
        session = await run_in_threadpool(sessions_of(request).find, key)
        scope.setdefault("state", {})["commissioner"] = session
        if session is None and path not in OPEN:
            target = path + (f"?{request.url.query}" if request.url.query else "")
            location = f"{SIGN_IN}?next={quote(target, safe='')}"
            await RedirectResponse(location, status_code=303)(scope, receive, send)
            return
        if unsafe:
            expected = request.cookies.get(SIGN_IN_COOKIE, "") if path in OPEN else ""
            if path not in OPEN and session is not None:
                expected = session.csrf
            body, receive = await _buffered(receive)
            token = request.headers.get(CSRF_HEADER) or await _form_token(scope, body)
            if not expected or not token or not hmac.compare_digest(expected, token):
                message = (
                    "This form has expired or did not come from this site. Please go back, "
                    "reload the page and try again."
                )
                await _forbidden(request, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _forbidden(request: Request, message: str) -> Response:
    from navigator.web.rendering import render

    return render(request, "error.html", {"status": 403, "message": message}, status_code=403)


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a `receive` that gives it again to the app."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _form_token(scope: Scope, body: bytes) -> str:
    """The `csrf_token` field of a form body (urlencoded or multipart), or empty."""
    kind = dict(scope.get("headers", [])).get(b"content-type", b"").decode("latin-1")
    if not kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return ""
    done = False

    async def once() -> Message:
        nonlocal done
        if done:
            return {"type": "http.disconnect"}
        done = True
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(scope, once).form()
    except Exception:  # a body that is no form has no token
        return ""
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else ""


def install(app: FastAPI, settings: Settings) -> None:
    """Guard `/commission` and keep the sign-in throttles (in memory only) on the app."""
    window = settings.sign_in_window_minutes * 60
    app.state.throttle_accounts = Throttle(settings.sign_in_attempts, window)
    app.state.throttle_addresses = Throttle(settings.sign_in_attempts, window)
    app.add_middleware(CommissionGuard)
