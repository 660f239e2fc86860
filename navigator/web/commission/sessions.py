"""Commissioners' sessions: server-side state (`StateStore`, kind "session") behind a random
id in the `__Host-navigator_session` cookie (docs/decisions/state.md).

A session holds the account's id and email, a CSRF token, when it started and when it was last
used. It ends `session_hours` after sign-in however busy, and `session_idle_minutes` after the
last request (the state's own lifetime is the idle time, renewed at most once a minute); signing
out deletes it at once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from fastapi import Request, Response
from sqlalchemy import Engine

from navigator.commission import Accounts, SignedIn
from navigator.settings import Settings
from navigator.store import StateStore

__all__ = [
    "COOKIE",
    "KIND",
    "SIGN_IN_COOKIE",
    "CommissionSession",
    "Sessions",
    "sessions_of",
    "set_host_cookie",
]

COOKIE = "__Host-navigator_session"
"""`__Host-`: the browser accepts it only with Secure, Path=/ and no Domain, so no other host
(not even a subdomain) can set or overwrite it."""
SIGN_IN_COOKIE = "__Host-navigator_sign_in"
"""Before sign-in there is no session: the sign-in form's CSRF token is checked against this
cookie instead (a random value, the same in the form)."""
KIND = "session"
RENEW_AFTER = timedelta(minutes=1)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CommissionSession:
    """A signed-in commissioner, as the guard found them."""

    key: str
    account_id: int
    email: str
    csrf: str
    started: datetime
    seen: datetime


class Sessions:
    """Start, find and end commissioners' sessions."""

    def __init__(self, engine: Engine, settings: Settings, accounts: Accounts) -> None:
        self.idle = timedelta(minutes=settings.session_idle_minutes)
        self.longest = timedelta(hours=settings.session_hours)
        self.states = StateStore(engine, self.idle)
        self.accounts = accounts

    def start(self, who: SignedIn, now: datetime | None = None) -> CommissionSession:
        """A new session (always a new id: no id from before sign-in is ever kept)."""
        moment = now or _now()
        csrf = secrets.token_urlsafe(32)
        data = {
            "account": who.account_id,
            "email": who.email,
            "csrf": csrf,
            "started": moment.isoformat(),
            "seen": moment.isoformat(),
        }
        key = self.states.create(KIND, data, moment)
        return CommissionSession(key, who.account_id, who.email, csrf, moment, moment)

    def find(self, key: str | None, now: datetime | None = None) -> CommissionSession | None:
        """The live session under `key`, renewed; None if there is none, it has run out, or
        its account has been removed."""
        if not key:
            return None
        moment = now or _now()
        data = self.states.load(key, KIND, moment)
        if data is None:
            return None
        try:
            found = CommissionSession(
                key,
                int(data["account"]),
                str(data["email"]),
                str(data["csrf"]),
                datetime.fromisoformat(str(data["started"])),
                datetime.fromisoformat(str(data["seen"])),
            )
        except (KeyError, TypeError, ValueError):
            self.states.delete(key)
            return None
        too_old = moment - found.started >= self.longest
        idle = moment - found.seen >= self.idle
        if too_old or idle or self.accounts.get(found.account_id) is None:
            self.states.delete(key)
            return None
        if moment - found.seen >= RENEW_AFTER:
            self.states.save(key, KIND, {**data, "seen": moment.isoformat()}, moment)
        return found

    def end(self, key: str | None) -> None:
        if key:
            self.states.delete(key)


def sessions_of(request: Request) -> Sessions:
    """The app's sessions (made on first use, on the app's database)."""
    found = getattr(request.app.state, "sessions", None)
    if found is None:
        settings: Settings = request.app.state.settings
        accounts = accounts_of(request)
        found = Sessions(request.app.state.store.engine, settings, accounts)
        request.app.state.sessions = found
    return cast(Sessions, found)


def accounts_of(request: Request) -> Accounts:
    """The app's commissioners' accounts."""
    found = getattr(request.app.state, "accounts", None)
    if found is None:
        settings: Settings = request.app.state.settings
        found = Accounts(
            request.app.state.store.engine,
            max_failures=settings.sign_in_failures,
            lock_minutes=settings.lock_minutes,
        )
        request.app.state.accounts = found
    return cast(Accounts, found)


def set_host_cookie(response: Response, name: str, value: str) -> None:
    """A `__Host-` cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain, no Max-Age
    (it ends with the browser session)."""
    response.set_cookie(name, value, secure=True, httponly=True, samesite="strict", path="/")


def delete_host_cookie(response: Response, name: str) -> None:
    """Expire a `__Host-` cookie (the browser takes the deletion only with the same
    attributes)."""
    response.delete_cookie(name, secure=True, httponly=True, samesite="strict", path="/")
