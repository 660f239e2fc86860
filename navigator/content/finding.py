"""Findings: what the checker says about content, each with a stable code and a place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from navigator.content.position import Position


class Severity(StrEnum):
    error = "error"
    """Blocks serving a new version; the last good version keeps serving."""
    warning = "warning"
    """Shown, but does not block."""


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str


def _catalogue(*codes: Code) -> dict[str, Code]:
    return {c.code: c for c in codes}


E, W = Severity.error, Severity.warning
CODES = _catalogue(
    Code("FILE-001", E, "file missing or unreadable"),
    Code("FILE-002", E, "file of an unknown kind"),
    Code("FILE-003", E, "file too large"),
    Code("YAML-001", E, "YAML syntax error"),
    Code("YAML-002", E, "anchor or alias"),
    Code("KEY-001", E, "unknown key"),
    Code("KEY-002", E, "required key missing"),
    Code("VAL-001", E, "value of the wrong kind"),
    Code("ID-001", E, "duplicate id"),
    Code("REF-001", E, "reference to nothing"),
    Code("AGE-001", E, "bad interval"),
    Code("FLOW-001", E, "unreachable question"),
    Code("FLOW-002", E, "choice not routed"),
    Code("FLOW-003", E, "cycle in the question flow"),
    Code("FLOW-004", E, "a leaf that is not a result"),
    Code("FLAG-001", E, "no red flags"),
    Code("FLAG-002", E, "red flag not mapped to an urgent disposition"),
    Code("COV-001", E, "no service at all for a combination"),
    Code("COV-002", W, "a specialist need met only by catch-alls"),
    Code("REV-001", W, "review date passed"),
    Code("REV-002", E, "review dates out of order"),
    Code("CONTACT-001", E, "malformed contact detail"),
    Code("CONTACT-002", E, "active service with no way in"),
    Code("SCEN-001", E, "scenario names something that does not exist"),
    Code("SVC-001", E, "service inconsistent with its status"),
    Code("SYN-001", E, "synonym problem"),
    Code("RULE-001", E, "a rule that never applies"),
    Code("RULE-002", E, "two rules with the same condition"),
    Code("RULE-003", E, "consult first with nothing to consult"),
    Code("RULE-004", E, "urgent routes offered by a routine rule"),
    Code("RULE-005", E, "`fits` in a question's branch"),
    Code("ENDED-001", E, "a service past its end date still active"),
    Code("EMPTY-001", E, "an empty list that must not be empty"),
    Code("BOUND-001", W, "a boundary no criterion enforces"),
    Code("READ-001", W, "family text hard to read"),
    Code("GEO-001", E, "an area decided by postcode with no membership"),
    Code("GEO-002", E, "a boundary file missing, unreadable or not a polygon"),
    Code("GEO-003", W, "areas that overlap where they should nest"),
    Code("GEO-004", E, "a malformed postcode district or sector"),
    Code("TRANS-001", W, "content not yet translated"),
    Code("TRANS-002", W, "a translation of English that has changed"),
    Code("TRANS-003", E, "a translation file in an unknown or unoffered language"),
    Code("TRANS-004", E, "a translation of a field that does not exist"),
)


@dataclass(frozen=True)
class Finding:
    """One thing the checker found, printed as `path:line:col: CODE severity: message`."""

    code: str
    severity: Severity
    path: str
    line: int
    col: int
    message: str
    hint: str

    def __str__(self) -> str:
        text = (
            f"{self.path}:{self.line}:{self.col}: {self.code} {self.severity.value}: {self.message}"
        )
        return f"{text}\n    {self.hint}" if self.hint else text

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @property
    def at(self) -> Position:
        return Position(self.path, self.line, self.col)


def finding(code: str, at: Position, message: str, hint: str = "") -> Finding:
    """A finding of catalogue code `code` at `at`."""
    entry = CODES[code]
    return Finding(code, entry.severity, at.path, at.line, at.col, message, hint)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word`, or None when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def spelt(word: str, candidates: Iterable[str]) -> str:
    """ "Did you mean 'x'? " for the closest candidate, to put before a hint ('' when none is
    close)."""
    near = closest(word, candidates)
    return f"Did you mean '{near}'? " if near else ""


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.error for f in findings)
