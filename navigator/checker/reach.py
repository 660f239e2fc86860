"""CONTACT-002: every active service can be reached. A person needs at least one way in they can
use today: a phone number, an email address, a website, or the staff of another service
(`through`, such as the health visitor or midwife) where that is the only door. A route's own
`contact` replaces the service's on its card, so it needs a way in of its own.

A `through` id that names no service is a REF-001, like every other id that names nothing."""

from __future__ import annotations

from navigator.checker.references import service_problem
from navigator.checker.scope import Scope, either
from navigator.content.directory import Contact, Directory, Service
from navigator.content.finding import Finding, finding, spelt

WAYS_IN = (
    "a phone number, an email address, a website, or `through` (the services whose staff are "
    "the way in)"
)


def check_reach(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    found: list[Finding] = []
    for service in directory.services:
        found += _through(scope, directory, service)
        if service.active:
            found += _reach(service)
    return found


def _reach(service: Service) -> list[Finding]:
    if not service.contact.ways_in:
        unreached = [r for r in service.routes if r.contact is None or not r.contact.ways_in]
        if unreached or not service.routes:
            return [
                finding(
                    "CONTACT-002",
                    service.field_at("contact") if _written(service) else service.field_at("id"),
                    f"service '{service.id}' is active but has no way in: its `contact` gives "
                    f"none of {WAYS_IN}.",
                    either(
                        "add the way in a source prints (and the source to `source`)",
                        "add `through: [health-visiting]` (or the services whose staff refer)"
                        " when that is the only door",
                        "mark the service decommissioned if it no longer runs",
                    ),
                )
            ]
        return []
    return [
        finding(
            "CONTACT-002",
            route.field_at("contact"),
            f"the {route.kind.value} route of '{service.id}' has a `contact` of its own with no "
            f"way in, and it replaces the service's on the route's card.",
            either(
                f"add {WAYS_IN} to the route's `contact`",
                "remove the route's `contact` so the service's is shown",
            ),
        )
        for route in service.routes
        if route.contact is not None and not route.contact.ways_in
    ]


def _written(service: Service) -> bool:
    return service.field_at("contact") != service.at


def _through(scope: Scope, directory: Directory, service: Service) -> list[Finding]:
    contacts: list[tuple[str, Contact]] = [(f"service '{service.id}'", service.contact)]
    contacts += [
        (f"the {route.kind.value} route of '{service.id}'", route.contact)
        for route in service.routes
        if route.contact is not None
    ]
    found: list[Finding] = []
    for owner, contact in contacts:
        for index, id in enumerate(contact.through):
            problem = service_problem(directory, id)
            if problem:
                found.append(
                    finding(
                        "REF-001",
                        scope.at(contact, "through", index),
                        f"the contact of {owner} says the way in is through service '{id}', "
                        + problem,
                        spelt(id, [s.id for s in directory.services])
                        + either("correct the service id", f"add a service with id '{id}'"),
                    )
                )
    return found
