"""Where a journey's answers live: in the address (a practitioner's journey, a shared link) or
in short-lived server-side state behind a random id in a cookie (a family's journey, once its
first step is posted), so that on a shared device no answer is in the address or the history.
"Leave this site" deletes the state. The design: docs/decisions/state.md."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import timedelta

from fastapi import Request, Response
from starlette.datastructures import QueryParams

from navigator.content.pathway import Pathway
from navigator.settings import Settings
from navigator.store import StateStore
from navigator.web.answers import Answers, question_ids, read_answers, with_query
from navigator.web.language import current, with_language

__all__ = [
    "COOKIE",
    "KIND",
    "forget",
    "given_answers",
    "keep",
    "kept_language",
    "link",
    "state_store",
    "stateful",
]

COOKIE = "navigator_state"
"""The cookie that holds the state's random id (HttpOnly, SameSite=Strict, no Max-Age)."""

KIND = "journey"

_stateful: ContextVar[bool] = ContextVar("journey_stateful", default=False)


def state_store(request: Request) -> StateStore:
    """The app's state store (made on first use, on the app's database)."""
    found = getattr(request.app.state, "states", None)
    if found is None:
        settings: Settings = request.app.state.settings
        found = StateStore(
            request.app.state.store.engine, timedelta(minutes=settings.state_minutes)
        )
        request.app.state.states = found
    assert isinstance(found, StateStore)
    return found


def stateful() -> bool:
    """Whether this request's journey keeps its answers on the server (links carry none)."""
    return _stateful.get()


def link(path: str, answers: Answers, pathway: Pathway) -> str:
    """A link within the journey: with the answers in the query string, or, for a journey
    kept on the server, the bare path."""
    return with_language(path if stateful() else with_query(path, answers, pathway))


def _stored(request: Request, pathway: Pathway) -> Answers | None:
    key = request.cookies.get(COOKIE)
    if not key:
        return None
    data = state_store(request).load(key, KIND)
    if data is None or data.get("pathway") != pathway.id:
        return None
    answers = data.get("answers")
    return dict(answers) if isinstance(answers, dict) else None


def given_answers(request: Request, pathway: Pathway) -> Answers:
    """The answers of this request: those in the query string if it has any (a practitioner's
    link), else those kept on the server for this browser, if any."""
    if any(key in request.query_params for key in question_ids(pathway)):
        _stateful.set(False)
        return read_answers(request.query_params, pathway)
    stored = _stored(request, pathway)
    _stateful.set(stored is not None)
    return stored or {}


def posted_answers(
    request: Request, pathway: Pathway, form: QueryParams, *, fresh: bool = False
) -> Answers:
    """The answers after a posted step: those kept so far (none if `fresh`: the step came
    from a page whose answers were in its address), with the step's own replacing them (a
    question submitted with nothing chosen loses its earlier answer)."""
    kept = {} if fresh else (_stored(request, pathway) or {})
    posted = read_answers(form, pathway)
    asked = form.get("asked")
    if asked:
        kept.pop(asked, None)
    _stateful.set(True)
    return {**kept, **posted}


def keep(request: Request, response: Response, pathway: Pathway, answers: Answers) -> None:
    """Keep `answers` on the server for another lifetime, and the id in the cookie."""
    states = state_store(request)
    data = {"pathway": pathway.id, "answers": answers, "language": current()}
    key = request.cookies.get(COOKIE)
    if key and states.load(key, KIND) is not None:
        states.save(key, KIND, data)
    else:
        key = states.create(KIND, data)
    response.set_cookie(
        COOKIE,
        key,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


def kept_language(request: Request) -> str | None:
    """The language kept with this browser's journey, if any (navigator/web/language.py)."""
    key = request.cookies.get(COOKIE)
    if not key:
        return None
    data = state_store(request).load(key, KIND)
    found = data.get("language") if data is not None else None
    return found if isinstance(found, str) else None


def forget(request: Request, response: Response) -> None:
    """Delete this browser's state on the server and its cookie ("Leave this site")."""
    key = request.cookies.get(COOKIE)
    if key:
        state_store(request).delete(key)
    response.delete_cookie(COOKIE, path="/")
