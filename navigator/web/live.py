"""The live content: the last good version of `services.yaml` and `pathways/`.

Commissioners edit the files while the site runs. Every `poll_seconds` a background thread
looks at the files' sizes and modification times; when they change it reads them, runs the
checker, and swaps the new version in only if the checker finds no error. A broken edit is
recorded with its findings and the last good version keeps serving.

Readers take `current()`, an immutable `Snapshot`: swapping is one assignment, so worker
threads never see half a version.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from navigator.content.directory import Directory, Service
from navigator.content.finding import Finding, Severity
from navigator.content.loader import Bundle, content_files, load, shown_name
from navigator.content.localised import ENGLISH, localise
from navigator.content.model_cache import ModelCache
from navigator.content.pathway import Pathway
from navigator.content.translation import TranslationFile
from navigator.content.vocabulary import RouteKind

log = logging.getLogger(__name__)

Checker = Callable[[Bundle], list[Finding]]


@dataclass(frozen=True)
class Attempt:
    """One try at loading the content, and what came of it."""

    content_hash: str
    directory_version: str | None
    pathway_versions: dict[str, str]
    at: datetime
    accepted: bool
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.warning]


@dataclass(frozen=True)
class Snapshot:
    """A good version of the content, as served."""

    directory: Directory
    pathways: tuple[Pathway, ...]
    attempt: Attempt
    _by_id: dict[str, Pathway] = field(default_factory=dict, repr=False)
    translations: Mapping[str, TranslationFile] = field(default_factory=dict, repr=False)
    """The translation files that loaded without an error, by language code."""
    language: str = ENGLISH
    """The language this copy of the content is in."""
    unreviewed: Mapping[str, str] = field(default_factory=dict, repr=False)
    """The English of each translated field shown here that no native speaker has checked."""
    english_of: Mapping[str, str] = field(default_factory=dict, repr=False)
    """The same English by the translated text (the urgent pages show it beside)."""
    _languages: dict[str, Snapshot] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({p.id: p for p in self.pathways})

    def in_language(self, code: str) -> Snapshot:
        """This version of the content as seen in language `code`: family-facing fields
        translated where a current translation exists, English elsewhere (itself for English
        or a language with no translation file). Made once per version and language."""
        if code == self.language or code not in self.translations:
            return self
        made = self._languages.get(code)
        if made is None:
            seen = localise(self.directory, self.pathways, self.translations[code])
            made = Snapshot(
                seen.directory,
                seen.pathways,
                self.attempt,
                translations=self.translations,
                language=code,
                unreviewed=seen.unreviewed,
                english_of=seen.english_of,
            )
            self._languages[code] = made  # two threads may both make it: either copy serves
        return made

    def unreviewed_under(self, prefix: str) -> dict[str, str]:
        """The English of the unreviewed fields shown whose keys start with `prefix`."""
        return {k: v for k, v in self.unreviewed.items() if k.startswith(prefix)}

    def pathway(self, id: str) -> Pathway | None:
        return self._by_id.get(id)

    @property
    def live_pathways(self) -> list[Pathway]:
        return [p for p in self.pathways if p.status == "live"]

    def pathway_for(self, audience: str) -> Pathway | None:
        """The first live pathway for an audience (the home page's doors lead there)."""
        return next((p for p in self.live_pathways if audience in p.audiences), None)

    @cached_property
    def urgent_services(self) -> list[Service]:
        """Active services with an urgent route: 'Need help now?' on every page, so worked
        out once per content version."""
        return [
            s for s in self.directory.services if s.active and s.route(RouteKind.urgent) is not None
        ]

    @property
    def content_hash(self) -> str:
        return self.attempt.content_hash


class NoContent(Exception):
    """No good version has loaded yet (the first one had errors, or files are missing)."""

    def __init__(self, attempt: Attempt | None) -> None:
        super().__init__("no good version of the content has loaded")
        self.attempt = attempt


class LiveContent:
    """Loads, checks and serves the content, and reloads it when the files change."""

    def __init__(
        self,
        paths: Sequence[Path],
        poll_seconds: float = 2.0,
        *,
        check: Checker | None = None,
        on_attempt: Callable[[Attempt], None] | None = None,
        translations: Path | None = None,
        root: Path | None = None,
        cache: ModelCache | None = None,
    ) -> None:
        self.paths = tuple(paths)
        self.cache = cache
        """Where loaded content is kept by the files' hash (the checker runs all the same)."""
        self.translations = translations
        """The folder of translation files: a finding in one of them never blocks a version
        (the file is left out, English is shown)."""
        self.root = root
        """The content folder: files are named relative to it, never by a server path."""
        self.poll_seconds = poll_seconds
        self._check = check or default_checker
        self._on_attempt = on_attempt
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._last: Attempt | None = None
        self._rejected: Attempt | None = None
        self._seen: object = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.preparers: list[Callable[[Snapshot], object]] = []
        """Called with a version that passed the checker before it is served (the search
        index is built here), so everything switches to it in one step."""

    def current(self) -> Snapshot:
        """The version to serve. Loads on first use; raises `NoContent` if none is good."""
        snapshot = self._snapshot
        if snapshot is None:
            self.refresh()
            snapshot = self._snapshot
        if snapshot is None:
            raise NoContent(self._last)
        return snapshot

    @property
    def last_attempt(self) -> Attempt | None:
        return self._last

    @property
    def last_rejected(self) -> Attempt | None:
        return self._rejected

    def refresh(self) -> Attempt | None:
        """Load the content if the files changed since the last look; the attempt, if any."""
        with self._lock:
            files, missing = content_files(self._watched())
            seen = (_stamp(files), tuple(str(m) for m in missing))
            if seen == self._seen:
                return None
            self._seen = seen
            digest = _digest(files)
            if self._last is not None and digest == self._last.content_hash and not missing:
                return None
            attempt, snapshot = self._load(digest)
            self._last = attempt
            if snapshot is not None:
                self._prepare(snapshot)
                self._snapshot = snapshot
            else:
                self._rejected = attempt
        if self._on_attempt is not None:
            try:
                self._on_attempt(attempt)
            except Exception:  # recording must never stop the site serving
                log.exception("could not record the content load attempt")
        return attempt

    def _prepare(self, snapshot: Snapshot) -> None:
        for prepare in self.preparers:
            try:
                prepare(snapshot)
            except Exception:  # it is prepared again on first use; the pages must not wait
                log.exception("could not prepare the new content version")

    def start(self) -> None:
        """Poll for edits in a background thread until `stop()`."""
        if self._thread is not None or self.poll_seconds <= 0:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._poll, name="content-poll", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _poll(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.refresh()
            except Exception:  # a bad edit must never stop the polling
                log.exception("content reload failed")

    def _load(self, digest: str) -> tuple[Attempt, Snapshot | None]:
        watched = self._watched()
        bundle = (
            load(watched, self.root)
            if self.cache is None
            else self.cache.load(watched, self.root, wait=False)
        )
        apart = self._translation_files(bundle)
        findings = _unique([*bundle.unreadable, *bundle.findings, *self._run_check(bundle, apart)])
        pathways = tuple(p for p, _ in bundle.pathways)
        errors = [f for f in findings if f.severity is Severity.error]
        good = bundle.directory is not None and not any(f.path not in apart for f in errors)
        broken = {f.path for f in errors}
        translations = {
            d.model.language: d.model
            for d in bundle.translations
            if isinstance(d.model, TranslationFile) and d.path not in broken
        }
        attempt = Attempt(
            content_hash=digest,
            directory_version=bundle.directory.version if bundle.directory else None,
            pathway_versions={p.id: p.version for p in pathways},
            at=datetime.now(UTC),
            accepted=good,
            findings=tuple(findings),
        )
        if not good or bundle.directory is None:
            log.warning("content rejected: %d error(s)", len(attempt.errors))
            return attempt, None
        log.info("content accepted: %s", digest[:12])
        for path in sorted(apart & broken):
            log.warning("translation file left out (English is shown): %s", path)
        return attempt, Snapshot(bundle.directory, pathways, attempt, translations=translations)

    def _watched(self) -> tuple[Path, ...]:
        """The content paths, and the translations folder once it exists (a folder made while
        the site runs is picked up at the next look)."""
        folder = self.translations
        if folder is None or not folder.exists() or folder in self.paths:
            return self.paths
        return (*self.paths, folder)

    def _translation_files(self, bundle: Bundle) -> set[str]:
        """The paths of the translation files, read or not: their findings never block."""
        paths = {d.path for d in bundle.translations}
        if self.translations is not None:
            # Findings name files as the loader shows them: relative to the content folder.
            folder = Path(shown_name(self.translations, self.root) or self.translations)
            for f in [*bundle.unreadable, *bundle.findings]:
                if Path(f.path).is_relative_to(folder):
                    paths.add(f.path)
        return paths

    def _run_check(self, bundle: Bundle, apart: AbstractSet[str] = frozenset()) -> list[Finding]:
        core = [f for f in [*bundle.findings, *bundle.unreadable] if f.path not in apart]
        if bundle.directory is None or core:
            return []  # the checker works on validated content only
        try:
            return self._check(bundle)
        except Exception:  # a checker bug must not take the site down; validation still holds
            log.exception("the checker failed; serving on validation alone")
            return []


def default_checker(bundle: Bundle) -> list[Finding]:
    """`navigator.checker.check` when it exists; otherwise validation's findings alone."""
    try:
        from navigator.checker import check  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return list(bundle.findings)
    found: list[Finding] = check(bundle)
    return found


def _stamp(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stamps.append((str(path), -1, -1))
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def _digest(files: list[Path]) -> str:
    hash = hashlib.sha256()
    for path in files:
        hash.update(path.name.encode() + b"\0")
        try:
            with path.open("rb") as file:  # in pieces: a huge file is refused, not held
                for piece in iter(lambda: file.read(1 << 20), b""):
                    hash.update(piece)
        except OSError:
            hash.update(b"\0unreadable")
        hash.update(b"\0")
    return hash.hexdigest()


def _unique(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
