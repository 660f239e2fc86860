"""What the search index holds for each service, and how much each field counts.

Ranked text fields go through the stemming analyzer; `plain` holds every word as typed, for
the vocabulary. Filters and facets use keyword fields; `route_terms` holds one token per route
and criterion (see `navigator.search.filters`), so that a filter asks that *one* route
satisfies every criterion, not that one route is open to families and another is a referral.

A decommissioned service that has a successor is not a document of its own: its names join
the successor's `former` field, so searching for an old name finds the service that replaced
it.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.fields import ID, KEYWORD, TEXT, Schema

from navigator.content.directory import Concern, Directory, Service
from navigator.content.vocabulary import ALL, Stage
from navigator.search.analysis import plain_analyzer, stemming_analyzer
from navigator.search.filters import language_tokens, route_tokens

__all__ = [
    "FACET_FIELDS",
    "FIELD_BOOSTS",
    "SOURCE_FIELDS",
    "TEXT_FIELDS",
    "documents",
    "former_names",
    "former_texts",
    "schema",
]

SOURCE_FIELDS = (
    "name",
    "former",
    "remit",
    "description",
    "boundaries",
    "concerns",
    "provider",
    "routes",
    "areas",
    "ages",
)
"""Every text of a service that search reads; each one goes into the `all` field."""

FIELD_BOOSTS: dict[str, float] = {"name": 6.0, "former": 5.0, "remit": 2.5, "all": 1.0}
"""The ranked fields and their weights: a word counts in `all` wherever it is (description,
boundaries, concerns, provider, routes, areas, ages), and again in a name, a former name or
the remit, so names come above remit above description. Four fields rather than ten: each
word of a query is a term per field, and the terms are what a search spends its time on.
The FTS5 baseline has the same four columns and weights."""

TEXT_FIELDS = tuple(FIELD_BOOSTS)

FACET_FIELDS = ("audience", "route", "stage", "ring")
"""Counted for every search; multi-valued (a service counts under each of its values)."""

_ROUTE_WORDS = {
    "urgent": "urgent help",
    "consultation": "consultation advice for practitioners",
    "referral": "referral",
    "self_referral": "self referral",
    "signposting": "signposting information",
    "training": "training",
}


def schema() -> Schema:
    stemmed = stemming_analyzer()
    # `former` is stored to tell which former name a search matched.
    text = {f: TEXT(analyzer=stemmed, stored=f == "former", phrase=False) for f in TEXT_FIELDS}
    return Schema(
        # A column too: a page's ids are read from it, not from the stored fields (which
        # decompress a block per document read).
        id=ID(stored=True, unique=True, sortable=True),
        sort=ID(sortable=True),
        plain=TEXT(analyzer=plain_analyzer(), phrase=False),
        ring=ID(stored=True),
        status=ID(stored=True),
        audience=KEYWORD(commas=True, stored=True),
        route=KEYWORD(commas=True, stored=True),
        stage=KEYWORD(commas=True, stored=True),
        route_terms=KEYWORD(commas=True),
        **text,
    )


def former_names(directory: Directory) -> dict[str, list[str]]:
    """Active service id → names of the decommissioned services it replaced (chains
    followed), each with their aliases."""
    found: dict[str, list[str]] = {}
    for service in directory.services:
        if service.active or not service.replaced_by:
            continue
        successor = _successor(directory, service)
        if successor is not None:
            found.setdefault(successor.id, []).extend([service.name, *service.aliases])
    return found


def former_texts(directory: Directory) -> dict[str, str]:
    """Service id → the text of its `former` field (aliases, then replaced names)."""
    replaced = former_names(directory)
    return {
        s.id: _former_text(s, replaced.get(s.id, []))
        for s in directory.services
        if s.active or not s.replaced_by
    }


def _former_text(service: Service, predecessors: list[str]) -> str:
    return "; ".join([*service.aliases, *predecessors])


def _successor(directory: Directory, service: Service) -> Service | None:
    seen = {service.id}
    current: Service | None = service
    while current is not None and not current.active:
        next_id = current.replaced_by
        if next_id is None or next_id in seen:
            return None
        seen.add(next_id)
        current = directory.service(next_id)
    return current


def documents(directory: Directory) -> Iterator[dict[str, str]]:
    """One document per service that search should find."""
    replaced = former_names(directory)
    concerns = {c.id: c for c in directory.concerns}
    for service in directory.services:
        if not service.active and service.replaced_by:
            continue
        yield _document(directory, concerns, service, replaced.get(service.id, []))


def _document(
    directory: Directory, concerns: dict[str, Concern], service: Service, predecessors: list[str]
) -> dict[str, str]:
    concern_ids: list[str] = []
    area_ids: list[str] = []
    ages: list[str] = []
    stages: set[Stage] = set()
    for route in service.routes:
        rules = route.eligibility
        if rules.concerns != ALL:
            concern_ids += [c for c in rules.concerns if c not in concern_ids]
        if rules.areas != ALL:
            area_ids += [a for a in rules.areas if a not in area_ids]
        stages.update(rules.stages)
        if rules.age_months is not None:
            ages.append(f"{rules.age_months}")
    if len(stages) == 1:  # only worth saying when the service is for one stage only
        ages.insert(0, "pregnancy antenatal" if Stage.pregnancy in stages else "postnatal")
    concern_text = [
        " ".join(filter(None, [concerns[c].label, concerns[c].family_label]))
        for c in concern_ids
        if c in concerns
    ]
    area_text = [a.name if (a := directory.area(i)) else i for i in area_ids]
    text = {
        "name": service.name,
        "former": _former_text(service, predecessors),
        "remit": service.remit,
        "description": service.description,
        "boundaries": " ".join(b.who for b in service.not_for),
        "concerns": "; ".join(concern_text),
        "provider": service.provider,
        "routes": " ".join(_ROUTE_WORDS[r.kind.value] for r in service.routes),
        "areas": "; ".join(area_text),
        "ages": " ".join(dict.fromkeys(ages)),
    }
    routes = service.routes
    ranked = {
        "name": text["name"],
        "former": text["former"],
        "remit": text["remit"],
        "all": " ".join(text[f] for f in SOURCE_FIELDS),
    }
    return {
        "id": service.id,
        "sort": service.name.lower(),
        "plain": " ".join(text.values()),
        "ring": service.ring or "",
        "status": service.status.value,
        "audience": ",".join(sorted({a.value for r in routes for a in r.eligibility.audience})),
        "route": ",".join(dict.fromkeys(r.kind.value for r in routes)),
        "stage": ",".join(sorted({s.value for r in routes for s in r.eligibility.stages})),
        "route_terms": ",".join(
            [*route_tokens(routes), *language_tokens(service.languages, service.interpreters)]
        ),
        **ranked,
    }
