"""The database: records about the content the site serves, short-lived server-side state
(a family's answers during a journey, expiring after `state_minutes`: see
docs/decisions/state.md), and anonymous journey records with their "Did this help?" feedback
(no name, postcode or unscrubbed text; deleted after `retention_months`: see
docs/decisions/records.md)."""

from navigator.store.models import ContentVersion, ServerState
from navigator.store.records import Journey, Records
from navigator.store.state import StateStore
from navigator.store.store import Store

__all__ = ["ContentVersion", "Journey", "Records", "ServerState", "StateStore", "Store"]
