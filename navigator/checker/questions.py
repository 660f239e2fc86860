"""VAL-001 for the shape of a question: its kind, its choices and the fact it `sets` agree, so
the engine can read the answer the way the question means it."""

from __future__ import annotations

from navigator.checker.scope import Scope, either, quoted
from navigator.content.finding import Finding, finding
from navigator.content.pathway import Pathway, Question, QuestionKind, Sets
from navigator.content.position import Position
from navigator.content.vocabulary import Audience, Stage

KINDS: dict[Sets, set[QuestionKind]] = {
    Sets.audience: {QuestionKind.single},
    Sets.stage: {QuestionKind.single},
    Sets.age_months: {QuestionKind.months},
    Sets.concerns: {QuestionKind.multi},
    Sets.need: {QuestionKind.single},
    Sets.postcode: {QuestionKind.postcode},
    Sets.gp_area: {QuestionKind.single},
    Sets.facts: {QuestionKind.multi},
}
"""The kinds of question that can give each fact."""

VALUES: dict[Sets, list[str]] = {
    Sets.audience: [a.value for a in Audience],
    Sets.stage: [s.value for s in Stage],
}
"""The choices the engine understands for facts with a fixed vocabulary."""


def check_questions(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for pathway in scope.pathways():
        for question in pathway.questions:
            found += _question(question)
        found += _one_each(pathway)
    return found


def _question(question: Question) -> list[Finding]:
    found: list[Finding] = []
    q = f"question '{question.id}'"
    choosing = question.kind in (QuestionKind.single, QuestionKind.multi)
    if choosing and not question.choices and question.choices_from is None:
        found.append(
            _bad(
                question.field_at("kind"),
                f"{q} is a {question.kind.value} question with no choices.",
                either("add `choices`", "take them from the directory with `choices_from`"),
            )
        )
    if not choosing and (question.choices or question.choices_from):
        field = "choices" if question.choices else "choices_from"
        found.append(
            _bad(
                question.field_at(field),
                f"{q} asks for {question.kind.value}, so its `{field}` are never shown.",
                either(f"remove `{field}`", "make it a single or multi question"),
            )
        )
    if question.choices_from == "need_levels" and question.choices:
        found.append(
            _bad(
                question.field_at("choices"),
                f"{q} takes its choices from the levels of need, so its own `choices` are never "
                "shown.",
                either("remove `choices`", "add the levels to `need_levels` in services.yaml"),
            )
        )
    for name in ("min", "max"):
        if getattr(question, name) is not None and question.kind is not QuestionKind.months:
            found.append(
                _bad(
                    question.field_at(name),
                    f"{q} is not a months question, so `{name}` has no effect.",
                    either(f"remove `{name}`", "make it `kind: months`"),
                )
            )
    if question.sets is not None:
        kinds = KINDS[question.sets]
        if question.kind not in kinds:
            found.append(
                _bad(
                    question.field_at("sets"),
                    f"{q} sets {question.sets.value}, which needs a "
                    f"{' or '.join(k.value for k in kinds)} question, but it is "
                    f"{question.kind.value}.",
                    either("change its `kind`", "change or remove `sets`"),
                )
            )
        allowed = VALUES.get(question.sets)
        if allowed is not None:
            for choice in question.choices:
                if choice.id not in allowed:
                    found.append(
                        _bad(
                            choice.field_at("id"),
                            f"{q} sets {question.sets.value}, whose answers are "
                            f"{quoted(allowed)}, but it offers '{choice.id}'.",
                            either(f"use one of {quoted(allowed)}", "remove the choice"),
                        )
                    )
        if question.sets is Sets.gp_area and "yes" not in [c.id for c in question.choices]:
            found.append(
                _bad(
                    question.field_at("choices"),
                    f"{q} sets gp_area, but has no choice 'yes', so nobody is ever counted as "
                    "registered in the area ('no' means not, any other choice means not sure).",
                    either("add the choices 'yes' and 'no'", "rename the choice that means yes"),
                )
            )
    return found


def _one_each(pathway: Pathway) -> list[Finding]:
    found: list[Finding] = []
    first: dict[Sets, Question] = {}
    for question in pathway.questions:
        if question.sets is None or question.sets is Sets.gp_area:
            continue
        earlier = first.setdefault(question.sets, question)
        if earlier is not question:
            found.append(
                _bad(
                    question.field_at("sets"),
                    f"questions '{earlier.id}' and '{question.id}' both set "
                    f"{question.sets.value}; only one answer can count.",
                    either("remove `sets` from one of them", "merge the two questions"),
                )
            )
    return found


def _bad(at: Position, message: str, hint: str) -> Finding:
    return finding("VAL-001", at, message, hint)
