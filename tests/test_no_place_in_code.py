"""The place is content: no place name or postcode of Bradford is written in the code or the
templates, outside comments and docstrings (which may use it as an example)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORDS = re.compile(r"Bradford|BD3")
DOCS = ROOT / "navigator" / "checker" / "docs.py"
"""The generator of docs/content.md, whose examples are documentation."""


def _python_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a Python file that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        # A string on its own (an attribute's docstring) is documentation too, and so is a
        # field's `description` (docs/content.md is made of them).
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            docstrings.add(id(node.value))
        if isinstance(node, ast.keyword) and node.arg == "description":
            docstrings.update(id(n) for n in ast.walk(node.value) if isinstance(n, ast.Constant))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            found.append((node.lineno, node.value))
    return found


def _template_text(path: Path) -> list[tuple[int, str]]:
    """A template's lines without its `{# comments #}`."""
    text = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"), path.read_text())
    return list(enumerate(text.splitlines(), 1))


def _offending() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "navigator").rglob("*.py")):
        if path == DOCS:
            continue
        for line, text in _python_strings(path):
            if WORDS.search(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}")
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for line, text in _template_text(path):
            if WORDS.search(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {text.strip()[:60]!r}")
    return found


def test_no_place_is_written_in_the_code_or_the_templates() -> None:
    assert _offending() == []


def test_the_check_finds_a_place_where_there_is_one(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""About BD3."""\n\nMESSAGE = "Enter a postcode like BD3 8AA"\n')
    assert [text for _, text in _python_strings(module) if WORDS.search(text)] == [
        "Enter a postcode like BD3 8AA"
    ]
    # Comments are not string literals at all.
    tokens = tokenize.generate_tokens(io.StringIO("# Bradford\nx = 1\n").readline)
    assert all(t.type != tokenize.STRING for t in tokens)


@pytest.mark.parametrize("name", ["base.html", "home.html", "services.html"])
def test_the_templates_read_the_site_block(name: str) -> None:
    assert "site." in (ROOT / "templates" / name).read_text()
