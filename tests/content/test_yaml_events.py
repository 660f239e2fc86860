"""The fast reader (libyaml's events) gives the same data, of the same types, and the same
positions of every key and value as ruamel.yaml's round-trip load; anything else it leaves to
ruamel.yaml, which reports it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from navigator.content.yaml_events import read_events
from navigator.content.yaml_file import MAX_DEPTH, Unreadable, read_careful, read_yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = sorted(
    p
    for pattern in ("*.yaml", "*.yml")
    for p in ROOT.glob(f"**/{pattern}")
    if ".venv" not in p.parts and "node_modules" not in p.parts
)

WELL_FORMED = {
    "styles": (
        "---\na: 1\nc: [x, {y: 2}, 'q']\nd: >\n  folded\n\n  para\n   more\ne: |-\n  lit\n\n\n"
        "f:\n- - 1\n  - 2\n- k: v\n  l: 1.5e3\ng: plain\n  continued\n  line\nh: 2026-01-01\n"
        "i: 2026-01-01 10:00:00\nj: 0o17\nk: 017\nl: 1_0\nm: .inf\nn: -.5\no: yes\np: No\n"
        "s: ''\nt: 'it''s'\nu: \"\\u00e9 \\n\"\nv: café – “x”\n? w\n: 3\n...\n"
    ),
    "windows": "a: 1\r\nb:\r\n  - x\r\n  - y # c\r\nc: >\r\n  z\r\n  w\r\n",
    "flow": "x: 1\ny: [a,\n   b]\nz: {p: 1,\n  q: [2]}\n",
    "comments": (
        "a:\n  # comment\n  b: 1\nc:\n  - # c\n    d: 1\n  -   e: 2\n# top\nf:    value   \n"
        'g: []\nh: {}\ni:\n  text on next line\nj: "two\n  lines"\n'
    ),
    "keys": '"quoted key": 1\n? complex\n: v\n-1: neg\n1.5: f\ntrue: t\n2020-01-01: d\n',
    "lists": "- 1\n- a: b\n  c: d\n- - x\n",
}

LEFT_TO_RUAMEL = {
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "empty value": "a:\n  b:\n\nc: d\n",
    "empty in flow": "a: {b: 1, c: }\n",
    "duplicate key": "a: 1\na: 2\n",
    "tag": "a: !!str 1\n",
    "tab": "a:\t1\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "merge key": "a: 1\n<<: {b: 2}\n",
    "control character": "a: b\x07\n",
    "syntax error": "a: b: c\n",
    "empty file": "",
}


def _strict(a: Any, b: Any) -> bool:
    """Equal, and of the same type (text may be a ruamel.yaml subclass of str)."""
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and list(a) == list(b)
            and all(type(x) is type(y) for x, y in zip(a, b, strict=True))
            and all(_strict(a[k], b[k]) for k in a)
        )
    if isinstance(a, list):
        return (
            isinstance(b, list)
            and len(a) == len(b)
            and all(_strict(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, str):
        return isinstance(b, str) and a == b
    return type(a) is type(b) and bool(a == b)


def _compare(text: str, shown: str) -> None:
    fast = read_events(text, shown, MAX_DEPTH)
    assert fast is not None, shown
    data, source = read_careful(text, shown)
    assert _strict(fast[0], data), shown
    assert fast[1]._keys == source._keys, shown
    assert fast[1]._values == source._values, shown


def test_every_content_file_and_fixture_reads_the_same() -> None:
    fast = 0
    for path in CONTENT:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            read_careful(text, str(path))
        except Unreadable:
            assert read_events(text, str(path), MAX_DEPTH) is None, path
            continue
        if read_events(text, str(path), MAX_DEPTH) is not None:
            _compare(text, str(path))
            fast += 1
    assert fast >= 40  # the shipped content and the fixtures that are well formed


@pytest.mark.parametrize("name", sorted(WELL_FORMED))
def test_well_formed_yaml_reads_the_same(name: str) -> None:
    _compare(WELL_FORMED[name], f"{name}.yaml")


@pytest.mark.parametrize("name", sorted(LEFT_TO_RUAMEL))
def test_anything_unusual_is_left_to_ruamel(name: str) -> None:
    assert read_events(LEFT_TO_RUAMEL[name], "x.yaml", MAX_DEPTH) is None


def test_too_deep_is_left_to_ruamel() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert read_events(deep, "deep.yaml", MAX_DEPTH) is None


def test_an_anchor_is_still_refused_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "anchored.yaml"
    path.write_text("services:\n  - id: a\n    name: &n A\n  - id: b\n    name: *n\n")
    with pytest.raises(Unreadable) as refused:
        read_yaml(path)
    assert refused.value.finding.code == "YAML-002"
    assert (refused.value.finding.line, refused.value.finding.col) == (3, 11)
