"""Postcode geography: which areas a postcode is in, from a lookup built once from real data.

`locate(text)` answers from the compact lookup `navigator geo-build` builds from the content's
areas (`services.yaml`, boundaries beside it) and postcode coordinates (ONS, OGL v3.0) into the
state folder (see `navigator.geo.store`).
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
    """Where the postcode in `text` is, from the environment's lookup. Never raises."""
    return PostcodeLookup.default().locate(text)
