"""How a pathway's rules combine into one decision about which routes to offer.

Rules are read in order. A rule *applies* when its `when` holds and, if it names a
`consult_first` consultation, that consultation fits the family: so "consult X first" is never
said where X would not take the family. The first applying rule with `offer` *decides* the route
kinds (and any consult-first); every applying rule without `offer` *adds* its advice, its
`ask_about` and, if the deciding rule sets none, its `emphasis`. So an interpreter or
looked-after-child rule adds to consult-first instead of silently replacing it.
(docs/decisions/rules.md gives the reasoning.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from navigator.content.condition import Fits, ServiceRef
from navigator.content.directory import Directory
from navigator.content.pathway import Pathway, Rule
from navigator.content.vocabulary import RouteKind
from navigator.engine.facts import Facts
from navigator.engine.match import match_route
from navigator.engine.outcome import AnswerValue
from navigator.engine.result import resolve

ROUTINE = tuple(k for k in RouteKind if k is not RouteKind.urgent)
"""The route kinds a routine result may offer, in the usual order of its sections."""


@dataclass(frozen=True)
class Decision:
    """What the rules decided for one journey."""

    rule: Rule | None
    """The deciding rule (the first that applies and has `offer`), if any."""
    applying: tuple[Rule, ...]
    """Every rule that applies, in the pathway's order (the deciding one included)."""
    offer: frozenset[RouteKind]
    ask_about: frozenset[RouteKind]
    order: tuple[RouteKind, ...]
    """The order of the result's sections."""
    consult_first: ServiceRef | None

    def advice(self, family: bool, otherwise: str) -> str:
        """The deciding rule's advice, then each adding rule's; `otherwise` if none applies."""
        texts = [(family and r.family_advice) or r.advice for r in self._speaking()]
        return " ".join(t.strip() for t in texts if t.strip()) or otherwise

    def _speaking(self) -> list[Rule]:
        adding = [r for r in self.applying if not r.decides]
        return [self.rule, *adding] if self.rule else adding


def fitting(directory: Directory, facts: Facts) -> Fits:
    """The `fits` test for these facts: the route exists, its service is running, and the
    engine's own matching takes the family."""

    def fits(ref: ServiceRef) -> bool:
        found = resolve(ref, directory)
        return found is not None and match_route(found[1], facts, directory).ok

    return fits


def applies(rule: Rule, answers: Mapping[str, AnswerValue], facts: Facts, fits: Fits) -> bool:
    """Whether `rule` applies to these answers."""
    if rule.when is not None and not rule.when.holds(answers, facts.age_months, fits):
        return False
    return rule.consult_first is None or fits(rule.consult_first)


def decide(
    pathway: Pathway, answers: Mapping[str, AnswerValue], facts: Facts, fits: Fits
) -> Decision:
    """Combine the rules that apply to these answers."""
    applying: list[Rule] = []
    deciding: Rule | None = None
    for rule in pathway.rules:
        if rule.decides and deciding is not None:
            continue  # an earlier rule already decided: this one is shadowed for these answers
        if not applies(rule, answers, facts, fits):
            continue
        applying.append(rule)
        if rule.decides:
            deciding = rule
    offer = frozenset(deciding.offer or ()) if deciding else frozenset(ROUTINE)
    asked = {k for r in applying for k in r.ask_about}
    emphasis = next((r.emphasis for r in [deciding, *applying] if r and r.emphasis), [])
    order = tuple(dict.fromkeys([*(k for k in emphasis if k in ROUTINE), *ROUTINE]))
    return Decision(
        rule=deciding,
        applying=tuple(applying),
        offer=offer - {RouteKind.urgent},
        ask_about=frozenset(asked) - offer - {RouteKind.urgent},
        order=order,
        consult_first=deciding.consult_first if deciding else None,
    )


def rule_for(
    pathway: Pathway,
    answers: Mapping[str, AnswerValue],
    facts: Facts,
    directory: Directory | None = None,
) -> Rule | None:
    """The rule that decides the route kinds for these answers; without the directory no
    route can be tested, so no `fits` holds and no consult-first applies."""
    fits = fitting(directory, facts) if directory is not None else (lambda _: False)
    return decide(pathway, answers, facts, fits).rule
