"""docs/content.md, written from the content models: every key of every kind of object in
`services.yaml` and the pathway files, with its type, whether it is required, and the
description given in the model.

Regenerate after changing a model: `.venv/bin/python -m navigator.checker.docs > docs/content.md`.
"""

from __future__ import annotations

import inspect
import sys
import types
import typing
from collections.abc import Iterator
from enum import Enum
from types import ModuleType
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from navigator.content import condition, directory, pathway, translation, vocabulary

MODULES: tuple[ModuleType, ...] = (directory, pathway, condition, translation)
"""The modules whose models are content that commissioners write."""
ROOTS: tuple[type[BaseModel], ...] = (
    directory.Directory,
    pathway.Pathway,
    pathway.ScenarioFile,
    translation.TranslationFile,
)

INTRODUCTION = """\
# Content files: every key

The navigator reads two kinds of file that commissioners edit, and a third for tests:

- **`services.yaml`**: the directory: areas, the concern vocabulary, levels of need and every
  service with its routes (`Directory` below).
- **`pathways/*.yaml`**: one pathway per file: red flags, dispositions, the question flow, the
  rules that choose which kinds of route to offer, the fallback and scenarios (`Pathway`).
- **`pathways/*.scenarios.yaml`**: more scenarios for a pathway (`ScenarioFile`).
- **`translations/<code>.yaml`**: the family-facing words in one language, with a fingerprint
  of the English each translates (`TranslationFile`; docs/translations.md).

A file's kind is told by a top-level key only that kind has: `services`, `questions`,
`scenarios` or `language`. `navigator check` reports any key not listed here (KEY-001, with a
"did you mean"), any required key that is missing (KEY-002) and any value of the wrong kind
(VAL-001); docs/checker.md lists every finding.

Conventions:

- **Ids** are stable: lower case words joined by `-`, never reused. A service that changes
  its id lists the old one in `former_ids`.
- **Ages** are whole months after the birth, as half-open intervals: `{from: 0, to: 24}`
  includes 0 to 23 months; leaving out `to` means no upper limit.
- **`all`** is the explicit wildcard for `concerns`, `need` and `areas`; an empty list is not.
- **YAML 1.2**: `no` stays the word "no"; write a number that is text (a phone number such as
  `"999"`) in quotes. Unquoted, `01274123456` is read as the number 1274123456 and loses its 0.
- **Plain YAML only**: no anchors or aliases (`&name`, `*name`, `<<:`): write each value where
  it applies (YAML-002). A content file is at most 2 MB (FILE-003) and nests at most 100 levels.
- **Conditions** use a closed set of operators (`Condition` below); there is no way to write
  code in a content file.

This file is generated from the models (`python -m navigator.checker.docs`), and a test checks
that it mentions every key of every model.
"""


MEANINGS: dict[str, str] = {
    "AreaKind": "What sort of place an area is.",
    "ServiceStatus": "Whether a service is running. A decommissioned service keeps its entry so "
    "that old links and names lead to its successor (`replaced_by`).",
    "QuestionKind": "How a question is answered.",
    "single": "pick one choice",
    "multi": "pick one or more choices (a choice with `exclusive: true` stands alone)",
    "months": "a whole number of months, between the question's `min` and `max`",
    "postcode": "a postcode, looked up to find the family's areas (never stored in full)",
    "urgent": "urgent help, shown only for red flags",
    "consultation": "advice for the practitioner; the family stays with them",
    "referral": "the service takes the family on",
    "self_referral": "families contact the service themselves",
    "signposting": "information and open-access support",
    "training": "training for practitioners",
    "gp_area": "whether the family is registered with a GP in the question's `area`; `yes` "
    "puts them in it, `no` keeps them out, any other choice means 'not sure'",
    "postcode_sets": "the postcode, which gives the areas (a `postcode` question)",
    "audience_sets": "who is asking (a single question with choices `practitioner`, `family`)",
    "stage_sets": "pregnancy or after the birth (choices `pregnancy`, `postnatal`)",
    "age_months_sets": "the baby's age (a `months` question)",
    "concerns_sets": "the worries (a multi question, usually `choices_from: concerns`)",
    "need_sets": "the level of need (usually `choices_from: need_levels`)",
    "ward": "an electoral ward",
    "ward_group": "a group of wards (such as the Better Start Bradford area)",
    "local_authority": "a district council area",
    "nhs_footprint": "an NHS area, decided by GP registration",
    "country": "a whole country",
    "active": "running, and offered when it fits",
    "decommissioned": "ended; never offered, its page points to `replaced_by`",
}
"""What values mean, where their enum says nothing about them one by one."""

