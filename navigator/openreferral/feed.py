"""The directory as Open Referral UK 3.0 objects (plain JSON-ready dicts).

What goes where (docs/api.md has the full table):

- `id`: uuid5 of our id (`identity.uuid_for`); our id itself as the extension `x_navigator_id`;
- `alternate_name`: the aliases, `; ` between them;
- `description`: our description, a blank line, then the remit;
- `status`: `active`, or `defunct` for a service that ended (decommissioned, or past `ended`),
  with an `alert` naming its successor;
- `minimum_age`/`maximum_age`: the baby's age in decimal years (6 months = 0.5), given only
  when every route but training is bounded (`maximum_age` is the first age no longer
  included: the routes' intervals are half-open);
- `eligibility_description`: each route's criteria and the boundaries, as text;
- `application_process`: each route's `how`, one paragraph a route, `Referral: …`;
- `service_areas`: the areas routes name, with the ONS geography URI where the area has a code
  (a route open to every area adds none);
- `assured_date`: `last_reviewed`;
- `attributes`: the terms of `taxonomy` (ways in, concerns, ring, audience, stage, Family Hubs);
- `phones` and `schedules` (hours), HSDS fields the ORUK profile leaves out but allows;
- `service_at_locations`: one per service: its address if it has one (physical), otherwise a
  virtual location for a service delivered wherever it arranges with the family.

Fields with no value are left out, never sent as null or empty (ORUK compliance).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from navigator.content.directory import Area, Directory, Route, Service
from navigator.content.vocabulary import ALL, LANGUAGE_NAMES, ROUTE_NAMES, RouteKind
from navigator.openreferral.identity import uuid_for
from navigator.openreferral.taxonomy import Taxonomy, Term, service_codes, terms

__all__ = [
    "ONS_URI",
    "PROFILE",
    "VERSION",
    "Feed",
    "age_years",
    "area_uri",
    "compact",
]

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI = "https://openreferraluk.org/specifications/3.0/openapi.json"
ONS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
INFO_NEEDED = ", what to include"
Point = tuple[float, float]
Coordinates = Callable[[str], Point | None]
"""A postcode's centroid (latitude, longitude), or None (navigator.geo.centroids)."""
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """`data` without None, empty text and empty lists."""
    return {k: v for k, v in data.items() if v is not None and v != "" and v != []}


def age_years(months: int) -> float:
    """Months as the spec's decimal years (6 → 0.5, 1 → 0.0833)."""
    return round(months / 12, 4)


def area_uri(area: Area) -> str | None:
    """The ONS statistical-geography URI of an area with a code."""
    return f"{ONS_URI}{area.code}" if area.code else None


def api_details(openapi_url: str = OPENAPI) -> dict[str, str]:
    """`GET /`: the version and profile the feed follows."""
    return {"version": VERSION, "profile": PROFILE, "openapi_url": openapi_url}


