""" "Did this help?": the form at the foot of a result posts here. The answer is linked to the
journey record by the record's random `ref`, never to a person; its text is scrubbed of
personal data before it is stored (navigator/store/scrub.py). Works without JavaScript: a
problem shows the form again with the GOV.UK error summary; a good answer goes on to a page that
says thank you and what happens to the text."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from navigator.store.records import HELPED, TEXT_LIMIT
from navigator.web.recording import records
from navigator.web.rendering import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)

CHOICES = (("yes", "Yes"), ("partly", "Partly"), ("no", "No"))
"""The answers, in the order the form shows them."""


def _context(ref: str, helped: str, text: str, errors: list[tuple[str, str]]) -> dict[str, object]:
    return {
        "feedback_ref": ref,
        "helped": helped,
        "text": text,
        "errors": errors,
        "problems": dict(errors),
        "choices": CHOICES,
        "limit": TEXT_LIMIT,
        "quick_exit": True,
    }


@router.post("/feedback")
async def give_feedback(request: Request) -> Response:
    """Keep the answer to "Did this help?", or show the form again with what to fix."""
    if request.headers.get("sec-fetch-site", "same-origin") not in {"same-origin", "none"}:
        raise HTTPException(403, "Feedback can only be given from this site's own pages.")
    if not request.app.state.settings.record_journeys:
        raise HTTPException(404, "This site does not collect feedback.")
    form = await request.form()
    ref = str(form.get("ref") or "")
    helped = str(form.get("helped") or "")
    text = str(form.get("text") or "").replace("\r\n", "\n")
    errors: list[tuple[str, str]] = []
    if helped not in HELPED:
        errors.append(("helped", "Select yes, partly or no"))
    if len(text) > TEXT_LIMIT:
        errors.append(("text", f"Your comments must be {TEXT_LIMIT} characters or fewer"))
    if errors:
        return render(request, "feedback.html", _context(ref, helped, text, errors))
    kept = records(request)
    try:
        stored = await run_in_threadpool(kept.feedback, ref, helped, text)
    except Exception as error:
        log.error("feedback could not be stored (%s)", type(error).__name__)
        raise HTTPException(
            503, "Your feedback could not be saved just now. Please try again later."
        ) from None
    if stored is None:
        raise HTTPException(
            404,
            "We could not find the results this feedback is about: they may be too old. "
            "Thank you all the same.",
        )
    return RedirectResponse("/feedback/thanks", status_code=303)


@router.get("/feedback/thanks")
def thanks(request: Request) -> Response:
    """Thank you, and what happens to the text."""
    months = request.app.state.settings.retention_months
    return render(request, "feedback_thanks.html", {"quick_exit": True, "retention_months": months})
