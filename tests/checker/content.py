"""Small pathways written in tests: a pathway's questions and rules around a fixed frame."""

from __future__ import annotations

import textwrap
from pathlib import Path

from navigator.checker import check
from navigator.content.finding import Finding
from navigator.content.loader import load

FRAME = """\
id: mini
title: Mini
version: 2026.11.1
audiences: [practitioner]
red_flags:
  - {{id: danger, label: Danger now, why_we_ask: It is urgent., disposition: emergency}}
dispositions:
  - id: emergency
    priority: 1
    urgent: true
    title: Ring 999
    services: [{{service: emergency, route: urgent}}]
  - {{id: routine, priority: 9, urgent: false, title: Services that can help}}
start: {start}
questions:
{questions}
rules:
  - {{id: all, offer: [self_referral], advice: Contact them.}}
fallback: [{{service: hv, route: self_referral}}]
"""


def pathway_findings(tmp_path: Path, questions: str, start: str = "a") -> list[Finding]:
    """Every finding about a pathway (checked without a directory) with these questions."""
    body = textwrap.indent(textwrap.dedent(questions).strip("\n"), "  ")
    path = tmp_path / "mini.yaml"
    path.write_text(FRAME.format(start=start, questions=body), encoding="utf-8")
    return check(load([path]))


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]
