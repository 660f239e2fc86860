"""The whole answer space of the example pathway: no dead ends, never an empty result."""

from __future__ import annotations

from navigator.content.directory import Directory
from navigator.content.pathway import Pathway
from navigator.engine.explore import ages, explore
from navigator.geo.lookup import PostcodeLookup

POSTCODES = ("BD3 8AA", "BD5 0AA", "BD1 4AJ", "BD9 9ZZ", "M1 1AE")


def test_every_path_ends_in_a_result(pathway: Pathway, directory: Directory) -> None:
    found = explore(pathway, directory, PostcodeLookup.default(), POSTCODES)
    assert not found.truncated
    assert found.dead_ends == []
    assert found.empty == []
    # 1 red flag + 2 audiences x (pregnancy + 4 ages) x 6 concern answers (4 single, a pair,
    # all three) x 2 needs x 6 places (5 postcodes and skipped)
    assert found.results == 1 + 2 * (1 + len(ages(directory, 0, 36))) * 6 * 2 * 6


def test_ages_include_both_sides_of_each_edge(directory: Directory) -> None:
    assert ages(directory, 0, 36) == [0, 23, 24, 36]


def test_a_dead_end_is_found(pathway: Pathway, directory: Directory) -> None:
    # A question whose only branch goes nowhere: the walk must report it, not hide it.
    broken = pathway.model_copy(deep=True)
    need = broken.question("need")
    assert need is not None
    need.next[0].goto = "need"
    found = explore(broken, directory, None, ("BD3 8AA",), limit=5_000)
    assert found.dead_ends
