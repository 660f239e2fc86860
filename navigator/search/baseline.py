"""The SQLite FTS5 baseline that the benchmark scores Whoosh against.

Same documents, same fields and weights (`FIELD_BOOSTS` as `bm25()` column weights), the
same Porter stemming and the same query interpretation (thesaurus expansions, the last word
as a prefix), so the comparison is of the engines. FTS5 has no typo tolerance of its own:
`typos=True` adds the usual stand-in, `difflib` corrections against the index's vocabulary.
Raw user text never reaches `MATCH`: every word is quoted.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Sequence

from navigator.content.directory import Directory
from navigator.search.analysis import typo_budget
from navigator.search.interpret import Alternative, Interpretation, Kind, interpret
from navigator.search.schema import FIELD_BOOSTS, TEXT_FIELDS, documents
from navigator.search.synonyms import Synonyms
from navigator.search.vocabulary import Vocabulary

__all__ = ["Fts5Index"]

_NO_TYPOS = (Kind.typo, Kind.compound, Kind.prefix)


class Fts5Index:
    """A directory indexed in SQLite FTS5 (in memory unless `path` is given)."""

    def __init__(self, directory: Directory, synonyms: Synonyms, path: str = ":memory:") -> None:
        self.synonyms = synonyms
        self.db = sqlite3.connect(path, check_same_thread=False)
        columns = ", ".join(TEXT_FIELDS)
        self.db.executescript(
            f"""
            CREATE VIRTUAL TABLE services USING fts5(
                id UNINDEXED, {columns},
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE VIRTUAL TABLE plain USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE plain_vocab USING fts5vocab(plain, row);
            """
        )
        rows = [(d["id"], *(d[f] for f in TEXT_FIELDS)) for d in documents(directory)]
        marks = ", ".join("?" * (len(TEXT_FIELDS) + 1))
        with self.db:
            self.db.executemany(f"INSERT INTO services VALUES ({marks})", rows)
            self.db.executemany("INSERT INTO plain VALUES (?)", [(" ".join(r[1:]),) for r in rows])
        self._prepare()

    @classmethod
    def open(cls, path: str, synonyms: Synonyms) -> Fts5Index:
        """An index built before, in the SQLite file `path`."""
        index = cls.__new__(cls)
        index.synonyms = synonyms
        index.db = sqlite3.connect(path, check_same_thread=False)
        index._prepare()
        return index

    def _prepare(self) -> None:
        frequencies = dict(self.db.execute("SELECT term, doc FROM plain_vocab").fetchall())
        self.vocabulary = Vocabulary(frequencies, extra=self.synonyms.single_words())
        weights = ", ".join(str(FIELD_BOOSTS[f]) for f in TEXT_FIELDS)
        self._sql = (
            f"SELECT id FROM services WHERE services MATCH ? "
            f"ORDER BY bm25(services, 0, {weights}) LIMIT ?"
        )

    def close(self) -> None:
        self.db.close()

    def search_ids(
        self, text: str, limit: int = 10, *, prefix: bool = True, typos: bool = False
    ) -> list[str]:
        """Service ids for `text`, best first."""
        interpretation = interpret(text, self.vocabulary, self.synonyms, prefix=False)
        interpretation = interpretation.without(*_NO_TYPOS)
        expression = self.match_expression(interpretation, prefix=prefix, typos=typos)
        if not expression:
            return []
        return [row[0] for row in self.db.execute(self._sql, (expression, limit))]

    def match_expression(self, interpretation: Interpretation, *, prefix: bool, typos: bool) -> str:
        """The FTS5 MATCH expression: clauses OR-ed, each an OR of its alternatives."""
        complete_last = (
            prefix and bool(interpretation.text) and not interpretation.text[-1].isspace()
        )
        clauses: list[str] = []
        for n, clause in enumerate(interpretation.clauses):
            last = complete_last and n == len(interpretation.clauses) - 1
            alternatives = [_and(a, star=last and len(a.words) == 1) for a in clause.alternatives]
            if typos:
                for alternative in clause.alternatives:
                    if alternative.kind is Kind.exact and len(alternative.words) == 1:
                        alternatives += [f'"{c}"' for c in self._close(alternative.words[0])]
            clauses.append("(" + " OR ".join(alternatives) + ")")
        return " OR ".join(clauses)

    def _close(self, word: str) -> Sequence[str]:
        if typo_budget(word) == 0 or self.vocabulary.known(word):
            return []
        return difflib.get_close_matches(word, self.vocabulary.words, n=3, cutoff=0.8)


def _and(alternative: Alternative, *, star: bool) -> str:
    quoted = [f'"{w}"' for w in alternative.content_words]
    if star:
        quoted[-1] += "*"
    return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"
