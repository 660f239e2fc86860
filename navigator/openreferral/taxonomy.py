"""The taxonomies the feed publishes: our own (ways in, concerns, rings, who and when) and the
national DfE Family Hubs service categories where they fit.

A service is tagged with a term through an HSDS `attribute` whose `link_type` says what the
term describes (`access_route`, `need`, `grouping`, `audience`, `eligibility`,
`service_type`). Term codes (`route:referral`, `concern:low-mood`, `ring:core`) are how the
import reads our own terms back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from navigator.content.directory import Directory, Service
from navigator.content.vocabulary import (
    ALL,
    ROUTE_NAMES,
    ROUTE_TITLES,
    Audience,
    RouteKind,
    Stage,
)
from navigator.openreferral.identity import uuid_for

__all__ = [
    "FAMILY_HUBS",
    "NAVIGATOR",
    "Taxonomy",
    "Term",
    "family_hubs_codes",
    "service_codes",
    "terms",
]


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    uri: str | None = None
    version: str | None = None

    @property
    def id(self) -> str:
        return uuid_for("taxonomy", self.key)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "name": self.name}
        data["description"] = self.description
        if self.uri:
            data["uri"] = self.uri
        if self.version:
            data["version"] = self.version
        return data


NAVIGATOR = Taxonomy(
    "navigator",
    "Early years mental health navigator",
    "The navigator's own terms: the ways into a service (route kinds), the concerns it "
    "works with, the ring of the evaluation's system map it belongs to, who may use it and "
    "when (in pregnancy, after the birth). Codes are `route:`, `concern:`, `ring:`, "
    "`audience:` and `stage:` followed by the navigator's id.",
)
FAMILY_HUBS = Taxonomy(
    "family-hubs",
    "DfE Family Hubs service categories",
    "The service categories of the Department for Education's Family Hubs service "
    "directory ('Find support for your family'), from its seed data in DFE-Digital/fh-services "
    "(MIT). Only the categories the navigator's services fit are published.",
    uri="https://github.com/DFE-Digital/fh-services",
)


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    code: str
    name: str
    description: str
    link_type: str
    parent: str | None = None
    """The code of the parent term."""

    @property
    def id(self) -> str:
        return uuid_for("taxonomy_term", f"{self.taxonomy.key}/{self.code}")

    def as_json(self, *, nested: bool = True) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "code": self.code,
            "taxonomy_id": self.taxonomy.id,
            "taxonomy": self.taxonomy.name,
        }
        if self.parent is not None:
            data["parent_id"] = uuid_for("taxonomy_term", f"{self.taxonomy.key}/{self.parent}")
        if nested:
            data["taxonomy_detail"] = self.taxonomy.as_json()
        return data


AUDIENCE_NAMES = {
    Audience.practitioner: ("Practitioners", "A route practitioners may use."),
    Audience.family: ("Families", "A route families may use themselves."),
}
STAGE_NAMES = {
    Stage.pregnancy: ("In pregnancy", "A route open during pregnancy."),
    Stage.postnatal: ("After the birth", "A route open after the baby is born."),
}

FAMILY_HUBS_PARENTS = {
    "pregnancy-birth-early-years": "Pregnancy, birth and early years",
    "health": "Health",
    "family-support": "Family support",
}
FAMILY_HUBS_TERMS = {
    "perinatal-mental-health": (
        "Perinatal mental health support (pregnancy to one year post birth)",
        "pregnancy-birth-early-years",
    ),
    "early-years-language": ("Early years language and learning", "pregnancy-birth-early-years"),
    "mental-health": ("Mental health, social and emotional support", "health"),
    "parenting-support": ("Parenting support", "family-support"),
    "domestic-abuse": ("Domestic abuse", "family-support"),
    "substance-misuse": ("Substance misuse", "family-support"),
}
FAMILY_HUBS_BY_CONCERN = {
    "bonding": ("perinatal-mental-health", "parenting-support"),
    "low-mood": ("perinatal-mental-health", "mental-health"),
    "birth-trauma": ("perinatal-mental-health",),
    "loss": ("perinatal-mental-health",),
    "unborn-baby-worries": ("perinatal-mental-health",),
    "severe-mental-illness": ("perinatal-mental-health", "mental-health"),
    "partner-mental-health": ("mental-health",),
    "isolation": ("mental-health",),
    "preparing-for-parenthood": ("parenting-support",),
    "language-development": ("early-years-language",),
    "domestic-abuse": ("domestic-abuse",),
    "substance-use": ("substance-misuse",),
}
"""Where a concern the service works with fits a national category (a concern not here has
no national category that fits)."""


def terms(directory: Directory) -> list[Term]:
    """Every term the feed publishes, parents before children."""
    ours = NAVIGATOR
    found = [Term(ours, "route", "Ways in", "How a service is used.", "access_route")]
    found += [
        Term(ours, f"route:{k.value}", ROUTE_NAMES[k], ROUTE_TITLES[k], "access_route", "route")
        for k in RouteKind
    ]
    found.append(Term(ours, "concern", "Concerns", "The worries a service works with.", "need"))
    found += [
        Term(ours, f"concern:{c.id}", c.label, c.description or c.label, "need", "concern")
        for c in directory.concerns
    ]
    rings = directory.grouping("ring")
    if rings is not None:  # the rings the content declares, if it declares any
        about = rings.description or rings.label
        found.append(Term(ours, "ring", rings.label, about, "grouping"))
        found += [
            Term(ours, f"ring:{v.id}", v.label, v.description or v.label, "grouping", "ring")
            for v in rings.values
        ]
    found.append(Term(ours, "audience", "Who may use it", "Who a route is for.", "audience"))
    found += [
        Term(ours, f"audience:{a.value}", *AUDIENCE_NAMES[a], "audience", "audience")
        for a in Audience
    ]
    found.append(Term(ours, "stage", "When", "Pregnancy or after the birth.", "eligibility"))
    found += [
        Term(ours, f"stage:{s.value}", *STAGE_NAMES[s], "eligibility", "stage") for s in Stage
    ]
    hubs = FAMILY_HUBS
    found += [
        Term(hubs, code, name, f"Family Hubs category: {name}.", "service_type")
        for code, name in FAMILY_HUBS_PARENTS.items()
    ]
    found += [
        Term(hubs, code, name, f"Family Hubs category: {name}.", "service_type", parent)
        for code, (name, parent) in FAMILY_HUBS_TERMS.items()
    ]
    return found


def _concerns(service: Service, directory: Directory) -> list[str]:
    seen: dict[str, None] = {}
    for route in service.routes:
        wanted = route.eligibility.concerns
        ids = [c.id for c in directory.concerns] if wanted == ALL else wanted
        seen.update(dict.fromkeys(ids))
    return list(seen)


def family_hubs_codes(service: Service, directory: Directory) -> list[str]:
    """The Family Hubs categories that fit the concerns a service works with."""
    found: dict[str, None] = {}
    for concern in _concerns(service, directory):
        found.update(dict.fromkeys(FAMILY_HUBS_BY_CONCERN.get(concern, ())))
    return list(found)


def service_codes(service: Service, directory: Directory) -> Iterator[tuple[Taxonomy, str]]:
    """The terms one service is tagged with, as (taxonomy, code)."""
    for kind in dict.fromkeys(r.kind for r in service.routes):
        yield NAVIGATOR, f"route:{kind.value}"
    for concern in _concerns(service, directory):
        yield NAVIGATOR, f"concern:{concern}"
    if service.ring is not None and directory.grouping("ring") is not None:
        yield NAVIGATOR, f"ring:{service.ring}"
    audiences = dict.fromkeys(a for r in service.routes for a in r.eligibility.audience)
    for audience in audiences:
        yield NAVIGATOR, f"audience:{audience.value}"
    for stage in dict.fromkeys(s for r in service.routes for s in r.eligibility.stages):
        yield NAVIGATOR, f"stage:{stage.value}"
    for code in family_hubs_codes(service, directory):
        yield FAMILY_HUBS, code
