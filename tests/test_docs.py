"""docs/content.md documents every key of every content model, each in its model's section."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from navigator.checker.docs import render
from navigator.content import condition, directory, pathway

DOCS = Path(__file__).parent.parent / "docs" / "content.md"


def content_models() -> list[type[BaseModel]]:
    found = []
    for module in (directory, pathway, condition):
        for _, value in inspect.getmembers(module, inspect.isclass):
            if not (issubclass(value, BaseModel) and value.__module__ == module.__name__):
                continue
            if value.model_fields:
                found.append(value)
    return found


def sections() -> dict[str, str]:
    """Each `## \\`Model\\`` section of docs/content.md, by model name."""
    text = DOCS.read_text(encoding="utf-8")
    parts = re.split(r"^## `(\w+)`$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m.__name__)
def test_every_key_of_every_model_is_documented(model: type[BaseModel]) -> None:
    section = sections().get(model.__name__)
    assert section is not None, f"docs/content.md has no section for {model.__name__}"
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert re.search(rf"^\| `{re.escape(key)}` \|", section, re.MULTILINE), (
            f"docs/content.md does not document `{key}` of {model.__name__}"
        )


def test_the_models_include_the_ones_commissioners_write() -> None:
    names = {m.__name__ for m in content_models()}
    assert {"Directory", "Service", "Route", "Pathway", "Question", "Condition", "Rule"} <= names


def test_docs_are_up_to_date_with_the_models() -> None:
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/content.md is out of date: run "
        "`.venv/bin/python -m navigator.checker.docs > docs/content.md`"
    )
