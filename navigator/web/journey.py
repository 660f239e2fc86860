"""The journey: one question a page, 'Check your answers', the result and the referral summary.

Every page is a plain GET: the answers travel in the query string (see `answers.py`), so the
journey works without JavaScript, a link reproduces it, and nothing is kept on the server.

- `/pathways/{id}?<answers>`: the engine decides; it redirects to the next question, to
  'Check your answers', or (for a red flag) straight to urgent help. A question's form comes
  back here; an answer it cannot use is shown again with the error.
- `/pathways/{id}/questions/{question}?<answers>`: one question, with the other answers in
  hidden fields. Back and change links come here.
- `/pathways/{id}/check`, `/pathways/{id}/result`, `/pathways/{id}/referral/{service}`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams

from navigator.content.pathway import RED_FLAGS, Pathway
from navigator.engine import Ask, Outcome, Result, navigate
from navigator.engine.facts import Locator
from navigator.engine.flow import SKIP
from navigator.engine.outcome import AnswerValue
from navigator.geo.postcode import is_postcode, outward
from navigator.store.records import TEXT_LIMIT
from navigator.web.actions import urgent_actions
from navigator.web.answers import Answers, pairs, with_query
from navigator.web.catalogue import gettext
from navigator.web.deps import LocatorDep, PageContentDep
from navigator.web.feedback import CHOICES
from navigator.web.journey_state import given_answers, keep, link, posted_answers, stateful
from navigator.web.language import with_language
from navigator.web.live import Snapshot
from navigator.web.offers import lead, offers, rest, speaking
from navigator.web.recording import record
from navigator.web.rendering import render, site_url
from navigator.web.service_languages import language_filter
from navigator.web.steps import (
    audience_question,
    carried,
    empty_error,
    is_family,
    postcode_question,
)
from navigator.web.summary import family_facts, rows

router = APIRouter(include_in_schema=False)


def pathway_or_404(content: Snapshot, pathway_id: str) -> Pathway:
    pathway = content.pathway(pathway_id)
    if pathway is None:
        raise HTTPException(404, f"There is no pathway called '{pathway_id}'.")
    return pathway


def _walk(
    request: Request, pathway_id: str, content: Snapshot, locator: Locator
) -> tuple[Pathway, Answers, Outcome]:
    """The pathway, the answers (in the query string, or kept on the server), and where the
    engine takes them."""
    pathway = pathway_or_404(content, pathway_id)
    given = given_answers(request, pathway)
    return pathway, given, navigate(pathway, content.directory, dict(given), locator)


def journey_url(pathway: Pathway, answers: Answers) -> str:
    return link(f"/pathways/{pathway.id}", answers, pathway)


def question_url(pathway: Pathway, question_id: str, answers: Answers) -> str:
    return link(f"/pathways/{pathway.id}/questions/{question_id}", answers, pathway)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _after(pathway: Pathway, result: Result, given: Answers) -> RedirectResponse:
    """Where a finished journey goes: urgent help at once, else 'Check your answers'."""
    page = "result" if result.urgent else "check"
    kept = _with_audience(pathway, given, result.answers)
    return _see_other(link(f"/pathways/{pathway.id}/{page}", kept, pathway))


@router.get("/pathways/{pathway_id}")
def journey(
    request: Request, pathway_id: str, content: PageContentDep, locator: LocatorDep
) -> Response:
    """Take the answers so far to the next question, or to the end."""
    pathway = pathway_or_404(content, pathway_id)
    given = given_answers(request, pathway)
    return _journey(request, pathway, content, locator, given, request.query_params.get("asked"))


@router.post("/pathways/{pathway_id}")
async def journey_step(
    request: Request, pathway_id: str, content: PageContentDep, locator: LocatorDep
) -> Response:
    """A family's step: the answer is posted, kept on the server with the others (see
    `journey_state.py`), and the journey goes on at an address that holds no answer."""
    form = await request.form()
    fields = QueryParams([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
    return await run_in_threadpool(_step, request, pathway_id, content, locator, fields)


def _step(
    request: Request, pathway_id: str, content: Snapshot, locator: Locator, form: QueryParams
) -> Response:
    pathway = pathway_or_404(content, pathway_id)
    if form.get("kept") == "1":
        given = posted_answers(request, pathway, form)
    else:  # the first step from a page whose answers were in its address: a fresh state
        given = posted_answers(request, pathway, form, fresh=True)
    response = _journey(request, pathway, content, locator, given, form.get("asked"))
    keep(request, response, pathway, given)
    return response


def _journey(
    request: Request,
    pathway: Pathway,
    content: Snapshot,
    locator: Locator,
    given: Answers,
    asked: str | None,
) -> Response:
    outcome = navigate(pathway, content.directory, dict(given), locator)
    unfound = _unfound_postcode(pathway, content, given, asked, locator)
    if unfound is not None:
        return unfound_page(request, pathway, content, given, unfound, locator)
    if isinstance(outcome, Result):
        return _after(pathway, outcome, given)
    if outcome.error:
        return _question_page(request, pathway, outcome, given, outcome.error)
    if asked == outcome.question_id:
        return _question_page(
            request, pathway, outcome, given, empty_error(outcome, content.directory.site.like())
        )
    following = carried(given, outcome.answers)
    following.pop(outcome.question_id, None)
    return _see_other(question_url(pathway, outcome.question_id, following))


@router.get("/pathways/{pathway_id}/questions/{question_id}")
def question(
    request: Request,
    pathway_id: str,
    question_id: str,
    content: PageContentDep,
    locator: LocatorDep,
) -> Response:
    """One question, with the answer already given (if any) filled in."""
    pathway = pathway_or_404(content, pathway_id)
    given = given_answers(request, pathway)
    others = {k: v for k, v in given.items() if k != question_id}
    outcome = navigate(pathway, content.directory, dict(others), locator)
    if not isinstance(outcome, Ask) or outcome.question_id != question_id:
        # Not the question these answers lead to: let the journey find the right one.
        return _see_other(journey_url(pathway, given))
    return _question_page(request, pathway, outcome, given, None)


def _unfound_postcode(
    pathway: Pathway, content: Snapshot, given: Answers, asked: str | None, locator: Locator
) -> str | None:
    """The postcode just typed on the postcode question, if it is a real postcode in the area
    the directory covers that the look-up cannot place (not in the data, or no location)."""
    qid = postcode_question(pathway)
    value = given.get(qid) if qid else None
    if asked != qid or not isinstance(value, str) or value == SKIP or not is_postcode(value):
        return None
    place = locator.locate(value)
    return place.postcode if not place.known and place.covered else None


def unfound_page(
    request: Request,
    pathway: Pathway,
    content: Snapshot,
    given: Answers,
    postcode: str,
    locator: Locator,
) -> Response:
    """The postcode question again, saying once that the postcode cannot be found, with a way
    on without it (the question is optional): better here than on every result card."""
    qid = postcode_question(pathway)
    assert qid is not None
    others = {k: v for k, v in given.items() if k != qid}
    ask = navigate(pathway, content.directory, dict(others), locator)
    if not isinstance(ask, Ask) or ask.question_id != qid:
        return _see_other(journey_url(pathway, given))
    error = gettext(
        "We can't find %(postcode)s. Check it, or continue without a postcode", postcode=postcode
    )
    shown = replace(ask, given=given[qid])
    return _question_page(request, pathway, shown, given, error, unfound=True)


def _question_page(
    request: Request,
    pathway: Pathway,
    ask: Ask,
    given: Answers,
    error: str | None,
    *,
    unfound: bool = False,
) -> Response:
    family = is_family(pathway, {**given, **ask.answers})
    everything = carried(given, ask.answers)
    value: AnswerValue | None = ask.given if error else given.get(ask.question_id)
    back = question_url(pathway, ask.previous, everything) if ask.previous else with_language("/")
    context: dict[str, Any] = {
        "pathway": pathway,
        "ask": ask,
        "error": error,
        "value": value if value is not None else "",
        "values": value if isinstance(value, list) else [value] if value else [],
        "hidden": pairs(everything, pathway, without=ask.question_id),
        "back_url": back,
        "action": with_language(f"/pathways/{pathway.id}"),
        # A family's answers are posted and kept on the server, never put in the address.
        "method": "post" if family else "get",
        "kept": stateful(),
        "family": family,
        "quick_exit": family,
        "first": ask.question_id == RED_FLAGS,
        "unfound": unfound,
    }
    return render(request, "question.html", context)


@router.get("/pathways/{pathway_id}/check")
def check_answers(
    request: Request, pathway_id: str, content: PageContentDep, locator: LocatorDep
) -> Response:
    """'Check your answers', with a change link for each."""
    pathway, given, outcome = _walk(request, pathway_id, content, locator)
    if isinstance(outcome, Ask):
        return _see_other(journey_url(pathway, given))
    if outcome.urgent:
        return _after(pathway, outcome, given)
    family = is_family(pathway, {**given, **outcome.answers})
    context = {
        "pathway": pathway,
        "rows": rows(pathway, content.directory, outcome.answers, family),
        "answers": outcome.answers,
        "hidden": pairs(outcome.answers, pathway),
        "change_url": lambda qid: question_url(pathway, qid, outcome.answers),
        "back_url": question_url(
            pathway, _last_question(pathway, outcome.answers), outcome.answers
        ),
        "family": family,
        "quick_exit": family,
    }
    return render(request, "check.html", context)


def _last_question(pathway: Pathway, answers: Answers) -> str:
    asked = [q.id for q in pathway.questions if q.id in answers]
    return asked[-1] if asked else RED_FLAGS


@router.get("/pathways/{pathway_id}/result")
def result(
    request: Request, pathway_id: str, content: PageContentDep, locator: LocatorDep
) -> Response:
    """The services that can help, in sections, with why each was chosen."""
    pathway, given, outcome = _walk(request, pathway_id, content, locator)
    if isinstance(outcome, Ask):
        return _see_other(journey_url(pathway, given))
    family = is_family(pathway, {**given, **outcome.answers})
    kept = _with_audience(pathway, given, outcome.answers)
    own_url = link(f"/pathways/{pathway.id}/result", kept, pathway)
    base = site_url(request)
    grouped = offers(outcome.sections)
    languages = language_filter(request, content.directory, own_url, outcome.urgent)
    if languages.chosen:
        in_language = speaking(grouped, languages.speaks)
        if in_language:
            grouped = in_language
        else:  # none has said it works in the language: all are shown, and the page says so
            languages = replace(languages, none_speak=True)
    # Recorded once per journey and browser (a reload or Back shows the same record), never
    # at the cost of the page: see navigator/web/recording.py.
    ref, write = record(request, pathway, content.directory, outcome, given, locator)
    context = {
        "language_filter": languages,
        "pathway": pathway,
        "result": outcome,
        "lead": lead(grouped),
        "more": rest(grouped),
        "urgent_actions": urgent_actions(outcome.cards()) if outcome.urgent else [],
        "family": family,
        "quick_exit": family,
        # A family's answers kept on the server are in no link: there is none to share.
        "share_url": "" if stateful() else base + own_url,
        "check_url": link(f"/pathways/{pathway.id}/check", kept, pathway),
        "referral_url": lambda sid: link(
            f"/pathways/{pathway.id}/referral/{sid}", outcome.answers, pathway
        ),
        "restart_url": with_language(
            with_query(f"/pathways/{pathway.id}", _audience_only(pathway, family), pathway)
        ),
        "urgent_back_url": question_url(pathway, RED_FLAGS, carried(given, outcome.answers)),
        "feedback_ref": ref,
        "feedback_choices": CHOICES,
        "feedback_limit": TEXT_LIMIT,
    }
    response = render(request, "result.html", context)
    response.background = write
    return response


@router.get("/pathways/{pathway_id}/referral/{service_id}")
def referral_summary(
    request: Request,
    pathway_id: str,
    service_id: str,
    content: PageContentDep,
    locator: LocatorDep,
) -> Response:
    """A printable referral summary: the answers, what the service asks for, blanks to fill.
    Nothing is stored; the full postcode is never printed."""
    pathway, given, outcome = _walk(request, pathway_id, content, locator)
    if isinstance(outcome, Ask):
        return _see_other(journey_url(pathway, given))
    card = next(
        (c for c in outcome.cards() if c.service_id == service_id and c.route == "referral"),
        None,
    )
    if card is None:
        raise HTTPException(
            404,
            "These answers do not lead to a referral to that service. Go back to the results "
            "to see the services that can help.",
        )
    facts = family_facts(pathway, content.directory, outcome.answers)
    area = _area_words(pathway, outcome.answers, locator)
    context = {
        "pathway": pathway,
        "result": outcome,
        "card": card,
        "facts": facts,
        "area": area,
        "today": date.today(),
        "result_url": link(f"/pathways/{pathway.id}/result", outcome.answers, pathway),
    }
    return render(request, "referral.html", context)


def _with_audience(pathway: Pathway, given: Answers, kept: Answers) -> Answers:
    """The kept answers, and who is asking (an urgent result keeps only the red flags, but
    its link must still read as the family's or the practitioner's)."""
    qid = audience_question(pathway)
    if qid is None or qid in kept or qid not in given:
        return dict(kept)
    return {**kept, qid: given[qid]}


def _audience_only(pathway: Pathway, family: bool) -> Answers:
    qid = audience_question(pathway)
    return {qid: "family" if family else "practitioner"} if qid else {}


def _area_words(pathway: Pathway, answers: Answers, locator: Locator) -> str | None:
    """The postcode result in words, with only the outward code."""
    qid = postcode_question(pathway)
    value = answers.get(qid) if qid else None
    if not isinstance(value, str) or " " not in value:
        return None
    place = locator.locate(value)
    district = outward(place.postcode)
    return place.message.replace(place.postcode, district) if district else place.message
