"""The search thesaurus (`synonyms.yaml`): the words people type mapped to the words the
directory uses. `PND` means postnatal depression, `HV` a health visitor, `baby blues` low mood.

Each entry is one way: a search for the `term` also looks for each of `means`. A pair that
should work both ways (postnatal and postpartum) is written as two entries. Terms and
expansions are compared after `normalise`: lower case, apostrophes dropped, punctuation as
spaces, so `A&E`, `a & e` and `A & E` are the same term.
"""

from __future__ import annotations

import re

from pydantic import Field

from navigator.content.directory import Content

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of `text` as search compares them: lower case, `won't` as `wont`."""
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(text.lower())]


def normalise(text: str) -> str:
    """A term or expansion as the thesaurus compares it."""
    return " ".join(words(text))


class Synonym(Content):
    """One term and what it also means."""

    term: str = Field(description="What people type: an abbreviation, lay words, an old name.")
    means: list[str] = Field(
        description="Words the directory uses for the same thing; each is searched as well."
    )
    note: str | None = Field(None, description="Why the entry is here, for the next editor.")


class Thesaurus(Content):
    """The whole of `synonyms.yaml`."""

    synonyms: list[Synonym] = Field(description="Every term, each once.")

    def mapping(self) -> dict[str, list[str]]:
        """Normalised term → normalised expansions (a repeated term: the first entry wins)."""
        found: dict[str, list[str]] = {}
        for entry in self.synonyms:
            term = normalise(entry.term)
            expansions = [normalise(m) for m in entry.means]
            if term and term not in found:
                found[term] = [e for e in expansions if e and e != term]
        return found
