"""Reading one content file as YAML, safely: bounded in size, depth and expansion, with every
problem a finding at the place to change, in words a commissioner uses.

A content file is refused, before anything walks its data, when it is larger than
`MAX_FILE_BYTES` (FILE-003), uses an anchor or alias (`&name`, `*name`: YAML-002, which
also rules out an "alias bomb", a few lines that expand to billions of values) or nests deeper
than `MAX_DEPTH` (YAML-001).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

from navigator.content.finding import Finding, finding
from navigator.content.position import Position, SourceMap
from navigator.content.yaml_events import read_events

MAX_FILE_BYTES = 2_000_000
"""The largest content file read (2 MB): over twenty times the shipped services.yaml, and still
checked in a few seconds. A larger file is refused with FILE-003."""

MAX_DEPTH = 100
"""How deeply a content file may nest lists and keys; the deepest content nests about a dozen."""

ANCHOR_HINT = (
    "Please either write the value out in full at each place it is needed, or, if the '&' or "
    "'*' is part of the text, put the whole text in quotes."
)


class Unreadable(Exception):
    """A content file that cannot be read: missing, too large, not text, not YAML."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding))
        self.finding = finding


class Repetition(Exception):
    """An anchor or an alias: YAML's way to repeat a value, refused in content files."""

    def __init__(self, event: Any) -> None:
        super().__init__(event.anchor)
        self.name = str(event.anchor)
        self.alias = isinstance(event, AliasEvent)
        self.mark = event.start_mark


class PlainComposer(Composer):
    """ruamel.yaml's composer, stopping at the first anchor or alias before it is used."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise Repetition(event)
        return super().compose_node(parent, index)


def read_yaml(path: Path, shown: str | None = None) -> tuple[Any, SourceMap]:
    """Parse one YAML file, keeping positions. YAML 1.2, so `no` stays the word 'no'. Its
    positions name it `shown` (default: the path as given).

    A well-formed file is read by libyaml (`yaml_events`); anything it does not take, and
    every file with a problem, by ruamel.yaml, which reports the problem (`read_careful`)."""
    shown = shown or str(path)
    text = _text(path, shown)
    fast = read_events(text, shown, MAX_DEPTH)
    data, source = fast if fast is not None else read_careful(text, shown)
    source.file = path
    return data, source


def read_careful(text: str, shown: str) -> tuple[Any, SourceMap]:
    """ruamel.yaml's round-trip load, which says where and why a file cannot be read."""
    parser = YAML(typ="rt")
    parser.Composer = PlainComposer
    parser.max_depth = MAX_DEPTH
    try:
        data = parser.load(text)
    except Repetition as repetition:
        raise Unreadable(_repetition(repetition, shown)) from None
    except MarkedYAMLError as error:
        raise Unreadable(syntax_finding(error, text, shown)) from error
    except ReaderError as error:
        raise Unreadable(_control_character(error, text, shown)) from error
    except YAMLError as error:
        raise Unreadable(
            finding(
                "YAML-001",
                Position(shown),
                f"the YAML cannot be read: {error}",
                "Please either fix the line it names, or compare the file with docs/content.md.",
            )
        ) from error
    return data, SourceMap.of(shown, data)


