"""How rules combine, `fits`, named facts and end dates: each on a copy of the example content
with one edit, loaded as a commissioner's file would be."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from navigator.content.directory import Directory
from navigator.content.loader import load
from navigator.content.pathway import Pathway
from navigator.engine import Result, navigate
from navigator.engine.outcome import AnswerValue
from tests.conftest import GOOD
from tests.engine.test_navigate import LOOKUP, practitioner

SERVICES = (GOOD / "services.yaml").read_text()
PATHWAY = (GOOD / "pathways" / "early-years.yaml").read_text()
CONSULT_FIRST = """  - id: consult-first
    when: {equals: {need: emerging}}
    offer: [consultation, self_referral, signposting, training]
    consult_first: {service: infant-mh, route: consultation}
    advice: At an emerging level of need, consult before you refer.
"""


def content(
    tmp_path: Path, services: str = SERVICES, pathway: str = PATHWAY
) -> tuple[Pathway, Directory]:
    (tmp_path / "pathways").mkdir(parents=True, exist_ok=True)
    (tmp_path / "services.yaml").write_text(services)
    (tmp_path / "pathways" / "early-years.yaml").write_text(pathway)
    bundle = load([tmp_path / "services.yaml", tmp_path / "pathways"])
    assert not bundle.findings, bundle.findings
    assert bundle.directory is not None
    return bundle.pathways[0][0], bundle.directory


def rules(extra: str, before: str = CONSULT_FIRST) -> str:
    """The example pathway with `extra` rules inserted before `before`."""
    assert before in PATHWAY
    return PATHWAY.replace(before, extra + before)


def result(pathway: Pathway, directory: Directory, answers: dict[str, AnswerValue]) -> Result:
    outcome = navigate(pathway, directory, answers, LOOKUP)
    assert isinstance(outcome, Result)
    return outcome


def test_consult_first_only_where_the_consultation_fits(tmp_path: Path) -> None:
    pathway, directory = content(tmp_path)
    fits = result(pathway, directory, practitioner(need="emerging", age="6"))
    assert fits.consult_first and fits.rule == "consult-first"
    assert fits.consult == "infant-mh/consultation"
    # At 30 months the consultation (0-24 months) does not take the family: the next rule
    # decides, and nothing is held back as "consult first".
    too_old = result(pathway, directory, practitioner(need="emerging", age="30"))
    assert not too_old.consult_first and too_old.rule == "refer"
    assert not any("consult" in n.failed.message for n in too_old.near_misses)


def test_a_rule_without_offer_adds_to_the_deciding_rule(tmp_path: Path) -> None:
    interpreter = """  - id: low-mood-advice
    when: {includes: {concerns: low-mood}}
    advice: Ask about the parent's own support too.
"""
    pathway, directory = content(tmp_path, pathway=rules(interpreter))
    outcome = result(pathway, directory, practitioner(need="emerging", concerns=["low-mood"]))
    assert outcome.rule == "consult-first" and outcome.consult_first
    assert outcome.rules == ["low-mood-advice", "consult-first"]
    assert "consult before you refer" in outcome.advice
    assert "parent's own support" in outcome.advice
    other = result(pathway, directory, practitioner(need="emerging"))
    assert other.rules == ["consult-first"] and "own support" not in other.advice


def test_emphasis_orders_the_sections(tmp_path: Path) -> None:
    refer_first = """  - id: persistent-refer-first
    when: {equals: {need: persistent}}
    emphasis: [referral]
    advice: Refer.
"""
    pathway, directory = content(tmp_path, pathway=rules(refer_first))
    outcome = result(pathway, directory, practitioner(need="persistent"))
    kinds = [s.route for s in outcome.sections]
    assert kinds.index("referral") == 0 and "consultation" in kinds
    plain = result(*content(tmp_path / "plain"), practitioner(need="persistent"))
    assert plain.sections[0].route == "consultation"


def test_fits_tests_a_route_of_a_service(tmp_path: Path) -> None:
    only_where_referral_fits = """  - id: infant-referral-fits
    when: {fits: {service: infant-mh, route: referral}}
    advice: The infant mental health service can take this family on.
