"""The pictures' colours (the GOV.UK palette) and the patterns that say what colour says, so
nothing is told by colour alone. Every colour that carries meaning has a contrast of at least
3:1 against white (WCAG 1.4.11), and text at least 4.5:1 against what it sits on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from navigator.pictures.svg import element

TEXT = "#0b0c0c"
SECONDARY = "#505a5f"
"""Secondary text, edges and grid lines: 7:1 against white."""
RED = "#d4351c"
"""Red flags and urgent dispositions: 4.5:1 against white (white text on it too)."""
GREEN = "#00703c"
"""The routine result: 5.9:1 against white."""
BLUE = "#1d70b8"
DARK_BLUE = "#003078"
PURPLE = "#4c2c92"
WHITE = "#ffffff"
LIGHT_GREY = "#f3f2f1"
LIGHT_BLUE = "#d2e2f1"
MID_BLUE = "#8eb8dc"
BORDER = "#6f777b"
"""Outlines: 4.6:1 against white."""


def arrow(defs: ET.Element, id: str, colour: str = TEXT) -> str:
    """An arrowhead marker; the url to put in `marker-end`."""
    marker = element(
        "marker",
        defs,
        id=id,
        viewBox="0 0 10 10",
        refX=9,
        refY=5,
        markerWidth=7,
        markerHeight=7,
        orient="auto-start-reverse",
    )
    element("path", marker, d="M0,0 L10,5 L0,10 z", fill=colour)
    return f"url(#{id})"


def hatch(defs: ET.Element, id: str, colour: str = RED) -> str:
    """Diagonal stripes (the mark of a gap); the url to put in `fill`."""
    pattern = element(
        "pattern",
        defs,
        id=id,
        width=8,
        height=8,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    element("rect", pattern, width=8, height=8, fill=WHITE)
    element("line", pattern, x1=0, y1=0, x2=0, y2=8, stroke=colour, stroke_width=3)
    return f"url(#{id})"


def dots(defs: ET.Element, id: str, colour: str = PURPLE) -> str:
    """Dots (the mark of an overlap); the url to put in `fill`."""
    pattern = element("pattern", defs, id=id, width=7, height=7, patternUnits="userSpaceOnUse")
    element("rect", pattern, width=7, height=7, fill=WHITE)
    element("circle", pattern, cx=3.5, cy=3.5, r=1.8, fill=colour)
    return f"url(#{id})"
