"""The index on disk: built once per version of `services.yaml`, opened read-only after.

Layout under `<state_dir>/search/`::

    build.lock          held (filelock) by whoever builds; one builder across processes
    CURRENT             the content hash of the generation to open (replaced atomically)
    <hash>/             one generation: a complete Whoosh index, never changed once there

A generation's directory is built under a temporary name and renamed into place, and
`CURRENT` is replaced with `os.replace`, so a reader sees either the old generation or the
new one, never half of one. Readers keep the generation they opened until they swap, and the
previous generation is kept on disk so that readers in other processes can finish with it.

The content hash covers the bytes of `services.yaml` and `SCHEMA_VERSION`: a change to either
means a new generation; starting again with the same content just opens the existing one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from filelock import FileLock
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import RamStorage

from navigator.content.directory import Directory
from navigator.search.collect import FacetSets, facet_sets
from navigator.search.compose import Lexicon
from navigator.search.postings import Postings
from navigator.search.schema import FACET_FIELDS, TEXT_FIELDS, documents, former_texts, schema
from navigator.search.synonyms import Synonyms
from navigator.search.vocabulary import Vocabulary
from navigator.search.weighting import ALL_FIELD, DirectoryWeighting, Norms, length_norms

__all__ = [
    "SCHEMA_VERSION",
    "Generation",
    "IndexStore",
    "Scoring",
    "build_in_memory",
    "content_hash",
]

SCHEMA_VERSION = "search-2"
"""Change this when the schema or analysis changes, so existing indexes are rebuilt."""

_CURRENT = "CURRENT"
_LOCK = "build.lock"
_INDEX_NAME = "services"


def content_hash(services: bytes) -> str:
    """The generation name for this content of `services.yaml`."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode() + b"\0" + services)
    return digest.hexdigest()[:20]


class Scoring(StrEnum):
    """How a generation runs a query: on its postings arrays (`postings`), or through
    Whoosh's matchers and collector (`collect`; the same answers, kept to measure against)."""

    arrays = "arrays"
    whoosh = "whoosh"


@dataclass(frozen=True)
class Generation:
    """One built index with what searching it needs: the directory it was built from (for
    result cards), the vocabulary (for typos) and the synonyms. Immutable, so every thread
    may share it; each thread searches with its own `searcher()`."""

    index: Any
    directory: Directory
    vocabulary: Vocabulary
    synonyms: Synonyms
    max_routes: int
    name: str = "memory"
    lexicon: Lexicon = field(default_factory=Lexicon)
    """Where each stem occurs and how common it is (see `compose`)."""
    facets: FacetSets = field(default_factory=dict)
    """Which services have each facet value (see `collect`)."""
    norms: Norms = field(default_factory=dict)
    """BM25 length terms per ranked field (see `weighting`)."""
    postings: Postings | None = None
    """Each term's services and scores as arrays, read on first use (see `postings`)."""
    scoring: Scoring = Scoring.arrays

    _local: threading.local = field(default_factory=threading.local, compare=False, repr=False)

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """This thread's searcher on this generation. Whoosh searchers must not be shared
        between threads (whoosh threads.rst; shared ones were seen to fail), and opening one
        costs about a millisecond, so each thread keeps its own; a swapped-in generation
        starts afresh."""
        local = self._local
        found = getattr(local, "searcher", None)
        if found is None:
            found = local.searcher = self.index.searcher(weighting=DirectoryWeighting(self.norms))
        yield found

    def warm(self) -> int:
        """Read ahead the postings arrays of the common terms, so that no search waits for
        them (`LiveIndex` does this in the background after a swap); the terms read."""
        if self.postings is None:
            return 0
        with self.index.reader() as reader:
            return self.postings.warm(reader, TEXT_FIELDS)

    def with_synonyms(self, synonyms: Synonyms) -> Generation:
        """The same index with another thesaurus (no rebuild: expansion is query-side)."""
        with self.index.reader() as reader:
            vocabulary = _vocabulary(reader, synonyms)
        return Generation(
            self.index,
            self.directory,
            vocabulary,
            synonyms,
            self.max_routes,
            self.name,
            self.lexicon,
            self.facets,
            self.norms,
            self.postings,
            self.scoring,
        )


def _write(ix: Any, directory: Directory, *, procs: int = 1, limitmb: int = 128) -> None:
    options: dict[str, Any] = {"limitmb": limitmb}
    if procs > 1:
        # Several segments, one per process: fine for a from-scratch build (batch.rst).
        options.update(procs=procs, multisegment=True)
    writer = ix.writer(**options)
    for document in documents(directory):
        writer.add_document(**document)
    writer.commit()


