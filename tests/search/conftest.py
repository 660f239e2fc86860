"""Search fixtures: in-memory indexes of the small example directory and of the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.content.directory import Directory
from navigator.content.loader import load
from navigator.search.index import Generation, build_in_memory
from navigator.search.synonyms import Synonyms, load_synonyms

ROOT = Path(__file__).resolve().parents[2]
JUDGED = ROOT / "tests" / "fixtures" / "search" / "judged-queries.yaml"

SMALL_THESAURUS = {
    "hv": ["health visiting"],
    "pnd": ["postnatal depression", "low mood"],
    "postnatal depression": ["low mood"],
    "baby blues": ["low mood"],
}


def directory_from(path: Path) -> Directory:
    bundle = load([path])
    assert not bundle.findings and not bundle.unreadable, bundle.findings
    assert bundle.directory is not None
    return bundle.directory


@pytest.fixture(scope="session")
def small(directory: Directory) -> Generation:
    """The example directory (tests/fixtures/good) with a small thesaurus."""
    return build_in_memory(directory, Synonyms(SMALL_THESAURUS))


@pytest.fixture(scope="session")
def shipped_directory() -> Directory:
    return directory_from(ROOT / "services.yaml")


@pytest.fixture(scope="session")
def shipped_synonyms() -> Synonyms:
    return load_synonyms(ROOT / "synonyms.yaml")


@pytest.fixture(scope="session")
def shipped(shipped_directory: Directory, shipped_synonyms: Synonyms) -> Generation:
    """The shipped services.yaml and synonyms.yaml, indexed in memory."""
    return build_in_memory(shipped_directory, shipped_synonyms)


HEADER = """\
version: 2026.11.1
areas:
  - {id: england, name: England, kind: country}
  - {id: bradford-district, name: Bradford district, kind: local_authority, within: england}
  - {id: better-start-bradford, name: Better Start Bradford area, kind: ward_group,
     within: bradford-district}
concerns:
  - {id: low-mood, label: Parental low mood or anxiety, family_label: Feeling low}
  - {id: sleep, label: "Crying, sleep or feeding"}
need_levels:
  - {id: emerging, label: Emerging worry}
services:
"""


def make_directory(tmp_path: Path, services: str) -> Directory:
    """A directory of the given services (YAML list items, indented by two spaces)."""
    path = tmp_path / "services.yaml"
    path.write_text(HEADER + services, encoding="utf-8")
    return directory_from(path)


def service(id: str, name: str, routes: str, **fields: str) -> str:
    """One service as YAML; `routes` is the YAML of its route list, indented by six."""
    extra = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    defaults = {
        "provider": "Example",
        "ring": "universal",
        "description": f"{name} description.",
        "remit": f"{name} remit.",
    }
    given = "".join(f"    {k}: {v}\n" for k, v in defaults.items() if k not in fields)
    return (
        f"  - id: {id}\n    name: {name}\n{given}{extra}"
        f"    last_reviewed: 2026-06-01\n    review_by: 2027-06-01\n    routes:\n{routes}"
    )
