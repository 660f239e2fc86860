"""`navigator navigate PATHWAY --answer ID=VALUE ... [--json]`: the next question or the result."""

from __future__ import annotations

import argparse
import json
import sys

from navigator.cli.common import content_paths, load_or_report, locator
from navigator.engine import Ask, navigate
from navigator.engine.outcome import AnswerValue, Result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "navigate",
        help="print the next question or the result for some answers",
        description="Walk a pathway with the answers given. Multi-select answers are "
        "comma-separated: --answer concerns=bonding,low-mood. See docs/engine-json.md.",
    )
    parser.add_argument("pathway", metavar="PATHWAY", help="the pathway's id")
    parser.add_argument(
        "--answer", "-a", action="append", default=[], metavar="ID=VALUE", help="an answer"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--content", nargs="*", metavar="PATH", help="content paths (default: settings)"
    )
    parser.set_defaults(run=run)


def parse_answers(pairs: list[str]) -> dict[str, AnswerValue]:
    """`id=value` pairs; a value with commas is a list (a multi-select answer)."""
    answers: dict[str, AnswerValue] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"'{pair}' is not ID=VALUE")
        parts = [v.strip() for v in value.split(",") if v.strip()]
        answers[key.strip()] = parts if len(parts) > 1 else value.strip()
    return answers


def run(args: argparse.Namespace) -> int:
    try:
        answers = parse_answers(args.answer)
    except ValueError as error:
        print(
            f"navigator navigate: {error}. Please write answers as --answer ID=VALUE.",
            file=sys.stderr,
        )
        return 2
    bundle = load_or_report(content_paths(args.content))
    if bundle is None or bundle.directory is None:
        return 2
    pathway = bundle.pathway(args.pathway)
    if pathway is None:
        known = ", ".join(p.id for p, _ in bundle.pathways) or "none"
        print(f"No pathway '{args.pathway}'. Pathways: {known}.", file=sys.stderr)
        return 2
    outcome = navigate(pathway, bundle.directory, answers, locator(bundle))
    if args.json:
        print(json.dumps(outcome.as_json(), indent=2, ensure_ascii=False))
    elif isinstance(outcome, Ask):
        print(_ask_text(outcome))
    else:
        print(_result_text(outcome))
    return 0


def _ask_text(ask: Ask) -> str:
    lines = []
    if ask.error:
        lines.append(f"There is a problem: {ask.error}.")
    lines.append(f"{ask.question_id}: {ask.text}")
    if ask.hint:
        lines.append(f"  {ask.hint}")
    lines.extend(f"  - {o.id}: {o.label}" for o in ask.options)
    if ask.kind == "months":
        lines.append(f"  (a whole number of months, {ask.min} to {ask.max})")
    if ask.optional:
        lines.append("  (optional: answer 'unknown' to skip)")
    lines.append(f"Answer with --answer {ask.question_id}=VALUE")
    return "\n".join(lines)


def _result_text(result: Result) -> str:
    lines = [result.title.upper(), result.advice]
    if result.while_you_wait:
        lines.append(f"While you wait: {result.while_you_wait}")
    if result.consult_first:
        lines.append("Consider a consultation first.")
    lines.extend(result.notes)
    for section in result.sections:
        lines.append(f"\n== {section.title} ==")
        for card in section.cards:
            lines.append(f"* {card.name} ({card.provider}): {card.how}")
            lines.extend(f"    why: {r.message} ({r.source})" for r in card.why)
            lines.extend(f"    please confirm: {c}" for c in card.caveats)
            if card.unconfirmed:
                lines.append(f"    check with the service: {', '.join(card.unconfirmed)}")
    if result.ask_about:
        lines.append("\n== Ask your health visitor about ==")
        lines.extend(f"* {c.name}: {c.remit}" for c in result.ask_about)
    if result.near_misses:
        lines.append("\n== Not shown, and why ==")
        for miss in result.near_misses:
            instead = ", ".join(a.name for a in miss.instead) or miss.instead_text or "see above"
            why = miss.failed.message.rstrip(".")
            lines.append(f"* {miss.name} ({miss.route}): {why}. Instead: {instead}")
    versions = f"directory {result.directory_version}"
    lines.append(f"\nPathway {result.pathway_id} {result.pathway_version}; {versions}")
    return "\n".join(lines)