EXAMPLES: dict[str, str] = {
    "Service": """\
- id: infant-mh
  name: Infant Mental Health Service
  provider: Example NHS Trust
  ring: core
  description: A small team for babies and their parents.
  remit: Helps parents and babies whose relationship is under strain.
  not_for:
    - who: Children aged 24 months or more
      criterion: age
      instead: [health-visiting]
  routes:
    - kind: consultation
      eligibility:
        audience: [practitioner]
        age_months: {from: 0, to: 24}
        concerns: [bonding, low-mood]
        areas: [better-start-bradford]
      how: Ring the team to book a consultation.
  contact: {phone: 01274 000000, website: https://example.org/infant}
  last_reviewed: 2026-06-01
  review_by: 2027-06-01
""",
    "Question": """\
- id: stage
  text: Is the baby born yet?
  kind: single
  sets: stage
  choices:
    - {id: pregnancy, label: Not yet (pregnancy)}
    - {id: postnatal, label: Yes}
  next:
    - when: {equals: {stage: postnatal}}
      goto: age
    - goto: concerns          # no `when`: otherwise, always last
""",
    "Condition": """\
when: {equals: {audience: family}}
when: {in: {need: [persistent, complex]}}
when: {includes: {concerns: bonding}}
when: {age_months: {from: 0, to: 12}}
when:
  all:
    - {equals: {stage: postnatal}}
    - not: {includes: {concerns: sleep}}
""",
    "Rule": """\
- id: consult-first
  when: {equals: {need: emerging}}
  consult_first: {service: infant-mh, route: consultation}
  offer: [consultation, self_referral, signposting, training]
  advice: At an emerging level of need, consult before you refer.
""",
    "Scenario": """\
- id: six-months-bonding
  title: A health visitor worried about bonding with a 6-month-old in BD3
  answers: {red_flags: [none], audience: practitioner, stage: postnatal, age: 6,
            concerns: [bonding], need: persistent, postcode: BD3 9AA}
  expect:
    disposition: routine
    includes: [infant-mh/referral]
    excludes: [talking-therapies]
""",
}
"""A short example for the objects that are easiest to get wrong."""


def render() -> str:
    """The whole of docs/content.md."""
    parts = [INTRODUCTION]
    for model in models():
        parts.append(_model(model))
    parts.append(_vocabularies())
    return "\n".join(parts)


def models() -> list[type[BaseModel]]:
    """Every content model with keys, from the top of each file down, then any others."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found or not model.model_fields:
            return
        found.append(model)
        for field in model.model_fields.values():
            for inner in _models_in(field.annotation):
                visit(inner)

    for root in ROOTS:
        visit(root)
    for module in MODULES:
        for model in defined_models(module):
            visit(model)
    return found


def defined_models(module: ModuleType) -> Iterator[type[BaseModel]]:
    """The models with keys that `module` defines (not those it imports)."""
    for _, value in inspect.getmembers(module, inspect.isclass):
        if not (issubclass(value, BaseModel) and value.__module__ == module.__name__):
            continue
        if value.model_fields:
            yield value


def key(name: str, field: FieldInfo) -> str:
    """The key as written in YAML."""
    return field.alias or name


def _model(model: type[BaseModel]) -> str:
    doc = inspect.cleandoc(model.__doc__ or "")
    lines = [f"## `{model.__name__}`", "", doc, ""]
    example = EXAMPLES.get(model.__name__)
    if example:
        lines += ["```yaml", example.rstrip("\n"), "```", ""]
    lines += ["| Key | Takes | Required | Meaning |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else f"no ({_default(field)})"
        meaning = (field.description or "").replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| `{key(name, field)}` | {_type(field.annotation)} | {required} | {meaning} |"
        )
    return "\n".join(lines) + "\n"


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    elif field.default is PydanticUndefined:
        return "none"
    else:
        value = field.default
    if value is None:
        return "none"
    if isinstance(value, Enum):
        return f"`{value.value}`"
    if isinstance(value, BaseModel):
        return "empty"
    if isinstance(value, list):
        return "`[" + ", ".join(str(v.value if isinstance(v, Enum) else v) for v in value) + "]`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`" if value != "" else "empty"


def _type(annotation: Any) -> str:
    """The type in words a commissioner can follow."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is type(None):
        return ""
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        shown = [_type(a) for a in args if a is not type(None)]
        return " or ".join(s for s in shown if s)
    if origin is typing.Literal:
        return " or ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type(args[0])}"
    if origin is dict:
        return f"mapping of {_type(args[0])} to {_type(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "whole number", bool: "`true` or `false`"}
    if annotation in names:
        return names[annotation]
    return getattr(annotation, "__name__", str(annotation)).replace("date", "date (YYYY-MM-DD)")


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _enums() -> list[type[Enum]]:
    found: list[type[Enum]] = []
    for module in (vocabulary, *MODULES):
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Enum) and value.__module__ == module.__name__:
                found.append(value)
    return found


def _vocabularies() -> str:
    lines = ["## Vocabularies", "", "The values these keys take, and what each means.", ""]
    for enum in _enums():
        doc = MEANINGS.get(enum.__name__) or inspect.cleandoc(enum.__doc__ or "")
        lines += [f"### {enum.__name__}", "", doc, ""]
        for member in enum:
            meaning = MEANINGS.get(f"{member.value}_sets" if enum.__name__ == "Sets" else "")
            meaning = meaning or MEANINGS.get(member.value, "")
            lines.append(f"- `{member.value}`" + (f": {meaning}" if meaning else ""))
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render())
