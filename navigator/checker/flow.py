"""The shape of the question flow: FLOW-001 unreachable questions and branches, FLOW-003
cycles, FLOW-004 steps that end a journey without a result."""

from __future__ import annotations

from navigator.checker.scope import Scope, either
from navigator.content.finding import Finding, finding
from navigator.content.pathway import Branch, Pathway


def check_flow(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for pathway in scope.pathways():
        found += _unreachable(pathway)
        found += _dead_branches(pathway)
        found += _cycles(pathway)
        found += _leaves(pathway)
    return found


def edges(pathway: Pathway) -> dict[str, list[Branch]]:
    """For each question, its branches that can be taken and go to another question."""
    questions = {q.id for q in pathway.questions}
    return {q.id: [b for b in live(q.next) if b.goto in questions] for q in pathway.questions}


def live(branches: list[Branch]) -> list[Branch]:
    """The branches up to the first without `when`; any after it are never taken."""
    for number, branch in enumerate(branches, 1):
        if branch.when is None:
            return branches[:number]
    return branches


def reachable(pathway: Pathway) -> set[str]:
    """The questions some sequence of branches leads to from `start`."""
    graph = edges(pathway)
    seen: set[str] = set()
    todo = [pathway.start] if pathway.start in graph else []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(b.goto for b in graph[current])
    return seen


def _unreachable(pathway: Pathway) -> list[Finding]:
    if pathway.question(pathway.start) is None:
        return []  # REF-001 says what is wrong with `start`
    seen = reachable(pathway)
    return [
        finding(
            "FLOW-001",
            question.field_at("id"),
            f"question '{question.id}' is never asked: no branch that can be taken from "
            f"'{pathway.start}' onwards goes to it.",
            either(
                f"add a branch with `goto: {question.id}` to the question before it",
                "remove the question",
            ),
        )
        for question in pathway.questions
        if question.id not in seen
    ]


def _dead_branches(pathway: Pathway) -> list[Finding]:
    found: list[Finding] = []
    for question in pathway.questions:
        for number, branch in enumerate(question.next, 1):
            if branch.when is None and number < len(question.next):
                following = question.next[number]
                found.append(
                    finding(
                        "FLOW-001",
                        following.at,
                        f"branch {number + 1} of question '{question.id}' is never taken: "
                        f"branch {number} before it has no `when`, so it is always taken first.",
                        either(
                            f"move branch {number} to the end (an otherwise branch comes last)",
                            f"remove the branches after branch {number}",
                        ),
                    )
                )
                break
    return found


def _cycles(pathway: Pathway) -> list[Finding]:
    """One finding per cycle, at the branch that closes it."""
    graph = edges(pathway)
    found: list[Finding] = []
    reported: set[frozenset[str]] = set()
    done: set[str] = set()
    for root in [pathway.start, *graph]:
        if root not in graph or root in done:
            continue
        stack: list[str] = []
        on_stack: set[str] = set()
        # Depth first, iteratively: (question, index of the next branch to follow).
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            current, index = work.pop()
            if index == 0:
                stack.append(current)
                on_stack.add(current)
            branches = graph[current]
            if index < len(branches):
                work.append((current, index + 1))
                branch = branches[index]
                target = branch.goto
                if target in on_stack:
                    cycle = [*stack[stack.index(target) :], target]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        found.append(_cycle(branch, current, cycle))
                elif target not in done:
                    work.append((target, 0))
            else:
                stack.pop()
                on_stack.discard(current)
                done.add(current)
    return found


def _cycle(branch: Branch, source: str, cycle: list[str]) -> Finding:
    return finding(
        "FLOW-003",
        branch.field_at("goto"),
        f"question '{source}' goes back to '{branch.goto}', making a loop: "
        + " → ".join(cycle)
        + ". A journey could go round it for ever.",
        either(
            f"send this branch forward to a later question or a disposition instead of "
            f"'{branch.goto}'",
            "give the loop an exit that is always taken",
        ),
    )


def _leaves(pathway: Pathway) -> list[Finding]:
    found: list[Finding] = []
    urgent = {d.id for d in pathway.dispositions if d.urgent}
    for question in pathway.questions:
        if not question.next:
            found.append(
                finding(
                    "FLOW-004",
                    question.field_at("next"),
                    f"question '{question.id}' has no next step, so a journey that answers it "
                    "ends without a result.",
                    either(
                        "add a branch `- goto: <question or disposition id>`",
                        "remove the question",
                    ),
                )
            )
        for number, branch in enumerate(question.next, 1):
            if branch.goto in urgent:
                found.append(
                    finding(
                        "FLOW-004",
                        branch.field_at("goto"),
                        f"branch {number} of question '{question.id}' ends at urgent disposition "
                        f"'{branch.goto}': urgent dispositions are reached through red flags, "
                        "and a question that ends there would show routine services under an "
                        "urgent heading.",
                        either(
                            "make the sign this question asks about a red flag",
                            "go to a routine (not urgent) disposition",
                        ),
                    )
                )
    if pathway.dispositions and len(urgent) == len(pathway.dispositions):
        found.append(
            finding(
                "FLOW-004",
                pathway.field_at("dispositions"),
                "every disposition is urgent, so a journey without red flags has no result.",
                either(
                    "add a disposition with `urgent: false` for the routine result",
                    "make one of the dispositions `urgent: false`",
                ),
            )
        )
    return found
