"""Every finding speaks a commissioner's words: no Python type names or validation-library
jargon in a message or a hint, whatever is malformed, and every hint says "Please …".

Run over every broken fragment, a list of malformed edits of the example content, and a sweep
that writes each key of the example content with a value of the wrong kind."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from navigator.checker import check
from navigator.content import yaml_file
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.checker.test_broken import LIMITS, fragments
from tests.conftest import GOOD

PYTHON = re.compile(
    r"Commented\w+|Scalar(?:Int|Float|String|Boolean)|NoneType|<class|"
    r"'(?:dict|list|str|int|float|bool|tuple|set)'|\b(?:dict|str|int|bool|tuple)\b|"
    r"\b(?:list|dict|set|tuple|literal)\[|Input should|Value error|Assertion failed|"
    r"Field required|Extra inputs|instance of|valid (?:string|integer|list|dictionary|date)|"
    r"pydantic|ruamel|\w+Error\b|Traceback"
)
"""Words that are Python's or pydantic's, not a commissioner's."""

FROM_THE_READER = ("FILE-", "YAML-", "KEY-", "VAL-", "CONTACT-")
"""Codes whose hints were Python's or the parser's before: each must offer two ways out."""

SERVICES = GOOD / "services.yaml"
PATHWAY = GOOD / "pathways" / "early-years.yaml"
TODAY = date(2026, 11, 1)


def assert_in_words(findings: list[Finding]) -> None:
    assert findings
    for found in findings:
        for text in (found.message, found.hint):
            leak = PYTHON.search(text)
            assert leak is None, f"{leak.group(0)!r} in: {found}"
        assert found.hint.startswith(("Please", "Did you mean")), found
        if found.code.startswith(FROM_THE_READER):
            assert "Please either " in found.hint and " or" in found.hint, found


@pytest.mark.parametrize("fragment", fragments(), ids=lambda p: p.stem)
def test_broken_fragments_are_reported_in_words(
    fragment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fragment.stem in LIMITS:
        monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", LIMITS[fragment.stem])
    assert_in_words(check(load([fragment]), TODAY))


EDITS: dict[str, tuple[Path, str, str]] = {
    "list without brackets": (
        SERVICES,
        "          concerns: [bonding, low-mood]\n",
        "          concerns: bonding, low-mood\n",
    ),
    "one word for a list": (
        SERVICES,
        "          audience: [practitioner]\n          age_months: {from: 0, to: 24}\n"
        "          concerns: [bonding, low-mood]",
        "          audience: practitioner\n          age_months: {from: 0, to: 24}\n"
        "          concerns: [bonding, low-mood]",
    ),
    "missing colon": (
        SERVICES,
        "    provider: Example NHS Trust\n",
        "    provider Example NHS Trust\n",
    ),
    "phone without quotes": (SERVICES, "      phone: 01274 000000\n", "      phone: 01274000000\n"),
    "phone without its 0": (SERVICES, "      phone: 01274 000000\n", "      phone: 1274000000\n"),
    "text as a list": (
        SERVICES,
        "    name: Infant Mental Health Service\n",
        "    name: [Infant, Mental]\n",
    ),
    "text as keys": (
        SERVICES,
        "    name: Infant Mental Health Service\n",
        "    name:\n      x: y\n",
    ),
    "empty text": (SERVICES, "    name: Infant Mental Health Service\n", "    name:\n"),
    "routes as keys": (
        SERVICES,
        "    routes:\n      - kind: consultation\n        eligibility:\n",
        "    routes:\n      kind: consultation\n      eligibility:\n",
    ),
    "route as a word": (
        SERVICES,
        "    routes:\n      - kind: consultation\n",
        "    routes:\n      - consultation\n      - kind: consultation\n",
    ),
    "yes for a ring": (SERVICES, "    ring: core\n", "    ring: yes\n"),
    "number in words": (
        SERVICES,
        "age_months: {from: 0, to: 24}\n          concerns: [bonding, low-mood]",
        "age_months: {from: zero, to: 24}\n          concerns: [bonding, low-mood]",
    ),
    "date in words": (
        SERVICES,
        "    last_reviewed: 2026-06-01\n",
        "    last_reviewed: 1 June 2026\n",
    ),
    "date as a number": (SERVICES, "    review_by: 2027-06-01\n", "    review_by: 20270601\n"),
    "tab": (SERVICES, "    ring: core\n", "\tring: core\n"),
    "key twice": (SERVICES, "    ring: core\n", "    ring: core\n    ring: core\n"),
    "two operators": (
        PATHWAY,
        "      - when: {equals: {stage: postnatal}}\n",
        "      - when: {equals: {stage: postnatal}, answered: stage}\n",
    ),
    "condition as a word": (
        PATHWAY,
        "      - when: {equals: {stage: postnatal}}\n",
        "      - when: postnatal\n",
    ),
    "next as a word": (PATHWAY, "    next:\n      - goto: stage\n", "    next: stage\n"),
    "choices as words": (
        PATHWAY,
        "      - {id: pregnancy, label: Not yet (pregnancy)}\n"
        "      - {id: postnatal, label: Yes}\n",
        "      - pregnancy\n      - postnatal\n",
    ),
    "priority in words": (PATHWAY, "    priority: 1\n", "    priority: first\n"),
    "urgent maybe": (PATHWAY, "    urgent: true\n", "    urgent: maybe\n"),
    "offer as one word": (
        PATHWAY,
        "    offer: [self_referral, signposting]\n",
        "    offer: self_referral, signposting\n",
    ),
    "audiences as a list of lists": (
        PATHWAY,
        "audiences: [practitioner, family]\n",
        "audiences: [[practitioner], family]\n",
    ),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_malformed_edits_are_reported_in_words(tmp_path: Path, edit: str) -> None:
    file, old, new = EDITS[edit]
    text = file.read_text(encoding="utf-8")
    assert old in text, f"the example content changed: {old!r}"
    (tmp_path / "pathways").mkdir()
    for original in (SERVICES, PATHWAY):
        target = tmp_path / original.relative_to(GOOD)
        written = original.read_text(encoding="utf-8")
        target.write_text(written.replace(old, new, 1) if original == file else written)
    assert_in_words(check(load([tmp_path / "services.yaml", tmp_path / "pathways"]), TODAY))


WRONG = ("[a, b]", "{x: y}", "", "0123", "low-mood, anxiety")
"""A value of each wrong kind: a list, keys, nothing, a number with a leading 0, bare commas."""
LINE = re.compile(r"^(\s*(?:- )?)([a-z_]+): (\S.*)$")


def sweep() -> list[tuple[Path, int, str]]:
    """The first line of each key of the example content, with each wrong value."""
    seen: set[tuple[Path, str]] = set()
    cases = []
    for file in (SERVICES, PATHWAY):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines()):
            found = LINE.match(line)
            if found and (file, found.group(2)) not in seen:
                seen.add((file, found.group(2)))
                cases += [(file, number, wrong) for wrong in WRONG]
    return cases


def test_every_key_with_a_wrong_value_is_reported_in_words(tmp_path: Path) -> None:
    cases = sweep()
    assert len(cases) > 250
    for file, number, wrong in cases:
        lines = file.read_text(encoding="utf-8").splitlines()
        found = LINE.match(lines[number])
        assert found is not None
        lines[number] = f"{found.group(1)}{found.group(2)}: {wrong}"
        target = tmp_path / file.name
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        findings = load([target]).findings
        if findings:  # some wrong values are right for some keys (a list of two ids)
            assert_in_words(findings)
