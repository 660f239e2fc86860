"""CONTACT-002 (navigator/checker/reach.py): an active service nobody can reach is an error; a
way in on every route is as good as one on the service; `through` names a service."""

from __future__ import annotations

import textwrap
from pathlib import Path

from navigator.checker import check
from navigator.content.directory import Contact
from navigator.content.loader import load
from tests.checker.content import codes

SERVICE = """\
version: 2026.11.1
areas: []
concerns: []
need_levels: []
services:
  - id: hv
    name: Health Visiting
    provider: NHS
    ring: universal
    description: Health visitors see every family.
    remit: Babies.
    contact: {{phone: 01274 123456}}
    routes:
      - {{kind: self_referral, eligibility: {{audience: [family]}}, how: Ring.}}
    last_reviewed: 2026-01-01
    review_by: 2099-01-01
  - id: team
    name: Team
    provider: NHS
    ring: core
    description: A team.
    remit: Babies.
{fields}
    last_reviewed: 2026-01-01
    review_by: 2099-01-01
"""


def reach_codes(tmp_path: Path, fields: str) -> list[str]:
    path = tmp_path / "services.yaml"
    body = textwrap.indent(textwrap.dedent(fields).strip("\n"), "    ")
    path.write_text(SERVICE.format(fields=body), encoding="utf-8")
    return [c for c in codes(check(load([path]))) if c in ("CONTACT-002", "REF-001")]


ROUTES = """\
routes:
  - kind: referral
    eligibility: {audience: [practitioner]}
    how: Refer.
    contact: {email: team@example.org}
  - kind: self_referral
    eligibility: {audience: [family]}
    how: Ask.
    contact: {through: [hv]}
"""


def test_a_way_in_on_every_route_reaches_the_service(tmp_path: Path) -> None:
    assert reach_codes(tmp_path, ROUTES) == []


def test_one_route_without_a_way_in_leaves_the_service_unreached(tmp_path: Path) -> None:
    fields = ROUTES.replace("contact: {through: [hv]}", "contact: {hours: Mornings}")
    assert reach_codes(tmp_path, fields) == ["CONTACT-002"]


def test_a_service_with_no_routes_needs_its_own_way_in(tmp_path: Path) -> None:
    assert reach_codes(tmp_path, "status: active") == ["CONTACT-002"]
    assert reach_codes(tmp_path, "contact: {website: https://example.org}") == []


def test_a_through_door_names_a_service(tmp_path: Path) -> None:
    fields = ROUTES.replace("[hv]", "[health-visitors]")
    assert reach_codes(tmp_path, fields) == ["REF-001"]


def test_the_ways_in_are_the_phone_email_website_and_through() -> None:
    assert Contact().ways_in == []
    assert Contact(hours="9 to 5", address="1 Road").ways_in == []
    assert Contact(phone="999", through=["gp"]).ways_in == ["phone", "through"]
    assert Contact(email="a@example.org", website="https://example.org").ways_in == [
        "email",
        "website",
    ]
