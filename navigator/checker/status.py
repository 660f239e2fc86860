"""SVC-001: a service's status agrees with the rest of its entry and with what points at it.
A decommissioned service names its successor, and nothing sends people to it any more; an
active service has at least one route."""

from __future__ import annotations

from datetime import date

from navigator.checker.scope import Scope, either
from navigator.content.condition import ServiceRef
from navigator.content.directory import Directory, ServiceStatus
from navigator.content.finding import Finding, finding
from navigator.content.position import Position


def check_status(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    found = _services(directory, scope.today)
    for service in directory.services:
        for boundary in service.not_for:
            for index, id in enumerate(boundary.instead):
                ended = directory.service(id)
                if ended is not None and not ended.active:
                    found.append(
                        _ended(
                            scope.at(boundary, "instead", index),
                            f"a boundary of '{service.id}'",
                            id,
                            ended.replaced_by,
                        )
                    )
    for pathway in scope.pathways():
        refs: list[tuple[str, ServiceRef]] = [
            (f"disposition '{d.id}'", ref) for d in pathway.dispositions for ref in d.services
        ]
        refs += [("the fallback", ref) for ref in pathway.fallback]
        for owner, ref in refs:
            ended = directory.service(ref.service)
            if ended is not None and not ended.active:
                found.append(_ended(ref.field_at("service"), owner, ref.service, ended.replaced_by))
    return found


def _services(directory: Directory, today: date) -> list[Finding]:
    found: list[Finding] = []
    for service in directory.services:
        successor = directory.service(service.replaced_by) if service.replaced_by else None
        if service.status is ServiceStatus.active and service.ended and service.ended <= today:
            found.append(
                finding(
                    "ENDED-001",
                    service.field_at("ended"),
                    f"service '{service.id}' ended on {service.ended.isoformat()} but is still "
                    "marked active, so its page and search would still show it as running.",
                    either(
                        "set `status: decommissioned` and name its successor in `replaced_by`",
                        "correct or remove `ended` if it is still running",
                    ),
                )
            )
        if service.status is not ServiceStatus.active and service.replaced_by is None:
            found.append(
                finding(
                    "SVC-001",
                    service.field_at("status"),
                    f"service '{service.id}' is decommissioned but does not say what replaced it, "
                    "so its page cannot send people anywhere.",
                    either(
                        "name its successor in `replaced_by`",
                        "set `status: active` if it is still running",
                    ),
                )
            )
        elif service.active and service.replaced_by is not None:
            found.append(
                finding(
                    "SVC-001",
                    service.field_at("replaced_by"),
                    f"service '{service.id}' is active but says it is replaced by "
                    f"'{service.replaced_by}'.",
                    either("set `status: decommissioned`", "remove `replaced_by`"),
                )
            )
        elif successor is not None and not successor.active:
            found.append(
                finding(
                    "SVC-001",
                    service.field_at("replaced_by"),
                    f"service '{service.id}' is replaced by '{successor.id}', which is itself "
                    "decommissioned.",
                    either(
                        f"point `replaced_by` at the service that replaced '{successor.id}'"
                        + (f" ('{successor.replaced_by}')" if successor.replaced_by else ""),
                        f"set '{successor.id}' back to active",
                    ),
                )
            )
        if service.active and not service.routes:
            found.append(
                finding(
                    "SVC-001",
                    service.field_at("id"),
                    f"service '{service.id}' is active but has no routes, so it can never be "
                    "offered.",
                    either(
                        "add its routes (how people use it, and who each is for)",
                        "set `status: decommissioned` if it has ended",
                    ),
                )
            )
    return found


def _ended(at: Position, owner: str, id: str, successor: str | None) -> Finding:
    return finding(
        "SVC-001",
        at,
        f"{owner} sends people to '{id}', which is decommissioned.",
        either(
            f"use its successor '{successor}'" if successor else "use the service that replaced it",
            "remove it from the list",
        ),
    )
