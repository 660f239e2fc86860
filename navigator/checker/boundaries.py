"""BOUND-001: a boundary (`not_for`) that no criterion enforces.

"Not for women who speak English well" written only as prose is a boundary the engine cannot
see: the service is offered to everyone, and families outside the group are turned away later.
Each boundary either names the criterion that enforces it (`criterion: age`, `facts`, …) or
says `prose_only: true`: the commissioner has decided the service judges it case by case."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding


def check_boundaries(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    found = []
    for service in directory.services:
        if not service.active:
            continue
        for boundary in service.not_for:
            if boundary.criterion is None and not boundary.prose_only:
                found.append(
                    finding(
                        "BOUND-001",
                        boundary.field_at("who"),
                        f"the boundary '{boundary.who}' of '{service.id}' is prose only: no "
                        "criterion enforces it, so the service is still offered to the people "
                        "it names.",
                        either(
                            "say which criterion enforces it (`criterion: age`, `need`, `area`, "
                            "`facts`, …) and state it in the routes' eligibility",
                            "add a named fact and a question that asks it",
                            "write `prose_only: true` if the service judges it case by case",
                        ),
                    )
                )
    return found
