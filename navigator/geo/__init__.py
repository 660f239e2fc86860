"""Postcode geography: which areas a postcode is in, from a lookup built once from real data.

`locate("BD3 8AA")` answers from the compact lookup shipped in `navigator/geo/data/`, built by
`navigator geo-build` from `data/geo/` (ONS postcode coordinates and boundaries, OGL v3.0).
"""

from __future__ import annotations

from navigator.geo.lookup import Location, PostcodeLookup
from navigator.geo.postcode import InvalidPostcode, is_postcode, parse_postcode

__all__ = [
    "InvalidPostcode",
    "Location",
    "PostcodeLookup",
    "is_postcode",
    "locate",
    "parse_postcode",
]


def locate(text: str) -> Location:
    """Where the postcode in `text` is, from the shipped lookup. Never raises for any text."""
    return PostcodeLookup.default().locate(text)
