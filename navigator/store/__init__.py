"""The database: only non-personal records about the content the site serves (never answers,
postcodes or anything about a family)."""

from navigator.store.models import ContentVersion
from navigator.store.store import Store

__all__ = ["ContentVersion", "Store"]
