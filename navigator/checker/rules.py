"""RULE-001…005: the pathway's rules, analysed as the question flow is.

Rules combine (navigator/engine/rules.py): the first applying rule with `offer` decides, the
others add. The analysis runs the engine's own `decide` over representative answers to every
question the rules read (each choice, none, every choice together for a multi-select; the
edges of every age interval; each `fits` both true and false). That over-approximates the
answers people can give, so a rule reported as never applying truly never applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from navigator.checker.references import service_problem
from navigator.checker.scope import Scope, choice_ids, either, quoted
from navigator.content.condition import Condition, ServiceRef
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import Pathway, QuestionKind, Rule
from navigator.content.vocabulary import RouteKind
from navigator.engine.facts import Facts
from navigator.engine.outcome import AnswerValue
from navigator.engine.rules import decide

MAX_CASES = 200_000
"""Above this many combinations the reachability analysis is skipped (never a wrong verdict)."""


def check_rules(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for pathway in scope.pathways():
        found += _same_condition(pathway)
        found += _urgent(pathway)
        found += _fits_in_branches(pathway)
        if scope.directory is not None:
            found += _consult_first(pathway, scope.directory)
        found += _never_apply(pathway, scope.directory)
    return found


def _same_condition(pathway: Pathway) -> list[Finding]:
    found = []
    seen: dict[str, Rule] = {}
    for rule in pathway.rules:
        key = _normal(rule.when)
        first = seen.setdefault(key, rule)
        if first is not rule and first.decides == rule.decides:
            found.append(
                finding(
                    "RULE-002",
                    rule.field_at("when") if rule.when else rule.at,
                    f"rule '{rule.id}' has the same condition as rule '{first.id}' "
                    f"(line {first.at.line}), so one of them is redundant or a mistake.",
                    either(
                        f"merge the two rules into '{first.id}'",
                        f"change the `when` of '{rule.id}' to the case it was meant for",
                    ),
                )
            )
    return found


def _normal(when: Condition | None) -> str:
    if when is None:
        return "always"
    return repr(_sorted(when.model_dump(by_alias=True, exclude_none=True)))


def _sorted(value: object) -> object:
    """The same condition written in another order compares equal (`any`/`all` are sets)."""
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=repr)
    return value


def _urgent(pathway: Pathway) -> list[Finding]:
    found = []
    for rule in pathway.rules:
        for field in ("offer", "ask_about", "emphasis"):
            kinds = getattr(rule, field) or []
            if RouteKind.urgent in kinds:
                found.append(
                    finding(
                        "RULE-004",
                        rule.field_at(field),
                        f"rule '{rule.id}' puts urgent routes in `{field}`, but urgent help comes "
                        "only from a red flag's disposition, so that routine answers never show "
                        "999 as if it were a service to choose.",
                        either(
                            f"remove `urgent` from `{field}`",
                            "add a red flag whose disposition lists the urgent routes",
                        ),
                    )
                )
    return found


def _fits_in_branches(pathway: Pathway) -> list[Finding]:
    found = []
    for question in pathway.questions:
        for branch in question.next:
            if branch.when is not None and branch.when.routes():
                found.append(
                    finding(
                        "RULE-005",
                        branch.field_at("when"),
                        f"a branch of question '{question.id}' tests `fits`, which is never "
                        "true there: a branch is chosen before the family's place is known.",
                        either(
                            "move the test into a rule's `when`",
                            "test the answers themselves with `equals`, `in` or `includes`",
                        ),
                    )
                )
    return found


def _consult_first(pathway: Pathway, directory: Directory) -> list[Finding]:
    found = []
    for rule in pathway.rules:
        named = [*(rule.when.routes() if rule.when else []), *filter(None, [rule.consult_first])]
        unknown = [_unknown(r, directory) for r in named if service_problem(directory, r.service)]
        found += unknown
        ref = rule.consult_first
        service = directory.service(ref.service) if ref else None
        if ref is None or service is None:
            continue
        problem = ""
        if ref.route is not RouteKind.consultation:
            problem = f"names its {ref.route.value} route, which is not a consultation"
        elif service.route(RouteKind.consultation) is None:
            problem = f"names '{service.id}', which has no consultation route"
        elif rule.offer is not None and RouteKind.consultation not in rule.offer:
            problem = "does not offer consultation routes, so the consultation would not be shown"
        if problem:
            found.append(
                finding(
                    "RULE-003",
                    rule.field_at("consult_first"),
                    f"rule '{rule.id}' says 'consult first' but {problem}: there is nothing to "
                    "consult.",
                    either(
                        "name a service's consultation route in `consult_first`",
                        "add `consultation` to the rule's `offer`",
                        "remove `consult_first`",
                    ),
                )
            )
    return found


def _unknown(ref: ServiceRef, directory: Directory) -> Finding:
    return finding(
        "REF-001",
        ref.field_at("service"),
        f"rule names service '{ref.service}', {service_problem(directory, ref.service)}",
        spelt(ref.service, [s.id for s in directory.services])
        + either("correct the id", "add the service to services.yaml"),
    )


def _never_apply(pathway: Pathway, directory: Directory | None) -> list[Finding]:
    cases = _cases(pathway, directory)
    if cases is None:
        return []
    shadowed_by: dict[str, set[str]] = {}
    ever_applies: set[str] = set()
    for answers, age, fitting in cases:
        facts = Facts(age_months=age)

        def test(ref: ServiceRef, fitting: frozenset[str] = fitting) -> bool:
            return str(ref) in fitting

        decision = decide(pathway, answers, facts, test)
        ever_applies.update(r.id for r in decision.applying)
        for rule in pathway.rules:
            if rule.when is None or rule.when.holds(answers, age, test):
                by = shadowed_by.setdefault(rule.id, set())
                if decision.rule is not None and decision.rule is not rule:
                    by.add(decision.rule.id)
    found = []
    for rule in pathway.rules:
        if rule.id in ever_applies:
            continue
        if rule.id in shadowed_by:
            earlier = [r.id for r in pathway.rules if r.id in shadowed_by[rule.id]]
            message = (
                f"rule '{rule.id}' never applies: whenever its condition holds, an earlier rule "
                f"({quoted(earlier)}) has already decided."
            )
            fixes = [
                f"move '{rule.id}' above the rules that shadow it",
                "narrow the earlier rules' `when`",
                "remove `offer` so that it adds its advice to the deciding rule",
            ]
        else:
            message = f"rule '{rule.id}' never applies: no answers make its condition true."
            fixes = ["correct its `when`", f"remove rule '{rule.id}'"]
        found.append(finding("RULE-001", rule.field_at("when") if rule.when else rule.at, message,
                             either(*fixes)))  # fmt: skip
    return found


Case = tuple[dict[str, AnswerValue], int | None, frozenset[str]]
"""Answers, an age, and the routes (`service/route`) that fit."""


def _cases(pathway: Pathway, directory: Directory | None) -> Iterator[Case] | None:
    conditions = [r.when for r in pathway.rules if r.when is not None]
    read = list(dict.fromkeys(q for c in conditions for q in c.questions()))
    axes: list[list[AnswerValue | None]] = []
    for id in read:
        question = pathway.question(id)
        ids = choice_ids(question, directory) if question else None
        values: list[AnswerValue | None] = [None]
        if ids is None:
            values += [v for c in conditions for q, v in c.values() if q == id]
        elif question is not None and question.kind is QuestionKind.multi:
            values += [[], *([i] for i in ids), list(ids)]
        else:
            values += ids
        axes.append(values)
    ages = sorted({p for c in conditions for p in _edges(c)} | {0})
    named = [r for c in conditions for r in c.routes()]
    named += [r.consult_first for r in pathway.rules if r.consult_first is not None]
    refs = list(dict.fromkeys(str(r) for r in named))
    size = len(ages) + 1
    for values in axes:
        size *= len(values)
    if size * 2 ** len(refs) > MAX_CASES:
        return None
    return _product(read, axes, [None, *ages], refs)


def _product(
    read: list[str],
    axes: list[list[AnswerValue | None]],
    ages: list[int | None],
    refs: list[str],
) -> Iterator[Case]:
    for picked in product(*axes):
        answers = {q: v for q, v in zip(read, picked, strict=True) if v is not None}
        for age in ages:
            for bits in product((False, True), repeat=len(refs)):
                yield answers, age, frozenset(r for r, on in zip(refs, bits, strict=True) if on)


def _edges(condition: Condition) -> set[int]:
    found: set[int] = set()
    if condition.age_months is not None:
        found.add(condition.age_months.start)
        if condition.age_months.end is not None:
            found.update({condition.age_months.end - 1, condition.age_months.end})
    for child in condition.children():
        found |= _edges(child)
    return found