"""
    pathway, directory = content(tmp_path, pathway=rules(only_where_referral_fits))
    fits = result(pathway, directory, practitioner(need="persistent"))
    assert "infant-referral-fits" in fits.rules
    emerging = result(pathway, directory, practitioner(need="emerging"))  # referral: persistent
    assert "infant-referral-fits" not in emerging.rules


FACTS = """facts:
  - id: first-baby
    label: This is the mother's first baby
services:
"""
FACTS_QUESTION = """  - id: postcode
    text: What is the family's postcode?
    kind: postcode
    sets: postcode
    optional: true
    next:
      - goto: facts
  - id: facts
    text: Does any of these apply?
    kind: multi
    sets: facts
    choices_from: facts
    choices:
      - {id: none, label: None of these, exclusive: true}
    optional: true
    next:
      - goto: routine
"""
ROUTINE_POSTCODE = """  - id: postcode
    text: What is the family's postcode?
    kind: postcode
    sets: postcode
    optional: true
    next:
      - goto: routine
"""


def first_baby_content(tmp_path: Path) -> tuple[Pathway, Directory]:
    services = SERVICES.replace("services:\n", FACTS, 1).replace(
        "        how: Ring the team to book a consultation.",
        "          facts: {first-baby: true}\n        how: Ring the team to book a consultation.",
    )
    assert PATHWAY.count(ROUTINE_POSTCODE) == 1
    return content(tmp_path, services, PATHWAY.replace(ROUTINE_POSTCODE, FACTS_QUESTION))


def test_a_named_fact_decides_a_route(tmp_path: Path) -> None:
    pathway, directory = first_baby_content(tmp_path)
    yes = result(pathway, directory, practitioner(facts=["first-baby"]))
    assert yes.offers("infant-mh", "consultation")
    card = next(c for c in yes.cards() if c.service_id == "infant-mh" and c.route == "consultation")
    assert any(r.criterion == "facts" and "first baby" in r.message for r in card.why)
    no = result(pathway, directory, practitioner(facts=["none"]))
    assert not no.offers("infant-mh", "consultation")
    missed = [n for n in no.near_misses if n.service_id == "infant-mh"]
    assert missed and missed[0].failed.criterion == "facts"


def test_an_unknown_fact_is_please_confirm_never_no(tmp_path: Path) -> None:
    pathway, directory = first_baby_content(tmp_path)
    skipped = result(pathway, directory, practitioner(facts="unknown"))
    card = next(c for c in skipped.cards() if c.route == "consultation")
    assert card.service_id == "infant-mh"
    assert any("please confirm" in c for c in card.caveats)


def test_a_service_is_not_offered_from_its_ended_date(tmp_path: Path) -> None:
    def ending(day: date) -> str:
        marker = "    provider: Example NHS Trust\n"
        return SERVICES.replace(marker, f"    ended: {day.isoformat()}\n{marker}", 1)

    today = date.today()
    past = result(*content(tmp_path / "past", ending(today)), practitioner())
    assert not past.offers("infant-mh")
    assert all(n.service_id != "infant-mh" for n in past.near_misses)
    future = result(
        *content(tmp_path / "future", ending(today + timedelta(days=30))), practitioner()
    )
    assert future.offers("infant-mh", "referral")


def test_a_route_a_family_cannot_ask_for_is_never_put_to_a_family(tmp_path: Path) -> None:
    services = SERVICES.replace(
        "        info_needed: [Family consent, What has been tried]",
        "        info_needed: [Family consent, What has been tried]\n        family_can_ask: false",
        1,
    )
    pathway, directory = content(tmp_path, services)
    family = practitioner(audience="family", need="persistent")
    outcome = result(pathway, directory, family)
    assert not outcome.offers("infant-mh", "referral")
    assert all(
        not (n.service_id == "infant-mh" and n.route == "referral") for n in outcome.near_misses
    )
    asked = result(*content(tmp_path / "plain"), family)
    assert asked.offers("infant-mh", "referral")  # as 'ask your health visitor about'
