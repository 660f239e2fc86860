"""Starting a directory from a feed: the shipped directory survives export then import with
every mapped field; the ORUK example feed gives a draft that loads, and a report of its gaps."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from navigator.content.directory import Directory, Service
from navigator.content.loader import load
from navigator.content.vocabulary import ALL
from navigator.openreferral.draft import Draft, draft, slug
from navigator.openreferral.feed import Feed
from navigator.openreferral.reading import FeedError, Harvest, read
from tests.openreferral.schemas import FOLDER

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)
MAPPED = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "alert",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "application_process",
    "x_navigator_id",
)
"""Service fields that must come back the same from export → import → export."""


def shipped() -> Directory:
    directory = load([ROOT / "services.yaml"]).directory
    assert directory is not None
    return directory


def loaded(made: Draft, tmp_path: Path) -> Directory:
    path = tmp_path / "services.yaml"
    path.write_text(made.text)
    bundle = load([path])
    assert bundle.findings == [] and bundle.directory is not None
    return bundle.directory


def exported(directory: Directory) -> Harvest:
    feed = Feed(directory, TODAY)
    harvest = Harvest(sources=["export"])
    harvest.add(json.loads(json.dumps([feed.service(s) for s in directory.services])), "export")
    return harvest


def _areas(service: Service) -> set[str]:
    return {a for r in service.routes if r.eligibility.areas != ALL for a in r.eligibility.areas}


def _concerns(service: Service, directory: Directory) -> set[str]:
    every = [c.id for c in directory.concerns]
    return {
        c
        for r in service.routes
        for c in (every if r.eligibility.concerns == ALL else r.eligibility.concerns)
    }


def _terms(body: dict[str, Any]) -> set[str]:
    return {a["taxonomy_term"]["code"] for a in body.get("attributes", [])}


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Directory, Directory]:
    original = shipped()
    made = draft(exported(original), TODAY)
    return original, loaded(made, tmp_path_factory.mktemp("draft"))


def test_the_round_trip_keeps_every_service_and_its_fields(
    round_trip: tuple[Directory, Directory],
) -> None:
    original, back = round_trip
    assert [s.id for s in back.services] == [s.id for s in original.services]
    for service in original.services:
        again = back.service(service.id)
        assert again is not None
        pairs = {
            "name, aliases, provider, ring": (
                (service.name, service.aliases, service.provider, service.ring),
                (again.name, again.aliases, again.provider, again.ring),
            ),
            "description, remit": (
                (service.description, service.remit),
                (again.description, again.remit),
            ),
            "open, successor": (
                (service.open_on(TODAY), None if service.open_on(TODAY) else service.replaced_by),
                (again.open_on(TODAY), again.replaced_by),
            ),
            "contact": (
                service.contact.model_dump(exclude={"through"}),
                again.contact.model_dump(exclude={"through"}),
            ),
            "languages, last_reviewed": (
                (service.languages, service.last_reviewed),
                (again.languages, again.last_reviewed),
            ),
            "routes": (
                [(r.kind, r.how, r.info_needed) for r in service.routes],
                [(r.kind, r.how, r.info_needed) for r in again.routes],
            ),
            "areas, concerns": (
                (_areas(service), _concerns(service, original)),
                (_areas(again), _concerns(again, back)),
            ),
            "not_for": (
                [(b.who, b.instead, b.instead_text) for b in service.not_for],
                [(b.who, b.instead, b.instead_text) for b in again.not_for],
            ),
        }
        for what, (before, after) in pairs.items():
            assert before == after, f"{service.id}: {what}"


def test_the_round_trip_exports_the_same_feed(round_trip: tuple[Directory, Directory]) -> None:
    original, back = round_trip
    first, second = Feed(original, TODAY), Feed(back, TODAY)
    for service in original.services:
        again = back.service(service.id)
        assert again is not None
        before, after = first.service(service), second.service(again)
        assert {k: before.get(k) for k in MAPPED} == {k: after.get(k) for k in MAPPED}
        for nested in ("service_areas", "languages", "phones", "schedules"):
            assert before.get(nested) == after.get(nested), f"{service.id}: {nested}"
        ours = ("route:", "concern:", "ring:", "stage:")
        assert {c for c in _terms(before) if c.startswith(ours)} == {
            c for c in _terms(after) if c.startswith(ours)
        }, service.id


def test_areas_and_concerns_come_back_with_their_names_and_codes(
    round_trip: tuple[Directory, Directory],
) -> None:
    original, back = round_trip
    for area in back.areas:
        before = original.area(area.id)
        assert before is not None and (area.name, area.code) == (before.name, before.code)
    assert back.area("bradford-district") is not None
    assert [(c.id, c.label) for c in back.concerns] == [
        (c.id, c.label) for c in original.concerns if c.id in {x.id for x in back.concerns}
    ]


def test_eligibility_prose_becomes_a_comment_and_the_routes_unconfirmed(tmp_path: Path) -> None:
    made = draft(exported(shipped()), TODAY)
    assert "# The feed's eligibility, to turn into each route's criteria:" in made.text
    service = loaded(made, tmp_path).service("little-minds-matter")
    assert service is not None and "routes" in service.unconfirmed
    assert any(g.service == "little-minds-matter" and g.field == "routes" for g in made.gaps)


def test_the_example_feed_gives_a_draft_that_loads_and_says_what_is_missing(
    tmp_path: Path,
) -> None:
    made = draft(read([str(FOLDER / "examples")]), TODAY)
    directory = loaded(made, tmp_path)
    service = directory.service("community-counselling")
    assert service is not None
    assert service.provider == "Example Organization Inc."
    assert service.contact.email == "email@example.com"
    assert service.route("signposting") is not None
    assert str(service.routes[0].eligibility.age_months) == "144–1200 months"
    assert {"ring", "routes", "age_months"} <= set(service.unconfirmed)
    fields = {g.field for g in made.gaps if g.service == "community-counselling"}
    assert {"ring", "routes", "remit"} <= fields
    assert any("taxonomy_term.json" in where for where in made.skipped)


def test_a_source_that_is_not_a_feed_is_a_feed_error(tmp_path: Path) -> None:
    broken = tmp_path / "page.json"
    broken.write_text("{not json")
    with pytest.raises(FeedError, match="cannot be read as JSON"):
        read([str(broken)])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FeedError, match=r"no \.json files"):
        read([str(empty)])


def test_a_feed_url_is_read_page_by_page_then_service_by_service() -> None:
    directory = shipped()
    feed = Feed(directory, TODAY)
    asked: list[str] = []

    def fetch(url: str) -> Any:
        asked.append(url)
        if "/services?" in url:
            number = int(url.split("page=")[1].split("&")[0])
            items = directory.services[(number - 1) * 100 : number * 100]
            last = number * 100 >= len(directory.services)
            return {"contents": [feed.service(s, full=False) for s in items], "last_page": last}
        service = feed.service_by_uuid(url.rsplit("/", 1)[1])
        assert service is not None
        return feed.service(service)

    harvest = read(["https://example.org/oruk/"], fetch)
    assert asked[0] == "https://example.org/oruk/services?page=1&per_page=100"
    assert len(harvest.services) == len(directory.services)
    assert all("attributes" in s for s in harvest.services.values())


def test_ids_are_made_from_names_when_the_feed_has_none() -> None:
    assert slug("Community Counselling (MyCity)") == "community-counselling-mycity"
    assert len(slug("word " * 40)) <= 48


def test_a_phone_extension_goes_in_the_note(tmp_path: Path) -> None:
    harvest = Harvest(sources=["test"])
    harvest.add(
        {
            "id": "ac148810-d857-441c-9679-408f346de14b",
            "name": "Counselling",
            "status": "active",
            "phones": [{"id": "x", "number": "01274 123456", "extension": 100}],
        },
        "test",
    )
    service = loaded(draft(harvest, TODAY), tmp_path).service("counselling")
    assert service is not None
    assert (service.contact.phone, service.contact.phone_note) == ("01274 123456", "Extension 100.")
