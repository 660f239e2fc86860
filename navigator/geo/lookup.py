"""Postcode → areas, from the compact lookup built by `navigator.geo.build`.

`lookup.locate("bd38aa")` gives a `Location`: the areas the postcode is in, the areas whose edge
is close enough that it may be on either side, the GP-registration areas it hints at, and a
sentence for people. `locate` never raises.

The lookup file (`<state_dir>/geo/<key>.tsv.gz`, built from the content) is gzipped UTF-8 text::

    navigator-postcodes/2
    # attribution lines
    covers<TAB>postcode areas in the data, comma-separated
    example<TAB>a postcode that messages give as an example
    table<TAB>N
    N lines: areas<TAB>near_boundary<TAB>hints<TAB>message  (ids comma-separated, "-" for none;
             the message has {postcode} where the postcode goes)
    districts<TAB>M
    M lines: district<TAB>inward codes run together<TAB>comma-separated table rows

Row -1 means the postcode exists but has no coordinates (a PO box or large user), so its area
cannot be told. A postcode missing from the file is not in the data at all.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from navigator.geo.postcode import compact

__all__ = [
    "FORMAT",
    "Location",
    "LookupFileError",
    "Placement",
    "PostcodeLookup",
    "postcode_area",
]

FORMAT = "navigator-postcodes/2"


class LookupFileError(ValueError):
    """The lookup file is missing or damaged: rebuild it with `navigator geo-build`."""


@dataclass(frozen=True)
class Placement:
    """Where a located postcode is; shared by every postcode placed the same way."""

    areas: tuple[str, ...]
    near_boundary: tuple[str, ...]
    hints: tuple[str, ...]
    message: str = ""
    """The sentence for people, with `{postcode}` where the postcode goes."""


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
        """Whether the postcode is in a postcode area the lookup's data covers, found or not.
        Not a field: it follows from `postcode` and the lookup that answered (a `Location` made
        by hand counts any well-formed postcode as covered)."""
        key = compact(self.postcode)
        if key is None:
            return False
        covers: frozenset[str] | None = getattr(self, "_covers", None)
        return covers is None or postcode_area(key) in covers

    def as_json(self) -> dict[str, object]:
        return {
            "postcode": self.postcode,
            "known": self.known,
            "areas": list(self.areas),
            "near_boundary": list(self.near_boundary),
            "hints": list(self.hints),
            "message": self.message,
        }


def _ids(field: str) -> tuple[str, ...]:
    return () if field == "-" else tuple(field.split(","))


def _parse(lines: Iterator[str], where: str) -> _Parsed:
    def fail(reason: str) -> LookupFileError:
        return LookupFileError(f"{where}: {reason}; rebuild it with `navigator geo-build`")

    if next(lines, "").rstrip("\n") != FORMAT:
        raise fail(f"not a {FORMAT} file")
    line = next(lines, "")
    while line.startswith("#"):
        line = next(lines, "")
    header: dict[str, str] = {}
    while not line.startswith("table\t") and line:
        key, _, value = line.rstrip("\n").partition("\t")
        header[key] = value
        line = next(lines, "")
    head, _, count = line.rstrip("\n").partition("\t")
    if head != "table" or not count.isdigit():
        raise fail("no table")
    table: list[Placement] = []
    for _ in range(int(count)):
        fields = next(lines, "").rstrip("\n").split("\t")
        if len(fields) != 4:
            raise fail("a table row is damaged")
        table.append(Placement(_ids(fields[0]), _ids(fields[1]), _ids(fields[2]), fields[3]))
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
    return _Parsed(entries, header)


@dataclass(frozen=True)
class _Parsed:
    entries: dict[str, Placement | None]
    header: dict[str, str]


def _read(handle: IO[bytes], where: str) -> _Parsed:
    try:
        text = gzip.decompress(handle.read()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise LookupFileError(f"{where}: cannot read the lookup file ({error})") from error
    return _parse(iter(text.splitlines()), where)


class PostcodeLookup:
    """Every postcode in the data and where it is. Load once; each `locate` is a dictionary
    hit."""

    def __init__(
        self,
        entries: Mapping[str, Placement | None],
        *,
        covers: Iterable[str] = (),
        example: str = "",
        name: str = "",
    ) -> None:
        """`entries` maps postcodes without their space (`"BD38AA"`) to a placement, or to None
        for a postcode that exists but has no coordinates. `covers` are the postcode areas of
        the data (default: those of `entries`)."""
        # A mapping that is not a dict (memory-mapped arrays) is kept as it is, not copied.
        self._entries = dict(entries) if isinstance(entries, dict) else entries
        self.covers = frozenset(covers) or frozenset(postcode_area(k) for k in self._entries)
        self.example = example
        self.name = name
        """The key the lookup was built under (empty for one made by hand)."""

    @classmethod
    def load(cls, path: Path, name: str = "") -> PostcodeLookup:
        """The lookup in the file at `path`."""
        try:
            with path.open("rb") as handle:
                parsed = _read(handle, str(path))
        except OSError as error:
            raise LookupFileError(f"cannot open {path}: {error.strerror}") from error
        covers = [c for c in parsed.header.get("covers", "").split(",") if c]
        return cls(
            parsed.entries, covers=covers, example=parsed.header.get("example", ""), name=name
        )

    @classmethod
    def default(cls) -> PostcodeLookup:
        """The lookup for the content and state folder of the environment's settings, built
        on first use if the state folder does not have it yet, then shared."""
        from navigator.geo.store import default_lookup

        return default_lookup()

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> Mapping[str, Placement | None]:
        """Postcode without its space → placement (None: known, no coordinates)."""
        return self._entries

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
            like = f": a postcode looks like {self.example}" if self.example else ""
            return self._unknown(given, f"That is not a UK postcode. Please check it{like}.")
        postcode = f"{key[:-3]} {key[-3:]}"
        if postcode_area(key) not in self.covers:
            covered = _and(sorted(self.covers))
            return self._unknown(
                postcode,
                f"{postcode} is outside the area this directory covers ({covered} postcodes).",
            )
        if key not in self._entries:
            return self._unknown(
                postcode, f"We could not find {postcode}. Please check it, or ask the service."
            )
        placement = self._entries[key]
        if placement is None:
            return self._unknown(
                postcode,
                f"We know {postcode}, but not where it is (it may be a PO box, a large "
                "organisation's postcode or no longer in use), so we cannot tell which area it "
                "is in. Please check it, or ask the service.",
            )
        return self._stamped(
            Location(
                postcode=postcode,
                known=True,
                areas=placement.areas,
                near_boundary=placement.near_boundary,
                hints=placement.hints,
                message=placement.message.replace("{postcode}", postcode),
            )
        )

    def _stamped(self, location: Location) -> Location:
        object.__setattr__(location, "_covers", self.covers)
        return location

    def _unknown(self, postcode: str, message: str) -> Location:
        return self._stamped(
            Location(
                postcode=postcode,
                known=False,
                areas=(),
                near_boundary=(),
                hints=(),
                message=message,
            )
        )


def postcode_area(key: str) -> str:
    """The letters the postcode starts with: `BD38AA` → `BD`."""
    return key[:2] if len(key) > 1 and key[1].isalpha() else key[:1]


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
