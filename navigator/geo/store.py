"""The postcode lookup a running navigator uses: built from the content into the state folder,
keyed by a hash of what it is built from, and rebuilt when that changes.

`LiveLookup.current()` is what a request calls (through `locate`): it returns the lookup to
use and, at most every `poll_seconds`, looks at the sizes and times of `services.yaml`, the
boundary files and the postcode coordinates. On a change it loads the content in a background
thread and, if the areas or their data changed, builds the new lookup (one process at a time,
through a file lock) while requests go on with the old one, then swaps it in. A content edit
that does not load, or areas that cannot be built, keep the last good lookup.

    <state_dir>/geo/<key>.tsv.gz       key: sha256 of areas, boundary files, postcodes, format
    <state_dir>/geo/<key>.keys.npy, .rows.npy, .meta.json   the same, memory-mapped (mapped.py)
"""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

from filelock import FileLock

from navigator.content.directory import Directory
from navigator.content.finding import has_errors
from navigator.content.loader import load
from navigator.geo.areas import AreaRules
from navigator.geo.lookup import Location, LookupFileError, PostcodeLookup
from navigator.refresh import BackgroundRefresh, file_stamp
from navigator.settings import Settings

__all__ = ["LiveLookup", "LookupUnavailable", "default_lookup"]

log = logging.getLogger(__name__)

_KEY_LENGTH = 24


class LookupUnavailable(RuntimeError):
    """The areas cannot be built into a lookup and there is no earlier one to fall back on."""


class LiveLookup:
    """The current postcode lookup of one content folder."""

    def __init__(
        self,
        services_path: Path,
        postcodes: Path,
        root: Path,
        *,
        example: str | None = None,
        poll_seconds: float = 2.0,
    ) -> None:
        self.services_path = services_path
        self.postcodes = postcodes
        self.root = root
        self.example = example
        self._background = BackgroundRefresh(
            "geo-refresh",
            poll_seconds,
            self._changed,
            self.refresh,
            log,
            "postcode lookup rebuild failed; the previous lookup stays in use",
        )
        self._lookup: PostcodeLookup | None = None
        self._watched: tuple[Path, ...] = (services_path,)
        self._stamp: tuple[tuple[int, int] | None, ...] | None = None
        self._refreshing = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Settings) -> LiveLookup:
        """The live lookup of `settings`: it lives under `<state_dir>/geo`."""
        return cls(
            settings.services_path,
            settings.postcodes_path,
            settings.state_dir / "geo",
            poll_seconds=settings.content_poll_seconds,
        )

    @property
    def poll_seconds(self) -> float:
        """How often, at most, the files are looked at (0 in tests: at every use)."""
        return self._background.poll_seconds

    @poll_seconds.setter
    def poll_seconds(self, seconds: float) -> None:
        self._background.poll_seconds = seconds

    def start(self) -> PostcodeLookup:
        """The lookup for the content now, built first if the state folder lacks it."""
        if not self.refresh() and self._lookup is None:
            raise LookupUnavailable(
                f"no postcode lookup can be built from '{self.services_path}' and "
                f"'{self.postcodes}': run `navigator geo-build` to see why"
            )
        assert self._lookup is not None
        return self._lookup

    def current(self) -> PostcodeLookup:
        """The lookup to use now; may start a rebuild in the background."""
        lookup = self._lookup
        if lookup is None:
            return self.start()
        self._background.poll()
        return lookup

    def locate(self, text: str) -> Location:
        """Where the postcode in `text` is (a `Locator`); never raises for any text."""
        return self.current().locate(text)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background rebuild to finish (tests)."""
        self._background.wait(timeout)

    def _stamps(self) -> tuple[tuple[int, int] | None, ...]:
        return tuple(file_stamp(p) for p in self._watched)

    def _changed(self) -> bool:
        return self._stamps() != self._stamp

    def refresh(self) -> bool:
        """Bring the lookup up to date with the files now; False if they did not load or
        build (the previous lookup, if any, stays in use)."""
        from navigator.geo.build import BuildError, build, lookup_key, postcode_files

        with self._refreshing:
            directory = self._load()
            if directory is None:
                self._stamp = self._stamps()  # do not retry until a file changes again
                return False
            rules = AreaRules.from_directory(directory)
            example = directory.site.example_postcode or self.example
            content_root = self.services_path.parent
            try:
                sources = postcode_files(self.postcodes)
            except BuildError:
                sources = [self.postcodes]
            self._watched = (
                self.services_path,
                *(content_root / r.boundary for r in rules.rules if r.boundary),
                *sources,
            )
            stamp = self._stamps()
            name = lookup_key(rules, content_root, self.postcodes, example)[:_KEY_LENGTH]
            if self._lookup is not None and self._lookup.name == name:
                self._stamp = stamp
                return True
            path = self.root / f"{name}.tsv.gz"
            try:
                if not path.exists():
                    self.root.mkdir(parents=True, exist_ok=True)
                    with FileLock(str(self.root / ".build.lock")):
                        if not path.exists():
                            report = build(rules, content_root, self.postcodes, path, example)
                            log.info(
                                "postcode lookup %s built: %d postcodes", name, report.postcodes
                            )
                lookup = self._open(path, name)
            except (BuildError, LookupFileError) as error:
                log.warning("postcode lookup not built: %s", error)
                self._stamp = stamp
                return False
            self._lookup = lookup
            self._stamp = stamp
            log.info("postcode lookup %s in use", name)
            return True

    def _open(self, path: Path, name: str) -> PostcodeLookup:
        """The lookup at `path`, memory-mapped from its arrays (written from the text the
        first time), so that a national lookup loads in milliseconds."""
        from navigator.geo.mapped import load_mapped, save_mapped

        base = path.with_name(name)
        mapped = load_mapped(base, name=name)
        if mapped is not None:
            return mapped
        parsed = PostcodeLookup.load(path, name=name)
        try:
            save_mapped(parsed, base)
        except OSError as error:  # a read-only state folder still serves from the text
            log.warning("could not save the mapped lookup: %s", error)
            return parsed
        return load_mapped(base, name=name) or parsed

    def _load(self) -> Directory | None:
        bundle = load([self.services_path])
        if bundle.unreadable or has_errors(bundle.findings) or bundle.directory is None:
            log.warning("services file does not load; keeping the previous postcode lookup")
            return None
        return bundle.directory


@functools.lru_cache(maxsize=1)
def default_lookup() -> PostcodeLookup:
    """The lookup of the environment's settings, loaded (or built) once and shared."""
    return LiveLookup.for_settings(Settings.from_env()).start()
