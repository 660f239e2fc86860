"""`navigator serve`: builds the app from NAVIGATOR_* settings and hands it to uvicorn."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import uvicorn

from navigator.cli import main
from navigator.web.security import PostcodeFilter
from tests.conftest import GOOD


def test_serve_runs_uvicorn_on_the_configured_address(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, object] = {}

    def run(server: uvicorn.Server) -> None:
        seen["host"], seen["port"] = server.config.host, server.config.port
        seen["app"] = server.config.app

    monkeypatch.setattr(uvicorn.Server, "run", run)
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(GOOD))
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("NAVIGATOR_PORT", "8123")
    assert main(["serve", "--host", "127.0.0.2"]) == 0
    assert seen["host"] == "127.0.0.2" and seen["port"] == 8123
    app = seen["app"]
    assert app.state.settings.content_root == GOOD  # type: ignore[attr-defined]
    assert "http://127.0.0.2:8123/" in capsys.readouterr().out
    access = logging.getLogger("uvicorn.access").filters
    assert any(isinstance(f, PostcodeFilter) for f in access)
