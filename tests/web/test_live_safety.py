"""The web app's reload reads content through the same safe loader as `navigator check`: an
alias bomb or a huge file saved over services.yaml is rejected quickly, and the last good
version keeps serving."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from navigator.content import yaml_file
from navigator.web.live import LiveContent
from tests.conftest import FIXTURES
from tests.web.conftest import copy_content
from tests.web.test_live import paths, touch_later


@pytest.mark.parametrize("code", ["YAML-002", "FILE-003"])
def test_a_hostile_edit_is_rejected_quickly_and_the_good_version_serves(
    tmp_path: Path, code: str
) -> None:
    root = copy_content(tmp_path)
    live = LiveContent(paths(root), 0)
    good = live.current()
    services = root / "services.yaml"
    if code == "YAML-002":
        text = (FIXTURES / "broken" / "yaml-002.yaml").read_text(encoding="utf-8")
    else:
        text = "# filler\n" * (yaml_file.MAX_FILE_BYTES // 9 + 1)
    touch_later(services, text)
    start = time.perf_counter()
    attempt = live.refresh()
    assert time.perf_counter() - start < 2
    assert attempt is not None and not attempt.accepted
    assert [f.code for f in attempt.errors] == [code]
    assert live.current() is good
