"""The coverage heatmap: every cell's numbers, gaps and overlaps equal those of `navigator
coverage --json`, for every area; gaps and overlaps are marked by a pattern and a word."""

from __future__ import annotations

import json
from typing import Any

import pytest

from navigator.checker.coverage_map import ROUTINE, CoverageMap
from navigator.cli import main
from navigator.content.loader import Bundle, load
from navigator.pictures.heatmap import UnknownValue, cell_words, heatmap, heatmap_picture
from tests.conftest import FIXTURES
from tests.pictures.conftest import ROOT, SVG, assert_safe, by_id, parse, title_of

COVERAGE = FIXTURES / "coverage"


def coverage_json(capsys: pytest.CaptureFixture[str], *paths: str) -> dict[str, Any]:
    assert main(["coverage", *paths, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def compare(mapped: CoverageMap, data: dict[str, Any], places: list[str] | None = None) -> int:
    """Check every heatmap cell of every place (for each audience, need and facts) against the
    JSON; the number of cells compared."""
    [pathway] = data["pathways"]
    gaps = {
        (c["audience"], c["period"], gap["concern"], gap["need"], c["facts"], c["place"])
        for gap in pathway["gaps"]
        for c in gap["cells"]
    }
    catch_alls = set(pathway["catch_alls"])
    by_key = {
        (c["audience"], c["period"], c["concern"], c["need"], c["facts"], c["place"]): c
        for c in pathway["cells"]
    }
    values = {d["name"]: [v["id"] for v in d["values"]] for d in pathway["dimensions"]}
    compared = 0
    for place in places or values["place"]:
        for audience in values["audience"]:
            for need in values["need"]:
                for facts in values["facts"]:
                    cells = heatmap(mapped, place, audience, need, facts)
                    assert len(cells.cells) == len(values["period"]) * len(values["concern"])
                    for (period, concern), cell in cells.cells.items():
                        key = (audience, period, concern, need, facts, place)
                        expected = by_key[key]
                        for kind in ROUTINE:
                            fits = expected["fits"].get(kind.value, [])
                            assert cell.counts[kind.value] == len(fits), (key, kind)
                            assert cell.services[kind.value] == fits
                        assert cell.status == expected["status"]
                        assert cell.gap == (key in gaps), key
                        options = expected["referral_options"]
                        assert cell.overlap == (len(options) > data["max_referrals"]), key
                        assert list(cell.referral_options) == options
                        specific = {
                            s
                            for kind in ("consultation", "referral", "self_referral")
                            for s in expected["fits"].get(kind, [])
                            if f"{s}/{kind}" not in catch_alls
                        }
                        assert set(cell.specific) == specific, key
                        compared += 1
    return compared


def test_every_cell_equals_the_coverage_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = coverage_json(capsys, str(COVERAGE / "services.yaml"), str(COVERAGE / "pathways"))
    bundle = load([COVERAGE / "services.yaml", COVERAGE / "pathways"])
    assert bundle.directory is not None
    mapped = CoverageMap(bundle.pathways[0][0], bundle.directory)
    assert compare(mapped, data) == data["pathways"][0]["counts"]["cells"]
    # The example has both, so both marks are tested.
    cells = [c for p in ("bradford",) for c in heatmap(mapped, p, need="complex").cells.values()]
    assert any(c.overlap for c in cells)


def test_the_shipped_content_equals_the_coverage_json(
    capsys: pytest.CaptureFixture[str], shipped: Bundle
) -> None:
    data = coverage_json(capsys, str(ROOT / "services.yaml"), str(ROOT / "pathways"))
    assert shipped.directory is not None
    mapped = CoverageMap(shipped.pathways[0][0], shipped.directory)
    places = ["better-start-bradford+nhs-bradford-craven", "bradford-district", "outside"]
    assert compare(mapped, data, places) > 1000


def test_the_picture_draws_every_cell_with_its_numbers_and_marks(shipped: Bundle) -> None:
    assert shipped.directory is not None
    mapped = CoverageMap(shipped.pathways[0][0], shipped.directory)
    cells = heatmap(mapped, "better-start-bradford+nhs-bradford-craven", need="persistent")
    picture = heatmap_picture(cells)
    svg = parse(picture.svg)
    assert_safe(svg)
    gaps = overlaps = 0
    for (period, concern), cell in cells.cells.items():
        node = by_id(svg, f"coverage-cell-{period}-{concern}")
        words = [t for text in node.iter(f"{SVG}text") for t in text.itertext()]
        direct = (
            f"C{cell.counts['consultation']} R{cell.counts['referral']} "
            f"S{cell.counts['self_referral']}"
        )
        rest = f"I{cell.counts['signposting']} T{cell.counts['training']}"
        assert direct in words and rest in words
        assert f"{len(cell.specific)} specific" in words
        marks = [r for r in node.iter(f"{SVG}rect") if r.get("class") == "app-heatmap__mark"]
        if cell.gap:
            gaps += 1
            assert "GAP" in words and marks[0].get("fill") == "url(#coverage-gap)"
            assert "Gap" in title_of(node)
        elif cell.overlap:
            overlaps += 1
            assert {"OVERLAP", "AGREED"} & set(words)
            assert marks[0].get("fill") == "url(#coverage-overlap)"
        else:
            assert marks == [] and not {"GAP", "OVERLAP"} & set(words)
    assert gaps and overlaps
    [table] = picture.tables
    rows = {row[0]: row[1:] for row in table.rows}
    for row_value in cells.concerns:
        for number, column in enumerate(cells.periods):
            expected = cell_words(cells.cells[(column.id, row_value.id)])
            assert rows[row_value.label][number] == expected
    assert f"{gaps} of the {len(cells.cells)} cells are gaps" in picture.summary


def test_an_unknown_area_is_refused(shipped: Bundle) -> None:
    assert shipped.directory is not None
    mapped = CoverageMap(shipped.pathways[0][0], shipped.directory)
    with pytest.raises(UnknownValue, match="no place 'nowhere'"):
        heatmap(mapped, "nowhere")
    first = heatmap(mapped)
    assert first.place.id == "outside" and first.audience.id == "practitioner"