def _text(path: Path, shown: str) -> str:
    """The file's text: never more than `MAX_FILE_BYTES` read, and UTF-8 or a finding."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise Unreadable(
            finding(
                "FILE-001",
                Position(shown),
                f"cannot read '{shown}': {error.strerror or error}",
                "Please either check the path is right or create the file.",
            )
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(
            finding(
                "FILE-003",
                Position(shown),
                f"'{shown}' is larger than {_size(MAX_FILE_BYTES)}, the most a content file may "
                "be, so it is not read.",
                "Please either remove what does not belong in it (pasted documents, repeated "
                "entries), or split a pathway's scenarios into a file of their own.",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(_not_utf8(data, error, shown)) from error


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit:,} bytes"


def _not_utf8(data: bytes, error: UnicodeDecodeError, shown: str) -> Finding:
    start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    col = len(data[start : error.start].decode("utf-8", errors="replace")) + 1
    byte = data[error.start]
    return finding(
        "FILE-001",
        Position(shown, line, col),
        f"line {line} has a character that is not UTF-8 text (the byte 0x{byte:02X}): the "
        "file was probably saved in another encoding, such as Windows-1252.",
        "Please either save the file as UTF-8 in your editor, or retype the character here "
        "(often a pasted accent, curly quote or dash).",
    )


def _repetition(repetition: Repetition, shown: str) -> Finding:
    at = Position(shown, repetition.mark.line + 1, repetition.mark.column + 1)
    if repetition.alias:
        what = f"'*{repetition.name}' repeats a value marked elsewhere with '&{repetition.name}'"
    else:
        what = f"'&{repetition.name}' marks a value so that '*{repetition.name}' can repeat it"
    return finding(
        "YAML-002",
        at,
        f"{what}: anchors and aliases are not allowed in content files, because every value "
        "must be written where it applies (and a few of them can expand to billions of values).",
        ANCHOR_HINT,
    )


def _control_character(error: ReaderError, text: str, shown: str) -> Finding:
    index = max(0, min(int(error.position), len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    return finding(
        "YAML-001",
        Position(shown, line, col),
        f"an invisible control character (U+{code:04X}) that a content file cannot hold.",
        "Please either retype this line, or delete the character in an editor that shows it.",
    )


def syntax_finding(error: MarkedYAMLError, text: str, shown: str) -> Finding:
    """YAML-001 for a parser error, said in words and placed where the mistake is."""
    problem = str(error.problem or "")
    context = str(error.context or "")
    mark = error.problem_mark or error.context_mark
    start = error.context_mark or mark
    lines = text.splitlines()

    def at(chosen: Any) -> Position:
        return Position(shown, chosen.line + 1, chosen.column + 1) if chosen else Position(shown)

    def line_of(chosen: Any) -> str:
        return lines[chosen.line].strip() if chosen and chosen.line < len(lines) else ""

    if "could not find expected ':'" in problem:
        written = line_of(start)
        key, _, rest = written.partition(" ")
        example = f" (`{key}: {rest}`)" if rest and ":" not in key else ""
        return finding(
            "YAML-001",
            at(start),
            f"'{written}' has no ':' after its key, so it is not a `key: value` line.",
            f"Please either add ': ' after the key{example}, or, if this line continues the "
            "text of the line above, indent it under that text or put the whole text in quotes.",
        )
    if "mapping values are not allowed here" in problem:
        return finding(
            "YAML-001",
            at(mark),
            "a ': ' where no new key can start: either text that contains ': ', or a line "
            "indented further than the key above it.",
            "Please either put the text in quotes, or line this key up with the keys above it.",
        )
    if "found character '\\t'" in problem:
        return finding(
            "YAML-001",
            at(mark),
            "a tab character: content files are indented with spaces only.",
            "Please either replace the tab with spaces, or set your editor to indent with spaces.",
        )
    if "duplicate key" in problem:
        twice = re.search(r'duplicate key "([^"]*)"', problem)
        name = f"'{twice.group(1)}'" if twice else "this key"
        return finding(
            "YAML-001",
            at(error.problem_mark),
            f"the key {name} is written a second time here, in the same block of keys.",
            "Please either remove one of them, or rename one if they were meant to be "
            "different keys.",
        )
    if "that cannot start any token" in problem:
        found = re.search(r"found character '(.)'", problem)
        sign = found.group(1) if found else "this character"
        return finding(
            "YAML-001",
            at(mark),
            f"text cannot start with '{sign}' unless it is in quotes.",
            "Please either put the whole text in quotes, or start it with a word.",
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        close = "]" if bracket == "[" else "}"
        return finding(
            "YAML-001",
            at(start),
            f"the '{bracket}' opened here is not closed with '{close}' where it should be, or "
            "an item inside it contains ':' or '#'.",
            f"Please either close it with '{close}' on the same line, or put items that "
            "contain ':' or '#' in quotes.",
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return finding(
            "YAML-001",
            at(start),
            "a quote opened here is never closed.",
            "Please either close the quote at the end of the text, or remove it.",
        )
    if "unknown escape character" in problem:
        return finding(
            "YAML-001",
            at(mark),
            "a backslash inside double quotes, which YAML reads as the start of a special "
            "character.",
            "Please either use single quotes around text with a backslash, or write the "
            "backslash twice (\\\\).",
        )
    if "expected a single document" in context:
        return finding(
            "YAML-001",
            at(mark),
            "a second document starts here ('---'), and a content file holds only one.",
            "Please either remove the '---' line, or move what follows it to a file of its own.",
        )
    if "maximum depth" in problem:
        return finding(
            "YAML-001",
            at(mark),
            f"the content is nested more than {MAX_DEPTH} levels deep here.",
            "Please either flatten it (content never needs this depth), or check for "
            "brackets that are opened and never closed.",
        )
    if "expected <block end>" in problem:
        return finding(
            "YAML-001",
            at(mark),
            "the indentation of this line does not fit the lines above it (a list item and a "
            "key side by side, perhaps).",
            "Please either indent this line like the lines it belongs with, or start every "
            "item of a list with '- '.",
        )
    words = " ".join(p for p in (context, problem) if p)
    return finding(
        "YAML-001",
        at(mark),
        f"the YAML cannot be read here: {words}",
        "Please either fix the indentation and punctuation on this line or the line before it, "
        "or put text containing ':' or '#' in quotes.",
    )
