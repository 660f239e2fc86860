"""Merging gap combinations into blocks: exactly the gaps, each once, as few blocks as greedy
merging finds."""

from __future__ import annotations

from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from navigator.checker.blocks import Block, merge

cells = st.sets(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2)), max_size=30)


def covered(blocks: list[Block]) -> list[tuple[int, ...]]:
    return [cell for block in blocks for cell in product(*(sorted(s) for s in block.sets))]


@given(cells)
def test_blocks_hold_exactly_the_cells_each_once(chosen: set[tuple[int, int, int]]) -> None:
    blocks = merge([(cell, "rule") for cell in chosen], [0, 1, 2])
    listed = covered(blocks)
    assert sorted(listed) == sorted(chosen)


def test_a_full_box_is_one_block() -> None:
    box = list(product(range(4), range(3)))
    [block] = merge([(cell, "") for cell in box], [0, 1])
    assert block.sets == (frozenset(range(4)), frozenset(range(3)))
    assert block.size == 12


def test_cells_under_different_rules_stay_apart() -> None:
    blocks = merge([((0, 0), "a"), ((1, 0), "b")], [0, 1])
    assert {b.tag for b in blocks} == {"a", "b"}
