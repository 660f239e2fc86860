"""The database: records about the content the site serves, and short-lived server-side state
(a family's answers during a journey, expiring after `state_minutes`: see
docs/decisions/state.md). Nothing about a family is kept beyond that state."""

from navigator.store.models import ContentVersion, ServerState
from navigator.store.state import StateStore
from navigator.store.store import Store

__all__ = ["ContentVersion", "ServerState", "StateStore", "Store"]
