"""Postcode → areas, from the compact lookup built by `navigator.geo.build`.

`PostcodeLookup.default().locate("bd38aa")` gives a `Location`: the areas the postcode is in,
the areas whose edge is close enough that it may be on either side, the GP-registration areas
it hints at, and a sentence for people. `locate` never raises.

The lookup file (`navigator/geo/data/postcodes.tsv.gz`) is gzipped UTF-8 text::

    navigator-postcodes/1
    # attribution lines
    table<TAB>N
    N lines: areas<TAB>near_boundary<TAB>hints     (comma-separated ids, "-" for none)
    districts<TAB>M
    M lines: district<TAB>inward codes run together<TAB>comma-separated table rows

Row -1 means the postcode exists but has no coordinates (a PO box or large user), so its area
cannot be told. A postcode missing from the file is not in the data at all.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from navigator.geo.areas import (
    BETTER_START_BRADFORD,
    BRADFORD_DISTRICT,
    BSB_WARDS,
    COVERED_POSTCODE_AREAS,
    CRAVEN_DISTRICTS,
    NAMES,
)
from navigator.geo.postcode import compact

__all__ = [
    "FORMAT",
    "Location",
    "LookupFileError",
    "Placement",
    "PostcodeLookup",
    "default_path",
]

FORMAT = "navigator-postcodes/1"
_FILE_NAME = "postcodes.tsv.gz"


class LookupFileError(ValueError):
    """The lookup file is missing or damaged: rebuild it with `navigator geo-build`."""


@dataclass(frozen=True)
class Placement:
    """Where a located postcode is; shared by every postcode placed the same way."""

    areas: tuple[str, ...]
    near_boundary: tuple[str, ...]
    hints: tuple[str, ...]


@dataclass(frozen=True)
class Location:
    """The answer to "where is this postcode?"."""

    postcode: str
    """The normalised postcode (`BD3 8AA`), or the text as given, stripped, if not a postcode."""
    known: bool
    """Whether the postcode is in the data with coordinates, so that `areas` can be trusted."""
    areas: tuple[str, ...]
    """Areas the postcode is certainly in (as far as the data goes), widest first."""
    near_boundary: tuple[str, ...]
    """Areas whose edge is within 75 m: the postcode may be in them or not, so ask to confirm."""
    hints: tuple[str, ...]
    """Areas decided by GP registration, not postcode, that the postcode makes likely."""
    message: str
    """A plain-English sentence for the person who typed the postcode."""

    @property
    def covered(self) -> bool:
        """Whether the postcode is in a postcode area the directory covers (BD or LS), found
        or not. Not a field: it follows from `postcode`."""
        key = compact(self.postcode)
        return key is not None and _postcode_area(key) in COVERED_POSTCODE_AREAS

    def as_json(self) -> dict[str, object]:
        return {
            "postcode": self.postcode,
            "known": self.known,
            "areas": list(self.areas),
            "near_boundary": list(self.near_boundary),
            "hints": list(self.hints),
            "message": self.message,
        }


def default_path() -> Path:
    """Where the shipped lookup file lives in the source tree."""
    return Path(__file__).resolve().parent / "data" / _FILE_NAME


def _ids(field: str) -> tuple[str, ...]:
    return () if field == "-" else tuple(field.split(","))


def _parse(lines: Iterator[str], where: str) -> dict[str, Placement | None]:
    def fail(reason: str) -> LookupFileError:
        return LookupFileError(f"{where}: {reason}; rebuild it with `navigator geo-build`")

    if next(lines, "").rstrip("\n") != FORMAT:
        raise fail(f"not a {FORMAT} file")
    line = next(lines, "")
    while line.startswith("#"):
        line = next(lines, "")
    head, _, count = line.rstrip("\n").partition("\t")
    if head != "table" or not count.isdigit():
        raise fail("no table")
    table: list[Placement] = []
    for _ in range(int(count)):
        fields = next(lines, "").rstrip("\n").split("\t")
        if len(fields) != 3:
            raise fail("a table row is damaged")
        table.append(Placement(_ids(fields[0]), _ids(fields[1]), _ids(fields[2])))
    head, _, count = next(lines, "").rstrip("\n").partition("\t")
    if head != "districts" or not count.isdigit():
        raise fail("no districts")
    placements: list[Placement | None] = [*table, None]  # row -1 is "no coordinates"
    entries: dict[str, Placement | None] = {}
    for _ in range(int(count)):
        fields = next(lines, "").rstrip("\n").split("\t")
        if len(fields) != 3:
            raise fail("a district line is damaged")
        district, inwards, rows = fields
        if len(inwards) % 3:
            raise fail(f"the postcodes of {district} are damaged")
        keys = [district + inwards[i : i + 3] for i in range(0, len(inwards), 3)]
        try:
            values = [placements[int(row)] for row in rows.split(",")]
        except (ValueError, IndexError):
            raise fail(f"the rows of {district} are damaged") from None
        if len(keys) != len(values):
            raise fail(f"{district} has {len(keys)} postcodes but {len(values)} rows")
        entries.update(zip(keys, values, strict=True))
    return entries


def _read(handle: IO[bytes], where: str) -> dict[str, Placement | None]:
    try:
        text = gzip.decompress(handle.read()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise LookupFileError(f"{where}: cannot read the lookup file ({error})") from error
    return _parse(iter(text.splitlines()), where)


class PostcodeLookup:
    """Every BD and LS postcode and where it is. Load once; each `locate` is a dictionary hit."""

    def __init__(self, entries: Mapping[str, Placement | None]) -> None:
        """`entries` maps postcodes without their space (`"BD38AA"`) to a placement, or to None
        for a postcode that exists but has no coordinates."""
        self._entries = dict(entries)

    @classmethod
    def load(cls, path: Path) -> PostcodeLookup:
        """The lookup in the file at `path`."""
        try:
            with path.open("rb") as handle:
                return cls(_read(handle, str(path)))
        except OSError as error:
            raise LookupFileError(f"cannot open {path}: {error.strerror}") from error

    @classmethod
    def default(cls) -> PostcodeLookup:
        """The lookup that ships with the navigator, loaded on first use and then shared."""
        return _default()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, postcode: object) -> bool:
        if not isinstance(postcode, str):
            return False
        key = compact(postcode)
        return key is not None and key in self._entries

    def postcodes(self) -> Iterator[str]:
        """Every postcode in the lookup, normalised (`BD3 8AA`)."""
        return (f"{key[:-3]} {key[-3:]}" for key in self._entries)

    def placement(self, postcode: str) -> Placement | None:
        """The placement of a postcode in the lookup; None if it is absent or has no
        coordinates."""
        key = compact(postcode)
        return None if key is None else self._entries.get(key)

    def locate(self, text: str) -> Location:
        """Where the postcode in `text` is. Never raises, whatever the text."""
        key = compact(text) if isinstance(text, str) else None
        if key is None:
            given = text.strip() if isinstance(text, str) else ""
            return _unknown(
                given, "That is not a UK postcode. Please check it: a postcode looks like BD3 8AA."
            )
        postcode = f"{key[:-3]} {key[-3:]}"
        if _postcode_area(key) not in COVERED_POSTCODE_AREAS:
            return _unknown(
                postcode,
                f"{postcode} is outside the area this directory covers "
                "(Bradford district and Leeds LS postcodes).",
            )
        if key not in self._entries:
            return _unknown(
                postcode, f"We could not find {postcode}. Please check it, or ask the service."
            )
        placement = self._entries[key]
        if placement is None:
            return _unknown(
                postcode,
                f"We know {postcode}, but not where it is (it may be a PO box, a large "
                "organisation's postcode or no longer in use), so we cannot tell which area it "
                "is in. Please check it, or ask the service.",
            )
        return Location(
            postcode=postcode,
            known=True,
            areas=placement.areas,
            near_boundary=placement.near_boundary,
            hints=placement.hints,
            message=_message(postcode, placement),
        )


@functools.lru_cache(maxsize=1)
def _default() -> PostcodeLookup:
    resource = importlib.resources.files("navigator.geo") / "data" / _FILE_NAME
    try:
        with resource.open("rb") as handle:
            return PostcodeLookup(_read(handle, f"navigator/geo/data/{_FILE_NAME}"))
    except FileNotFoundError as error:
        raise LookupFileError(
            f"the postcode lookup navigator/geo/data/{_FILE_NAME} is missing; "
            "build it with `navigator geo-build`"
        ) from error


def _postcode_area(key: str) -> str:
    """The letters the postcode starts with: `BD38AA` → `BD`."""
    return key[:2] if key[1].isalpha() else key[:1]


def _unknown(postcode: str, message: str) -> Location:
    return Location(
        postcode=postcode, known=False, areas=(), near_boundary=(), hints=(), message=message
    )


def _message(postcode: str, placement: Placement) -> str:
    """One sentence on where a located postcode is, saying "please confirm" near an edge."""
    areas, near = set(placement.areas), set(placement.near_boundary)
    bsb = NAMES[BETTER_START_BRADFORD]
    confirm = "so please confirm with the service."
    if BETTER_START_BRADFORD in near:
        where = "in Bradford district, " if _surely_in_district(areas, near) else ""
        return f"{postcode} is {where}near the edge of {bsb}, {confirm}"
    if BETTER_START_BRADFORD in areas:
        wards = [w for w in BSB_WARDS if w in areas and w not in near]
        ward = f" ({NAMES[wards[0]]})" if len(wards) == 1 else ""
        return f"{postcode} is in {bsb}{ward}."
    if BRADFORD_DISTRICT in near:
        return f"{postcode} is near the edge of Bradford district, {confirm}"
    if BRADFORD_DISTRICT in areas:
        return f"{postcode} is in Bradford district, outside {bsb}."
    district = postcode.split(" ")[0]
    if district in CRAVEN_DISTRICTS:
        return (
            f"{postcode} is outside Bradford district, in Craven (North Yorkshire). NHS "
            "Bradford District and Craven services go by the GP you are registered with, so "
            "they may still be open to you."
        )
    return f"{postcode} is outside Bradford district."


def _surely_in_district(areas: set[str], near: set[str]) -> bool:
    return BRADFORD_DISTRICT in areas and BRADFORD_DISTRICT not in near
