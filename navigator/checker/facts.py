"""REF-001 for named facts: every fact a route requires or a question sets is declared in
services.yaml's `facts`, so a misspelt fact never silently makes a route "please confirm"."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import NONE_OF_THESE, Sets
from navigator.content.position import Position


def check_facts(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    known = [f.id for f in directory.facts]
    found: list[Finding] = []
    for service in directory.services:
        for route in service.routes:
            for id in route.eligibility.facts:
                if directory.fact(id) is None:
                    at = scope.at(route.eligibility, "facts", id, key=True)
                    found.append(_unknown(id, at, known, f"route '{service.id}/{route.ref}'"))
    for pathway in scope.pathways():
        for question in pathway.questions:
            if question.sets is not Sets.facts:
                continue
            for index, choice in enumerate(question.choices):
                named = choice.id != NONE_OF_THESE and not choice.exclusive
                if named and directory.fact(choice.id) is None:
                    at = scope.at(question, "choices", index, "id")
                    found.append(_unknown(choice.id, at, known, f"question '{question.id}'"))
    return found


def _unknown(id: str, at: Position, known: list[str], owner: str) -> Finding:
    return finding(
        "REF-001",
        at,
        f"{owner} names the fact '{id}', which is not in the `facts` of services.yaml.",
        spelt(id, known) + either("correct the id", f"add '{id}' to `facts` in services.yaml"),
    )
