from __future__ import annotations

import pytest

from navigator.content.directory import Directory
from navigator.search.baseline import Fts5Index
from navigator.search.synonyms import Synonyms
from tests.search.conftest import SMALL_THESAURUS


@pytest.fixture(scope="module")
def fts(directory: Directory) -> Fts5Index:
    return Fts5Index(directory, Synonyms(SMALL_THESAURUS))


@pytest.mark.parametrize(
    "text", ['sleep "problems', "self-referral", "name:(", "*", "a OR", "NEAR(x y)", "-", ""]
)
def test_user_text_never_reaches_match_as_syntax(fts: Fts5Index, text: str) -> None:
    fts.search_ids(text)  # FTS5 raises OperationalError on raw syntax errors


def test_same_fields_and_thesaurus(fts: Fts5Index) -> None:
    assert fts.search_ids("HV")[0] == "health-visiting"
    assert fts.search_ids("old infant team")[0] == "infant-mh"
    assert fts.search_ids("old project")[0] == "health-visiting"


def test_prefix_and_the_difflib_stand_in_for_typos(fts: Fts5Index) -> None:
    assert fts.search_ids("therap")[0] == "talking-therapies"
    assert fts.search_ids("anxeity ") == []
    assert fts.search_ids("anxeity ", typos=True)[0] == "talking-therapies"
