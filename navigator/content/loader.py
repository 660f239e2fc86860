"""Reading content files: YAML with positions, validated into the content model, with every
problem turned into a finding at its `file:line:col` rather than an exception."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from navigator.content.directory import Directory
from navigator.content.explanation import explain
from navigator.content.finding import Finding, closest, finding, spelt
from navigator.content.pathway import Pathway, ScenarioFile
from navigator.content.position import Position, SourceMap, locate
from navigator.content.synonyms import Thesaurus
from navigator.content.translation import TranslationFile
from navigator.content.yaml_events import collection_paused
from navigator.content.yaml_file import Unreadable as Unreadable
from navigator.content.yaml_file import read_yaml as read_yaml

M = TypeVar("M", bound=BaseModel)

DEFAULT_PATHS = (Path("services.yaml"), Path("pathways"))
"""What `navigator check` reads when given no paths: the content of the current directory."""


@dataclass
class Document:
    """One content file, parsed and validated."""

    path: str
    """How the file is named in findings (relative to the content folder when one is given)."""
    model: BaseModel
    source: SourceMap


@dataclass
class Bundle:
    """Everything read from a set of paths, and what was wrong with it."""

    directory: Directory | None = None
    directory_source: SourceMap | None = None
    pathways: list[tuple[Pathway, SourceMap]] = field(default_factory=list)
    scenario_files: list[tuple[ScenarioFile, SourceMap]] = field(default_factory=list)
    extra: dict[str, list[Document]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)

    def pathway(self, id: str) -> Pathway | None:
        return next((p for p, _ in self.pathways if p.id == id), None)

    @property
    def translations(self) -> list[Document]:
        """The translation files read (`translations/ur.yaml`), each a `TranslationFile`."""
        return self.extra.get(TranslationFile.__name__, [])


KINDS: dict[str, type[BaseModel]] = {
    "services": Directory,
    "questions": Pathway,
    "scenarios": ScenarioFile,
    "synonyms": Thesaurus,
    "language": TranslationFile,
}
"""A file's kind is told by a key only that kind has at its top level."""


def register_kind(key: str, model: type[BaseModel]) -> None:
    """Let another part of the navigator (search's synonyms, say) add a kind of content file."""
    KINDS[key] = model


def content_files(paths: Iterable[Path]) -> tuple[list[Path], list[Finding]]:
    """Expand folders into their YAML files, sorted; a missing path is a finding."""
    files: list[Path] = []
    missing: list[Finding] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")]))
        elif path.exists():
            files.append(path)
        else:
            missing.append(
                finding(
                    "FILE-001",
                    Position(str(path)),
                    f"'{path}' does not exist",
                    "Please either give the right path or run the command in the folder "
                    "that holds services.yaml and pathways/.",
                )
            )
    return files, missing


def shown_name(path: Path, root: Path | None) -> str | None:
    """How a content file is named in findings and reasons: relative to `root` if given."""
    if root is None:
        return None
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return path.name


def load(paths: Sequence[Path] = DEFAULT_PATHS, root: Path | None = None) -> Bundle:
    """Read and validate every content file under `paths`. With `root` (the web app's content
    folder), files are named relative to it (`pathways/early-years.yaml`), and one outside it by
    its name alone, so no path on the server reaches a page or the API."""
    with collection_paused():
        return _load(paths, root)


def _load(paths: Sequence[Path], root: Path | None) -> Bundle:
    bundle = Bundle()
    files, bundle.unreadable = content_files(paths)
    for path in files:
        try:
            data, source = read_yaml(path, shown_name(path, root))
        except Unreadable as error:
            if error.finding.code == "FILE-001":
                bundle.unreadable.append(error.finding)
            else:
                bundle.findings.append(error.finding)
            continue
        model_type = _kind(data)
        if model_type is None:
            bundle.findings.append(
                finding(
                    "FILE-002",
                    source.value(()),
                    f"'{path}' is not a directory, pathway or scenario file",
                    "Please either add the top-level key that says what it is ('services', "
                    "'questions' or 'scenarios'), or move the file out of the content folders.",
                )
            )
            continue
        model = validate(model_type, data, source, bundle.findings)
        if model is None:
            continue
        if isinstance(model, Directory):
            if bundle.directory is not None:
                bundle.findings.append(
                    finding(
                        "ID-001",
                        source.value(()),
                        "a second directory of services",
                        "Please keep every service in one services.yaml.",
                    )
                )
                continue
            bundle.directory, bundle.directory_source = model, source
        elif isinstance(model, Pathway):
            bundle.pathways.append((model, source))
        elif isinstance(model, ScenarioFile):
            bundle.scenario_files.append((model, source))
        else:
            bundle.extra.setdefault(type(model).__name__, []).append(
                Document(source.path, model, source)
            )
    return bundle


