"""REV-001 and REV-002: each service entry is checked with its provider on time."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding


def check_review(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    if scope.directory is None:
        return found
    for service in scope.directory.services:
        if service.review_by < service.last_reviewed:
            found.append(
                finding(
                    "REV-002",
                    service.field_at("review_by"),
                    f"service '{service.id}' is to be reviewed by {service.review_by}, before "
                    f"it was last reviewed ({service.last_reviewed}).",
                    either(
                        "correct `review_by` to a date after `last_reviewed`",
                        "correct `last_reviewed`",
                    ),
                )
            )
        elif service.active and service.review_by < scope.today:
            found.append(
                finding(
                    "REV-001",
                    service.field_at("review_by"),
                    f"service '{service.id}' was due to be reviewed by {service.review_by}; "
                    f"its entry was last checked on {service.last_reviewed}.",
                    either(
                        "check the entry with the provider and update `last_reviewed` and "
                        "`review_by`",
                        "if the provider cannot confirm it yet, set a new `review_by` and list "
                        "what is unconfirmed in `unconfirmed`",
                    ),
                )
            )
    return found
