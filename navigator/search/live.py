"""The index a running navigator searches: opened (or built, once) at start, and swapped for a
new generation when `services.yaml` or `synonyms.yaml` change, with no pause in searching.

`LiveIndex.current()` is what a request calls: it returns the generation to search and, at
most every `poll_seconds`, looks at the files' size and time; on a change it builds the new
generation in a background thread (one at a time, and one process at a time through the
index's file lock) while requests go on with the old one, then swaps it in. An edit that
does not load (invalid YAML, a missing field) keeps the last good generation.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from navigator.content.directory import Directory
from navigator.content.finding import has_errors
from navigator.content.loader import load
from navigator.refresh import BackgroundRefresh, file_stamp
from navigator.search.index import Generation, IndexStore, content_hash, open_generation
from navigator.search.synonyms import load_synonyms
from navigator.settings import Settings

__all__ = ["LiveIndex", "SearchUnavailable"]

log = logging.getLogger(__name__)


class SearchUnavailable(RuntimeError):
    """There is no valid `services.yaml` to search, and no earlier generation to fall back on."""


@dataclass(frozen=True)
class _Stamp:
    services: tuple[int, int] | None
    synonyms: tuple[int, int] | None


class LiveIndex:
    """The current generation of one content folder's index."""

    def __init__(
        self,
        services_path: Path,
        synonyms_path: Path,
        index_root: Path,
        *,
        poll_seconds: float = 2.0,
    ) -> None:
        self.services_path = services_path
        self.synonyms_path = synonyms_path
        self.store = IndexStore(index_root)
        self._background = BackgroundRefresh(
            "search-refresh",
            poll_seconds,
            self._changed,
            self.refresh,
            log,
            "search index refresh failed; the previous index stays in use",
        )
        self._generation: Generation | None = None
        self._stamp = _Stamp(None, None)
        self._refreshing = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Settings) -> LiveIndex:
        """The live index of `settings`: the index lives under `<state_dir>/search`."""
        return cls(
            settings.services_path,
            settings.synonyms_path,
            settings.state_dir / "search",
            poll_seconds=settings.content_poll_seconds,
        )

    @property
    def poll_seconds(self) -> float:
        """How often, at most, the files are looked at (0 in tests: at every use)."""
        return self._background.poll_seconds

    @poll_seconds.setter
    def poll_seconds(self, seconds: float) -> None:
        self._background.poll_seconds = seconds

    def start(self) -> Generation:
        """Open the generation for the current content, building it first if needed."""
        if not self.refresh():
            raise SearchUnavailable(f"'{self.services_path}' could not be loaded")
        return self.current()

    def current(self) -> Generation:
        """The generation to search now; may start a refresh in the background."""
        generation = self._generation
        if generation is None:
            return self.start()
        self._background.poll()
        return generation

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background refresh to finish (tests, the CLI)."""
        self._background.wait(timeout)

    def _changed(self) -> bool:
        return _Stamp(file_stamp(self.services_path), file_stamp(self.synonyms_path)) != self._stamp

    def refresh(self) -> bool:
        """Bring the generation up to date with the files now; False if they did not load
        (the previous generation, if any, stays in use)."""
        with self._refreshing:
            stamp = _Stamp(file_stamp(self.services_path), file_stamp(self.synonyms_path))
            try:
                services = self.services_path.read_bytes()
            except OSError:
                return False
            name = content_hash(services)
            synonyms = load_synonyms(self.synonyms_path)
            old = self._generation
            if old is not None and old.name == name:
                if stamp.synonyms != self._stamp.synonyms:
                    self._generation = old.with_synonyms(synonyms)
                self._stamp = stamp
                return True
            directory = self._load()
            if directory is None:
                self._stamp = stamp  # do not retry until the file changes again
                return False
            if not self.store.has(name) or self.store.current() != name:
                self.store.build(name, directory)
            ix = self.store.open(name)
            self._generation = _warming(open_generation(ix, directory, synonyms, name))
            self._stamp = stamp
            log.info("search index generation %s in use", name)
            return True

    def for_content(self, version: str, directory: Directory) -> Generation:
        """The generation for a version of the content that has passed the checker (the web
        app's `Snapshot`): the current one if it was built for it, else built (or opened) and
        swapped in now. The web app searches only through this, so search never shows a
        directory that the pages do not (an edit the checker refuses reaches neither)."""
        name = generation_name(version)
        generation = self._generation
        if generation is not None and generation.name == name:
            return generation
        with self._refreshing:
            generation = self._generation
            if generation is not None and generation.name == name:
                return generation
            synonyms = load_synonyms(self.synonyms_path)
            if not self.store.has(name) or self.store.current() != name:
                self.store.build(name, directory)
            ix = self.store.open(name)
            generation = _warming(open_generation(ix, directory, synonyms, name))
            self._generation = generation
            log.info("search index generation %s in use", name)
            return generation

    def _load(self) -> Directory | None:
        bundle = load([self.services_path])
        if bundle.unreadable or has_errors(bundle.findings) or bundle.directory is None:
            log.warning("services file does not load; keeping the previous search index")
            return None
        return bundle.directory


def _warming(generation: Generation) -> Generation:
    """`generation`, its common terms' postings being read in the background meanwhile."""
    threading.Thread(target=_warm, args=(generation,), name="search-warm", daemon=True).start()
    return generation


def _warm(generation: Generation) -> None:
    try:
        generation.warm()
    except Exception:  # searching still works: the arrays are read on first use instead
        log.exception("reading the search index's postings ahead failed")


def generation_name(version: str) -> str:
    """The generation name for a checked version of the content (its hash)."""
    return content_hash(version.encode())
