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


def test_serve_with_workers_runs_uvicorn_workers_on_the_app_factory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, object] = {}

    def run(app: str, **options: object) -> None:
        seen.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(GOOD))
    # serve passes the address on to the workers in the environment: restored after the test.
    monkeypatch.setenv("NAVIGATOR_HOST", "127.0.0.1")
    monkeypatch.setenv("NAVIGATOR_PORT", "8000")
    assert main(["serve", "--workers", "3", "--port", "8123"]) == 0
    assert seen["app"] == "navigator.web.app:create_app_from_env"
    assert seen["factory"] is True and seen["workers"] == 3 and seen["port"] == 8123


@pytest.mark.parametrize("workers", ["0", "²", "65", "two"])
def test_serve_refuses_a_number_of_workers_that_is_not_one(workers: str) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--workers", workers])
