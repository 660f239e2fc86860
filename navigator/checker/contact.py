"""CONTACT-001: phone numbers, email addresses and websites are written so that they work when
a practitioner or a parent taps them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from navigator.checker.scope import Scope, either
from navigator.content.directory import Contact
from navigator.content.finding import Finding, finding

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def phone_problem(text: str) -> str:
    """Why `text` is not a UK phone number as people dial it ('' when it is)."""
    if not re.fullmatch(r"\+?[0-9 ]+", text.strip()):
        return "it may hold only digits and spaces (and a leading + for +44)"
    digits = text.replace(" ", "")
    if digits.startswith("+"):
        if not digits.startswith("+44"):
            return "only UK numbers are listed; write +44 numbers as +44 then the number"
        rest = digits[3:]
        if rest.startswith("0"):
            return "after +44 the leading 0 of the number is dropped"
        return "" if 9 <= len(rest) <= 10 else "after +44 a UK number has 9 or 10 digits"
    if len(digits) == 3 or (len(digits) == 6 and digits.startswith("116")):
        return ""  # 999, 111, 119; 116 123 and the other 116 helplines
    if not digits.startswith("0"):
        return "a UK number starts with 0 (or is a short number such as 999 or 111)"
    return "" if len(digits) in (10, 11) else "a UK number has 10 or 11 digits, starting with 0"


def email_problem(text: str) -> str:
    return "" if EMAIL.match(text.strip()) else "it is not an email address (name@example.org)"


def website_problem(text: str) -> str:
    parts = urlsplit(text.strip())
    if " " in text.strip():
        return "it has a space in it"
    if parts.scheme != "https":
        return "a website must start with https://"
    if "." not in parts.netloc:
        return "it has no proper host name after https://"
    return ""


CHECKS = {"phone": phone_problem, "email": email_problem, "website": website_problem}
FIXES = {
    "phone": "write the number as it is dialled, for example 01274 123456, and put options "
    "or extensions in `phone_note`",
    "email": "correct the address",
    "website": "write the full address starting with https://",
}


def check_contacts(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    if scope.directory is None:
        return found
    for service in scope.directory.services:
        found += _contact(service.contact, f"service '{service.id}'")
        for route in service.routes:
            if route.contact is not None:
                found += _contact(route.contact, f"the {route.kind.value} route of '{service.id}'")
    return found


def _contact(contact: Contact, owner: str) -> list[Finding]:
    found: list[Finding] = []
    for name, problem_of in CHECKS.items():
        value = getattr(contact, name)
        if value is None:
            continue
        problem = problem_of(value)
        if problem:
            found.append(
                finding(
                    "CONTACT-001",
                    contact.field_at(name),
                    f"the {name} of {owner} is '{value}': {problem}.",
                    either(FIXES[name], f"remove it and list '{name}' in `unconfirmed`"),
                )
            )
    return found
