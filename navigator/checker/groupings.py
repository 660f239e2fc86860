"""REF-001 for groupings: a service's `ring` names a value of the directory's `ring` grouping,
when the directory declares one (a directory without one leaves `ring` free, or unused)."""

from __future__ import annotations

from navigator.checker.scope import Scope, either, quoted
from navigator.content.finding import Finding, finding, spelt


def check_groupings(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    rings = directory.grouping("ring")
    if rings is None:
        return []
    values = [v.id for v in rings.values]
    return [
        finding(
            "REF-001",
            service.field_at("ring"),
            f"service '{service.id}' is in ring '{service.ring}', which the `ring` grouping "
            f"does not declare (it declares {quoted(values)}).",
            spelt(service.ring, values)
            + either("correct the ring", f"add a value '{service.ring}' to the `ring` grouping"),
        )
        for service in directory.services
        if service.ring is not None and service.ring not in values
    ]
