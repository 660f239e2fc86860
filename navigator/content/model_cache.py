"""A cache of loaded content in the state folder: the validated models, their positions and
validation's findings (a pickled `Bundle`), kept under the SHA-256 of the content files' bytes
and of the code that reads them, so a start-up or a reload of unchanged files skips the YAML
parse and pydantic's validation.

- Used only for the same bytes: the key is the hash of every file's path and bytes, the files
  that are missing, and the code's version (`code_version`); the key is stored in the file and
  compared before anything is used. A file changed while it was read is not cached.
- Anything wrong with the cache file (missing, corrupt, another key, another version of Python
  or pydantic) means a fresh load, which then replaces it.
- Written atomically (a temporary file, then `os.replace`): a reader never sees half a file.
- The checker is never cached: `navigator check` and a live reload run every check on the
  loaded models, so every finding is reported with its exact `file:line:col`.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import logging
import os
import pickle
import platform
import tempfile
import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel

from navigator.content import yaml_file
from navigator.content.loader import KINDS, Bundle, content_files, load
from navigator.content.yaml_events import collection_paused

log = logging.getLogger(__name__)

FORMAT = 1
"""The layout of the cache file; raise it when `Bundle` or this file's layout changes."""

FILE_NAME = "content-model.pickle"

_PACKAGES = ("pydantic", "pydantic-core", "PyYAML", "ruamel.yaml")


def code_version() -> str:
    """A hash of what turns bytes into models: the source of `navigator.content` and of every
    registered kind's module (as this process imported them), the versions of Python and of the
    YAML and validation libraries, and the size limit. Any change makes the cache stale."""
    hash = hashlib.sha256(f"{FORMAT}\0{yaml_file.MAX_FILE_BYTES}\0".encode())
    for key, model in sorted(KINDS.items()):
        hash.update(f"{key}={model.__module__}.{model.__qualname__}\0".encode())
    hash.update(_sources(frozenset(KINDS.values())).encode())
    return hash.hexdigest()


@functools.cache
def _sources(models: frozenset[type[BaseModel]]) -> str:
    """The libraries' versions and the code's source, read once a process (the code running
    does not change while it runs)."""
    hash = hashlib.sha256(f"{platform.python_version()}\0".encode())
    for package in _PACKAGES:
        try:
            hash.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            hash.update(f"{package}=none\0".encode())
    files = set(Path(__file__).parent.glob("*.py"))
    for model in models:
        written = inspect.getsourcefile(model)
        if written:
            files.add(Path(written))
    for file in sorted(files):
        hash.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return hash.hexdigest()


def content_key(paths: Sequence[Path], root: Path | None, version: str) -> str:
    """The SHA-256 of `version`, of the folder files are named relative to (`root`), and, for
    every content file under `paths`, its path and bytes (and of each path that does not
    exist)."""
    files, missing = content_files(paths)
    named = "" if root is None else str(root.resolve())
    hash = hashlib.sha256(version.encode() + b"\0" + named.encode() + b"\0")
    for path in files:
        hash.update(str(path).encode() + b"\0")
        try:
            hash.update(path.read_bytes())
        except OSError:
            hash.update(b"\0unreadable")
        hash.update(b"\0")
    for finding in missing:
        hash.update(b"missing\0" + finding.path.encode() + b"\0")
    return hash.hexdigest()


class ModelCache:
    """The loaded content of one set of paths, kept in `folder` (the state folder)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.outcome = ""
        """How the last `load` went: "hit", "miss" (no cache or another key) or "unreadable"
        (a corrupt file or another version of the libraries), for tests and the benchmark."""
        self._writing = threading.Lock()

    def load(self, paths: Sequence[Path], root: Path | None = None, *, wait: bool = True) -> Bundle:
        """What `loader.load(paths, root)` gives, from the cache when the files and the code are
        unchanged. On a miss the cache is written, before returning if `wait`, else in a
        background thread (a start-up does not wait for it)."""
        version = code_version()
        key = content_key(paths, root, version)
        found = self._read(key)
        if found is not None:
            self.outcome = "hit"
            return found
        bundle = load(paths, root)
        if content_key(paths, root, version) != key:
            return bundle  # a file changed while it was read: this bundle has no one key
        if wait:
            self._write(key, bundle)
        else:
            threading.Thread(
                target=self._write, args=(key, bundle), name="content-cache", daemon=True
            ).start()
        return bundle

    def _read(self, key: str) -> Bundle | None:
        try:
            with self.path.open("rb") as file:
                stored = file.read(len(key) + 1)
                if stored != key.encode() + b"\n":
                    self.outcome = "miss"
                    return None
                with collection_paused():
                    bundle = pickle.load(file)
        except FileNotFoundError:
            self.outcome = "miss"
            return None
        except Exception:  # corrupt, truncated, or made by other code: load afresh
            log.warning("the content cache %s could not be read; loading afresh", self.path)
            self.outcome = "unreadable"
            return None
        if not isinstance(bundle, Bundle):
            self.outcome = "unreadable"
            return None
        return bundle

    def _write(self, key: str, bundle: Bundle) -> None:
        with self._writing:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(prefix=f".{FILE_NAME}.", dir=self.path.parent)
                try:
                    with os.fdopen(handle, "wb") as file:
                        file.write(key.encode() + b"\n")
                        pickle.dump(bundle, file, protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(temporary, self.path)
                except BaseException:
                    Path(temporary).unlink(missing_ok=True)
                    raise
            except Exception:  # a cache that cannot be written only costs the next start-up
                log.exception("could not write the content cache %s", self.path)
