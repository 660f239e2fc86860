"""CONTACT-001: UK phone numbers, email addresses and https websites."""

from __future__ import annotations

import pytest

from navigator.checker.contact import email_problem, phone_problem, website_problem


@pytest.mark.parametrize(
    "phone",
    ["999", "111", "01274 123456", "0800 123 4567", "0113 123 4567", "+44 1274 123456", "116 123"],
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
    ],
)
def test_malformed_phone_numbers_are_found(phone: str) -> None:
    assert phone_problem(phone)


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
