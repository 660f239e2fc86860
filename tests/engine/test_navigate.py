"""The engine's rules, one test each, on the small example pathway."""

from __future__ import annotations

from typing import Any

import pytest

from navigator.content.directory import Directory, Route
from navigator.content.pathway import Pathway
from navigator.engine import Ask, Result, navigate
from navigator.engine.outcome import AnswerValue
from navigator.geo.lookup import PostcodeLookup

LOOKUP = PostcodeLookup.default()
IN_BSB = "BD3 8AA"
OUTSIDE_BSB = "BD5 0AA"
NEAR_BSB = "BD1 4AJ"
NOT_FOUND = "BD9 9ZZ"
OUT_OF_AREA = "M1 1AE"


def practitioner(**changes: Any) -> dict[str, AnswerValue]:
    answers: dict[str, AnswerValue] = {
        "red_flags": ["none"],
        "audience": "practitioner",
        "stage": "postnatal",
        "age": "6",
        "concerns": ["bonding"],
        "need": "persistent",
        "postcode": IN_BSB,
    }
    answers.update(changes)
    return {k: v for k, v in answers.items() if v is not None}


def result(pathway: Pathway, directory: Directory, answers: dict[str, AnswerValue]) -> Result:
    outcome = navigate(pathway, directory, answers, LOOKUP)
    assert isinstance(outcome, Result), outcome
    return outcome


def test_red_flags_are_asked_first(pathway: Pathway, directory: Directory) -> None:
    outcome = navigate(pathway, directory, {"audience": "family", "stage": "pregnancy"})
    assert isinstance(outcome, Ask)
    assert outcome.question_id == "red_flags"
    assert outcome.options[-1].id == "none" and outcome.options[-1].exclusive
    assert outcome.text  # worded for families when the door said so
    assert outcome.options[0].label == "I have thoughts of harming my baby"


def test_red_flag_ends_journey(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(red_flags=["harm-baby"]))
    assert outcome.urgent and outcome.disposition == "emergency"
    assert [s.route for s in outcome.sections] == ["urgent"]
    assert outcome.offers("emergency", "urgent")
    assert outcome.red_flags == ["harm-baby"]
    why = outcome.sections[0].cards[0].why[0]
    assert why.criterion == "red_flag" and "fixtures/good/pathways/early-years.yaml:" in why.source
    # Every later answer is dropped: the journey stopped at the red flag.
    assert set(outcome.answers) == {"red_flags"}


def test_unknown_red_flag_is_an_error(pathway: Pathway, directory: Directory) -> None:
    outcome = navigate(pathway, directory, {"red_flags": ["no-such-flag"]})
    assert isinstance(outcome, Ask) and outcome.question_id == "red_flags"
    assert outcome.error and "None of these" in outcome.error


def test_next_question_follows_branches(pathway: Pathway, directory: Directory) -> None:
    postnatal = navigate(pathway, directory, practitioner(age=None, concerns=None))
    assert isinstance(postnatal, Ask) and postnatal.question_id == "age"
    assert postnatal.previous == "stage"
    pregnant = navigate(pathway, directory, practitioner(stage="pregnancy", concerns=None))
    assert isinstance(pregnant, Ask) and pregnant.question_id == "concerns"


def test_unreachable_answers_are_dropped(pathway: Pathway, directory: Directory) -> None:
    # In pregnancy the age question is not reachable: its answer must not count.
    outcome = result(pathway, directory, practitioner(stage="pregnancy", age="30"))
    assert "age" not in outcome.answers
    assert not any(r.criterion == "age" for c in outcome.cards() for r in c.why)


def test_bad_answer_gives_error_and_keeps_answer(pathway: Pathway, directory: Directory) -> None:
    outcome = navigate(pathway, directory, practitioner(age="forty"))
    assert isinstance(outcome, Ask) and outcome.question_id == "age"
    assert outcome.error == "Enter the age in months from 0 to 36, like 7 or 1 year 2 months"
    assert outcome.given == "forty"
    outcome = navigate(pathway, directory, practitioner(postcode="not a postcode"))
    assert isinstance(outcome, Ask) and outcome.question_id == "postcode"
    assert outcome.error is not None and "postcode" in outcome.error


def test_exclusive_choice_cannot_be_combined(pathway: Pathway, directory: Directory) -> None:
    outcome = navigate(pathway, directory, practitioner(concerns=["bonding", "other"]))
    assert isinstance(outcome, Ask) and outcome.question_id == "concerns" and outcome.error


def test_sections_come_in_fixed_order(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(concerns=["bonding", "low-mood"]))
    order = [s.route for s in outcome.sections]
    assert order == ["consultation", "referral", "self_referral"]


def test_each_card_says_why_with_file_and_line(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner())
    card = next(c for c in outcome.cards() if c.service_id == "infant-mh" and c.route == "referral")
    criteria = [r.criterion for r in card.why]
    assert criteria == ["audience", "stage", "age", "concerns", "need", "area"]
    assert all(r.passed and "fixtures/good/services.yaml:" in r.source for r in card.why)
    lines = [int(r.source.rsplit(":", 1)[1]) for r in card.why]
    assert lines == sorted(lines) and lines[2] < lines[3]  # each criterion its own line
    assert "Better Start Bradford area" in card.why[-1].message
    assert card.unconfirmed == ["phone"]


