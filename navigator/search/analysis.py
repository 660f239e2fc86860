"""How text becomes search terms: words, stop words, stems, and how far a typo may stray.

The index and the query go through the same steps, so `Mum's` in a query and `mums` in
`services.yaml` meet at the stem `mum`:

1. words: runs of letters and digits, lower case, apostrophes dropped (`won't` → `wont`);
2. stop words (`the`, `and`, `not`, …) are left out of the stemmed fields;
3. Porter stems (`depression` → `depress`, `visiting` → `visit`).

The unstemmed words of every service also go to one `plain` field: the vocabulary that typo
correction, prefix completion and "did you mean" work on (a corrector over stems would
suggest stems, which nobody types).
"""

from __future__ import annotations

import functools
from typing import Any

from whoosh.analysis import STOP_WORDS as _WHOOSH_STOP_WORDS
from whoosh.analysis import (
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.lang.porter import stem as _porter

from navigator.content.synonyms import words

__all__ = [
    "STOP_WORDS",
    "WORD_PATTERN",
    "osa_distance",
    "plain_analyzer",
    "stem",
    "stemming_analyzer",
    "typo_budget",
    "words",
]

WORD_PATTERN = r"[^\W_]+(?:['’][^\W_]+)*"
"""A word: letters and digits, with inner apostrophes (the same as `synonyms.words`)."""

STOP_WORDS: frozenset[str] = frozenset(_WHOOSH_STOP_WORDS)
"""Words too common to rank by (Whoosh's English list)."""


def stemming_analyzer() -> Any:
    """The analyzer of every ranked text field: words, stop words out, Porter stems."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | SubstitutionFilter("['’]", "")
        | StopFilter(stoplist=STOP_WORDS, minsize=2)
        | StemFilter(stemfn=_porter, cachesize=-1)
    )


def plain_analyzer() -> Any:
    """The analyzer of the vocabulary field: words as typed, lower case, nothing dropped."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | SubstitutionFilter("['’]", "")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of one lower-case word."""
    return str(_porter(word))


def typo_budget(word: str) -> int:
    """How many typos a word may have: none under 5 letters, 1 up to 8, then 2.

    The thresholds are Meilisearch's defaults; a swap of two neighbouring letters counts
    as one typo (Damerau), which Whoosh's own fuzzy terms do not allow for.
    """
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def osa_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of `a` and `b` (insertions, deletions,
    substitutions and swaps of neighbours each cost 1), or `limit + 1` once it is over
    `limit`."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
