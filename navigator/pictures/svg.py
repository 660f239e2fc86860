"""A few helpers to build SVG with `xml.etree`, which escapes every text and attribute: no
picture writes markup by hand. Colours are presentation attributes, never `style` (the site's
Content Security Policy allows no inline style), and there is never a script."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

NAMESPACE = "http://www.w3.org/2000/svg"
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
CHAR_WIDTH = 0.56
"""The average width of a character, as a fraction of the font size (for wrapping and boxes)."""

Attribute = str | int | float


def element(
    tag: str,
    parent: ET.Element | None = None,
    text: str | None = None,
    /,
    **attributes: Attribute | None,
) -> ET.Element:
    """An SVG element; `font_size=12` is written `font-size="12"`, `class_` is `class`, a
    None attribute is left out."""
    attrs = {_name(k): _value(v) for k, v in attributes.items() if v is not None}
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def _value(value: Attribute) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return str(value)


def root(width: float, height: float, title: str, description: str, id: str) -> ET.Element:
    """The `<svg>` of a picture: an image named by its `<title>` and described by its `<desc>`,
    scaled to its container."""
    svg = element(
        "svg",
        xmlns=NAMESPACE,
        viewBox=f"0 0 {_value(float(width))} {_value(float(height))}",
        width=_value(float(width)),
        role="img",
        aria_labelledby=f"{id}-title {id}-desc",
        class_="app-picture__svg",
        font_family=FONT,
        font_size=13,
        id=id,
    )
    element("title", svg, title, id=f"{id}-title")
    element("desc", svg, description, id=f"{id}-desc")
    return svg


def text_lines(
    parent: ET.Element,
    x: float,
    y: float,
    lines: Iterable[str],
    size: float = 13,
    line_height: float | None = None,
    **attributes: Attribute | None,
) -> ET.Element:
    """A `<text>` of several lines (one `<tspan>` each), the first baseline at `y`."""
    step = line_height or size * 1.25
    node = element("text", parent, x=x, y=y, font_size=size, **attributes)
    for number, line in enumerate(lines):
        element("tspan", node, line, x=x, dy=0 if number == 0 else step)
    return node


def wrap(text: str, width: float, size: float = 13, max_lines: int = 3) -> list[str]:
    """`text` in lines that fit `width` pixels at font `size` (by the average character width),
    at most `max_lines`; a cut text ends with '…'."""
    per_line = max(4, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        if len(word) > per_line:
            word = word[: per_line - 1] + "…"
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    kept[-1] = (last if len(last) < per_line else last[: per_line - 1].rstrip()) + "…"
    return kept


def serialise(svg: ET.Element) -> str:
    """The SVG as text, every text and attribute escaped."""
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
