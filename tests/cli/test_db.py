"""`navigator db upgrade` and `navigator db current` on a real database."""

from __future__ import annotations

import pytest

from navigator.cli import main


def test_current_then_upgrade_then_current(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", database)
    assert main(["db", "current"]) == 1
    assert "run 'navigator db upgrade'" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "newest schema" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "0003_commissioners" in capsys.readouterr().out
