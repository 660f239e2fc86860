"""check_eligibility: one service, route by route, from stage, age and place."""

from __future__ import annotations

from dataclasses import dataclass

from navigator.content.directory import Directory, Service
from navigator.content.vocabulary import Audience, RouteKind, Stage
from navigator.engine.eligibility import check_eligibility


@dataclass(frozen=True)
class Place:
    postcode: str = "BD3 8AA"
    known: bool = True
    areas: tuple[str, ...] = ("england", "bradford-district", "better-start-bradford")
    near_boundary: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    message: str = "In the area."
    covered: bool = True


def service(directory: Directory, id: str) -> Service:
    found = directory.service(id)
    assert found is not None
    return found


def test_inside_the_area_and_the_age_range_is_yes(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "infant-mh"),
        directory,
        Stage.postnatal,
        5,
        Place(),
        concern="bonding",
        need="persistent",
    )
    assert found.verdict == "yes"
    assert found.not_checked == [] and found.to_confirm == []
    assert [r.route for r in found.routes] == ["consultation", "referral"]
    assert all(r.verdict == "yes" for r in found.routes)
    assert found.place == "In the area."
    assert found.instead == []


def test_too_old_is_no_with_the_reason_and_the_alternative(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.postnatal, 30, Place()
    )
    assert found.verdict == "no"
    failed = found.routes[0].failed[0]
    assert failed.criterion == "age" and failed.source.endswith("services.yaml:57")
    assert [a.id for a in found.instead] == ["health-visiting"]


def test_a_limit_that_was_not_asked_is_confirm_never_yes(directory: Directory) -> None:
    # The referral needs persistent need: without the need it is not a "yes".
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.postnatal, 7, Place(), concern="bonding"
    )
    assert [r.verdict for r in found.routes] == ["yes", "confirm"]
    assert found.routes[1].unchecked == ["it is only for this level of need: persistent difficulty"]
    assert found.not_checked == ["the level of need"]
    assert [(n.message, n.routes) for n in found.to_confirm] == [
        ("it is only for this level of need: persistent difficulty", ["referral"])
    ]


def test_the_reasons_a_route_is_closed_are_said_once(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.postnatal, 30, Place()
    )
    assert [(n.message, n.routes) for n in found.why_not] == [
        ("a baby of 30 months is outside its age range (0–24 months)", ["consultation", "referral"])
    ]


def test_only_the_routes_of_the_audience_are_checked(directory: Directory) -> None:
    hv = service(directory, "health-visiting")
    for_family = check_eligibility(
        hv, directory, Stage.pregnancy, None, Place(), audience=Audience.family
    )
    by_family = [r.kind.value for r in hv.routes if Audience.family in r.eligibility.audience]
    assert [r.route for r in for_family.routes] == by_family
    assert "referral" not in by_family
    infant = check_eligibility(
        service(directory, "infant-mh"),
        directory,
        Stage.pregnancy,
        None,
        Place(),
        audience=Audience.family,
    )
    assert infant.routes == [] and infant.verdict == "no"


def test_the_age_does_not_count_in_pregnancy(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "infant-mh"),
        directory,
        Stage.pregnancy,
        30,
        Place(),
        concern="bonding",
        need="persistent",
    )
    assert found.verdict == "yes"


def test_near_the_boundary_is_confirm(directory: Directory) -> None:
    near = Place(areas=("england", "bradford-district"), near_boundary=("better-start-bradford",))
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.pregnancy, None, near
    )
    assert found.verdict == "confirm"
    assert "near the boundary" in found.routes[0].caveats[0]


def test_outside_the_area_is_no(directory: Directory) -> None:
    outside = Place(areas=("england", "bradford-district"))
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.pregnancy, None, outside
    )
    assert found.verdict == "no"
    assert found.routes[0].failed[0].criterion == "area"


def test_no_postcode_is_confirm_for_an_area_service(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "infant-mh"), directory, Stage.pregnancy, None, None
    )
    assert found.verdict == "confirm"
    assert found.place is None


def test_a_gp_registration_area_is_confirm(directory: Directory) -> None:
    hinted = Place(hints=("nhs-bradford-craven",))
    found = check_eligibility(
        service(directory, "talking-therapies"), directory, Stage.pregnancy, None, hinted
    )
    assert found.verdict == "confirm"
    assert "GP" in found.routes[0].caveats[0]


def test_a_service_open_to_all_is_yes(directory: Directory) -> None:
    found = check_eligibility(
        service(directory, "health-visiting"), directory, Stage.postnatal, 35, Place()
    )
    assert found.verdict == "yes"
    assert found.as_json()["routes"][0]["verdict"] == "yes"


def test_a_training_route_does_not_make_a_family_eligible(directory: Directory) -> None:
    # A service that trains practitioners at any age still cannot see a baby of 30 months.
    infant = service(directory, "infant-mh")
    consultation = infant.route("consultation")
    assert consultation is not None
    training = consultation.model_copy(
        update={
            "kind": RouteKind.training,
            "eligibility": consultation.eligibility.model_copy(update={"age_months": None}),
        }
    )
    with_training = infant.model_copy(update={"routes": [*infant.routes, training]})
    found = check_eligibility(
        with_training, directory, Stage.postnatal, 30, Place(), audience=Audience.practitioner
    )
    assert [r.verdict for r in found.routes] == ["no", "no", "confirm"]
    assert found.verdict == "no"
    assert [a.id for a in found.instead] == ["health-visiting"]


def test_outside_the_covered_postcodes_is_no(directory: Directory) -> None:
    far = Place(postcode="M1 1AE", known=False, areas=(), covered=False, message="Outside.")
    found = check_eligibility(service(directory, "infant-mh"), directory, Stage.postnatal, 5, far)
    assert found.verdict == "no"
