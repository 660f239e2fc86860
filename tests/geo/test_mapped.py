"""The memory-mapped form of the lookup answers exactly as the text form does."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.geo.lookup import LookupFileError, PostcodeLookup
from navigator.geo.mapped import MappedEntries, load_mapped, save_mapped


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory, lookup: PostcodeLookup) -> PostcodeLookup:
    base = tmp_path_factory.mktemp("mapped") / "lookup"
    save_mapped(lookup, base)
    found = load_mapped(base, name="lookup")
    assert found is not None
    return found


def test_every_postcode_answers_the_same(lookup: PostcodeLookup, mapped: PostcodeLookup) -> None:
    assert isinstance(mapped.entries(), MappedEntries)
    assert len(mapped) == len(lookup)
    assert sorted(mapped.postcodes()) == sorted(lookup.postcodes())
    for postcode in lookup.postcodes():
        assert mapped.locate(postcode) == lookup.locate(postcode), postcode
    assert mapped.covers == lookup.covers and mapped.example == lookup.example


@pytest.mark.parametrize("text", ["BD3 9ZZ", "M1 1AE", "hello", "BD13 9AA", "bd38aa", "ŁS1 1AA"])
def test_absent_and_odd_postcodes(
    lookup: PostcodeLookup, mapped: PostcodeLookup, text: str
) -> None:
    assert mapped.locate(text) == lookup.locate(text)
    assert (text in mapped) == (text in lookup)


def test_a_missing_or_damaged_set(tmp_path: Path, lookup: PostcodeLookup) -> None:
    assert load_mapped(tmp_path / "none") is None
    save_mapped(lookup, tmp_path / "x")
    (tmp_path / "x.meta.json").write_text("{not json")
    with pytest.raises(LookupFileError, match="cannot read"):
        load_mapped(tmp_path / "x")
