"""What a check looks at: the loaded bundle, where each value was written, and today's date.

The content models know the position of each of their fields; `Scope.at` goes one step
further and finds the position of a key or item *inside* a field (one entry of an `equals`
mapping, one id in a list of areas), so a finding points at the exact word to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from navigator.content.directory import Directory
from navigator.content.loader import Bundle
from navigator.content.pathway import RED_FLAGS, Pathway, Question, QuestionKind
from navigator.content.position import Located, Path, Position, SourceMap
from navigator.engine.flow import SKIP, choices, red_flag_choices


@dataclass
class Scope:
    """Everything the checks need, built once per `check()`."""

    bundle: Bundle
    today: date
    _sources: dict[str, SourceMap] = field(default_factory=dict)
    _paths: dict[str, dict[Position, Path]] = field(default_factory=dict)

    @classmethod
    def of(cls, bundle: Bundle, today: date) -> Scope:
        scope = cls(bundle, today)
        sources = [source for _, source in [*bundle.pathways, *bundle.scenario_files]]
        if bundle.directory_source is not None:
            sources.append(bundle.directory_source)
        for source in sources:
            scope._sources[source.path] = source
            paths: dict[Position, Path] = {}
            for path, position in source._values.items():
                paths.setdefault(position, path)
            scope._paths[source.path] = paths
        return scope

    @property
    def directory(self) -> Directory | None:
        return self.bundle.directory

    def pathways(self) -> Iterator[Pathway]:
        for pathway, _ in self.bundle.pathways:
            yield pathway

    def at(self, model: Located, *inside: str | int, key: bool = False) -> Position:
        """The position of `inside` (keys and indexes below `model`), or of its key when `key`.

        Falls back to the model's own position when the value was not written in a file.
        """
        source = self._sources.get(model.at.path)
        path = self._paths.get(model.at.path, {}).get(model.at)
        if source is None or path is None:
            return model.field_at(str(inside[0])) if inside else model.at
        full = (*path, *inside)
        return source.key(full) if key else source.value(full)


def choice_ids(question: Question, directory: Directory | None) -> list[str] | None:
    """The ids a question's answer may take, or None when they cannot be known (free text,
    a number, or choices taken from a directory that was not loaded)."""
    if question.kind in (QuestionKind.months, QuestionKind.postcode):
        return None
    if question.choices_from is None:
        return [c.id for c in question.choices]
    if directory is None:
        return None
    return [c.id for c in choices(question, directory)]  # what the engine offers


def answer_ids(pathway: Pathway, question_id: str, directory: Directory | None) -> list[str] | None:
    """The answers the question `question_id` (or the red flag question) takes, with 'unknown'
    when it may be skipped; None when they cannot be known or there is no such question."""
    if question_id == RED_FLAGS:
        return [c.id for c in red_flag_choices(pathway)]
    question = pathway.question(question_id)
    if question is None:
        return None
    ids = choice_ids(question, directory)
    return [*ids, SKIP] if ids is not None and question.optional else ids


def vocabulary_ids(question: Question, directory: Directory | None) -> list[str]:
    """The choices a question takes from the directory (`choices_from`)."""
    if directory is None or question.choices_from is None:
        return []
    if question.choices_from == "concerns":
        return [c.id for c in directory.concerns]
    if question.choices_from == "facts":
        return [f.id for f in directory.facts]
    return [n.id for n in directory.need_levels]


def either(*fixes: str) -> str:
    """'Please either A, or B.' — the hint every finding ends with."""
    if len(fixes) == 1:
        return f"Please {fixes[0]}."
    return "Please either " + ", or ".join(fixes) + "."


def quoted(ids: list[str] | set[str], limit: int = 8) -> str:
    """'a', 'b' and 'c' — at most `limit` of them, then how many more ('none' for none)."""
    if not ids:
        return "none"
    ordered = ids if isinstance(ids, list) else sorted(ids)
    shown = [f"'{i}'" for i in ordered[:limit]]
    more = len(ids) - len(shown)
    if more:
        shown.append(f"{more} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]
