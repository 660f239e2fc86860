"""Tests over the content that ships: `services.yaml` and `pathways/` at the top of the repo.

The engine and checker have their own tests on small fixtures; these hold the real Bradford
content to what the pathway promises: red flags first and in order, no invented phone numbers,
sources and review dates on every service, and the journeys the scenarios describe."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from navigator.checker import check
from navigator.content.directory import Directory, Service
from navigator.content.loader import Bundle, load
from navigator.content.pathway import RED_FLAGS, Pathway, ScenarioFile
from navigator.content.vocabulary import RouteKind
from navigator.engine import Result, navigate
from navigator.engine.facts import Locator
from navigator.engine.outcome import AnswerValue
from navigator.engine.scenarios import coverage_of, run
from navigator.geo.lookup import PostcodeLookup

ROOT = Path(__file__).resolve().parents[2]
SOURCES_DOC = ROOT / "docs" / "content-sources.md"
CONFIRMED_NUMBERS = {"999", "111", "0800 952 1181"}
"""Numbers that are national or widely published (999, NHS 111, First Response's free 24-hour
line); every other number must be published in a source and unconfirmed."""
PHONE = re.compile(r"\b0\d{2,4}[ \d]{6,9}\d\b")


@pytest.fixture(scope="module")
def shipped() -> Bundle:
    return load([ROOT / "services.yaml", ROOT / "pathways"])


@pytest.fixture(scope="module")
def directory(shipped: Bundle) -> Directory:
    assert shipped.directory is not None
    return shipped.directory


@pytest.fixture(scope="module")
def pathway(shipped: Bundle) -> Pathway:
    found = shipped.pathway("early-years")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def scenarios(shipped: Bundle) -> ScenarioFile:
    files = [f for f, _ in shipped.scenario_files if f.pathway == "early-years"]
    assert len(files) == 1
    return files[0]


@pytest.fixture(scope="module")
def locator() -> Locator:
    found: Locator = PostcodeLookup.default()
    return found


Answers = dict[str, AnswerValue]


def _result(pathway: Pathway, directory: Directory, answers: Answers, locator: Locator) -> Result:
    outcome = navigate(pathway, directory, answers, locator)
    assert isinstance(outcome, Result), f"expected a result for {answers}, got {outcome}"
    return outcome


def _active(directory: Directory) -> list[Service]:
    return [s for s in directory.services if s.active]


# ------------------------------------------------------------------ it loads and checks clean


def test_shipped_content_loads_without_findings(shipped: Bundle) -> None:
    problems = [str(f) for f in [*shipped.unreadable, *shipped.findings]]
    assert problems == []
    assert shipped.directory is not None
    assert [p.id for p, _ in shipped.pathways] == ["early-years"]


def test_checker_finds_no_errors_and_no_warnings_today(shipped: Bundle) -> None:
    """The specialist gaps COV-002 finds are recorded under the pathway's `known_gaps`, with
    their reasons: a new gap, or one past its review date, fails this."""
    assert [str(f) for f in check(shipped, date.today())] == []


def test_every_known_gap_is_still_a_gap(shipped: Bundle) -> None:
    """A recorded gap that content has since closed should be removed from `known_gaps`."""
    pathway, _ = shipped.pathways[0]
    assert shipped.directory is not None
    known = [(g.concern, g.need) for g in pathway.known_gaps]
    recorded = pathway.model_copy(update={"known_gaps": []})
    bundle = replace(shipped, pathways=[(recorded, shipped.pathways[0][1])])
    found = {
        (f.message.split("'")[1], f.message.split("'")[3])
        for f in check(bundle, date.today())
        if f.code == "COV-002"
    }
    assert found == set(known)


# ------------------------------------------------------------------ the directory


def test_at_least_thirty_services_across_the_three_rings(directory: Directory) -> None:
    active = _active(directory)
    assert len(active) >= 30
    declared = list(directory.ring_order())
    assert declared == ["core", "risk", "universal"]
    rings = {ring: [s for s in active if s.ring == ring] for ring in declared}
    assert all(len(services) >= 5 for services in rings.values()), rings


def test_every_service_has_a_source_and_review_dates_in_order(directory: Directory) -> None:
    for service in directory.services:
        assert service.source, f"{service.id} has no source"
        assert all(re.match(r"S-\d+ ", s) for s in service.source), service.id
        assert service.last_reviewed < service.review_by, service.id


def test_every_source_id_is_listed_in_content_sources(directory: Directory) -> None:
    listed = set(re.findall(r"^\| (S-\d+) \|", SOURCES_DOC.read_text(encoding="utf-8"), re.M))
    cited = {s.split(" ", 1)[0] for service in directory.services for s in service.source}
    assert cited - listed == set()


def test_every_phone_number_is_published_in_the_sources_and_unconfirmed(
    directory: Directory,
) -> None:
    sources = SOURCES_DOC.read_text(encoding="utf-8")
    for service in directory.services:
        contacts = [service.contact, *(r.contact for r in service.routes if r.contact)]
        for contact in contacts:
            numbers = PHONE.findall(" ".join(filter(None, [contact.phone, contact.phone_note])))
            if contact.phone and contact.phone not in CONFIRMED_NUMBERS:
                assert contact.phone in numbers
                assert "phone" in service.unconfirmed, f"{service.id}: phone not marked"
            for number in numbers:
                assert number in sources, f"{service.id}: {number} is not in a source"


def test_the_national_and_widely_published_numbers_show_as_confirmed(
    directory: Directory,
) -> None:
    for id, number in [
        ("emergency-999-ae", "999"),
        ("nhs-111-mental-health", "111"),
        ("first-response", "0800 952 1181"),
    ]:
        service = directory.service(id)
        assert service is not None and service.contact.phone == number
        assert "phone" not in service.unconfirmed, id


def test_every_active_service_has_a_way_in(directory: Directory) -> None:
    for service in _active(directory):
        routes = [r.contact for r in service.routes]
        reached = bool(service.contact.ways_in) or (
            bool(routes) and all(c is not None and c.ways_in for c in routes)
        )
        assert reached, f"{service.id} has no phone, email, website or `through`"
        for id in service.contact.through:
            door = directory.service(id)
            assert door is not None and door.active, f"{service.id} -> {id}"


def test_websites_are_https(directory: Directory) -> None:
    for service in directory.services:
        if service.contact.website:
            assert service.contact.website.startswith("https://"), service.id


def test_every_boundary_says_where_to_go_instead(directory: Directory) -> None:
    for service in directory.services:
        for boundary in service.not_for:
            assert boundary.instead or boundary.instead_text, f"{service.id}: {boundary.who}"
            for id in boundary.instead:
                target = directory.service(id)
                assert target is not None and target.active, f"{service.id} -> {id}"


def test_little_minds_matter_has_its_four_strands_as_routes(directory: Directory) -> None:
    lmm = directory.service("little-minds-matter")
    assert lmm is not None
    kinds = {r.kind for r in lmm.routes}
    assert {
        RouteKind.consultation,
        RouteKind.referral,
        RouteKind.training,
        RouteKind.signposting,
    } <= kinds
    consultation = lmm.route(RouteKind.consultation)
    assert consultation is not None and consultation.eligibility.audience == ["practitioner"]
    referral = lmm.route(RouteKind.referral)
    assert referral is not None and referral.info_needed


def test_referral_routes_say_what_a_referral_must_include(directory: Directory) -> None:
    for service in _active(directory):
        referral = service.route(RouteKind.referral)
        if referral is not None:
            assert referral.info_needed, service.id


def test_former_names_are_aliases_and_former_ids_resolve(directory: Directory) -> None:
    expected = {
        "integrated-front-door": (
            "Children's Social Care Initial Contact Point",
            "childrens-social-care-initial-contact-point",
        ),
        "family-hubs": ("Children's centres", "childrens-centres"),
        "talking-therapies": ("MyWellbeing IAPT", "mywellbeing-iapt"),
    }
    for id, (alias, former) in expected.items():
        service = directory.service(id)
        assert service is not None and alias in service.aliases
        assert directory.current_id(former) == id


def test_ended_projects_point_to_an_active_successor(directory: Directory) -> None:
    ended = [s for s in directory.services if not s.active]
    assert ended
    for service in ended:
        assert service.ended is not None, service.id
        successor = directory.service(service.replaced_by or "")
        assert successor is not None and successor.active, service.id


def test_families_have_their_own_wording(directory: Directory, pathway: Pathway) -> None:
    assert all(c.family_label for c in directory.concerns)
    assert all(n.family_label for n in directory.need_levels)
    assert all(f.family_label for f in pathway.red_flags)
    assert all(d.family_advice for d in pathway.dispositions if d.urgent)
    assert all(q.family_text for q in pathway.questions if q.id != "audience")


def test_concern_vocabulary_covers_the_brief(directory: Directory) -> None:
    ids = {c.id for c in directory.concerns}
    assert {
        "bonding", "low-mood", "birth-trauma", "loss", "crying-sleep-feeding",
        "severe-mental-illness", "domestic-abuse", "substance-use", "isolation",
        "language-development", "partner-mental-health", "unborn-baby-worries",
    } <= ids  # fmt: skip


# ------------------------------------------------------------------ red flags and urgent help


def test_red_flags_have_a_reason_and_a_source(pathway: Pathway) -> None:
    assert len(pathway.red_flags) >= 8
    for flag in pathway.red_flags:
        assert flag.why_we_ask and flag.source, flag.id


def test_urgent_dispositions_come_in_the_order_999_first_response_111_safeguarding(
    pathway: Pathway,
) -> None:
    urgent = sorted((d for d in pathway.dispositions if d.urgent), key=lambda d: d.priority)
    # Dispositions that lead with an urgent route; perinatal-assessment (intrusive thoughts)
    # ends the journey too, but with routine routes, after them all.
    emergency = [d for d in urgent if d.services[0].route is RouteKind.urgent]
    assert urgent[: len(emergency)] == emergency
    leads = [d.services[0].service for d in emergency]
    order = ["emergency-999-ae", "first-response", "nhs-111-mental-health", "integrated-front-door"]
    assert [order.index(s) for s in leads] == sorted(order.index(s) for s in leads)
    assert set(leads) == set(order)
    flagged = [pathway.disposition(f.disposition) for f in pathway.red_flags]
    assert all(d is not None and d.urgent for d in flagged)


def test_red_flags_are_asked_before_anything_else(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    outcome = navigate(pathway, directory, {"audience": "family"}, locator)
    assert not isinstance(outcome, Result) and outcome.question_id == RED_FLAGS


@pytest.mark.parametrize("flag", ["psychosis", "harm-baby", "suicidal-thoughts", "child-unsafe"])
def test_any_red_flag_ends_at_urgent_help_whatever_else_was_answered(
    flag: str, pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    answers: Answers = {
        RED_FLAGS: [flag], "audience": "practitioner", "stage": "postnatal", "age": 6,
        "concerns": ["bonding"], "need": "emerging", "postcode": "BD3 8AA",
    }  # fmt: skip
    result = _result(pathway, directory, answers, locator)
    assert result.urgent and result.red_flags == [flag]
    assert [s.route for s in result.sections] == ["urgent"]
    assert not result.offers("little-minds-matter")


def test_reduced_need_for_sleep_is_a_psychosis_sign(pathway: Pathway) -> None:
    flags = {f.id: f for f in pathway.red_flags}
    for wording in ("label", "family_label"):
        assert "need" in (getattr(flags["psychosis"], wording) or "").lower(), wording
        assert "need" not in (getattr(flags["severe-insomnia"], wording) or "").lower(), wording


def test_estrangement_family_wording_keeps_new_and_persistent(pathway: Pathway) -> None:
    flag = next(f for f in pathway.red_flags if f.id == "estrangement")
    family = (flag.family_label or "").lower()
    assert "started" in family or "new" in family
    assert "again and again" in family or "keep" in family


def test_intrusive_thoughts_get_an_assessment_not_999_or_social_care(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    result = _result(pathway, directory, {RED_FLAGS: ["intrusive-thoughts"]}, locator)
    assert result.disposition == "perinatal-assessment"
    assert not result.offers("emergency-999-ae")
    assert not result.offers("integrated-front-door")
    assert result.offers("touchstone-myplan") and result.offers("gp")
    harm = next(f for f in pathway.red_flags if f.id == "harm-baby")
    assert harm.disposition == "baby-at-risk"


# ------------------------------------------------------------------ consultation and referral


def test_lmm_consultation_at_23_months_in_bsb_and_near_miss_at_25(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    answers: Answers = {
        RED_FLAGS: ["none"], "audience": "practitioner", "stage": "postnatal",
        "concerns": ["bonding"], "need": "emerging", "postcode": "BD3 8AA",
    }  # fmt: skip
    at_23 = _result(pathway, directory, {**answers, "age": 23}, locator)
    assert at_23.offers("little-minds-matter", "consultation")
    assert at_23.consult_first and "consult Little Minds Matter first" in at_23.advice
    assert not at_23.offers("little-minds-matter", "referral")
    at_25 = _result(pathway, directory, {**answers, "age": 25}, locator)
    assert not at_25.offers("little-minds-matter", "consultation")
    miss = next(
        n
        for n in at_25.near_misses
        if n.service_id == "little-minds-matter" and n.route == "consultation"
    )
    assert miss.failed.criterion == "age"
    assert "health-visiting" in [a.id for a in miss.instead]


def test_persistent_need_offers_referral(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    answers: Answers = {
        RED_FLAGS: ["none"], "audience": "practitioner", "stage": "postnatal", "age": 6,
        "concerns": ["bonding"], "need": "persistent", "postcode": "BD8 7AA",
    }  # fmt: skip
    result = _result(pathway, directory, answers, locator)
    assert result.offers("little-minds-matter", "referral") and not result.consult_first


def test_past_severe_illness_is_referred_even_at_an_emerging_level(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    answers: Answers = {
        RED_FLAGS: ["none"], "audience": "practitioner", "stage": "pregnancy",
        "concerns": ["severe-mental-illness"], "need": "emerging", "postcode": "BD8 7AA",
        "gp_registration": "yes",
    }  # fmt: skip
    result = _result(pathway, directory, answers, locator)
    assert result.offers("specialist-mother-baby-mh", "referral")
    assert not result.consult_first


def test_gp_registration_is_asked_wherever_it_decides_eligibility(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    by_gp = {
        c
        for s in _active(directory)
        for r in s.routes
        if r.kind is not RouteKind.urgent
        and r.eligibility.areas != "all"
        and "nhs-bradford-craven" in r.eligibility.areas
        and r.eligibility.concerns != "all"
        for c in r.eligibility.concerns
    }
    assert by_gp
    for concern in sorted(by_gp):
        answers: Answers = {
            RED_FLAGS: ["none"], "audience": "family", "stage": "pregnancy",
            "concerns": [concern], "need": "persistent", "postcode": "BD8 7AA",
        }  # fmt: skip
        outcome = navigate(pathway, directory, answers, locator)
        assert not isinstance(outcome, Result), concern
        assert outcome.question_id == "gp_registration", concern


# ------------------------------------------------------------------ never empty, never a wrong no


def test_near_boundary_postcode_is_offered_with_please_confirm(
    pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    answers: Answers = {
        RED_FLAGS: ["none"], "audience": "practitioner", "stage": "postnatal", "age": 1,
        "concerns": ["isolation"], "need": "persistent", "postcode": "BD1 4AJ",
        "circumstances": "unknown",
    }  # fmt: skip
    result = _result(pathway, directory, answers, locator)
    card = next(c for c in result.cards() if c.service_id == "family-action-perinatal-support")
    assert any("please confirm" in c for c in card.caveats)


@pytest.mark.parametrize(
    "postcode", ["BD3 8AA", "BD1 4AJ", "BD8 7AA", "BD23 0AB", "M1 1AE", "unknown"]
)
def test_every_combination_gets_a_real_offer(
    postcode: str, pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    """Every audience, period, single concern and need, at six kinds of place: a result with
    at least one route that matched (not only the fallback), and never an urgent one."""
    concerns = [c.id for c in directory.concerns] + ["other"]
    pregnancy: Answers = {"stage": "pregnancy"}
    periods = [pregnancy] + [
        {"stage": "postnatal", "age": age} for age in (0, 2, 12, 23, 24, 25, 36)
    ]
    for audience, period, concern, need in itertools.product(
        ("practitioner", "family"), periods, concerns, [n.id for n in directory.need_levels]
    ):
        answers: Answers = {
            RED_FLAGS: ["none"], "audience": audience, **period, "concerns": [concern],
            "need": need, "postcode": postcode, "gp_registration": "not_sure",
            "circumstances": "unknown",
        }  # fmt: skip
        result = _result(pathway, directory, answers, locator)
        assert not result.urgent and not result.fallback, answers
        assert result.cards(), answers


# ------------------------------------------------------------------ the scenarios


def test_at_least_forty_scenarios_and_all_pass(
    scenarios: ScenarioFile, pathway: Pathway, directory: Directory, locator: Locator
) -> None:
    assert len(scenarios.scenarios) >= 40
    outcomes = []
    for scenario in scenarios.scenarios:
        outcome, failures = run(scenario, pathway, directory, locator)
        assert failures == [], "\n".join(str(f) for f in failures)
        outcomes.append(outcome)
    cover = coverage_of(outcomes, [pathway], directory)
    assert cover.missing() == {"services": [], "routes": [], "red flags": []}


def test_scenarios_use_both_audiences_and_the_key_places(scenarios: ScenarioFile) -> None:
    answers = [s.answers for s in scenarios.scenarios]
    assert {a.get("audience") for a in answers} >= {"practitioner", "family"}
    postcodes = {a.get("postcode") for a in answers}
    assert {"BD3 8AA", "BD3 0LX", "BD1 4AJ", "M1 1AE"} <= postcodes
    assert {a.get("gp_registration") for a in answers} >= {"yes", "no", "not_sure"}
    assert {23, 25} <= {a.get("age") for a in answers}
    assert any(a.get("stage") == "pregnancy" for a in answers)
