"""EMPTY-001: a list that may not be empty. An empty `areas`, `audience`, `stages`, `concerns`
or `need` makes a route that fits nobody (and showed "it covers only , and …"); write `all` for
everyone. An empty `fallback` leaves a journey that matches nothing with nothing to show."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding

CRITERIA = ("audience", "stages", "concerns", "need", "areas")


def check_empty(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    directory = scope.directory
    for service in directory.services if directory else []:
        for route in service.routes:
            for field in CRITERIA:
                if getattr(route.eligibility, field) == []:
                    found.append(
                        finding(
                            "EMPTY-001",
                            route.eligibility.field_at(field),
                            f"route '{service.id}/{route.ref}' has an empty `{field}`, so it "
                            "fits nobody.",
                            either(
                                f"list who it is for in `{field}`",
                                f"write `{field}: all`"
                                if field not in ("audience", "stages")
                                else f"remove `{field}` to take the default",
                                f"remove the route if '{service.id}' no longer offers it",
                            ),
                        )
                    )
    for pathway in scope.pathways():
        if not pathway.fallback:
            found.append(
                finding(
                    "EMPTY-001",
                    pathway.field_at("fallback"),
                    f"pathway '{pathway.id}' has an empty `fallback`, so a journey that matches "
                    "no service would end with nothing.",
                    either(
                        "list the catch-all routes (health visiting, the GP, Family Hubs)",
                        "restore the fallback the pathway had",
                    ),
                )
            )
    return found
