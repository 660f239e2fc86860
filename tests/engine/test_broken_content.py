"""The engine never crashes on content that `navigator check` rejects, and still never gives
an empty result: the web app refuses such content, but a test or a tool may not."""

from __future__ import annotations

from pathlib import Path

from navigator.content.directory import Directory
from navigator.content.loader import load
from navigator.content.pathway import Pathway
from navigator.engine import Result, navigate
from tests.conftest import GOOD


def misspelt(tmp_path: Path) -> Pathway:
    """The example pathway with its red flag's disposition misspelt (REF-001 in the checker)."""
    text = (GOOD / "pathways" / "early-years.yaml").read_text(encoding="utf-8")
    written = "    why_we_ask: Thoughts of harming the baby need an emergency response.\n"
    written += "    disposition: emergency\n"
    assert text.count(written) == 1
    (tmp_path / "early-years.yaml").write_text(
        text.replace(written, written.replace("emergency\n", "emergncy\n")), encoding="utf-8"
    )
    bundle = load([tmp_path / "early-years.yaml"])
    assert not bundle.findings
    return bundle.pathways[0][0]


def test_a_red_flag_with_a_misspelt_disposition_gives_urgent_help(
    tmp_path: Path, directory: Directory
) -> None:
    pathway = misspelt(tmp_path)
    outcome = navigate(pathway, directory, {"red_flags": ["harm-baby"]})
    assert isinstance(outcome, Result)
    assert outcome.urgent and outcome.disposition == "emergency"
    assert outcome.red_flags == ["harm-baby"]
    assert outcome.offers("emergency", "urgent"), "a result is never empty"
    assert all(card.why for card in outcome.cards()), "every recommendation says why"
    assert outcome.fallback
