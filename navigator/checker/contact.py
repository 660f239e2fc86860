"""CONTACT-001: phone numbers, email addresses and websites are written so that they work when
a practitioner or a parent taps them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType, shortnumberinfo

from navigator.checker.scope import Scope, either
from navigator.content.directory import Contact
from navigator.content.finding import Finding, finding

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
REGION = "GB"
"""Numbers are read as dialled in the UK."""

UNWELCOME: dict[int, str] = {
    PhoneNumberType.PREMIUM_RATE: "a premium-rate or service-charge number (09, 084 or 087), "
    "which costs callers more than an ordinary call",
    PhoneNumberType.SHARED_COST: "a shared-cost number, which costs callers more than an "
    "ordinary call",
    PhoneNumberType.PERSONAL_NUMBER: "a personal (070) number, which costs callers a lot and "
    "can be forwarded anywhere",
    PhoneNumberType.PAGER: "a pager number",
    PhoneNumberType.VOICEMAIL: "a voicemail access number",
}
"""Kinds of number no family should be asked to ring for help."""

CHECK_WITH_SERVICE = "check the number with the service and write the whole of it as it is dialled"


@dataclass(frozen=True)
class Problem:
    """What is wrong with a contact detail, and the change that puts it right."""

    what: str
    fix: str


def phone_check(text: str) -> Problem | None:
    """What is wrong with `text` as a UK phone number as people dial it (None when nothing)."""
    written = text.strip()
    if not re.fullmatch(r"\+?[0-9 ]+", written):
        return _not_digits(written)
    digits = written.replace(" ", "")
    if digits.startswith("+"):
        if not digits.startswith("+44"):
            return Problem(
                "only UK numbers are listed, written as dialled in the UK", CHECK_WITH_SERVICE
            )
        if digits[3:].startswith("0"):
            return Problem(
                "after +44 the leading 0 of the number is dropped",
                f"write it as +44 {written[3:].strip()[1:].strip()}, or as dialled in the UK, "
                f"{written[3:].strip()}",
            )
    elif not digits.startswith("0"):
        if _short(digits):
            return None  # 999, 111, 119; 116 123 and the other 116 helplines
        return Problem(
            "a UK number starts with 0 (or is a short number such as 999 or 111)",
            CHECK_WITH_SERVICE,
        )
    number = phonenumbers.parse(digits, REGION)
    if not phonenumbers.is_valid_number(number):
        return Problem(_invalid(digits), CHECK_WITH_SERVICE)
    kind = phonenumbers.number_type(number)
    if kind in UNWELCOME:
        return Problem(
            f"it is {UNWELCOME[kind]}",
            "give the service's ordinary, 0300 or free number instead",
        )
    return None


def phone_problem(text: str) -> str:
    """Why `text` is not a UK phone number as people dial it ('' when it is)."""
    problem = phone_check(text)
    return problem.what if problem else ""


def dialled(text: str) -> str:
    """A valid UK number as it is written for dialling in the UK (01274 123456)."""
    number = phonenumbers.parse(text, REGION)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def _short(digits: str) -> bool:
    number = phonenumbers.parse(digits, REGION)
    return bool(shortnumberinfo.is_valid_short_number_for_region(number, REGION))


def _not_digits(written: str) -> Problem:
    what = "it may hold only digits and spaces (and a leading + for +44)"
    found = [m for m in phonenumbers.PhoneNumberMatcher(written, REGION) if _valid(m.number)]
    if len(found) != 1:
        return Problem(what, CHECK_WITH_SERVICE + ", and put options or extensions in `phone_note`")
    number = phonenumbers.format_number(found[0].number, PhoneNumberFormat.NATIONAL)
    number = re.sub(r" x\d+$", "", number)
    rest = written.replace(found[0].raw_string, " ").strip()
    if not rest:
        return Problem(what, f'write it with digits and spaces only, "{number}"')
    return Problem(what, f'write only the number, "{number}", and put "{rest}" in `phone_note`')


def _valid(number: PhoneNumber) -> bool:
    return bool(phonenumbers.is_valid_number(number))


def _invalid(digits: str) -> str:
    """Why a number starting with 0 or +44 is not one in use: its length, if that is it."""
    national = "0" + digits[3:] if digits.startswith("+44") else digits
    length = len(national)
    for more in (1, 2):
        if any(_valid(phonenumbers.parse(national + str(d) * more, REGION)) for d in range(10)):
            return (
                f"it has {length} digits, {_count(more)} too few for a UK number starting "
                f"{national[:5]}"
            )
    for fewer in (1, 2):
        if length - fewer > 0 and _valid(phonenumbers.parse(national[:-fewer], REGION)):
            return (
                f"it has {length} digits, {_count(fewer)} too many for a UK number starting "
                f"{national[:5]}"
            )
    return "it is not a number that can be in use in the UK (no number like it is given out)"


def _count(number: int) -> str:
    return "one digit" if number == 1 else "two digits"


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


FIXES = {
    "email": "correct the address",
    "website": "write the full address starting with https://",
}


def contact_check(name: str, value: str) -> Problem | None:
    """What is wrong with the contact detail `name` (phone, email, website), if anything."""
    if name == "phone":
        return phone_check(value)
    problem = email_problem(value) if name == "email" else website_problem(value)
    return Problem(problem, FIXES[name]) if problem else None


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
    if contact.phone_read_as is not None and contact.phone is not None:
        found.append(_phone_read_as_number(contact, contact.phone, contact.phone_read_as, owner))
    for name in ("phone", "email", "website"):
        value = getattr(contact, name)
        if value is None or (name == "phone" and contact.phone_read_as is not None):
            continue
        problem = contact_check(name, value)
        if problem:
            found.append(
                finding(
                    "CONTACT-001",
                    contact.field_at(name),
                    f"the {name} of {owner} is '{value}': {problem.what}.",
                    either(problem.fix, f"remove it and list '{name}' in `unconfirmed`"),
                )
            )
    return found


def _phone_read_as_number(contact: Contact, written: str, read_as: int, owner: str) -> Finding:
    """A phone number written without quotes: YAML read it as a number, dropping any leading 0.
    The hint quotes it only when the number as written is a good one."""
    lost = written.startswith("0")
    what = (
        f"the phone of {owner} is written {written} without quotes, so it is read as the number "
        f"{read_as}" + (" and loses its leading 0" if lost else "")
    )
    problem = phone_check(written)
    if problem is None:
        shown = written if not written.startswith("0") else dialled(written)
        with_zero = " with its leading 0" if lost else ""
        fix = f'put it in quotes{with_zero}, as it is dialled: "{shown}"'
    else:
        what += f"; and as written, {problem.what}"
        fix = problem.fix
    return finding(
        "CONTACT-001",
        contact.field_at("phone"),
        what + ".",
        either(fix, "remove it and list 'phone' in `unconfirmed`"),
    )
