"""The checker: everything `navigator check` says about content, each finding with a stable
code, the exact `file:line:col`, the value that is wrong, and what to do about it.

The loader's findings (YAML syntax, unknown and missing keys, values of the wrong kind) come
first in time; the checks here look at what the loaded content means: ids, references, ages,
the question flow, red flags, coverage, review dates, contact details and ways in, service
status, scenarios and the family wording. Each family of checks is a module with one
`check_*(scope)` function.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from navigator.checker.boundaries import check_boundaries
from navigator.checker.contact import check_contacts
from navigator.checker.coverage import check_coverage
from navigator.checker.empty import check_empty
from navigator.checker.facts import check_facts
from navigator.checker.flow import check_flow
from navigator.checker.geography import check_geography
from navigator.checker.groupings import check_groupings
from navigator.checker.ids import check_ids
from navigator.checker.intervals import check_intervals
from navigator.checker.questions import check_questions
from navigator.checker.reach import check_reach
from navigator.checker.readability import check_readability
from navigator.checker.red_flags import check_red_flags
from navigator.checker.references import check_references
from navigator.checker.review import check_review
from navigator.checker.routing import check_routing
from navigator.checker.rules import check_rules
from navigator.checker.scenarios import check_scenarios
from navigator.checker.scope import Scope
from navigator.checker.specialist import check_specialist
from navigator.checker.status import check_status
from navigator.checker.synonyms import check_synonyms
from navigator.checker.translations import check_translations
from navigator.content.finding import CODES, Finding
from navigator.content.loader import Bundle

CHECKS: tuple[Callable[[Scope], list[Finding]], ...] = (
    check_ids,
    check_references,
    check_geography,
    check_groupings,
    check_facts,
    check_empty,
    check_questions,
    check_intervals,
    check_flow,
    check_routing,
    check_rules,
    check_red_flags,
    check_status,
    check_boundaries,
    check_review,
    check_contacts,
    check_reach,
    check_scenarios,
    check_coverage,
    check_specialist,
    check_synonyms,
    check_readability,
    check_translations,
)
"""Every semantic check, in the order a commissioner would fix things."""


def check(bundle: Bundle, today: date | None = None) -> list[Finding]:
    """Every finding about `bundle`: files that could not be read, what the loader found, and
    what each check finds, sorted by file, line and column."""
    scope = Scope.of(bundle, today or date.today())
    found = [*bundle.unreadable, *bundle.findings]
    for run in CHECKS:
        found += run(scope)
    unique = list(dict.fromkeys(found))
    order = {code: n for n, code in enumerate(CODES)}
    return sorted(unique, key=lambda f: (f.path, f.line, f.col, order.get(f.code, 0), f.message))


__all__ = ["CHECKS", "Finding", "check"]
