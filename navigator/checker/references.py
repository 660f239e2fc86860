"""REF-001: every id that names something else (an area, a concern, a service, a question, a
disposition) names something that exists, with a "did you mean" for near misses."""

from __future__ import annotations

from navigator.checker.conditions import check_condition
from navigator.checker.scope import Scope, either, quoted
from navigator.content.condition import ServiceRef
from navigator.content.directory import Directory, Eligibility
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import Pathway, Sets
from navigator.content.position import Position


def check_references(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    if scope.directory is not None:
        found += _directory(scope, scope.directory)
    for pathway in scope.pathways():
        found += _pathway(scope, pathway)
    return found


def _directory(scope: Scope, directory: Directory) -> list[Finding]:
    found: list[Finding] = []
    for service in directory.services:
        for route in service.routes:
            owner = f"the {route.kind.value} route of '{service.id}'"
            found += _eligibility(scope, directory, route.eligibility, owner)
        for boundary in service.not_for:
            for index, id in enumerate(boundary.instead):
                problem = service_problem(directory, id)
                if problem:
                    found.append(
                        _missing(
                            scope.at(boundary, "instead", index),
                            f"a boundary of '{service.id}' sends people to service '{id}', "
                            + problem,
                            _service_fix(directory, id),
                        )
                    )
        if service.replaced_by is not None:
            problem = service_problem(directory, service.replaced_by)
            if problem:
                found.append(
                    _missing(
                        service.field_at("replaced_by"),
                        f"'{service.id}' is replaced by service '{service.replaced_by}', "
                        + problem,
                        _service_fix(directory, service.replaced_by),
                    )
                )
    areas = [a.id for a in directory.areas]
    for area in directory.areas:
        if area.within is None:
            continue
        if area.within not in areas:
            found.append(
                _missing(
                    area.field_at("within"),
                    f"area '{area.id}' is within area '{area.within}', which is not in `areas`.",
                    spelt(area.within, areas)
                    + either("correct the id", f"add an area with id '{area.within}'"),
                )
            )
        elif area.id in directory.ancestors(area.within):
            found.append(
                _missing(
                    area.field_at("within"),
                    f"area '{area.id}' ends up within itself: "
                    + " → ".join([area.id, *directory.ancestors(area.within)])
                    + ".",
                    either(
                        "correct `within` so the areas nest from small to large",
                        "remove `within` from the largest area",
                    ),
                )
            )
    return found


def _eligibility(
    scope: Scope, directory: Directory, rules: Eligibility, owner: str
) -> list[Finding]:
    found: list[Finding] = []
    vocabularies = (
        ("areas", "area", [a.id for a in directory.areas]),
        ("concerns", "concern", [c.id for c in directory.concerns]),
        ("need", "need level", [n.id for n in directory.need_levels]),
    )
    for key, kind, known in vocabularies:
        listed = getattr(rules, key)
        if not isinstance(listed, list):
            continue
        for index, id in enumerate(listed):
            if id not in known:
                top = "need_levels" if key == "need" else key
                found.append(
                    _missing(
                        scope.at(rules, key, index),
                        f"{owner} lists {kind} '{id}', which is not in `{top}` of the directory.",
                        spelt(id, known)
                        + either("correct the id", f"add {_a(kind)} with id '{id}' to `{top}`"),
                    )
                )
    return found


def _pathway(scope: Scope, pathway: Pathway) -> list[Finding]:
    found: list[Finding] = []
    questions = [q.id for q in pathway.questions]
    dispositions = [d.id for d in pathway.dispositions]
    steps = questions + dispositions
    if pathway.start not in steps:
        found.append(
            _missing(
                pathway.field_at("start"),
                f"the pathway starts at '{pathway.start}', which is not a question here.",
                spelt(pathway.start, steps)
                + either("correct `start`", f"add a question with id '{pathway.start}'"),
            )
        )
    for flag in pathway.red_flags:
        if flag.disposition not in dispositions:
            found.append(
                _missing(
                    flag.field_at("disposition"),
                    f"red flag '{flag.id}' leads to disposition '{flag.disposition}', "
                    "which this pathway does not have.",
                    spelt(flag.disposition, dispositions)
                    + either("correct the id", f"add a disposition '{flag.disposition}'"),
                )
            )
    for question in pathway.questions:
        for number, branch in enumerate(question.next, 1):
            owner = f"branch {number} of question '{question.id}'"
            if branch.goto not in steps:
                found.append(
                    _missing(
                        branch.field_at("goto"),
                        f"{owner} goes to '{branch.goto}', which is neither a question nor a "
                        "disposition of this pathway.",
                        spelt(branch.goto, steps)
                        + either(
                            "correct the id", f"add a question or disposition '{branch.goto}'"
                        ),
                    )
                )
            if branch.when is not None:
                found += check_condition(scope, pathway, branch.when, owner)
        if question.sets is Sets.gp_area and question.area is None:
            found.append(
                finding(
                    "KEY-002",
                    question.at,
                    f"question '{question.id}' sets `gp_area` but does not say which area.",
                    either(
                        "add `area:` with the id of the area a 'yes' puts the family in",
                        "remove `sets: gp_area`",
                    ),
                )
            )
        directory = scope.directory
        if question.area is not None and directory is not None:
            areas = [a.id for a in directory.areas]
            if question.area not in areas:
                found.append(
                    _missing(
                        question.field_at("area"),
                        f"question '{question.id}' names area '{question.area}', "
                        "which is not in the directory's `areas`.",
                        spelt(question.area, areas)
                        + either("correct the id", f"add area '{question.area}' to services.yaml"),
                    )
                )
    for rule in pathway.rules:
        if rule.when is not None:
            found += check_condition(scope, pathway, rule.when, f"rule '{rule.id}'")
    if scope.directory is not None:
        for disposition in pathway.dispositions:
            for ref in disposition.services:
                found += service_ref(scope.directory, ref, f"disposition '{disposition.id}'")
        for ref in pathway.fallback:
            found += service_ref(scope.directory, ref, "the fallback")
    return found


def service_ref(directory: Directory, ref: ServiceRef, owner: str) -> list[Finding]:
    """REF-001 when `ref` names no service, or a service without that kind of route."""
    problem = service_problem(directory, ref.service)
    if problem:
        return [
            _missing(
                ref.field_at("service"),
                f"{owner} names service '{ref.service}', " + problem,
                _service_fix(directory, ref.service),
            )
        ]
    service = directory.service(ref.service)
    if service is not None and service.route(ref.route) is None:
        kinds = [r.kind.value for r in service.routes]
        return [
            _missing(
                ref.field_at("route"),
                f"{owner} names the {ref.route.value} route of '{ref.service}', which has no "
                f"such route"
                + (f" (its routes: {quoted(kinds)})." if kinds else " (it has none)."),
                either(
                    "name one of the routes it has",
                    f"add a {ref.route.value} route to '{ref.service}' in services.yaml",
                ),
            )
        ]
    return []


def service_problem(directory: Directory, id: str) -> str:
    """Why `id` cannot be used to name a service ('' when it can)."""
    if directory.service(id) is not None:
        return ""
    current = directory.current_id(id)
    if current is not None:
        return f"a former id of '{current}'."
    return "which is not in the directory."


def _service_fix(directory: Directory, id: str) -> str:
    current = directory.current_id(id)
    if current is not None:
        return either(
            f"use the service's current id '{current}'",
            f"remove '{id}' from the `former_ids` of '{current}' if it is a new service",
        )
    return spelt(id, [s.id for s in directory.services]) + either(
        "correct the service id", f"add a service with id '{id}' to services.yaml"
    )


def _missing(at: Position, message: str, hint: str) -> Finding:
    return finding("REF-001", at, message, hint)


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word
