"""`/status`, for commissioners: which version of the content is live, and the last edit that
was refused, with the checker's findings (file:line, code, message, what to do)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from navigator.web.deps import LiveDep, StoreDep
from navigator.web.live import NoContent
from navigator.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/status")
def status(request: Request, live: LiveDep, store: StoreDep) -> Response:
    """The live version, the last rejected edit and the recent load attempts."""
    try:
        snapshot = live.current()
    except NoContent:
        snapshot = None
    rejected = store.last_rejected()
    superseded = (
        rejected is not None
        and snapshot is not None
        and rejected.loaded_at.replace(tzinfo=None) < snapshot.attempt.at.replace(tzinfo=None)
    )
    context = {
        "snapshot": snapshot,
        "rejected": rejected,
        "superseded": superseded,
        "history": store.history(10),
        "pending": live.last_rejected if snapshot is None else None,
    }
    return render(request, "status.html", context, status_code=200 if snapshot else 503)
