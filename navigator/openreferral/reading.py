"""Reading an ORUK 3.0 feed as saved: JSON files (a `/services` page, a fully nested service, a
list of services, an `/organizations` page), folders of them, or the feed's base URL (its
`/services` pages, then each `/services/{id}` for the nested service).

The result is one dict a service, the fullest version of each id seen, and the organizations
met on the way (so a flat list's `organization_id` still names a provider)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import Request, urlopen

__all__ = ["FeedError", "Harvest", "read"]

ORGANIZATION_KEYS = {
    "website",
    "email",
    "logo",
    "legal_status",
    "organization_identifiers",
    "services",
    "year_incorporated",
    "parent_organization_id",
}
"""Keys only an organization has (a taxonomy term also has an id, name and description)."""

Fetch = Callable[[str], Any]
"""Gets the JSON at a URL (replaced in tests)."""


class FeedError(ValueError):
    """A source that cannot be read as an ORUK feed; the message says which and why."""


@dataclass
class Harvest:
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Documents that hold no service or organization (taxonomies, API details)."""

    def add(self, document: Any, where: str) -> None:
        """Take in one JSON document, whatever its shape."""
        if isinstance(document, list):
            for item in document:
                self.add(item, where)
        elif not isinstance(document, dict):
            raise FeedError(f"{where}: not an ORUK object, page or list")
        elif isinstance(document.get("contents"), list):
            self.add(document["contents"], where)
        elif _is_service(document):
            self._service(document)
        elif isinstance(document.get("service"), dict):  # a service_at_location
            self.add(document["service"], where)
        elif {"id", "name"} <= set(document) and ORGANIZATION_KEYS & set(document):
            self.organizations.setdefault(str(document["id"]), document)
            for service in document.get("services") or []:
                self.add(service, where)
        else:
            self.skipped.append(where)

    def _service(self, service: dict[str, Any]) -> None:
        id = str(service["id"])
        known = self.services.get(id)
        if known is None or len(service) > len(known):
            self.services[id] = service
        organization = service.get("organization")
        if isinstance(organization, dict) and "id" in organization:
            self.organizations.setdefault(str(organization["id"]), organization)


def _is_service(document: dict[str, Any]) -> bool:
    return {"id", "name", "status"} <= set(document) and "location_type" not in document


def fetch_json(url: str) -> Any:  # pragma: no cover - the network is not used in tests
    request = Request(url, headers={"Accept": "application/json"})
    with urlopen(request, timeout=30) as response:
        return json.load(response)


def _from_url(feed: Harvest, base: str, fetch: Fetch) -> None:
    base = base.rstrip("/")
    number = 1
    while True:
        page = fetch(f"{base}/services?{urlencode({'page': number, 'per_page': 100})}")
        feed.add(page, f"{base}/services page {number}")
        if not isinstance(page, dict) or page.get("last_page", True) or not page.get("contents"):
            break
        number += 1
    for id in list(feed.services):
        feed.add(fetch(f"{base}/services/{id}"), f"{base}/services/{id}")


def read(sources: Iterable[str], fetch: Fetch = fetch_json) -> Harvest:
    """The feed in `sources`: files, folders (their `*.json`, in name order) or base URLs."""
    feed = Harvest()
    for source in sources:
        feed.sources.append(source)
        if source.startswith(("http://", "https://")):
            _from_url(feed, source, fetch)
            continue
        path = Path(source)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if not files:
            raise FeedError(f"{source}: no .json files in this folder")
        for file in files:
            try:
                document = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise FeedError(f"{file}: cannot be read as JSON ({error})") from None
            feed.add(document, str(file))
    return feed