def test_age_boundary_is_half_open(pathway: Pathway, directory: Directory) -> None:
    at_23 = result(pathway, directory, practitioner(age="23"))
    at_24 = result(pathway, directory, practitioner(age="24"))
    assert at_23.offers("infant-mh", "referral")
    assert not at_24.offers("infant-mh")
    miss = next(n for n in at_24.near_misses if n.service_id == "infant-mh")
    assert miss.failed.criterion == "age" and "24 months" in miss.failed.message
    assert [a.id for a in miss.instead] == ["health-visiting"]


def test_out_of_area_is_a_near_miss_with_instead(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(postcode=OUTSIDE_BSB))
    assert not outcome.offers("infant-mh")
    miss = next(n for n in outcome.near_misses if n.service_id == "infant-mh")
    assert miss.failed.criterion == "area"
    assert [a.id for a in miss.instead] == ["health-visiting"]


def test_near_boundary_is_offered_with_please_confirm(
    pathway: Pathway, directory: Directory
) -> None:
    outcome = result(pathway, directory, practitioner(postcode=NEAR_BSB))
    card = next(c for c in outcome.cards() if c.service_id == "infant-mh")
    assert any("boundary" in c and "confirm" in c for c in card.caveats)


def test_postcode_not_found_is_never_a_no(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(postcode=NOT_FOUND))
    card = next(c for c in outcome.cards() if c.service_id == "infant-mh")
    # The look-up's message, naming the postcode, is said once, not on every card.
    assert any("could not find" in n for n in outcome.notes)
    assert any("The postcode could not be checked." in c for c in card.caveats)
    assert not any("could not find" in c for c in outcome.cards()[0].caveats)
    skipped = result(pathway, directory, practitioner(postcode="unknown"))
    assert skipped.offers("infant-mh", "referral")


def test_outside_the_covered_area_is_a_no(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(postcode=OUT_OF_AREA))
    assert not outcome.offers("infant-mh")
    assert any("outside the area this directory covers" in n for n in outcome.notes)


def test_gp_registration_hint_asks_to_confirm(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(concerns=["low-mood"], postcode=OUTSIDE_BSB))
    card = next(c for c in outcome.cards() if c.service_id == "talking-therapies")
    assert any("GP" in c for c in card.caveats)


def test_consult_first_rule(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(need="emerging"))
    assert outcome.consult_first and outcome.rule == "consult-first"
    assert outcome.offers("infant-mh", "consultation")
    assert not outcome.offers("infant-mh", "referral")
    assert "consult" in outcome.advice


def test_family_sees_self_referral_and_ask_about(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(audience="family"))
    assert {s.route for s in outcome.sections} <= {"self_referral", "signposting"}
    assert outcome.offers("health-visiting", "self_referral")
    assert {c.service_id for c in outcome.ask_about} >= {"infant-mh"}


def test_decommissioned_services_are_never_offered(pathway: Pathway, directory: Directory) -> None:
    outcome = result(pathway, directory, practitioner(concerns=["sleep"]))
    assert not outcome.offers("old-project")
    assert all(n.service_id != "old-project" for n in outcome.near_misses)


def _narrowed(directory: Directory, hv_routes: list[Route]) -> Directory:
    """The example directory with only health visiting (given these routes) and 999."""
    hv = directory.service("health-visiting")
    assert hv is not None
    services = [s for s in directory.services if s.id == "emergency"]
    services.append(hv.model_copy(update={"routes": hv_routes}))
    narrowed = directory.model_copy(update={"services": services})
    narrowed.model_post_init(None)
    return narrowed


def test_fallback_shows_when_nothing_matches(pathway: Pathway, directory: Directory) -> None:
    hv = directory.service("health-visiting")
    assert hv is not None
    self_referral = hv.route("self_referral")
    assert self_referral is not None
    sleep_only = self_referral.model_copy(
        update={"eligibility": self_referral.eligibility.model_copy(update={"concerns": ["sleep"]})}
    )
    outcome = result(pathway, _narrowed(directory, [sleep_only]), practitioner(concerns=["other"]))
    assert outcome.fallback
    assert outcome.offers("health-visiting", "self_referral")
    assert outcome.cards()[0].why[0].criterion == "fallback"


def test_result_is_never_empty_even_with_a_broken_fallback(
    pathway: Pathway, directory: Directory
) -> None:
    outcome = result(pathway, _narrowed(directory, []), practitioner(concerns=["other"]))
    assert outcome.fallback and outcome.cards()


@pytest.mark.parametrize("need", ["emerging", "persistent"])
def test_results_carry_versions(pathway: Pathway, directory: Directory, need: str) -> None:
    outcome = result(pathway, directory, practitioner(need=need))
    assert outcome.pathway_version == pathway.version
    assert outcome.directory_version == directory.version


def test_an_ended_urgent_service_is_not_shown(pathway: Pathway, directory: Directory) -> None:
    emergency = directory.service("emergency")
    assert emergency is not None
    ended = emergency.model_copy(update={"status": "decommissioned"})
    others = [s for s in directory.services if s.id != "emergency"]
    changed = directory.model_copy(update={"services": [*others, ended]})
    changed.model_post_init(None)
    outcome = result(pathway, changed, practitioner(red_flags=["harm-baby"]))
    assert not outcome.offers("emergency")
    assert outcome.cards(), "a result is never empty"
    assert outcome.fallback and outcome.urgent


def test_months_question_carries_its_range(pathway: Pathway, directory: Directory) -> None:
    age = pathway.question("age")
    assert age is not None
    open_ended = pathway.model_copy(deep=True)
    question = open_ended.question("age")
    assert question is not None
    question.min = question.max = None
    outcome = navigate(open_ended, directory, practitioner(age=None))
    assert isinstance(outcome, Ask) and (outcome.min, outcome.max) == (0, 36)
