"""Merging gaps into blocks that read well: "after the birth, 24–35 months; 'sleep' or
'bonding'" instead of one line for every combination."""

from __future__ import annotations

from dataclasses import dataclass

Cell = tuple[int, ...]
"""One combination: for each axis, the index of its value."""


@dataclass(frozen=True)
class Block:
    """A box of combinations: for each axis, the set of value indexes it spans."""

    sets: tuple[frozenset[int], ...]
    tag: str
    """What must be equal for two blocks to merge (the rule that applies)."""

    @property
    def size(self) -> int:
        total = 1
        for chosen in self.sets:
            total *= len(chosen)
        return total


def merge(cells: list[tuple[Cell, str]], order: list[int]) -> list[Block]:
    """Merge cells into blocks, one axis at a time in `order`, until nothing more merges.

    Two blocks merge along an axis when they agree on every other axis and on the tag, so
    every block is exactly a product of its sets: it never claims a combination that is not
    a gap.
    """
    blocks = {Block(tuple(frozenset([i]) for i in cell), tag) for cell, tag in cells}
    while True:
        before = len(blocks)
        for axis in order:
            groups: dict[tuple[str, tuple[frozenset[int], ...]], set[int]] = {}
            for block in blocks:
                rest = block.sets[:axis] + block.sets[axis + 1 :]
                groups.setdefault((block.tag, rest), set()).update(block.sets[axis])
            blocks = {
                Block((*rest[:axis], frozenset(union), *rest[axis:]), tag)
                for (tag, rest), union in groups.items()
            }
        if len(blocks) == before:
            break
    return sorted(blocks, key=lambda b: (tuple(sorted(s)[0] for s in b.sets), b.tag))