class Feed:
    """One directory as ORUK objects; built once per content version."""

    def __init__(
        self,
        directory: Directory,
        today: date | None = None,
        coordinates: Coordinates | None = None,
    ) -> None:
        self.directory = directory
        self.today = today or date.today()
        self.coordinates = coordinates
        self.terms = terms(directory)
        self._terms = {(t.taxonomy.key, t.code): t for t in self.terms}
        self.taxonomies: list[Taxonomy] = list(dict.fromkeys(t.taxonomy for t in self.terms))
        self._by_uuid = {uuid_for("service", s.id): s for s in directory.services}
        self._providers: dict[str, list[Service]] = {}
        for service in directory.services:
            self._providers.setdefault(service.provider, []).append(service)

    # ---------------------------------------------------------------- look-ups

    def services(self) -> list[Service]:
        return list(self.directory.services)

    def service_by_uuid(self, id: str) -> Service | None:
        return self._by_uuid.get(id)

    def term_by_uuid(self, id: str) -> Term | None:
        return next((t for t in self.terms if t.id == id), None)

    def taxonomy_by_uuid(self, id: str) -> Taxonomy | None:
        return next((t for t in self.taxonomies if t.id == id), None)

    def service_terms(self, service: Service) -> list[Term]:
        return [
            self._terms[(tax.key, code)] for tax, code in service_codes(service, self.directory)
        ]

    def has_term(self, service: Service, term_id: str) -> bool:
        """Whether the service is tagged with the term, or with a child of it."""
        for term in self.service_terms(service):
            parent = self._terms.get((term.taxonomy.key, term.parent)) if term.parent else None
            if term_id in (term.id, parent.id if parent else None):
                return True
        return False

    def areas(self, service: Service) -> list[Area] | None:
        """The areas a service's routes name (its `service_areas`); None when no route names
        one (a route for every area, such as training, adds none)."""
        found: dict[str, Area] = {}
        for route in service.routes:
            if route.eligibility.areas == ALL:
                continue
            for id in route.eligibility.areas:
                area = self.directory.area(id)
                if area is not None:
                    found.setdefault(id, area)
        return list(found.values()) or None

    # ---------------------------------------------------------------- objects

    def status(self, service: Service) -> str:
        return "active" if service.open_on(self.today) else "defunct"

    def organization(self, provider: str, *, nested: bool = False) -> dict[str, Any]:
        runs = [s.name for s in self._providers.get(provider, []) if s.open_on(self.today)]
        description = (
            f"Runs {', '.join(runs)} in the directory." if runs else "No service running now."
        )
        return {
            "id": uuid_for("organization", provider),
            "name": provider,
            "description": description,
        }

    def service(self, service: Service, *, full: bool = True) -> dict[str, Any]:
        """The service: one-to-one fields only for a list (`full=False`), else fully nested."""
        sid = uuid_for("service", service.id)
        contact = service.contact
        data: dict[str, Any] = {
            "id": sid,
            "organization_id": uuid_for("organization", service.provider),
            "name": service.name,
            "alternate_name": "; ".join(service.aliases),
            "description": f"{service.description}\n\n{service.remit}",
            "url": contact.website,
            "email": contact.email,
            "status": self.status(service),
            "alert": self._alert(service),
            "eligibility_description": self.eligibility(service),
            "application_process": self.application_process(service),
            **self._ages(service.routes),
            "assured_date": service.last_reviewed.isoformat(),
            "x_navigator_id": service.id,
        }
        if not full:
            return compact(data)
        data.update(
            organization=self.organization(service.provider),
            languages=[
                compact(
                    {
                        "id": uuid_for("language", f"{service.id}/{code}"),
                        "service_id": sid,
                        "name": LANGUAGE_NAMES.get(code),
                        "code": code,
                    }
                )
                for code in service.languages
            ],
            service_areas=[
                compact(
                    {
                        "id": uuid_for("service_area", f"{service.id}/{area.id}"),
                        "service_id": sid,
                        "name": area.name,
                        "description": area.description,
                        "uri": area_uri(area),
                        "x_navigator_id": area.id,
                    }
                )
                for area in self.areas(service) or []
            ],
            phones=[
                compact(
                    {
                        "id": uuid_for("phone", service.id),
                        "service_id": sid,
                        "number": contact.phone,
                        "description": contact.phone_note,
                    }
                )
            ]
            if contact.phone
            else [],
            schedules=[
                {
                    "id": uuid_for("schedule", service.id),
                    "service_id": sid,
                    "description": contact.hours,
                }
            ]
            if contact.hours
            else [],
            attributes=[
                {
                    "id": uuid_for("attribute", f"{service.id}/{term.taxonomy.key}/{term.code}"),
                    "link_id": sid,
                    "link_entity": "service",
                    "link_type": term.link_type,
                    "taxonomy_term_id": term.id,
                    "taxonomy_term": term.as_json(),
                }
                for term in self.service_terms(service)
            ],
            service_at_locations=[self.service_at_location(service, nested=False)],
        )
        return compact(data)

    def location(self, service: Service) -> dict[str, Any]:
        """Where the service is: its address (with the centroid of the address's postcode as
        latitude and longitude, when known), or a virtual location for a service delivered
        wherever it arranges with the family."""
        address = service.contact.address
        names = [a.name for a in self.areas(service) or []]
        where = ", ".join(names) if names else "every area"
        postcode = POSTCODE.search(address) if address else None
        point = self.coordinates(postcode.group()) if postcode and self.coordinates else None
        return compact(
            {
                "id": uuid_for("location", service.id),
                "location_type": "physical" if address else "virtual",
                "name": service.name,
                "description": address
                or f"Delivered where the service arranges with the family (at home, a clinic "
                f"or venue, by phone or online), for {where}.",
                "url": service.contact.website,
                "latitude": point[0] if point else None,
                "longitude": point[1] if point else None,
            }
        )

    def service_at_location(self, service: Service, *, nested: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": uuid_for("service_at_location", service.id),
            "service_id": uuid_for("service", service.id),
            "location_id": uuid_for("location", service.id),
            "location": self.location(service),
        }
        if nested:
            data["service"] = self.service(service, full=False)
        return data

    # ---------------------------------------------------------------- text

    def _alert(self, service: Service) -> str | None:
        if service.open_on(self.today):
            return None
        ended = f" on {service.ended.isoformat()}" if service.ended else ""
        successor = self.directory.service(service.replaced_by or "")
        instead = f" Please use {successor.name} instead." if successor else ""
        return f"This service ended{ended}.{instead}"

    def _ages(self, routes: Iterable[Route]) -> dict[str, float]:
        """The baby's ages the routes take (training, for practitioners, says nothing of the
        baby); left out when a route takes any age."""
        bounds = [r.eligibility.age_months for r in routes if r.kind is not RouteKind.training]
        if not bounds or any(b is None for b in bounds):
            return {}
        starts = [b.start for b in bounds if b is not None]
        ends = [b.end for b in bounds if b is not None]
        ages = {"minimum_age": age_years(min(starts))}
        if all(end is not None for end in ends):
            ages["maximum_age"] = age_years(max(e for e in ends if e is not None))
        return ages

    def _list(self, ids: Iterable[str], name: Any) -> str:
        return ", ".join(name(i) for i in ids)

    def route_rules(self, route: Route) -> str:
        rules = route.eligibility
        parts = [
            "for "
            + " and ".join(
                f"{a.value}s" if a.value != "family" else "families" for a in rules.audience
            )
        ]
        parts.append(
            " and ".join(
                "in pregnancy" if s.value == "pregnancy" else "after the birth"
                for s in rules.stages
            )
        )
        if rules.age_months is not None:
            parts.append(f"babies aged {rules.age_months}")
        directory = self.directory
        if rules.concerns != ALL:
            labels = {c.id: c.label for c in directory.concerns}
            parts.append("concerns: " + self._list(rules.concerns, lambda i: labels.get(i, i)))
        if rules.need != ALL:
            labels = {n.id: n.label for n in directory.need_levels}
            parts.append("level of need: " + self._list(rules.need, lambda i: labels.get(i, i)))
        if rules.areas != ALL:
            parts.append("living in " + self._list(rules.areas, directory.area_name))
        for fact_id, holds in rules.facts.items():
            fact = directory.fact(fact_id)
            label = fact.label if fact else fact_id
            parts.append(f"{'only' if holds else 'not'}: {label}")
        return "; ".join(parts)

    def eligibility(self, service: Service) -> str:
        lines = [f"{ROUTE_NAMES[r.kind]}: {self.route_rules(r)}." for r in service.routes]
        for boundary in service.not_for:
            instead = [s.name for s in map(self.directory.service, boundary.instead) if s]
            where = f" {', '.join(instead)}." if instead else ""
            extra = f" {boundary.instead_text}" if boundary.instead_text else ""
            lines.append(
                f"Not for: {boundary.who}." + (f" Instead:{where}{extra}" if where or extra else "")
            )
        return "\n".join(lines)

    def application_process(self, service: Service) -> str:
        paragraphs: list[str] = []
        for route in service.routes:
            paragraphs.append(f"{ROUTE_NAMES[route.kind]}: {route.how}")
            if route.info_needed:
                needed = "; ".join(route.info_needed)
                paragraphs.append(f"{ROUTE_NAMES[route.kind]}{INFO_NEEDED}: {needed}.")
        return "\n\n".join(paragraphs)
