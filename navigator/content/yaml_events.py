"""Reading a well-formed content file fast: libyaml's events (C), built into the same data and
the same positions as ruamel.yaml's round-trip load, about twenty times sooner.

Only the plain case is read here: one document of mappings, lists and scalars, with no anchor,
alias, tag, directive, duplicate key, tab or control character, no value left empty (libyaml
and ruamel.yaml place "nothing" differently), and no deeper than the limit.
Anything else, and every file that libyaml cannot parse, returns `None`, and `read_yaml`
reads it with ruamel.yaml as before: so each finding about the YAML itself (YAML-001,
YAML-002), its words and its `file:line:col` come from the one careful reader, and libyaml
only ever reads files that have nothing to report.

Scalars are resolved as YAML 1.2, by ruamel.yaml's own resolver and constructors (so `no` stays
the word 'no', and a date, a number or `true` is the same object either way). A line and column
are libyaml's event marks, which are ruamel.yaml's node marks: `tests/content/test_yaml_events.py`
compares the two readers on every content file and fixture in the project.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode

from navigator.content.position import Path, Position, SourceMap

NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""What ruamel.yaml's reader refuses (a control character): such a file is left to it."""

MAYBE_NOT_TEXT = frozenset("0123456789+-.~<=")
"""The first characters of a plain scalar that may resolve to something other than text (a
number, a date, null, a merge key); besides these, only the words in `WORDS` may."""

WORDS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"})

PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
STR = "tag:yaml.org,2002:str"


class _Unusual(Exception):
    """Something the fast reader leaves to ruamel.yaml."""


class _Scalars:
    """YAML 1.2 resolution of plain scalars, as ruamel.yaml's round-trip loader does it."""

    def __init__(self) -> None:
        reader = YAML(typ="rt")
        self.resolver = reader.resolver
        self.constructor = reader.constructor
        self.seen: dict[str, Any] = {}

    def plain(self, value: str) -> Any:
        if value[0] not in MAYBE_NOT_TEXT and value not in WORDS:
            return value
        if value in self.seen:
            return self.seen[value]
        tag = str(self.resolver.resolve(ScalarNode, value, (True, False)))
        if tag == STR:
            found: Any = value
        elif tag in PLAIN_TAGS:
            found = self.constructor.construct_object(ScalarNode(tag, value), deep=True)
        else:
            raise _Unusual(tag)
        if len(self.seen) < 10_000:
            self.seen[value] = found
        return found


@cache
def _scalars() -> _Scalars:
    return _Scalars()


_MISSING = object()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector held off while a file's many small objects are made: it would
    otherwise walk the growing data again and again (four fifths of the time, measured on a
    directory of 2,000 services). What it would have found is collected once, afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_events(text: str, shown: str, max_depth: int) -> tuple[Any, SourceMap] | None:
    """The data and positions of `text`, or None when it is not the plain case (see above)."""
    if "\t" in text or text.startswith("\ufeff") or NON_PRINTABLE.search(text):
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        with collection_paused():
            return _build(text, shown, max_depth)
    except (_Unusual, yaml.YAMLError, TypeError, ValueError):
        return None


def _build(text: str, shown: str, max_depth: int) -> tuple[Any, SourceMap]:
    scalars = _scalars()
    plain = scalars.plain
    keys: dict[Path, Position] = {}
    values: dict[Path, Position] = {}
    # One frame per open mapping or list: [container, its path, the key waiting for a value].
    stack: list[list[Any]] = []
    root: Any = _MISSING
    documents = 0
    parser = yaml.CSafeLoader(text)
    scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
    sequence_start, closing = yaml.SequenceStartEvent, (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while True:
            event: Any = parser.get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("anchor or tag")
                if not event.implicit[0]:
                    value: Any = event.value
                elif event.value:
                    value = plain(event.value)
                else:  # nothing written: the two readers place it differently
                    raise _Unusual("an empty value")
                opened = None
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("anchor or tag")
                if len(stack) >= max_depth - 1:
                    raise _Unusual("deep")
                value = {} if kind is mapping_start else []
                opened = value
            elif kind in closing:
                stack.pop()
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version is not None or event.tags:
                    raise _Unusual("directive or a second document")
                continue
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.AliasEvent:
                raise _Unusual("alias")
            else:
                continue
            mark = event.start_mark
            at = Position(shown, mark.line + 1, mark.column + 1)
            if not stack:
                if root is not _MISSING:
                    raise _Unusual("a second root")
                root, path = value, ()
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is dict:
                    key = frame[2]
                    if key is _MISSING:
                        if opened is not None or value in container:
                            raise _Unusual("a complex or duplicate key")
                        frame[2] = value
                        keys[(*frame[1], value)] = at
                        continue
                    path = (*frame[1], key)
                    container[key] = value
                    frame[2] = _MISSING
                else:
                    path = (*frame[1], len(container))
                    container.append(value)
                values[path] = at
            if opened is not None:
                stack.append([opened, path, _MISSING])
    finally:
        parser.dispose()
    if root is _MISSING or root is None:
        raise _Unusual("an empty document")
    return root, SourceMap.built(shown, keys, values)
