"""The words of the content that families read, each with the key a translation file names it
by: `site.title`, `services.<id>.name`, `pathways.<id>.questions.<id>.choices.<id>.label`.

Where an object has a family wording (`family_label`) that is the field families read and so
the one translated; otherwise its only wording (`label`) is. Practitioner-only pathways and
decommissioned services are not translated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from navigator.content.directory import Directory, ServiceStatus
from navigator.content.pathway import Pathway
from navigator.content.position import Located, Position
from navigator.content.vocabulary import Audience, RouteKind


@dataclass(frozen=True)
class Slot:
    """One field of the content that families read."""

    key: str
    kind: str
    """What it belongs to, in words, for counts: 'services', 'questions', 'red flags', …"""
    owner: Located
    field: str

    @property
    def english(self) -> str:
        return str(getattr(self.owner, self.field) or "")

    @property
    def at(self) -> Position:
        return self.owner.field_at(self.field)


KINDS = (
    "site",
    "services",
    "concerns",
    "need levels",
    "facts",
    "questions",
    "choices",
    "red flags",
    "dispositions",
    "advice",
)
"""The kinds of slot, in the order reports list them."""


def slots(directory: Directory, pathways: Iterable[Pathway]) -> list[Slot]:
    """Every family-facing field with English to translate, in the content's order."""
    return list(_slots(directory, pathways))


def _slots(directory: Directory, pathways: Iterable[Pathway]) -> Iterator[Slot]:
    for name in ("title", "ages"):
        yield from _plain("site", "site", directory.site, name)
    for service in directory.services:
        if service.status is not ServiceStatus.active:
            continue
        key = f"services.{service.id}"
        yield from _plain("services", key, service, "name")
        described = "family_description" if service.family_description else "remit"
        yield from _plain("services", key, service, described)
        urgent = service.route(RouteKind.urgent)
        if urgent is not None:
            yield from _plain("services", f"{key}.routes.urgent", urgent, "how")
        for n, boundary in enumerate(service.not_for, 1):
            where = f"{key}.not_for.{n}"
            yield from _plain("services", where, boundary, "who")
            instead = "family_instead_text" if boundary.family_instead_text else "instead_text"
            yield from _plain("services", where, boundary, instead)
    for concern in directory.concerns:
        yield from _family("concerns", f"concerns.{concern.id}", concern, "label")
    for level in directory.need_levels:
        yield from _family("need levels", f"need_levels.{level.id}", level, "label")
        yield from _plain("need levels", f"need_levels.{level.id}", level, "description")
    for fact in directory.facts:
        yield from _family("facts", f"facts.{fact.id}", fact, "label")
    for pathway in pathways:
        if Audience.family not in pathway.audiences:
            continue
        yield from _pathway(pathway)


def _pathway(pathway: Pathway) -> Iterator[Slot]:
    base = f"pathways.{pathway.id}"
    yield from _family("red flags", base, pathway, "red_flag_question")
    for flag in pathway.red_flags:
        key = f"{base}.red_flags.{flag.id}"
        yield from _family("red flags", key, flag, "label")
        yield from _plain("red flags", key, flag, "why_we_ask")
    for question in pathway.questions:
        key = f"{base}.questions.{question.id}"
        yield from _family("questions", key, question, "text")
        yield from _family("questions", key, question, "hint")
        yield from _plain("questions", key, question, "why_we_ask")
        for choice in question.choices:
            where = f"{key}.choices.{choice.id}"
            yield from _family("choices", where, choice, "label")
            yield from _plain("choices", where, choice, "hint")
    for disposition in pathway.dispositions:
        key = f"{base}.dispositions.{disposition.id}"
        yield from _family("dispositions", key, disposition, "title")
        yield from _family("dispositions", key, disposition, "advice")
        yield from _plain("dispositions", key, disposition, "while_you_wait")
    for rule in pathway.rules:  # a rule without family advice is for practitioners only
        yield from _plain("advice", f"{base}.rules.{rule.id}", rule, "family_advice")


def _family(kind: str, key: str, owner: Located, name: str) -> Iterator[Slot]:
    """The family wording `family_<name>` where the content has one, else `<name>`."""
    family = f"family_{name}"
    chosen = family if getattr(owner, family, None) else name
    yield from _plain(kind, key, owner, chosen)


def _plain(kind: str, key: str, owner: Located, name: str) -> Iterator[Slot]:
    if getattr(owner, name, None):
        yield Slot(f"{key}.{name}", kind, owner, name)
