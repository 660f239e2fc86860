"""Browser tests: Debian's Chromium driven by Playwright against a real uvicorn server.

The server runs in a thread on a free port, serving the example content of tests/fixtures/good
with the real postcode look-up. Every test here is marked `browser`; all are skipped, with a
reason, when /usr/bin/chromium is missing outside CI (`make chromium` installs it; in CI they
fail instead). A failing test saves a screenshot in test-results/."""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
import uvicorn
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)

from navigator.commission import Accounts
from navigator.settings import Settings
from navigator.store.store import Store
from navigator.web.app import create_app
from tests.conftest import GOOD

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
SHIPPED = Path(__file__).resolve().parents[2]
"""The shipped content: services.yaml and pathways/ at the repository's root."""
PHONE: ViewportSize = {"width": 390, "height": 844}
"""A phone's screen, as the result and urgent pages are measured (docs/web.md)."""

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            # In CI the browser tests must run: a missing browser fails them instead.
            if not CHROMIUM.exists() and not os.environ.get("CI"):
                item.add_marker(
                    pytest.mark.skip(
                        reason="Chromium is not installed at /usr/bin/chromium: run 'make chromium'"
                    )
                )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    setattr(item, f"report_{report.when}", report)  # type: ignore[attr-defined]
    return report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server in a thread, for the whole session."""
    yield from _serve(GOOD, tmp_path_factory.mktemp("state"))


@pytest.fixture(scope="session")
def shipped_base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same, serving the shipped content (services.yaml and pathways/ at the root)."""
    yield from _serve(SHIPPED, tmp_path_factory.mktemp("shipped-state"))


def _serve(content: Path, state: Path, sign_in_attempts: int = 10) -> Iterator[str]:
    settings = Settings(
        content_root=content,
        state_dir=state,
        content_poll_seconds=0,
        sign_in_attempts=sign_in_attempts,
    )
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Problems:
    """What the browser complained about: CSP violations, script errors, failed requests."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.requests: list[str] = []


PROBLEMS: dict[int, Problems] = {}


def problems_of(page: Page) -> Problems:
    """What the browser complained about on this tab so far."""
    return PROBLEMS[id(page)]


def _page(
    browser: Browser,
    base_url: str,
    request: pytest.FixtureRequest,
    javascript: bool,
    viewport: ViewportSize | None = None,
) -> Iterator[Page]:
    context = browser.new_context(
        base_url=base_url, java_script_enabled=javascript, viewport=viewport
    )
    problems = Problems()

    page = context.new_page()
    page.set_default_timeout(10_000)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            problems.messages.append(message.text)

    def requested(req: Request) -> None:
        problems.requests.append(req.url)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.messages.append(str(error)))
    page.on("request", requested)
    PROBLEMS[id(page)] = problems
    yield page
    PROBLEMS.pop(id(page), None)
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser tab with JavaScript on."""
    yield from _page(browser, base_url, request, javascript=True)


@pytest.fixture
def phone(
    browser: Browser, shipped_base_url: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab on the shipped content, 390×844 like a phone, with JavaScript on."""
    yield from _page(browser, shipped_base_url, request, javascript=True, viewport=PHONE)


@pytest.fixture
def page_without_js(
    browser: Browser, base_url: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A fresh browser tab with JavaScript off."""
    yield from _page(browser, base_url, request, javascript=False)


PASSWORD = "rivers of aire and wharfe"
_accounts = itertools.count(1)


@pytest.fixture(scope="session")
def workbench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server on the example content for the commissioners' workbench, reached as
    `localhost` (a secure context, where Chromium keeps the `__Host-` cookies without TLS),
    and its state folder (so tests can make accounts in its database)."""
    state = tmp_path_factory.mktemp("workbench-state")
    # Every test signs in from the same address: the limit per address must not stop them.
    for url in _serve(GOOD, state, sign_in_attempts=1000):
        yield url.replace("127.0.0.1", "localhost"), state


def add_commissioner(state: Path, email: str = "") -> tuple[str, str]:
    """A new account in the workbench server's database: its email and TOTP secret. Each
    test gets its own, so no TOTP code is ever offered twice (a used code is refused)."""
    email = email or f"commissioner{next(_accounts)}@example.org"
    store = Store(Settings(state_dir=state).database)
    store.upgrade()
    secret = Accounts(store.engine).add(email, PASSWORD).totp_secret
    store.close()
    return email, secret


def sign_in(page: Page, email: str, secret: str, target: str = "/commission") -> None:
    """Sign in through the form, as a commissioner would, with the code of this moment."""
    page.goto(target)
    assert "/commission/sign-in" in page.url
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**" + target.split("?")[0] + "*")


@pytest.fixture
def commission_page(
    browser: Browser, workbench: tuple[str, Path], request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab with JavaScript on, signed in to the workbench as a new commissioner."""
    for page in _page(browser, workbench[0], request, javascript=True):
        email, secret = add_commissioner(workbench[1])
        sign_in(page, email, secret)
        yield page
