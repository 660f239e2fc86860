"""Live content: a broken edit never goes live; the last good version keeps serving; a fixed
edit goes live; every attempt is recorded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from navigator.content.finding import Finding, Severity
from navigator.content.loader import Bundle
from navigator.content.vocabulary import RouteKind
from navigator.settings import Settings
from navigator.web.app import create_app
from navigator.web.live import Attempt, LiveContent, NoContent, default_checker
from tests.web.conftest import HTTPS, FakeLocator, add_commissioner, copy_content, page, sign_in


def touch_later(path: Path, text: str) -> None:
    """Write `text`, making sure the modification time moves on."""
    before = path.stat().st_mtime_ns
    path.write_text(text)
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def paths(root: Path) -> list[Path]:
    return [root / "services.yaml", root / "pathways"]


def test_loads_the_content(tmp_path: Path) -> None:
    live = LiveContent(paths(copy_content(tmp_path)), 0)
    snapshot = live.current()
    assert snapshot.directory.version == "2026.11.1"
    assert [p.id for p in snapshot.pathways] == ["early-years"]
    assert snapshot.attempt.accepted


def test_urgent_services_are_worked_out_once_per_version(tmp_path: Path) -> None:
    snapshot = LiveContent(paths(copy_content(tmp_path)), 0).current()
    urgent = snapshot.urgent_services
    assert urgent and all(s.active and s.route(RouteKind.urgent) for s in urgent)
    assert snapshot.urgent_services is urgent


def test_a_broken_edit_keeps_the_last_good_version(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    seen: list[Attempt] = []
    live = LiveContent(paths(root), 0, on_attempt=seen.append)
    good = live.current()
    services = root / "services.yaml"
    touch_later(services, services.read_text().replace("version: 2026.11.1", "versoin: 2026.11.2"))
    attempt = live.refresh()
    assert attempt is not None and not attempt.accepted
    assert any(f.code == "KEY-001" and f.severity is Severity.error for f in attempt.findings)
    assert live.current() is good
    assert live.last_rejected is attempt
    touch_later(services, services.read_text().replace("versoin: 2026.11.2", "version: 2026.11.2"))
    fixed = live.refresh()
    assert fixed is not None and fixed.accepted
    assert live.current().directory.version == "2026.11.2"
    assert [a.accepted for a in seen] == [True, False, True]


def test_nothing_changed_means_no_reload(tmp_path: Path) -> None:
    live = LiveContent(paths(copy_content(tmp_path)), 0)
    live.current()
    assert live.refresh() is None


def test_no_good_version_at_all(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    (root / "services.yaml").write_text("services: [")
    live = LiveContent(paths(root), 0)
    with pytest.raises(NoContent) as raised:
        live.current()
    assert raised.value.attempt is not None and raised.value.attempt.errors


def test_checker_errors_block_and_warnings_do_not(tmp_path: Path) -> None:
    root = copy_content(tmp_path)

    def checker(severity: Severity) -> object:
        def check(bundle: Bundle) -> list[Finding]:
            return [Finding("REV-001", severity, "services.yaml", 1, 1, "made up", "")]

        return check

    warned = LiveContent(paths(root), 0, check=checker(Severity.warning))  # type: ignore[arg-type]
    assert warned.current().attempt.warnings
    blocked = LiveContent(paths(root), 0, check=checker(Severity.error))  # type: ignore[arg-type]
    with pytest.raises(NoContent):
        blocked.current()


def test_a_checker_that_crashes_does_not_take_the_site_down(tmp_path: Path) -> None:
    def broken(bundle: Bundle) -> list[Finding]:
        raise RuntimeError("bug")

    live = LiveContent(paths(copy_content(tmp_path)), 0, check=broken)
    assert live.current().attempt.accepted


def test_the_default_checker_runs_on_good_content(tmp_path: Path) -> None:
    from navigator.content.loader import load

    bundle = load(paths(copy_content(tmp_path)))
    assert not [f for f in default_checker(bundle) if f.severity is Severity.error]


def test_the_poller_picks_up_an_edit(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    live = LiveContent(paths(root), 0.05)
    live.current()
    live.start()
    try:
        services = root / "services.yaml"
        touch_later(services, services.read_text().replace("2026.11.1", "2026.12.1", 1))
        deadline = time.monotonic() + 5
        while live.current().directory.version != "2026.12.1" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert live.current().directory.version == "2026.12.1"
    finally:
        live.stop()


def test_the_site_serves_the_last_good_version_and_status_shows_the_refusal(
    tmp_path: Path,
) -> None:
    root = copy_content(tmp_path / "content")
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    app = create_app(settings, locator=FakeLocator())
    with TestClient(app, base_url=HTTPS) as client:
        account = add_commissioner(app)
        sign_in(client, account.email, account.password, account.code())
        assert client.get("/services/infant-mh").status_code == 200
        services = root / "services.yaml"
        touch_later(
            services,
            services.read_text().replace("id: infant-mh", "id: infant-mh\n    colour: red"),
        )
        app.state.live.refresh()
        assert client.get("/services/infant-mh").status_code == 200
        html = page(client.get("/commission/status"))
        text = html.get_text(" ", strip=True)
        assert "Refused on" in text and "KEY-001" in text
        assert "unknown key 'colour'" in text
        assert "services.yaml:" in text
        rows = html.select("main table")[-1].select("tbody tr")
        assert [r.select_one("strong").get_text() for r in rows] == ["refused", "live"]  # type: ignore[union-attr]


def test_no_good_content_is_a_503_page_with_status(tmp_path: Path) -> None:
    root = copy_content(tmp_path / "content")
    (root / "services.yaml").write_text("services: [")
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    app = create_app(settings, locator=FakeLocator())
    with TestClient(app, base_url=HTTPS) as client:
        response = client.get("/")
        assert response.status_code == 503
        assert "call 999" in response.text
        assert client.get("/api/v1/pathways").status_code == 503
        account = add_commissioner(app)
        sign_in(client, account.email, account.password, account.code())
        status = client.get("/commission/status")
        assert status.status_code == 200
        assert "No version of the content is live" in status.text
        assert "YAML-001" in status.text
