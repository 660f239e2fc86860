"""Conditions: the closed set of operators a pathway may use to choose the next step or a rule.

There is no expression language: a condition is one of `equals`, `in`, `includes`, `answered`,
`age_months`, `fits`, `any`, `all` or `not`, each a small mapping, so the checker can reason about
it and commissioners cannot write code into content. `fits` (a route of a service fits the family)
is for rules only: a question's branches are decided before the family's facts are known.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import Field, model_validator

from navigator.content.directory import Content, Interval
from navigator.content.vocabulary import RouteKind

Answer = str | int | list[str]
Answers = Mapping[str, Answer]

OPERATORS = (
    "equals", "in_", "includes", "answered", "age_months", "fits", "any", "all", "not_",
)  # fmt: skip


class ServiceRef(Content):
    """A service's route, named by the service id and the route kind."""

    service: str = Field(description="A service id from services.yaml.")
    route: RouteKind = Field(description="The kind of route of that service.")

    def __str__(self) -> str:
        return f"{self.service}/{self.route.value}"


Fits = Callable[[ServiceRef], bool]
"""Whether a route of a service fits the family (the engine's matching), for `fits`."""


class Condition(Content):
    """Exactly one operator. `equals: {question: choice}`, `in: {question: [choices]}`,
    `includes: {question: choice}` (a multi-select holds it), `answered: question`,
    `age_months: {from, to}`, `any: [conditions]`, `all: [conditions]`, `not: condition`."""

    equals: dict[str, str] | None = Field(None, description="The question's answer is this choice.")
    in_: dict[str, list[str]] | None = Field(
        None, alias="in", description="The question's answer is one of these choices."
    )
    includes: dict[str, str] | None = Field(
        None, description="The multi-select question's answers include this choice."
    )
    answered: str | None = Field(None, description="The question has an answer.")
    age_months: Interval | None = Field(None, description="The baby's age is in this interval.")
    fits: ServiceRef | None = Field(
        None,
        description="That route of that service fits the family (rules only): "
        "`{service: id, route: kind}`.",
    )
    any: list[Condition] | None = Field(None, description="At least one condition holds.")
    all: list[Condition] | None = Field(None, description="Every condition holds.")
    not_: Condition | None = Field(None, alias="not", description="The condition does not hold.")

    @model_validator(mode="after")
    def _one_operator(self) -> Condition:
        used = [name for name in OPERATORS if getattr(self, name) is not None]
        if len(used) != 1:
            raise ValueError(
                "a condition needs exactly one operator of equals, in, includes, answered, "
                f"age_months, fits, any, all, not (found {len(used)})"
            )
        return self

    def holds(self, answers: Answers, age_months: int | None, fits: Fits | None = None) -> bool:
        """Whether the condition is true of these answers (a missing answer never matches; a
        `fits` is false where no `fits` test is given, as in a question's branches)."""
        if self.equals is not None:
            return all(answers.get(q) == v for q, v in self.equals.items())
        if self.in_ is not None:
            return all(answers.get(q) in vs for q, vs in self.in_.items())
        if self.includes is not None:
            return all(_holds_value(answers.get(q), v) for q, v in self.includes.items())
        if self.answered is not None:
            return self.answered in answers
        if self.age_months is not None:
            return age_months is not None and age_months in self.age_months
        if self.fits is not None:
            return fits is not None and fits(self.fits)
        if self.any is not None:
            return any(c.holds(answers, age_months, fits) for c in self.any)
        if self.all is not None:
            return all(c.holds(answers, age_months, fits) for c in self.all)
        assert self.not_ is not None
        return not self.not_.holds(answers, age_months, fits)

    def routes(self) -> list[ServiceRef]:
        """Every route this condition tests with `fits`."""
        found = [self.fits] if self.fits is not None else []
        for child in self.children():
            found.extend(child.routes())
        return found

    def children(self) -> list[Condition]:
        """The conditions directly inside this one (of `any`, `all` or `not`)."""
        return [*(self.any or []), *(self.all or []), *([self.not_] if self.not_ else [])]

    def questions(self) -> list[str]:
        """Every question id this condition reads."""
        found: list[str] = []
        for mapping in (self.equals, self.in_, self.includes):
            if mapping:
                found.extend(mapping)
        if self.answered:
            found.append(self.answered)
        for child in self.children():
            found.extend(child.questions())
        return found

    def values(self) -> list[tuple[str, str]]:
        """Every (question, choice) pair this condition compares against."""
        pairs: list[tuple[str, str]] = []
        for mapping in (self.equals, self.includes):
            if mapping:
                pairs.extend(mapping.items())
        if self.in_:
            pairs.extend((q, v) for q, vs in self.in_.items() for v in vs)
        for child in self.children():
            pairs.extend(child.values())
        return pairs

    def describe(self) -> str:
        """The condition in words, for diagrams and traces."""
        if self.equals is not None:
            return " and ".join(f"{q} is {v}" for q, v in self.equals.items())
        if self.in_ is not None:
            return " and ".join(f"{q} is one of {', '.join(vs)}" for q, vs in self.in_.items())
        if self.includes is not None:
            return " and ".join(f"{q} includes {v}" for q, v in self.includes.items())
        if self.answered is not None:
            return f"{self.answered} is answered"
        if self.age_months is not None:
            return f"age is {self.age_months}"
        if self.fits is not None:
            return f"{self.fits} fits"
        if self.any is not None:
            return "(" + " or ".join(c.describe() for c in self.any) + ")"
        if self.all is not None:
            return "(" + " and ".join(c.describe() for c in self.all) + ")"
        assert self.not_ is not None
        return f"not {self.not_.describe()}"


def _holds_value(answer: Any, value: str) -> bool:
    return value in answer if isinstance(answer, list) else answer == value


Condition.model_rebuild()
