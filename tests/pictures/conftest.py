"""Fixtures for the pictures: the shipped content (services.yaml and pathways/ at the root),
and helpers to read an SVG back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from navigator.content.loader import Bundle, load

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="session")
def shipped() -> Bundle:
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    assert bundle.directory is not None and bundle.pathways
    return bundle


def parse(svg: str) -> ET.Element:
    """The SVG read back as XML (it must be well formed)."""
    return ET.fromstring(svg)


def by_id(svg: ET.Element, id: str) -> ET.Element:
    found = next((e for e in svg.iter() if e.get("id") == id), None)
    assert found is not None, f"no element with id {id!r}"
    return found


def title_of(element: ET.Element) -> str:
    title = element.find(f"{SVG}title")
    assert title is not None and title.text is not None
    return title.text


def assert_safe(svg: ET.Element) -> None:
    """No script, no inline style, no event handler, no outside reference: what the site's
    Content Security Policy would block or a picture must never hold; named and described."""
    for element in svg.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag not in {"script", "style", "foreignObject", "image", "a"}, tag
        for name, value in element.attrib.items():
            assert name != "style" and not name.lower().startswith("on"), (tag, name)
            assert "javascript:" not in value and "http:" not in value.replace(
                "http://www.w3.org/2000/svg", ""
            )
    assert svg.get("role") == "img"
    labelled = (svg.get("aria-labelledby") or "").split()
    assert len(labelled) == 2
    title, desc = (by_id(svg, i) for i in labelled)
    assert title.tag == f"{SVG}title" and title.text
    assert desc.tag == f"{SVG}desc" and desc.text
