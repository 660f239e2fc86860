"""A pathway (`pathways/*.yaml`): red flags and their dispositions, the question flow, the rules
that decide which routes to offer, the catch-all, and scenarios that test it all."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from navigator.content.condition import Answer, Condition, ServiceRef
from navigator.content.directory import Content, Wildcard
from navigator.content.vocabulary import ALL, Audience, RouteKind

RED_FLAGS = "red_flags"
"""The id of the question, always asked first, that lists a pathway's red flags."""
NONE_OF_THESE = "none"
"""The choice that says no red flag applies."""
DEFAULT_MONTHS = (0, 36)
"""The ages a `months` question accepts when it gives no `min` or `max`."""


class Disposition(Content):
    """Where a journey ends: an urgent disposition for red flags, or the routine result."""

    id: str = Field(description="Stable id, referred to by red flags and `goto`.")
    priority: int = Field(
        description="1 is the most urgent; the routine result has the highest number."
    )
    urgent: bool = Field(description="True for urgent help (the journey stops at once).")
    title: str = Field(description="What to do, as a heading, for practitioners.")
    family_title: str | None = Field(None, description="The heading for families.")
    advice: str = Field("", description="What to do now, in whole sentences.")
    family_advice: str | None = Field(None, description="The advice for families.")
    while_you_wait: str | None = Field(None, description="What to do while waiting for help.")
    services: list[ServiceRef] = Field(
        default_factory=list, description="Urgent routes to show first, in order."
    )


class RedFlag(Content):
    """A sign that needs urgent help. Any red flag answered yes ends the journey at its
    disposition."""

    id: str = Field(description="Stable id; the choice id of the red flag question.")
    label: str = Field(description="The practitioner's wording.")
    family_label: str | None = Field(None, description="The wording for families.")
    why_we_ask: str = Field(description="The rationale, shown on request and to commissioners.")
    disposition: str = Field(description="The id of the urgent disposition it leads to.")
    source: str | None = Field(None, description="Where the red flag comes from (NICE CG192, …).")


class QuestionKind(StrEnum):
    single = "single"
    multi = "multi"
    months = "months"
    postcode = "postcode"


class Sets(StrEnum):
    """Which eligibility fact a question's answer provides to the matching."""

    audience = "audience"
    stage = "stage"
    age_months = "age_months"
    concerns = "concerns"
    need = "need"
    postcode = "postcode"
    gp_area = "gp_area"
    facts = "facts"
    """A multi-select whose choice ids are named facts: a chosen one holds, the others not."""


class Choice(Content):
    """One answer a person can pick."""

    id: str = Field(description="Stable id, used in links, conditions and scenarios.")
    label: str = Field(description="The practitioner's wording.")
    family_label: str | None = Field(None, description="The wording for families.")
    hint: str | None = Field(None, description="A line of help under the label.")
    exclusive: bool = Field(False, description="In a multi-select, picking it clears the others.")


class Branch(Content):
    """One step out of a question: go to `goto` when `when` holds (or always, if no `when`)."""

    when: Condition | None = Field(None, description="The condition; left out means otherwise.")
    goto: str = Field(description="A question id or a disposition id.")


class Question(Content):
    """One question, on one page."""

    id: str = Field(description="Stable id; the key of its answer in links.")
    text: str = Field(description="The question for practitioners.")
    family_text: str | None = Field(None, description="The question for families.")
    hint: str | None = Field(None, description="Help under the question.")
    family_hint: str | None = Field(None, description="Help for families.")
    why_we_ask: str | None = Field(None, description="Why the answer matters.")
    kind: QuestionKind = Field(description="single, multi, months or postcode.")
    sets: Sets | None = Field(None, description="The eligibility fact the answer provides.")
    area: str | None = Field(
        None, description="For `sets: gp_area`: the area a 'yes' puts them in."
    )
    choices: list[Choice] = Field(default_factory=list, description="The answers to pick from.")
    choices_from: Literal["concerns", "need_levels", "facts"] | None = Field(
        None, description="Take the choices from the directory's vocabulary."
    )
    min: int | None = Field(None, description="For `months`: the smallest answer allowed.")
    max: int | None = Field(None, description="For `months`: the largest answer allowed.")
    optional: bool = Field(False, description="The person may skip it ('I don't know').")
    next: list[Branch] = Field(description="Where to go next; the first branch whose `when` holds.")

    def months_range(self) -> tuple[int, int]:
        """The smallest and largest age a `months` question accepts (both included)."""
        low, high = DEFAULT_MONTHS
        return (
            self.min if self.min is not None else low,
            self.max if self.max is not None else high,
        )


class Rule(Content):
    """A rule about which routes to offer and what to advise. Rules combine (see
    docs/decisions/rules.md): the first rule that applies and has `offer` decides the route
    kinds; every rule that applies and has no `offer` adds its advice, `ask_about` and
    `emphasis`. A rule with `consult_first` applies only when that consultation fits."""

    id: str = Field(description="Stable id, shown in the trace.")
    when: Condition | None = Field(None, description="The condition; left out means otherwise.")
    offer: list[RouteKind] | None = Field(
        None,
        description="Route kinds to offer. Left out, the rule only adds advice, `ask_about` "
        "and `emphasis` to the rule that decides.",
    )
    ask_about: list[RouteKind] = Field(
        default_factory=list,
        description="Route kinds shown as 'ask your health visitor about …' (family journeys).",
    )
    consult_first: ServiceRef | None = Field(
        None,
        description="The consultation to suggest before any referral, "
        "`{service: id, route: consultation}`; the rule applies only when it fits the family.",
    )
    emphasis: list[RouteKind] = Field(
        default_factory=list,
        description="The order of the result's sections (the kinds not named follow in the "
        "usual order): for example referral first for complex need.",
    )
    advice: str = Field(description="What the rule means, in words, for practitioners.")
    family_advice: str | None = Field(None, description="The same for families.")

    @property
    def decides(self) -> bool:
        """Whether the rule decides the route kinds (it has `offer`)."""
        return self.offer is not None


