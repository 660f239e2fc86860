"""FLAG-001 and FLAG-002: a pathway asks about red flags first, and each red flag ends at an
urgent disposition that shows at least one urgent service to contact."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding
from navigator.content.pathway import Disposition
from navigator.engine.result import resolve


def check_red_flags(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for pathway in scope.pathways():
        if not pathway.red_flags:
            found.append(
                finding(
                    "FLAG-001",
                    pathway.field_at("red_flags"),
                    f"pathway '{pathway.id}' has no red flags, so nothing urgent is asked first.",
                    either(
                        "add the red flags (each with a `disposition`) that need help now",
                        "copy them from another pathway",
                    ),
                )
            )
        for flag in pathway.red_flags:
            disposition = pathway.disposition(flag.disposition)
            if disposition is None:
                continue  # REF-001 reports the unknown id
            problem = _problem(disposition, scope.directory)
            if problem:
                found.append(
                    finding(
                        "FLAG-002",
                        flag.field_at("disposition"),
                        f"red flag '{flag.id}' leads to disposition '{disposition.id}', {problem}",
                        either(
                            f"give disposition '{disposition.id}' `urgent: true` and the urgent "
                            "services to contact",
                            "send the red flag to an urgent disposition that has them",
                        ),
                    )
                )
    return found


def _problem(disposition: Disposition, directory: Directory | None) -> str:
    """Why a red flag cannot end at `disposition` ('' when it can)."""
    if not disposition.urgent:
        return "which is not urgent: a red flag must end the journey with urgent help."
    if not disposition.services:
        return "which lists no services, so the result would say nothing about whom to contact."
    if directory is None:
        return ""
    if not any(resolve(ref, directory) for ref in disposition.services):
        return (
            "whose services are all unknown, decommissioned or without that route, so the "
            "result would show nobody to contact."
        )
    return ""
