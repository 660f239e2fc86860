"""Expanding a query with the thesaurus (`synonyms.yaml`) before it is searched.

Whoosh has no synonym filter, so expansion happens on the query side: the words of a query
are cut into segments, longest thesaurus term first (`baby blues` before `baby`), and each
segment that is a term carries its expansions. Nothing changes in the index, so an edit to
`synonyms.yaml` needs no rebuild.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from navigator.content.loader import Unreadable, read_yaml, validate
from navigator.content.synonyms import Thesaurus, normalise

__all__ = ["Segment", "Synonyms", "load_synonyms"]


@dataclass(frozen=True)
class Segment:
    """A run of query words: one word, or a thesaurus term with what it also means."""

    words: tuple[str, ...]
    expansions: tuple[tuple[str, ...], ...] = ()
    chained: tuple[tuple[str, ...], ...] = ()
    """Expansions of the expansions (PND → postnatal depression → depression): weaker."""

    @property
    def text(self) -> str:
        return " ".join(self.words)


class Synonyms:
    """The thesaurus, ready to cut queries into segments."""

    def __init__(self, mapping: Mapping[str, Sequence[str]] | None = None) -> None:
        self._terms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        for term, means in (mapping or {}).items():
            key = tuple(normalise(term).split())
            expansions = tuple(tuple(normalise(m).split()) for m in means)
            if key:
                self._terms[key] = tuple(e for e in expansions if e and e != key)
        # One step of chaining: PND → postnatal depression → depression.
        self._chained: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        for key, expansions in self._terms.items():
            chained = [c for e in expansions for c in self._terms.get(e, ())]
            self._chained[key] = tuple(
                dict.fromkeys(c for c in chained if c != key and c not in expansions)
            )
        self._longest = max((len(k) for k in self._terms), default=1)
        self._words = {w for k in self._terms for w in k}

    @classmethod
    def of(cls, thesaurus: Thesaurus | None) -> Synonyms:
        return cls(thesaurus.mapping() if thesaurus is not None else {})

    def __len__(self) -> int:
        return len(self._terms)

    def single_words(self) -> set[str]:
        """Terms of one word (added to the vocabulary, so their typos are corrected too)."""
        return {k[0] for k in self._terms if len(k) == 1}

    def knows_word(self, word: str) -> bool:
        """Whether `word` is part of any term (`wont` in `wont settle`)."""
        return word in self._words

    def expansions(self, word: str) -> tuple[tuple[str, ...], ...]:
        return self._terms.get((word,), ())

    def chained(self, word: str) -> tuple[tuple[str, ...], ...]:
        return self._chained.get((word,), ())

    def segments(self, words: Sequence[str]) -> list[Segment]:
        """Cut `words` into segments, preferring the longest term at each place."""
        found: list[Segment] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                if key in self._terms:
                    found.append(Segment(key, self._terms[key], self._chained[key]))
                    i += size
                    break
            else:
                found.append(Segment((words[i],)))
                i += 1
        return found


def load_synonyms(path: Path) -> Synonyms:
    """The thesaurus in `path`; an empty one if the file is missing or invalid (the checker
    reports why; search still works, only without expansions)."""
    if not path.exists():
        return Synonyms()
    try:
        data, source = read_yaml(path)
    except Unreadable:
        return Synonyms()
    thesaurus = validate(Thesaurus, data, source, [])
    return Synonyms.of(thesaurus)
