"""The mapping from the directory to ORUK objects, on the example content."""

from __future__ import annotations

from datetime import date

from navigator.content.directory import Directory
from navigator.openreferral.feed import Feed, age_years, compact
from navigator.openreferral.identity import uuid_for
from tests.openreferral.schemas import errors

TODAY = date(2026, 12, 1)


def test_ages_are_decimal_years() -> None:
    assert [age_years(m) for m in (0, 1, 6, 18, 24)] == [0, 0.0833, 0.5, 1.5, 2]


def test_empty_values_are_left_out_not_sent_as_null() -> None:
    assert compact({"a": None, "b": "", "c": [], "d": 0, "e": "x"}) == {"d": 0, "e": "x"}


def test_a_service_maps_its_fields(directory: Directory) -> None:
    feed = Feed(directory, TODAY)
    infant = directory.service("infant-mh")
    assert infant is not None
    body = feed.service(infant)
    assert errors("service.json", body) == []
    assert body["id"] == uuid_for("service", "infant-mh")
    assert body["alternate_name"] == "Old Infant Team"
    assert body["description"] == f"{infant.description}\n\n{infant.remit}"
    assert (body["minimum_age"], body["maximum_age"]) == (0, 2)
    assert body["url"] == "https://example.org/infant"
    assert body["phones"][0]["number"] == "01274 000000"
    assert body["assured_date"] == "2026-06-01"
    assert [a["name"] for a in body["service_areas"]] == ["Better Start Bradford area"]
    assert "uri" not in body["service_areas"][0]  # no ONS code for this area
    assert body["application_process"].split("\n\n") == [
        "Consultation: Ring the team to book a consultation.",
        "Referral: Send the referral form.",
        "Referral, what to include: Family consent; What has been tried.",
    ]
    rules = body["eligibility_description"].splitlines()
    assert rules[1].startswith("Referral: for practitioners; in pregnancy and after the birth;")
    assert "level of need: " in rules[1] and "living in Better Start Bradford area" in rules[1]
    assert rules[2].startswith("Not for: Children aged 24 months or more. Instead: Health")
    codes = {a["taxonomy_term"]["code"] for a in body["attributes"]}
    assert {"route:consultation", "route:referral", "concern:bonding", "ring:core"} <= codes
    assert "perinatal-mental-health" in codes  # bonding fits the Family Hubs category


def test_a_list_item_has_only_one_to_one_fields(directory: Directory) -> None:
    infant = directory.service("infant-mh")
    assert infant is not None
    body = Feed(directory, TODAY).service(infant, full=False)
    assert not [k for k, v in body.items() if isinstance(v, list | dict)]


def test_a_route_for_any_age_leaves_the_ages_out(directory: Directory) -> None:
    visiting = directory.service("health-visiting")
    assert visiting is not None
    body = Feed(directory, TODAY).service(visiting)
    assert "minimum_age" not in body and "maximum_age" not in body


def test_a_service_past_its_end_is_defunct_and_names_its_successor(directory: Directory) -> None:
    old = directory.service("old-project")
    assert old is not None
    body = Feed(directory, TODAY).service(old)
    assert body["status"] == "defunct"
    assert body["alert"] == "This service ended on 2025-12-31. Please use Health Visiting instead."
    assert errors("service.json", body) == []
