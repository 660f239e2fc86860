"""SCEN-001 (and REF-001 for answers): scenarios test things that exist, so a scenario can
only fail because the pathway or directory changed, never because of a typing slip."""

from __future__ import annotations

from navigator.checker.scope import Scope, answer_ids, either, quoted
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import RED_FLAGS, Pathway, QuestionKind, Scenario
from navigator.content.position import Position
from navigator.content.vocabulary import RouteKind
from navigator.engine.flow import SKIP


def check_scenarios(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    pathways = {p.id: p for p in scope.pathways()}
    for pathway in pathways.values():
        for scenario in pathway.scenarios:
            found += _scenario(scope, pathway, scenario)
    for file, _ in scope.bundle.scenario_files:
        tested = pathways.get(file.pathway)
        if tested is None:
            if pathways:  # with no pathway loaded at all, there is nothing to compare with
                found.append(
                    finding(
                        "SCEN-001",
                        file.field_at("pathway"),
                        f"the scenarios are for pathway '{file.pathway}', which does not exist.",
                        spelt(file.pathway, list(pathways))
                        + either("correct the pathway id", "check the pathway file as well"),
                    )
                )
            continue
        for scenario in file.scenarios:
            found += _scenario(scope, tested, scenario)
    return found


def _scenario(scope: Scope, pathway: Pathway, scenario: Scenario) -> list[Finding]:
    found = _answers(scope, pathway, scenario)
    expect = scenario.expect
    steps = [RED_FLAGS, *(q.id for q in pathway.questions)]
    if expect.asks is not None and expect.asks not in steps:
        found.append(
            _unknown(
                expect.field_at("asks"),
                f"scenario '{scenario.id}' expects question '{expect.asks}', which this pathway "
                "does not have.",
                spelt(expect.asks, steps) + either("correct the question id", "remove `asks`"),
            )
        )
    dispositions = [d.id for d in pathway.dispositions]
    if expect.disposition is not None and expect.disposition not in dispositions:
        found.append(
            _unknown(
                expect.field_at("disposition"),
                f"scenario '{scenario.id}' expects disposition '{expect.disposition}', which this "
                "pathway does not have.",
                spelt(expect.disposition, dispositions)
                + either("correct the disposition id", "add the disposition to the pathway"),
            )
        )
    if scope.directory is not None:
        for name in ("includes", "excludes", "near_misses"):
            for index, ref in enumerate(getattr(expect, name)):
                problem, hint = _route_problem(scope.directory, ref, whole=name == "excludes")
                if problem:
                    found.append(
                        _unknown(
                            scope.at(expect, name, index),
                            f"scenario '{scenario.id}' {name} '{ref}': {problem}",
                            hint,
                        )
                    )
    return found


def _answers(scope: Scope, pathway: Pathway, scenario: Scenario) -> list[Finding]:
    found: list[Finding] = []
    questions = [RED_FLAGS, *(q.id for q in pathway.questions)]
    for question_id, value in scenario.answers.items():
        key_at = scope.at(scenario, "answers", question_id, key=True)
        if question_id not in questions:
            found.append(
                finding(
                    "REF-001",
                    key_at,
                    f"scenario '{scenario.id}' answers question '{question_id}', which this "
                    "pathway does not have.",
                    spelt(question_id, questions)
                    + either("correct the question id", "remove the answer"),
                )
            )
            continue
        question = pathway.question(question_id)
        if question is not None and question.kind is QuestionKind.months:
            if not isinstance(value, int) and value != SKIP:
                found.append(
                    _unknown(
                        scope.at(scenario, "answers", question_id),
                        f"scenario '{scenario.id}' answers '{question_id}' with '{value}', but "
                        "its answer is a whole number of months.",
                        either(
                            "write the age as a number, for example 6",
                            f"write '{SKIP}' if the question is optional and skipped",
                        ),
                    )
                )
            continue
        if question is not None and question.kind is QuestionKind.postcode:
            continue
        choices = answer_ids(pathway, question_id, scope.directory)
        if choices is None:
            continue
        values = value if isinstance(value, list) else [value]
        wrong = [str(v) for v in values if str(v) not in choices]
        if wrong:
            found.append(
                _unknown(
                    scope.at(scenario, "answers", question_id),
                    f"scenario '{scenario.id}' answers '{question_id}' with {quoted(wrong)}, "
                    f"which is not one of its choices ({quoted(choices)}).",
                    spelt(wrong[0], choices)
                    + either("correct the answer", "add the answer as a choice of the question"),
                )
            )
    return found


def _route_problem(directory: Directory, ref: str, *, whole: bool) -> tuple[str, str]:
    """What is wrong with a `service/route` reference, and the hint ('' when nothing)."""
    service_id, _, kind = ref.partition("/")
    services = [s.id for s in directory.services]
    if not kind and not whole:
        return (
            "it needs the route as well, as `service/route`.",
            either(
                f"write it as '{service_id}/referral' (or whichever route is meant)",
                "move it to `excludes`, which can name a whole service",
            ),
        )
    service = directory.service(service_id)
    if service is None:
        return (
            f"no service has the id '{service_id}'.",
            spelt(service_id, services)
            + either("correct the service id", "remove it from the list"),
        )
    if not kind:
        return "", ""
    kinds = [k.value for k in RouteKind]
    if kind not in kinds:
        return (
            f"'{kind}' is not a kind of route ({quoted(kinds)}).",
            spelt(kind, kinds) + either("correct the route kind", "remove it from the list"),
        )
    if service.route(kind) is None:
        has = [r.kind.value for r in service.routes]
        return (
            f"'{service_id}' has no {kind} route" + (f" (it has {quoted(has)})." if has else "."),
            either("name a route the service has", f"add a {kind} route to '{service_id}'"),
        )
    return "", ""


def _unknown(at: Position, message: str, hint: str) -> Finding:
    return finding("SCEN-001", at, message, hint)
