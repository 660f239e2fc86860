"""CONTACT-001: UK phone numbers (read by `phonenumbers`), email addresses and https websites."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.checker import check
from navigator.checker.contact import (
    email_problem,
    phone_check,
    phone_problem,
    website_problem,
)
from navigator.content.loader import load


@pytest.mark.parametrize(
    "phone",
    [
        "999",
        "111",
        "119",
        "116 123",
        "116123",
        "01274 123456",
        "0800 123 4567",
        "0113 123 4567",
        "0300 123 4567",
        "07123 456789",
        "+44 1274 123456",
    ],
)
def test_phone_numbers_as_dialled_are_fine(phone: str) -> None:
    assert phone_problem(phone) == ""


@pytest.mark.parametrize(
    "phone",
    [
        "01274 1234",
        "1274 123456",
        "01274-123456",
        "01274 123456 (option 2)",
        "+44 01274 123456",
        "+1 212 555 0100",
        "call the team",
        "1234",
    ],
)
def test_malformed_phone_numbers_are_found(phone: str) -> None:
    assert phone_problem(phone)


@pytest.mark.parametrize(
    ("phone", "problem"),
    [
        ("01274 12345", "10 digits, one digit too few"),
        ("01274 1234567", "12 digits, one digit too many"),
        ("0113 123 456", "10 digits, one digit too few"),
        ("0909 123 4567", "premium-rate"),
        ("0871 123 4567", "premium-rate"),
        ("0844 123 4567", "premium-rate"),
        ("070 1234 5678", "personal (070) number"),
        ("07700 900123", "not a number that can be in use"),
    ],
)
def test_a_wrong_length_or_kind_of_number_is_named(phone: str, problem: str) -> None:
    found = phone_check(phone)
    assert found is not None and problem in found.what
    assert phone.replace(" ", "") not in found.fix.replace(" ", ""), "the fix keeps the number"


def test_a_number_with_words_in_it_is_split_into_the_number_and_a_note() -> None:
    found = phone_check("01274 123456 (option 2)")
    assert found is not None
    assert (
        found.fix == 'write only the number, "01274 123456", and put "(option 2)" in `phone_note`'
    )
    punctuated = phone_check("(01274) 123-456")
    assert punctuated is not None and '"01274 123456"' in punctuated.fix


def _phone_finding(tmp_path: Path, written: str) -> tuple[str, str]:
    services = tmp_path / "services.yaml"
    services.write_text(
        "version: 2026.11.1\nareas: []\nconcerns: []\nneed_levels: []\nservices:\n"
        "  - id: hv\n    name: Health Visiting\n    provider: NHS\n    ring: universal\n"
        "    description: Health visitors.\n    remit: Babies.\n"
        "    routes:\n      - kind: self_referral\n        eligibility: {audience: [family]}\n"
        "        how: Ring the team.\n"
        f"    contact:\n      phone: {written}\n"
        "    last_reviewed: 2026-01-01\n    review_by: 2099-01-01\n",
        encoding="utf-8",
    )
    findings = [f for f in check(load([services])) if f.code == "CONTACT-001"]
    assert len(findings) == 1, findings
    assert (findings[0].line, findings[0].col) == (17, 14)
    return findings[0].message, findings[0].hint


def test_a_number_that_lost_its_leading_0_is_quoted_with_the_0(tmp_path: Path) -> None:
    message, hint = _phone_finding(tmp_path, "01274123456")
    assert "read as the number 1274123456 and loses its leading 0" in message
    assert hint.startswith(
        'Please either put it in quotes with its leading 0, as it is dialled: "01274 123456"'
    )


def test_a_wrong_number_that_lost_its_0_is_not_suggested_in_quotes(tmp_path: Path) -> None:
    message, hint = _phone_finding(tmp_path, "0127412345")
    assert "loses its leading 0" in message and "one digit too few" in message
    assert "quotes" not in hint and "0127412345" not in hint and "1274" not in hint


def test_a_short_number_without_quotes_is_quoted(tmp_path: Path) -> None:
    message, hint = _phone_finding(tmp_path, "999")
    assert "written 999 without quotes" in message
    assert '"999"' in hint


def test_a_number_without_its_0_is_not_suggested_in_quotes(tmp_path: Path) -> None:
    message, hint = _phone_finding(tmp_path, "1274123456")
    assert "starts with 0" in message
    assert '"1274123456"' not in hint


@pytest.mark.parametrize("email", ["team@example.org", "first.last+hv@nhs.net"])
def test_email_addresses(email: str) -> None:
    assert email_problem(email) == ""
    assert email_problem(email.replace("@", " at "))


@pytest.mark.parametrize(
    ("website", "ok"),
    [
        ("https://www.bradford.gov.uk/", True),
        ("https://example.org/a page", False),
        ("http://example.org", False),
        ("www.example.org", False),
        ("https://localhost", False),
    ],
)
def test_websites_must_be_https(website: str, ok: bool) -> None:
    assert (website_problem(website) == "") is ok
