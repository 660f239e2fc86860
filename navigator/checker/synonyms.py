"""SYN-001: the search thesaurus (`synonyms.yaml`) says each term once, every expansion says
something, and no term means only itself; otherwise a search quietly does less than the editor
meant."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding
from navigator.content.position import Position, SourceMap
from navigator.content.synonyms import Thesaurus, normalise


def check_synonyms(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for document in scope.bundle.extra.get(Thesaurus.__name__, []):
        if isinstance(document.model, Thesaurus):
            found += thesaurus_findings(document.model, document.source)
    return found


def thesaurus_findings(thesaurus: Thesaurus, source: SourceMap | None = None) -> list[Finding]:
    """Every SYN-001 finding of one thesaurus (`source` places findings on single items)."""
    found: list[Finding] = []
    first: dict[str, Position] = {}
    for number, entry in enumerate(thesaurus.synonyms):
        term = normalise(entry.term)
        at = entry.field_at("term")
        if not term:
            found.append(
                finding(
                    "SYN-001",
                    at,
                    f"the term '{entry.term}' has no letters or digits, so no search can use it.",
                    either("write the word people type", "remove the entry"),
                )
            )
            continue
        earlier = first.setdefault(term, at)
        if earlier != at:
            found.append(
                finding(
                    "SYN-001",
                    at,
                    f"the term '{entry.term}' is already in the thesaurus (at line "
                    f"{earlier.line}); only the first entry is used.",
                    either("merge the two entries' `means` into the first", "remove this one"),
                )
            )
        if not entry.means:
            found.append(
                finding(
                    "SYN-001",
                    entry.field_at("means"),
                    f"the term '{entry.term}' means nothing: its `means` list is empty.",
                    either("add the words the directory uses for it", "remove the entry"),
                )
            )
        for index, meaning in enumerate(entry.means):
            expansion = normalise(meaning)
            if not expansion:
                problem = f"an empty expansion of '{entry.term}'"
            elif expansion == term:
                problem = f"the term '{entry.term}' is listed as meaning itself"
            else:
                continue
            found.append(
                finding(
                    "SYN-001",
                    source.value(("synonyms", number, "means", index))
                    if source is not None
                    else entry.field_at("means"),
                    f"{problem}: a search gains nothing from it.",
                    either("write another word for it", "remove this expansion"),
                )
            )
    return found
