"""`/commission/sign-in` and `/commission/sign-out`.

One form with three fields (email, password, the code from an authenticator app), so a refusal
says nothing about which was wrong, and an unknown email gets the same page, in the same time,
as a wrong password. Attempts are limited per account and per client address, in memory only
(`navigator.commission.throttle`); the account itself locks after too many failures in a row
(`navigator.commission.accounts`). A good sign-in starts a new session with a new id."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from navigator.commission import Refused
from navigator.commission.accounts import normal_email
from navigator.commission.throttle import Throttle
from navigator.web.commission.guard import SIGN_IN, safe_next
from navigator.web.commission.sessions import (
    COOKIE,
    SIGN_IN_COOKIE,
    accounts_of,
    delete_host_cookie,
    sessions_of,
    set_host_cookie,
)
from navigator.web.rendering import render

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

REFUSED = "The email address, password or code is not right"
TOO_MANY = (
    "There have been too many attempts to sign in. Please wait {minutes} minutes and try again"
)


@router.get(SIGN_IN)
def sign_in_page(request: Request) -> Response:
    """The sign-in form (or, signed in already, where `next` says)."""
    target = safe_next(request.query_params.get("next"))
    if request.state.commissioner is not None:
        return RedirectResponse(target, status_code=303)
    notice = "You have signed out." if request.query_params.get("signed_out") else ""
    return _form(request, target, notice=notice)


@router.post(SIGN_IN)
async def sign_in(request: Request) -> Response:
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    email = fields.get("email", "").strip()
    password = fields.get("password", "")
    code = "".join(fields.get("code", "").split())
    target = safe_next(fields.get("next"))
    errors = []
    if not email:
        errors.append(("email", "Enter your email address"))
    if not password:
        errors.append(("password", "Enter your password"))
    if not code:
        errors.append(("code", "Enter the 6-digit code from your authenticator app"))
    if errors:
        return _form(request, target, email=email, errors=errors)
    settings = request.app.state.settings
    by_account: Throttle = request.app.state.throttle_accounts
    by_address: Throttle = request.app.state.throttle_addresses
    address = request.client.host if request.client else ""
    if not by_address.allow(address) or not by_account.allow(normal_email(email)):
        log.warning("sign-in attempts over the limit")
        message = TOO_MANY.format(minutes=settings.sign_in_window_minutes)
        headers = {"Retry-After": str(by_account.retry_after())}
        return _form(
            request, target, email=email, errors=[("email", message)], status=429, headers=headers
        )
    accounts = accounts_of(request)
    outcome = await run_in_threadpool(accounts.sign_in, email, password, code)
    if isinstance(outcome, Refused):
        log.info("sign-in refused")
        return _form(request, target, email=email, errors=[("email", REFUSED)])
    sessions = sessions_of(request)
    old = request.cookies.get(COOKIE)
    sessions.end(old)  # whatever session this browser had, its id is not kept
    session = await run_in_threadpool(sessions.start, outcome)
    response = RedirectResponse(target, status_code=303)
    set_host_cookie(response, COOKIE, session.key)
    delete_host_cookie(response, SIGN_IN_COOKIE)
    return response


@router.post("/commission/sign-out")
def sign_out(request: Request) -> Response:
    """End the session on the server and forget the cookie."""
    sessions_of(request).end(request.cookies.get(COOKIE))
    response = RedirectResponse(f"{SIGN_IN}?signed_out=1", status_code=303)
    delete_host_cookie(response, COOKIE)
    response.headers["Clear-Site-Data"] = '"cache"'
    return response


def _form(
    request: Request,
    target: str,
    *,
    email: str = "",
    errors: list[tuple[str, str]] | None = None,
    notice: str = "",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    token = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
    context: dict[str, Any] = {
        "errors": errors or [],
        "email": email,
        "next": target,
        "csrf_token": token,
        "notice": notice,
    }
    response = render(request, "commission/sign_in.html", context, status_code=status)
    set_host_cookie(response, SIGN_IN_COOKIE, token)
    response.headers.update(headers or {})
    return response