def _kind(data: Any) -> type[BaseModel] | None:
    if not isinstance(data, dict):
        return None
    return next((model for key, model in KINDS.items() if key in data), None)


def validate(
    model_type: type[M], data: Any, source: SourceMap, findings: list[Finding]
) -> M | None:
    """Validate `data` as `model_type`, adding a finding for each error; attach positions."""
    try:
        model = model_type.model_validate(data)
    except ValidationError as error:
        findings.extend(_findings(model_type, data, source, error))
        return None
    locate(model, source)
    return model


def _findings(
    model_type: type[BaseModel], data: Any, source: SourceMap, error: ValidationError
) -> list[Finding]:
    found: dict[tuple[str, tuple[Any, ...]], Finding] = {}
    suggested: set[tuple[Any, ...]] = set()
    wrong: dict[tuple[Any, ...], list[Any]] = {}
    for item in error.errors():
        path = _data_path(data, item["loc"])
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(path[-1])
            allowed = _fields_at(model_type, path[:-1])
            near = closest(key, allowed)
            if near:
                suggested.add((*path[:-1], near))
            f = finding(
                "KEY-001",
                source.key(path),
                f"unknown key '{key}' in {_describe(data, path[:-1])}.",
                spelt(key, allowed)
                + "Please either correct the key or remove it. Allowed here: "
                + ", ".join(sorted(allowed))
                + ".",
            )
        elif kind == "missing":
            key = str(item["loc"][-1])
            f = finding(
                "KEY-002",
                source.value(path),
                f"'{key}' is required in {_describe(data, path[:-1])}.",
                f"Please either add '{key}:' here (docs/content.md says what it takes), or, if "
                f"it is written already, line it up with the keys around it.",
            )
        else:
            wrong.setdefault(path, []).append(item)
            continue
        found.setdefault((f.code, path), f)
    for path, items in wrong.items():
        # A union reports one error per member: they are explained together, once.
        key = next((str(p) for p in reversed(path) if isinstance(p, str)), "it")
        blocks = _block_keys(model_type, path)
        said = explain(_describe(data, path), key, items[0].get("input"), items, blocks)
        found.setdefault(
            ("VAL-001", path), finding("VAL-001", source.value(path), said.message, said.hint)
        )
    # A misspelt key is reported once, as unknown with its suggestion, not also as missing.
    return [f for (code, path), f in found.items() if code != "KEY-002" or path not in suggested]


def _describe(data: Any, path: tuple[Any, ...]) -> str:
    """Where `path` is, in words: `services › hv › routes › item 2 › eligibility`."""
    words: list[str] = []
    node = data
    for part in path:
        item = node[part] if isinstance(node, dict | list) and _has(node, part) else None
        if isinstance(part, int):
            ident = item.get("id") if isinstance(item, dict) else None
            words.append(str(ident) if isinstance(ident, str) else f"item {part + 1}")
        else:
            words.append(str(part))
        node = item
    return " › ".join(words) or "the top level"


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[Any, ...]:
    """The part of pydantic's error location that addresses the data (union tags dropped)."""
    path: list[Any] = []
    node = data
    for part in loc:
        in_map = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_map or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not part.endswith("]"):
            path.append(part)  # a key that is missing or unknown: the last element
            node = None
    return tuple(path)


def _fields_at(model_type: type[BaseModel], path: tuple[Any, ...]) -> set[str]:
    """The keys allowed in the mapping at `path` of a `model_type` document."""
    current = _model_at(model_type, path)
    return {f.alias or n for n, f in current.model_fields.items()} if current else set()


def _model_at(model_type: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The content model written at `path` (of each item, for a list of them), if any."""
    current: type[BaseModel] | None = model_type
    for part in path:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        fields = {f.alias or n: f for n, f in current.model_fields.items()}
        if part not in fields:
            return None
        current = _model_in(fields[part].annotation)
    return current


def _block_keys(model_type: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys a block written at `path` needs (or may have, when none is required)."""
    model = _model_at(model_type, path)
    if model is None:
        return []
    fields = model.model_fields
    required = [f.alias or n for n, f in fields.items() if f.is_required()]
    return required or [f.alias or n for n, f in fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
