"""The postcode lookup as memory-mapped arrays, for loading a national lookup in milliseconds.

The gzipped text lookup (`navigator.geo.lookup`) is the portable, attributed form; parsing it
into a dictionary takes about 2 s and 160 MB for 2.7 million postcodes. Beside it in the state
folder the live lookup keeps the same entries as three files that load without parsing:

    <key>.keys.npy    every postcode without its space, sorted, 7 bytes each (NumPy `S7`)
    <key>.rows.npy    for each, its row in the table (int32; -1: known, no coordinates)
    <key>.meta.json   the table (areas, near_boundary, hints, message), covers, example

The two arrays are memory-mapped: the operating system pages in only what look-ups touch, and
processes serving the same lookup share the pages. A look-up is a binary search (22 steps for
2.7 million postcodes). The files are written from a loaded lookup, the JSON last, so a
half-written set is never read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from navigator.geo.lookup import LookupFileError, Placement, PostcodeLookup

__all__ = ["MappedEntries", "load_mapped", "save_mapped"]

_WIDTH = 7


class MappedEntries(Mapping[str, Placement | None]):
    """Postcode (without its space) → placement, over sorted memory-mapped arrays."""

    def __init__(
        self, keys: NDArray[np.bytes_], rows: NDArray[np.int32], table: list[Placement]
    ) -> None:
        self._keys = keys
        self._rows = rows
        self._table = table

    def _index(self, key: str) -> int | None:
        if not key.isascii() or len(key) > _WIDTH:
            return None
        wanted = key.encode("ascii")
        i = int(np.searchsorted(self._keys, wanted))
        return i if i < len(self._keys) and self._keys[i] == wanted else None

    def __getitem__(self, key: str) -> Placement | None:
        i = self._index(key)
        if i is None:
            raise KeyError(key)
        row = int(self._rows[i])
        return None if row < 0 else self._table[row]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._index(key) is not None

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return (bytes(k).decode("ascii") for k in self._keys)


def _paths(base: Path) -> tuple[Path, Path, Path]:
    return (
        base.with_name(base.name + ".keys.npy"),
        base.with_name(base.name + ".rows.npy"),
        base.with_name(base.name + ".meta.json"),
    )


def save_mapped(lookup: PostcodeLookup, base: Path) -> None:
    """Write `lookup` as `<base>.keys.npy`, `<base>.rows.npy` and `<base>.meta.json`."""
    keys_path, rows_path, meta_path = _paths(base)
    entries = sorted(lookup.entries().items())
    table: list[Placement] = []
    index: dict[Placement, int] = {}
    rows = np.empty(len(entries), dtype=np.int32)
    for i, (_, placement) in enumerate(entries):
        if placement is None:
            rows[i] = -1
        else:
            rows[i] = index.setdefault(placement, len(index))
            if rows[i] == len(table):
                table.append(placement)
    keys = np.array([key.encode("ascii") for key, _ in entries], dtype=f"S{_WIDTH}")
    meta = {
        "covers": sorted(lookup.covers),
        "example": lookup.example,
        "table": [[p.areas, p.near_boundary, p.hints, p.message] for p in table],
    }
    for path in (keys_path, rows_path, meta_path):  # the JSON last: it marks a complete set
        temporary = path.with_name(f".{path.name}.tmp")
        with temporary.open("wb") as handle:
            if path is meta_path:
                handle.write(json.dumps(meta).encode("utf-8"))
            else:
                np.save(handle, keys if path is keys_path else rows)
        temporary.replace(path)


def load_mapped(base: Path, name: str = "") -> PostcodeLookup | None:
    """The lookup saved at `base` by `save_mapped`, memory-mapped; None if there is none."""
    keys_path, rows_path, meta_path = _paths(base)
    if not meta_path.exists():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        keys = np.load(keys_path, mmap_mode="r")
        rows = np.load(rows_path, mmap_mode="r")
        table = [Placement(tuple(a), tuple(n), tuple(h), str(m)) for a, n, h, m in meta["table"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise LookupFileError(f"{meta_path}: cannot read the mapped lookup ({error})") from error
    if len(keys) != len(rows):
        raise LookupFileError(f"{meta_path}: the keys and rows differ in length")
    return PostcodeLookup(
        MappedEntries(keys, rows, table),
        covers=meta.get("covers", ()),
        example=meta.get("example", ""),
        name=name,
    )
