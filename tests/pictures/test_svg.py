"""The SVG helpers: every text and attribute escaped, lines wrapped to fit."""

from __future__ import annotations

from navigator.pictures.svg import element, root, serialise, wrap
from tests.pictures.conftest import SVG, assert_safe, parse


def test_text_and_attributes_are_escaped() -> None:
    svg = root(100, 50, 'A <b>title</b> & "more"', "desc <script>", "x")
    element("text", svg, "<script>alert(1)</script> & co", data_name='"><script>')
    text = serialise(svg)
    assert "<script>" not in text
    back = parse(text)
    node = back.find(f"{SVG}text")
    assert node is not None
    assert node.text == "<script>alert(1)</script> & co"
    assert node.get("data-name") == '"><script>'
    assert_safe(back)


def test_attribute_names_and_numbers() -> None:
    node = element("rect", None, None, stroke_width=1.5, class_="a", x=2.0, fill=None)
    assert node.attrib == {"stroke-width": "1.5", "class": "a", "x": "2"}


def test_wrap_fits_lines_and_cuts_with_an_ellipsis() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve"
    lines = wrap(text, 80, 10, 2)  # 14 characters a line
    assert len(lines) == 2
    assert all(len(line) <= 14 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap("short", 200) == ["short"]
    assert wrap("", 200) == []