class Expectation(Content):
    """What a scenario expects: the next question, or a result's disposition and services."""

    asks: str | None = Field(None, description="The id of the question that should come next.")
    disposition: str | None = Field(None, description="The disposition the result should have.")
    includes: list[str] = Field(default_factory=list, description="`service/route` to include.")
    excludes: list[str] = Field(
        default_factory=list, description="`service` or `service/route` not to include."
    )
    near_misses: list[str] = Field(
        default_factory=list, description="`service/route` expected among the near-misses."
    )
    consult_first: bool | None = Field(None, description="Whether 'consult first' is said.")


class Scenario(Content):
    """Given these answers, expect this. Run by `navigator test` and in CI."""

    id: str = Field(description="Stable id.")
    title: str = Field(description="What the scenario is about, in words.")
    answers: dict[str, Answer] = Field(description="Answers by question id.")
    expect: Expectation = Field(description="What should happen.")


class Overlap(Content):
    """Referral routes that may all be offered for the same family, agreed by a commissioner:
    `navigator coverage` reports the combinations where only these services' referral routes
    overlap as agreed, not unexplained (docs/coverage.md)."""

    services: list[str] = Field(description="The service ids whose referral routes may overlap.")
    concerns: Wildcard | list[str] = Field(
        ALL, description="The concern ids the agreement is for, or `all`."
    )
    reason: str = Field(description="Why the overlap is right, in words a practitioner can use.")
    agreed_by: str = Field(description="Who agreed it (a role or a group).")
    agreed_on: date = Field(description="When it was agreed.")


class KnownGap(Content):
    """A specialist need the directory has no specialist service for, recorded by a
    commissioner: the gap stays in `navigator coverage` (marked known, with the reason), and
    COV-002 no longer warns about it until `review_by`."""

    concern: str = Field(description="The concern id.")
    need: str = Field(description="The need level id (the specialist level).")
    reason: str = Field(
        description="What is known: why there is no specialist service, or what is missing "
        "from the directory, and what families are offered meanwhile."
    )
    recorded_by: str = Field(description="Who recorded it (a role or a group).")
    recorded_on: date = Field(description="When it was recorded.")
    review_by: date = Field(description="When to look at it again; after it COV-002 warns again.")


class Pathway(Content):
    """A whole pathway file."""

    id: str = Field(description="Stable id, used in links.")
    title: str = Field(description="The pathway's name.")
    version: str = Field(description="CalVer (2026.11.1); shown on every result.")
    status: Literal["draft", "live"] = Field("live", description="draft or live.")
    owner: str | None = Field(None, description="Who signs the pathway off.")
    description: str = Field("", description="What the pathway is for.")
    audiences: list[Audience] = Field(description="Who it is for.")
    red_flags: list[RedFlag] = Field(description="Asked first; any yes ends the journey.")
    red_flag_question: str = Field(
        "Are any of these happening now?", description="The question that lists the red flags."
    )
    family_red_flag_question: str | None = Field(None, description="The same, for families.")
    dispositions: list[Disposition] = Field(description="Where journeys end.")
    start: str = Field(description="The first question after the red flags.")
    questions: list[Question] = Field(description="The question flow.")
    rules: list[Rule] = Field(
        description="Which route kinds to offer and what to advise; rules combine (see `Rule`)."
    )
    fallback: list[ServiceRef] = Field(
        description="Catch-all routes shown if nothing else matches, so a result is never empty."
    )
    scenarios: list[Scenario] = Field(default_factory=list, description="Tests of the pathway.")
    overlaps: list[Overlap] = Field(
        default_factory=list,
        description="Overlaps of referral routes a commissioner has agreed "
        "(`navigator coverage` reports them as agreed).",
    )
    known_gaps: list[KnownGap] = Field(
        default_factory=list,
        description="Specialist needs with no specialist service, recorded by a commissioner "
        "(COV-002 does not warn about them until their `review_by`).",
    )

    def known_gap(self, concern: str, need: str, today: date) -> KnownGap | None:
        """The recorded gap for this concern and need, if one is recorded and not yet due."""
        return next(
            (g for g in self.known_gaps
             if g.concern == concern and g.need == need and today <= g.review_by),
            None,
        )  # fmt: skip

    def model_post_init(self, context: object, /) -> None:
        super().model_post_init(context)
        # Looked up on every step of every journey: indexed once (the first of a repeated id
        # wins, as a scan would find it; the checker reports the repeat).
        self._questions = {q.id: q for q in reversed(self.questions)}
        self._dispositions = {d.id: d for d in reversed(self.dispositions)}
        self._months = next((q for q in self.questions if q.kind is QuestionKind.months), None)

    def question(self, id: str) -> Question | None:
        return self._questions.get(id)

    def disposition(self, id: str) -> Disposition | None:
        return self._dispositions.get(id)

    def months_question(self) -> Question | None:
        """The question that asks the baby's age (the first `months` question): the answer that
        `age_months` conditions read."""
        return self._months


class ScenarioFile(Content):
    """A file of scenarios kept beside a pathway (`*.scenarios.yaml`)."""

    pathway: str = Field(description="The id of the pathway the scenarios test.")
    scenarios: list[Scenario] = Field(description="The scenarios.")
