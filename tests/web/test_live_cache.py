"""Live content with the content cache: a second start on unchanged files takes the models from
the cache and serves and checks them as the first start did; an edit is loaded afresh."""

from __future__ import annotations

import time
from pathlib import Path

from navigator.content.model_cache import ModelCache
from navigator.web.live import LiveContent
from tests.web.conftest import copy_content
from tests.web.test_live import paths, touch_later


def _written(cache: ModelCache) -> None:
    deadline = time.monotonic() + 30
    while not cache.path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with cache._writing:  # the background write is done
        pass


def test_a_second_start_uses_the_cache(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    first_cache = ModelCache(tmp_path / "state")
    first = LiveContent(paths(root), 0, cache=first_cache).current()
    assert first_cache.outcome == "miss"
    _written(first_cache)

    cache = ModelCache(tmp_path / "state")
    live = LiveContent(paths(root), 0, cache=cache)
    second = live.current()
    assert cache.outcome == "hit"
    assert second.directory == first.directory
    assert second.attempt.findings == first.attempt.findings
    assert second.content_hash == first.content_hash

    services = root / "services.yaml"
    touch_later(services, services.read_text().replace("name: ", "name: Renamed ", 1))
    assert live.refresh() is not None
    assert cache.outcome == "miss"
    assert live.current().directory != first.directory
