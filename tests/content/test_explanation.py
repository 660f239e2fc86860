"""A value of the wrong kind, explained once per place, in words, with a hint that mends it."""

from __future__ import annotations

from pathlib import Path

from navigator.checker import check
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.conftest import GOOD


def edited(tmp_path: Path, old: str, new: str) -> list[Finding]:
    text = (GOOD / "services.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "services.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return [f for f in check(load([tmp_path / "services.yaml"])) if f.code == "VAL-001"]


def test_a_list_without_brackets_is_one_finding_whose_hint_adds_them(tmp_path: Path) -> None:
    found = edited(tmp_path, "concerns: [bonding, low-mood]\n", "concerns: bonding, low-mood\n")
    assert len(found) == 1, "`all` or a list: one finding, not one per way of writing it"
    assert "is 'bonding, low-mood', but it should be `all` or a list" in found[0].message
    assert found[0].hint.startswith("Please either put it in brackets, [bonding, low-mood], or")


def test_text_that_lost_its_leading_0_is_quoted_with_it(tmp_path: Path) -> None:
    found = edited(tmp_path, "    code: E08000032\n", "    code: 0800032\n")
    assert len(found) == 1
    assert "is written 0800032 without quotes, so it is read as the number 800032" in (
        found[0].message
    )
    assert '"0800032"' in found[0].hint


def test_a_block_where_text_is_needed_says_so_in_words(tmp_path: Path) -> None:
    found = edited(tmp_path, "    provider: Example NHS Trust\n", "    provider:\n      a: b\n")
    assert len(found) == 1
    assert found[0].message.endswith("provider is a block of keys (a:), but it should be text.")


def test_a_word_where_routes_are_needed_names_the_keys_a_route_takes(tmp_path: Path) -> None:
    found = edited(
        tmp_path,
        "    routes:\n      - kind: consultation\n",
        "    routes:\n      - consultation\n      - kind: consultation\n",
    )
    assert len(found) == 1
    assert "(kind:, eligibility:, how:)" in found[0].message
