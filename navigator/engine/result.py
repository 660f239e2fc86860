"""Building a result's parts: service cards, where to go instead, the routes content names."""

from __future__ import annotations

from navigator.content.condition import ServiceRef
from navigator.content.directory import Directory, Route, Service
from navigator.engine.outcome import Alternative, BoundaryCard, Card, Reason


def card(
    service: Service, route: Route, directory: Directory, why: list[Reason], caveats: list[str]
) -> Card:
    """The card for one route of one service, with the reasons it was offered."""
    contact = route.contact or service.contact
    return Card(
        service_id=service.id,
        name=service.name,
        provider=service.provider,
        ring=service.ring or "",
        route=route.kind.value,
        remit=service.remit,
        description=service.description,
        family_description=service.family_description,
        boundaries=[
            BoundaryCard(
                b.who, _alternatives(b.instead, directory), b.instead_text, b.family_instead_text
            )
            for b in service.not_for
        ],
        how=route.how,
        info_needed=list(route.info_needed),
        response_time=route.response_time,
        length=route.length,
        contact={k: v for k, v in contact.model_dump(exclude_none=True).items() if v},
        languages=list(service.languages),
        last_reviewed=service.last_reviewed.isoformat(),
        review_by=service.review_by.isoformat(),
        unconfirmed=list(service.unconfirmed),
        why=list(why),
        caveats=list(caveats),
    )


def _alternatives(ids: list[str], directory: Directory) -> list[Alternative]:
    found = []
    for id in ids:
        service = directory.service(id)
        if service is not None:
            found.append(Alternative(service.id, service.name))
    return found


def instead_for(
    service: Service, criterion: str, directory: Directory, *, family: bool = False
) -> tuple[list[Alternative], str | None]:
    """Where to go instead when `service` fails `criterion`: its boundaries say (in their
    family wording for a family)."""
    ids: list[str] = []
    texts: list[str] = []
    for boundary in service.not_for:
        if boundary.criterion is not None and boundary.criterion.value == criterion:
            ids.extend(i for i in boundary.instead if i not in ids)
            text = (family and boundary.family_instead_text) or boundary.instead_text
            if text:
                texts.append(text)
    return _alternatives(ids, directory), " ".join(texts) or None


def resolve(ref: ServiceRef, directory: Directory) -> tuple[Service, Route] | None:
    """The active service and the route that `ref` names, or None if either is missing."""
    service = directory.service(ref.service)
    route = service.route(ref.route) if service and service.active else None
    return (service, route) if service and route else None
