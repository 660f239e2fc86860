"""Where a value came from: every value read from a content file knows its `file:line:col`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as PathLike
from typing import Any

from pydantic import BaseModel

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Position:
    """A place in a content file; line and column count from 1, as editors do."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    @property
    def short(self) -> str:
        """`file:line`, the form shown to people in "why this service?"."""
        return f"{self.path}:{self.line}"


class SourceMap:
    """Positions of every key and value of one YAML document, addressed by their path.

    Built from ruamel.yaml's round-trip nodes, which record the line and column of each key
    and value; a path is the tuple of keys and list indexes from the document root.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.file: PathLike | None = None
        """The file on disk, where `path` is only how it is named (relative to the content
        folder, in the web app); files it names (boundaries) are found beside this one."""
        self._keys: dict[Path, Position] = {}
        self._values: dict[Path, Position] = {}

    @classmethod
    def of(cls, path: str, data: Any) -> SourceMap:
        source = cls(path)
        source._values[()] = Position(path, 1, 1)
        source._walk(data, ())
        return source

    @classmethod
    def built(
        cls, path: str, keys: dict[Path, Position], values: dict[Path, Position]
    ) -> SourceMap:
        """A map from positions already gathered (by the fast reader, `yaml_events`)."""
        source = cls(path)
        source._keys = keys
        source._values = {(): Position(path, 1, 1), **values}
        return source

    def _walk(self, node: Any, here: Path) -> None:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict):
            for key, value in node.items():
                child = (*here, key)
                if lc is not None:
                    try:
                        kl, kc = lc.key(key)
                        vl, vc = lc.value(key)
                    except (KeyError, TypeError):
                        kl = kc = vl = vc = None
                    if kl is not None:
                        self._keys[child] = Position(self.path, kl + 1, kc + 1)
                    if vl is not None:
                        self._values[child] = Position(self.path, vl + 1, vc + 1)
                self._walk(value, child)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                child = (*here, index)
                if lc is not None:
                    try:
                        il, ic = lc.item(index)
                        self._values[child] = Position(self.path, il + 1, ic + 1)
                    except (KeyError, TypeError):
                        pass
                self._walk(value, child)

    def key(self, path: Path) -> Position:
        """The position of the key at `path` (or the nearest enclosing one we know)."""
        return self._keys.get(path) or self.value(path)

    def value(self, path: Path) -> Position:
        """The position of the value at `path` (or the nearest enclosing one we know)."""
        while path:
            found = self._values.get(path) or self._keys.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self._values.get((), Position(self.path))


class Located(BaseModel):
    """A content object that remembers where it was written, and where each of its fields was."""

    def model_post_init(self, context: Any, /) -> None:
        self._at: Position = Position("<memory>")
        self._field_at: dict[str, Position] = {}

    @property
    def at(self) -> Position:
        return self._at

    def field_at(self, name: str) -> Position:
        """Where the field `name` was written; the object's own position if it was not."""
        return self._field_at.get(name, self._at)


def locate(model: Any, source: SourceMap, path: Path = ()) -> None:
    """Attach positions from `source` to `model` and every content object inside it."""
    if isinstance(model, Located):
        model._at = source.value(path)
        model._field_at = {}
        for name, field in type(model).model_fields.items():
            key = field.alias or name
            if (*path, key) in source._keys:
                model._field_at[name] = source.value((*path, key))
            locate(getattr(model, name), source, (*path, key))
    elif isinstance(model, list | tuple):
        for index, item in enumerate(model):
            locate(item, source, (*path, index))
    elif isinstance(model, dict):
        for key, item in model.items():
            locate(item, source, (*path, key))
