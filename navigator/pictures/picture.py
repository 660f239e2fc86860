"""What every picture gives: the SVG, a text alternative in words, and a table with the same
facts, so nobody needs to see the picture to have its content."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table with the picture's facts: the first cell of each row heads the row."""

    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Picture:
    """An SVG picture (escaped, no script, no inline style), what it shows in words, and the
    equivalent table or tables."""

    id: str
    title: str
    summary: str
    """The text alternative: what the picture shows, in a few sentences."""
    svg: str
    tables: tuple[Table, ...] = field(default_factory=tuple)
