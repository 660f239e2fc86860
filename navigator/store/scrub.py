"""Taking personal data out of free text before it is stored: the "Did this help?" text is the
one free text the navigator keeps (docs/decisions/records.md).

`scrub(text)` replaces, each with a marker in square brackets that says what was there:

- email addresses and web links;
- NHS numbers (ten digits, as 3-3-4 or run together) and dates (`12/03/2024`, `12 March`,
  `March 12th 2024`, `12.3.24`);
- phone numbers: what `phonenumbers` finds for the UK, then any run of six or more digits
  (with spaces, dots, dashes or brackets between them) that is left;
- postcodes: full (`BD3 8AA`, `bd38aa`), sectors (`BD3 8`) and districts (`BD3`), by the Royal
  Mail's rules for which letters stand where, in any case;
- names after a title (`Mr`, `Mrs`, `Ms`, `Miss`, `Mx`, `Dr`, `Prof`, `Sister`, `Nurse`, …),
  after a relation (`my son Adam`, `health visitor Jane`) or after `called` / `named`.

It errs towards removing: a word that only looks like a postcode district (`B12`, `M62`) goes
too. It cannot find a name written with no title, relation or `called` before it ("Sarah said");
the privacy page asks people not to write names."""

from __future__ import annotations

import re

import phonenumbers

__all__ = ["MARKERS", "scrub"]

MARKERS = {
    "email": "[email removed]",
    "link": "[link removed]",
    "nhs": "[NHS number removed]",
    "date": "[date removed]",
    "phone": "[phone number removed]",
    "postcode": "[postcode removed]",
    "name": "[name removed]",
}

_EMAIL = re.compile(r"[\w.+'-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.I)
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.I)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
_DATE = re.compile(
    r"\b(?:"
    r"[0-3]?\d[/.\-][01]?\d[/.\-](?:\d{4}|\d{2})"  # 12/03/2024, 12.3.24
    r"|\d{4}-[01]\d-[0-3]\d"  # 2024-03-12
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?"  # 12 March, 12th of March 2024
    rf"|{_MONTH}\.?\s+{_DAY}\b(?:,?\s+\d{{4}})?"  # March 12th, March 12, 2024
    rf"|{_MONTH}\.?\s+\d{{4}}"  # March 2024
    r")\b",
    re.I,
)
_NHS = re.compile(r"(?<![\d)])\d{3}[ \t-]?\d{3}[ \t-]?\d{4}(?!\d)")
_DIGITS = re.compile(r"(?<![\w\[])\+?\(?\d(?:[\s().\-]{0,2}\d){5,}(?!\w)")

_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_POSTCODE = re.compile(
    rf"\b{_OUTWARD}\s*[0-9][ABD-HJLNP-UW-Z]{{2}}\b"  # full
    rf"|\b{_OUTWARD}\s+[0-9]\b(?!\s*[,.]?\d)"  # sector
    rf"|\b{_OUTWARD}\b",  # district
    re.I,
)

_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD})*"
"""One or more capitalised words (or initials): `Patel`, `J. Smith`, `Mary O'Neil`."""
_PLAIN_TITLES = r"(?:mr|mrs|mx|dr|prof)"
"""Titles that are never ordinary words: the name after them may be in lower case."""
_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Sister|Nurse|Matron|Midwife|Sr|Rev"
    r"|Reverend|Father|Sir|Dame|Lady|Lord|Madam|Auntie|Aunty|Uncle|Nanna|Nana|Grandma)"
)
_RELATIONS = (
    r"(?:son|daughter|baby|babies|twins?|child|boy|girl|husband|wife|partner|boyfriend"
    r"|girlfriend|ex|mum|mam|mother|dad|father|sister|brother|nan|gran|grandma|grandad"
    r"|friend|neighbour|health\s+visitor|hv|midwife|nurse|gp|doctor|social\s+worker"
    r"|worker|key\s+worker|called|named|name\s+is|names\s+are)"
)
_TITLED = re.compile(
    rf"\b(?:{_TITLES}\.?[ \t]+{_NAME}|(?i:{_PLAIN_TITLES})\.?[ \t]+[A-Za-z][\w'’-]*"
    rf"(?:[ \t]+[A-Z][\w'’-]*)*)"
)
_RELATED = re.compile(rf"\b(?i:{_RELATIONS})[ \t,]+(?:(?i:is|was)[ \t]+)?(?P<name>{_NAME})")
_COMMON = (
    "I I'm I've I'd A An The And But Or So He She It We They You My Our Your His Her Their "
    "Is Was Has Had Who What When Where Why How This That These Those Then There Here "
    "Yes No Not Also Just Only Very Mum Dad Baby Nurse Doctor Sister Health Visitor GP "
    "NHS Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_NOT_NAMES = frozenset(_COMMON.split())
"""Capitalised words after a relation that are not a name ("my son And I")."""


def scrub(text: str) -> str:
    """`text` without the personal data listed above, each piece replaced by its marker."""
    text = _LINK.sub(MARKERS["link"], text)
    text = _EMAIL.sub(MARKERS["email"], text)
    text = _DATE.sub(MARKERS["date"], text)
    text = _NHS.sub(_nhs_number, text)
    text = _phones(text)
    text = _DIGITS.sub(MARKERS["phone"], text)
    text = _POSTCODE.sub(MARKERS["postcode"], text)
    text = _TITLED.sub(MARKERS["name"], text)
    return _RELATED.sub(_related_name, text)


def _phones(text: str) -> str:
    found = list(phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID))
    for match in reversed(found):
        text = text[: match.start] + MARKERS["phone"] + text[match.end :]
    return text


def _nhs_number(match: re.Match[str]) -> str:
    """An NHS number: written 3-3-4 as the NHS writes them, or ten digits whose check digit
    is right (modulus 11); anything else is left for the phone numbers' pass."""
    if len(match.group(0)) == 12:
        return MARKERS["nhs"]
    digits = [int(d) for d in match.group(0) if d.isdigit()]
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return MARKERS["nhs"] if check == digits[9] else match.group(0)


def _related_name(match: re.Match[str]) -> str:
    """`my son Adam` → `my son [name removed]`, keeping words that are not names."""
    words = match.group("name").split()
    kept: list[str] = []
    for word in words:
        if word.rstrip(".") in _NOT_NAMES:
            break
        kept.append(word)
    if not kept:
        return match.group(0)
    start = match.start("name") - match.start(0)
    name = " ".join(kept)
    rest = match.group("name")[len(name) :]
    return match.group(0)[:start] + MARKERS["name"] + rest
