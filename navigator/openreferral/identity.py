"""Stable identifiers: every object of the feed has a UUID derived from our own ids with
uuid5 in a fixed namespace, so an id's UUID never changes between versions or servers."""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5b0e3f7c-8d1a-4c2e-9f60-0a1b2c3d4e5f")
"""Fixed for ever: changing it would change every UUID the feed has published."""


def uuid_for(kind: str, key: str) -> str:
    """The UUID of object `kind` (service, organization, taxonomy_term, …) with our id `key`."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))