def _vocabulary(reader: Any, synonyms: Synonyms) -> Vocabulary:
    frequencies = {
        text.decode("utf-8"): info.doc_frequency() for text, info in reader.iter_field("plain")
    }
    return Vocabulary(frequencies, extra=synonyms.single_words())


def _lexicon(reader: Any) -> Lexicon:
    fields: dict[str, list[str]] = {}
    for field_ in TEXT_FIELDS:
        for term in reader.lexicon(field_):
            fields.setdefault(term.decode("utf-8"), []).append(field_)
    services = {
        text.decode("utf-8"): info.doc_frequency() for text, info in reader.iter_field(ALL_FIELD)
    }
    return Lexicon({t: tuple(f) for t, f in fields.items()}, services, reader.doc_count())


def _max_routes(directory: Directory) -> int:
    return max((len(s.routes) for s in directory.services), default=0)


def open_generation(ix: Any, directory: Directory, synonyms: Synonyms, name: str) -> Generation:
    """Generation `name` of `ix`, with what searching it needs read from one reader."""
    with ix.reader() as reader:
        facets = facet_sets(reader, FACET_FIELDS)
        norms = length_norms(reader, TEXT_FIELDS)
        return Generation(
            ix,
            directory,
            _vocabulary(reader, synonyms),
            synonyms,
            _max_routes(directory),
            name,
            _lexicon(reader),
            facets,
            norms,
            Postings(reader.doc_count_all(), norms, facets, former_texts(directory)),
        )


def build_in_memory(directory: Directory, synonyms: Synonyms | None = None) -> Generation:
    """An index in memory (tests, the benchmark's baseline of a fresh start)."""
    # A name of its own: Whoosh sorts a RAM index's postings in `/tmp/<indexname>.tmp`, which
    # two processes building at once would share (and delete from under each other).
    name = f"{_INDEX_NAME}-{uuid.uuid4().hex}"
    ix = RamStorage().create_index(schema(), indexname=name)
    _write(ix, directory)
    return open_generation(ix, directory, synonyms or Synonyms(), "memory")


class IndexStore:
    """The generations under one folder, and the lock that makes one process the builder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def lock(self) -> FileLock:
        self.root.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.root / _LOCK))

    def current(self) -> str | None:
        """The name of the generation to open, if one is complete."""
        try:
            name = (self.root / _CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return name if name and (self.root / name).is_dir() else None

    def has(self, name: str) -> bool:
        return (self.root / name).is_dir()

    def build(self, name: str, directory: Directory, *, procs: int = 1, limitmb: int = 128) -> None:
        """Build generation `name` (under the lock) unless it is there, and make it current."""
        with self.lock:
            if not self.has(name):
                scratch = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=self.root))
                try:
                    ix = whoosh_index.create_in(str(scratch), schema(), indexname=_INDEX_NAME)
                    _write(ix, directory, procs=procs, limitmb=limitmb)
                    ix.close()
                    os.rename(scratch, self.root / name)
                except BaseException:
                    shutil.rmtree(scratch, ignore_errors=True)
                    raise
            self._point_to(name)
            self._prune(keep={name, *self._recent(2)})

    def open(self, name: str) -> Any:
        """The Whoosh index of generation `name`, for reading."""
        return whoosh_index.open_dir(str(self.root / name), indexname=_INDEX_NAME, readonly=True)

    def _point_to(self, name: str) -> None:
        pointer = self.root / f".{_CURRENT}.{os.getpid()}"
        pointer.write_text(name + "\n", encoding="utf-8")
        os.replace(pointer, self.root / _CURRENT)
        now = time.time()
        os.utime(self.root / name, (now, now))

    def _recent(self, count: int) -> list[str]:
        """The `count` generations most recently made current."""
        generations = [p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")]
        generations.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        return [p.name for p in generations[:count]]

    def _prune(self, keep: Iterable[str]) -> None:
        keep = set(keep)
        for path in self.root.iterdir():
            stale_scratch = (
                path.name.startswith(".")
                and path.is_dir()
                and (time.time() - path.stat().st_mtime > 3600)
            )
            if (path.is_dir() and not path.name.startswith(".") and path.name not in keep) or (
                stale_scratch
            ):
                shutil.rmtree(path, ignore_errors=True)
