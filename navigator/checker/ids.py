"""ID-001: every id is used once in its kind, so references, links and scenarios are unambiguous."""

from __future__ import annotations

from collections.abc import Iterable

from navigator.checker.scope import Scope, either, vocabulary_ids
from navigator.content.directory import Area, Concern, Directory, NeedLevel
from navigator.content.finding import Finding, finding
from navigator.content.pathway import NONE_OF_THESE, RED_FLAGS, Pathway, Rule
from navigator.content.position import Position


class Register:
    """Ids seen so far of one kind, and where each was first written."""

    def __init__(self, kind: str, fix: str, within: str = "") -> None:
        self.kind = kind
        self.fix = fix
        self.within = within
        self.first: dict[str, Position] = {}
        self.reserved: dict[str, str] = {}
        self.findings: list[Finding] = []

    def add(self, id: str, at: Position, what: str = "") -> None:
        if id in self.reserved:
            self.findings.append(
                finding(
                    "ID-001",
                    at,
                    f"{self.kind} id '{id}'{self.within} is reserved: {self.reserved[id]}.",
                    either(f"give this {self.kind} another id", "remove it"),
                )
            )
            return
        earlier = self.first.get(id)
        if earlier is None:
            self.first[id] = at
            return
        where = earlier.short if earlier.path != at.path else f"line {earlier.line}"
        self.findings.append(
            finding(
                "ID-001",
                at,
                f"{self.kind} id '{id}'{what}{self.within} is already used (at {where}).",
                either(f"give this {self.kind} an id of its own", self.fix),
            )
        )


def check_ids(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    if scope.directory is not None:
        found += _directory(scope, scope.directory)
    pathways = Register("pathway", "remove the second copy of the pathway")
    for pathway in scope.pathways():
        pathways.add(pathway.id, pathway.field_at("id"))
        found += _pathway(scope, pathway)
    found += pathways.findings
    return found


def _directory(scope: Scope, directory: Directory) -> list[Finding]:
    services = Register("service", "remove the copy and keep one entry per service")
    for service in directory.services:
        services.add(service.id, service.field_at("id"))
    for service in directory.services:
        for index, former in enumerate(service.former_ids):
            services.add(
                former, scope.at(service, "former_ids", index), f" (a former id of '{service.id}')"
            )
    found = services.findings
    found += _unique("area", _ids(directory.areas), "remove the copy")
    found += _unique("concern", _ids(directory.concerns), "merge the two concerns")
    found += _unique("need level", _ids(directory.need_levels), "merge the two levels")
    for service in directory.services:
        kinds: dict[str, Position] = {}
        for route in service.routes:
            at = route.field_at("kind")
            first = kinds.setdefault(route.kind.value, at)
            if first is not at:
                found.append(
                    finding(
                        "ID-001",
                        at,
                        f"service '{service.id}' has a second '{route.kind.value}' route "
                        f"(the first is at line {first.line}).",
                        either(
                            "merge the two routes into one whose eligibility covers both",
                            "change this route's kind",
                        ),
                    )
                )
    return found


def _pathway(scope: Scope, pathway: Pathway) -> list[Finding]:
    found: list[Finding] = []
    steps = Register("question or disposition", "rename one, as `goto` could mean either")
    steps.reserved[RED_FLAGS] = "it is the id of the red flag question, always asked first"
    for question in pathway.questions:
        steps.add(question.id, question.field_at("id"))
    for disposition in pathway.dispositions:
        steps.add(disposition.id, disposition.field_at("id"))
    found += steps.findings
    flags = Register("red flag", "remove the copy")
    flags.reserved[NONE_OF_THESE] = "it is the answer 'None of these'"
    for flag in pathway.red_flags:
        flags.add(flag.id, flag.field_at("id"))
    found += flags.findings
    found += _unique("rule", _ids(pathway.rules), "merge the two rules")
    scenarios = Register("scenario", "remove the copy")
    for scenario in pathway.scenarios:
        scenarios.add(scenario.id, scenario.field_at("id"))
    for file, _ in scope.bundle.scenario_files:
        if file.pathway == pathway.id:
            for scenario in file.scenarios:
                scenarios.add(scenario.id, scenario.field_at("id"))
    found += scenarios.findings
    for question in pathway.questions:
        choices = Register("choice", "remove the copy", f" in question '{question.id}'")
        for id in vocabulary_ids(question, scope.directory):
            choices.first[id] = question.field_at("choices_from")
        for choice in question.choices:
            choices.add(choice.id, choice.field_at("id"))
        found += choices.findings
    return found


def _unique(kind: str, items: Iterable[tuple[str, Position]], fix: str) -> list[Finding]:
    register = Register(kind, fix)
    for id, at in items:
        register.add(id, at)
    return register.findings


def _ids(items: Iterable[Area | Concern | NeedLevel | Rule]) -> list[tuple[str, Position]]:
    return [(item.id, item.field_at("id")) for item in items]
