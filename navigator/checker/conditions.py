"""REF-001 inside conditions: every question a condition reads exists, and every value it
compares against is one of that question's choices (a misspelt choice would never match)."""

from __future__ import annotations

from navigator.checker.scope import Scope, answer_ids, either, quoted
from navigator.content.condition import Condition
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import RED_FLAGS, Pathway


def check_condition(
    scope: Scope, pathway: Pathway, condition: Condition, owner: str
) -> list[Finding]:
    """Findings for `condition` (and the conditions inside it), which belongs to `owner`."""
    found: list[Finding] = []
    questions = [RED_FLAGS, *(q.id for q in pathway.questions)]
    for operator, mapping in (
        ("equals", condition.equals),
        ("includes", condition.includes),
        ("in", condition.in_),
    ):
        for question_id, wanted in (mapping or {}).items():
            if question_id not in questions:
                found.append(
                    _unknown_question(scope, pathway, condition, owner, question_id, operator)
                )
                continue
            values = wanted if isinstance(wanted, list) else [wanted]
            for index, value in enumerate(values):
                inside: tuple[str | int, ...] = (operator, question_id)
                if isinstance(wanted, list):
                    inside = (*inside, index)
                problem = _not_a_choice(scope, pathway, question_id, value)
                if problem:
                    found.append(
                        finding(
                            "REF-001",
                            scope.at(condition, *inside),
                            f"{owner} compares question '{question_id}' with '{value}', {problem}",
                            spelt(value, answer_ids(pathway, question_id, scope.directory) or [])
                            + either(
                                "correct the value to one of the question's choices",
                                f"add a choice '{value}' to question '{question_id}'",
                            ),
                        )
                    )
    if condition.answered is not None and condition.answered not in questions:
        found.append(
            _unknown_question(scope, pathway, condition, owner, condition.answered, "answered")
        )
    for child in condition.children():
        found += check_condition(scope, pathway, child, owner)
    return found


def _unknown_question(
    scope: Scope,
    pathway: Pathway,
    condition: Condition,
    owner: str,
    question_id: str,
    operator: str,
) -> Finding:
    questions = [q.id for q in pathway.questions]
    at = (
        condition.field_at("answered")
        if operator == "answered"
        else scope.at(condition, operator, question_id, key=True)
    )
    return finding(
        "REF-001",
        at,
        f"{owner} reads question '{question_id}', which this pathway does not have.",
        spelt(question_id, questions)
        + either("correct the question id", f"add a question with id '{question_id}'"),
    )


def _not_a_choice(scope: Scope, pathway: Pathway, question_id: str, value: str) -> str:
    """Why `value` can never be the answer to the question, or '' when it can."""
    question = pathway.question(question_id)
    if question is not None and question.kind.value in ("months", "postcode"):
        what = "a number of months" if question.kind.value == "months" else "a postcode"
        return f"but its answer is {what}, never a choice (use `age_months` or `answered`)."
    choices = answer_ids(pathway, question_id, scope.directory)
    if choices is None or value in choices:
        return ""
    return f"which is not one of its choices ({quoted(choices)})."
