"""What a query means: its words, what each may also be, and a "did you mean".

User input is never parsed as query syntax: it is cut into words (`name:x`, `*`, quotes and
`~` are just punctuation), the words into thesaurus segments, and each segment gets
alternatives, each with a weight:

- the words as typed (1.0);
- the thesaurus expansions (`PND` → postnatal depression);
- corrections of a word the directory does not know, within its typo budget, swaps of
  neighbouring letters included (`anxeity` → anxiety);
- two known words run together (`healthvisitor` → health visitor);
- completions of the last word, for search-as-you-type (`heal` → health, healthy).

The same interpretation feeds Whoosh and the FTS5 baseline, so the benchmark compares the
engines, not the query handling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from navigator.search.analysis import STOP_WORDS, stem, words
from navigator.search.synonyms import Synonyms
from navigator.search.vocabulary import Vocabulary

__all__ = ["Alternative", "Clause", "Interpretation", "Kind", "interpret"]

MAX_WORDS = 12
"""Words after this many are ignored: a search box, not a document."""


class Kind(StrEnum):
    exact = "exact"
    synonym = "synonym"
    typo = "typo"
    compound = "compound"
    prefix = "prefix"


WEIGHTS: dict[Kind, float] = {
    Kind.exact: 1.0,
    Kind.synonym: 0.8,
    Kind.compound: 0.9,
    Kind.typo: 0.7,
    Kind.prefix: 0.6,
}
CHAINED = 0.75
"""The weight of an expansion of an expansion, relative to a direct one. Chains are followed
only for terms the directory does not use (PND, IAPT): a word it does use finds its services
already, and every extra alternative costs search time."""


@dataclass(frozen=True)
class Alternative:
    """Words that must all match (stop words aside), and how much a match counts."""

    words: tuple[str, ...]
    kind: Kind
    weight: float

    @property
    def content_words(self) -> tuple[str, ...]:
        kept = tuple(w for w in self.words if w not in STOP_WORDS)
        return kept or self.words


@dataclass(frozen=True)
class Clause:
    """One segment of the query; a service matches it through any one alternative."""

    text: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Interpretation:
    text: str
    clauses: tuple[Clause, ...]
    corrected: tuple[tuple[str, str], ...] = ()
    """(word as typed, correction used), in query order."""
    suggestion: str | None = None
    """The query with each correction made, for "did you mean"."""

    @property
    def empty(self) -> bool:
        return not self.clauses

    def without(self, *kinds: Kind) -> Interpretation:
        """The same interpretation with some kinds of alternative dropped (the baseline)."""
        clauses = []
        for clause in self.clauses:
            kept = tuple(a for a in clause.alternatives if a.kind not in kinds)
            if kept:
                clauses.append(Clause(clause.text, kept))
        return Interpretation(self.text, tuple(clauses))


def interpret(
    text: str, vocabulary: Vocabulary, synonyms: Synonyms, *, prefix: bool = True
) -> Interpretation:
    """The interpretation of `text`. `prefix` completes the last word unless the text ends
    in a space (the person has finished the word)."""
    typed = words(text)[:MAX_WORDS]
    complete_last = prefix and bool(text) and not text[-1].isspace()
    # Misspelt words are corrected before the thesaurus is consulted, so that
    # `postnatal depresion` still meets the term `postnatal depression`.
    reading = [
        _best_correction(w, vocabulary, synonyms, last=complete_last and n == len(typed) - 1)
        for n, w in enumerate(typed)
    ]
    clauses: list[Clause] = []
    corrected: list[tuple[str, str]] = []
    start = 0
    segments = synonyms.segments(reading)
    only_stop_words = all(not s.expansions and s.words[0] in STOP_WORDS for s in segments)
    for segment in segments:
        span = range(start, start + len(segment.words))
        start = span.stop
        last = complete_last and span.stop == len(typed)
        if not segment.expansions and segment.words[0] in STOP_WORDS and not only_stop_words:
            continue
        if segment.expansions:
            fixes = [(typed[k], reading[k]) for k in span if typed[k] != reading[k]]
            corrected += fixes
            factor = WEIGHTS[Kind.typo] if fixes else 1.0
            alternatives = [
                Alternative(segment.words, Kind.typo if fixes else Kind.exact, factor),
                *_expansions(segment.expansions, factor),
            ]
            if not all(vocabulary.in_directory(w) for w in segment.words):
                alternatives += _expansions(segment.chained, factor * CHAINED)
            if fixes and len(span) == 1:
                alternatives.insert(0, Alternative((typed[span[0]],), Kind.exact, 1.0))
            if last and len(span) == 1:
                alternatives += _completions(typed[span[0]], vocabulary, limit=3)
            text_ = " ".join(typed[k] for k in span)
        else:
            word = typed[span[0]]
            alternatives, correction = _word(word, vocabulary, synonyms, last=last)
            if correction is not None:
                corrected.append((word, correction))
            text_ = word
        clauses.append(Clause(text_, _distinct(alternatives)))
    suggestion = None
    if corrected:
        replaced = dict(corrected)
        suggestion = " ".join(replaced.get(w, w) for w in typed)
    return Interpretation(text, tuple(clauses), tuple(corrected), suggestion)


def _best_correction(word: str, vocabulary: Vocabulary, synonyms: Synonyms, *, last: bool) -> str:
    """The word the thesaurus should see: `word`, or its closest correction if unknown."""
    if vocabulary.known(word) or synonyms.knows_word(word):
        return word
    if last and vocabulary.completions(word, limit=1):
        return word
    found = vocabulary.corrections(word, limit=1)
    return found[0] if found else word


def _expansions(expansions: Sequence[tuple[str, ...]], weight: float = 1.0) -> list[Alternative]:
    return [Alternative(e, Kind.synonym, WEIGHTS[Kind.synonym] * weight) for e in expansions]


def _distinct(alternatives: list[Alternative]) -> tuple[Alternative, ...]:
    """One alternative per stemmed form (`help`, `helps`, `helping` are one), the weightiest."""
    best: dict[tuple[str, ...], Alternative] = {}
    for alternative in alternatives:
        key = tuple(stem(w) for w in alternative.content_words)
        if key not in best or alternative.weight > best[key].weight:
            best[key] = alternative
    return tuple(best.values())


def _completions(word: str, vocabulary: Vocabulary, limit: int) -> list[Alternative]:
    return [
        Alternative((c,), Kind.prefix, WEIGHTS[Kind.prefix])
        for c in vocabulary.completions(word, limit=limit)
    ]


def _word(
    word: str, vocabulary: Vocabulary, synonyms: Synonyms, *, last: bool
) -> tuple[list[Alternative], str | None]:
    """The alternatives of one word, and the correction to suggest for it, if any."""
    alternatives = [Alternative((word,), Kind.exact, WEIGHTS[Kind.exact])]
    known = vocabulary.known(word)
    # Fewer completions for fewer letters: `he` could be anything.
    limit = 2 if known else min(8, 2 * (len(word) - 1))
    completions = _completions(word, vocabulary, limit=limit) if last else []
    alternatives += completions
    if known or completions:
        return alternatives, None
    suggestion: str | None = None
    for rank, correction in enumerate(vocabulary.corrections(word)):
        weight = WEIGHTS[Kind.typo] * (1.0 if rank == 0 else 0.8)
        alternatives.append(Alternative((correction,), Kind.typo, weight))
        alternatives += _expansions(synonyms.expansions(correction), weight)
        if not vocabulary.in_directory(correction):
            alternatives += _expansions(synonyms.chained(correction), weight * CHAINED)
        suggestion = suggestion or correction
    if suggestion is None:
        parts = vocabulary.split(word)
        if parts is not None:
            alternatives.append(Alternative(parts, Kind.compound, WEIGHTS[Kind.compound]))
            suggestion = " ".join(parts)
    return alternatives, suggestion
