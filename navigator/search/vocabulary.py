"""The words of the directory, for typo correction, completion and "did you mean".

Whoosh's fuzzy terms run a Levenshtein automaton with no edge for a swap of two neighbouring
letters, so `anxeity` (a swap) is two edits from `anxiety` and missed at one. Here a
correction is found through a table of deletions (the SymSpell idea): a word and its typo
share a string once a letter or two is deleted from either, and a swap is one deletion on
each side. Candidates are then confirmed with the optimal-string-alignment distance, where a
swap costs 1. Looking up a word costs a few dozen dictionary probes, whatever the size of the
directory.

Deletions are stored once per word, and twice-deleted strings only for words of nine letters
or more (the only ones allowed two typos that need them), which keeps the table small.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Iterator, Mapping

from navigator.search.analysis import osa_distance, stem, typo_budget

_LONG = 9
"""Words of this length or more may have two typos."""


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


class Vocabulary:
    """Every word of the index (with the number of services it appears in) and extra words
    that only the thesaurus knows (so a misspelt abbreviation is still corrected)."""

    def __init__(self, frequencies: Mapping[str, int], extra: Iterable[str] = ()) -> None:
        self.frequency: dict[str, int] = dict(frequencies)
        self.stems = {stem(w) for w in self.frequency}
        for word in extra:
            self.frequency.setdefault(word, 0)
        self.words = sorted(self.frequency)
        self._table: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) < 4:
                continue
            self._add(word, word)
            once = set(_deletions(word))
            for d in once:
                self._add(d, word)
            if len(word) >= _LONG:
                for d in {dd for d1 in once for dd in _deletions(d1)} - once:
                    self._add(d, word)

    def _add(self, key: str, word: str) -> None:
        found = self._table.get(key)
        if found is None:
            self._table[key] = [word]
        elif found[-1] != word:
            found.append(word)

    def __contains__(self, word: object) -> bool:
        return word in self.frequency

    def __len__(self) -> int:
        return len(self.words)

    def known(self, word: str) -> bool:
        """Whether `word`, or another form of it, is a word here (thesaurus words too)."""
        return word in self.frequency or stem(word) in self.stems

    def in_directory(self, word: str) -> bool:
        """Whether `word`, or another form of it, is in some service's text."""
        return self.frequency.get(word, 0) > 0 or stem(word) in self.stems

    def corrections(self, word: str, limit: int = 3, budget: int | None = None) -> list[str]:
        """Words within `word`'s typo budget, closest and then commonest first."""
        allowed = typo_budget(word) if budget is None else budget
        if allowed <= 0:
            return []
        keys = {word}
        frontier = {word}
        for _ in range(allowed):
            frontier = {d for f in frontier for d in _deletions(f)}
            keys |= frontier
        scored: dict[str, int] = {}
        for key in keys:
            for candidate in self._table.get(key, ()):
                if candidate == word or candidate in scored:
                    continue
                distance = osa_distance(word, candidate, allowed)
                if distance <= allowed:
                    scored[candidate] = distance
        ranked = sorted(scored, key=lambda w: (scored[w], -self.frequency[w], w))
        return ranked[:limit]

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """The commonest words that start with `prefix` (and are longer than it)."""
        if len(prefix) < 2:
            return []
        start = bisect.bisect_right(self.words, prefix)
        end = bisect.bisect_left(self.words, prefix + "\U0010ffff", lo=start)
        found = self.words[start : min(end, start + 5000)]
        return heapq.nlargest(limit, found, key=lambda w: (self.frequency[w], -len(w)))

    def split(self, word: str) -> tuple[str, str] | None:
        """Two known words that run together make `word` (`healthvisitor`), if any."""
        best: tuple[str, str] | None = None
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            if left in self.frequency and self.known(right):
                if right in self.frequency:
                    return left, right
                best = best or (left, right)
        return best
