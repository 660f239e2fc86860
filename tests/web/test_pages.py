"""Home, urgent help, leaving quickly, privacy, health check, errors and static files."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.web.app import create_app
from tests.web.conftest import FakeLocator, page


def test_home_has_two_doors_search_and_urgent_help(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = page(response)
    doors = {a.get_text(" ", strip=True): a["href"] for a in html.select("a.govuk-button--start")}
    assert doors == {
        "Start as a practitioner": "/pathways/early-years?audience=practitioner",
        "Start as a parent or carer": "/pathways/early-years?audience=family",
    }
    searches = html.select('form[action="/search"][method="get"] input[name="q"]')
    assert len(searches) == 2  # the header's and the home page's
    need_help = html.select_one("#need-help")
    assert need_help is not None and "999 and A&E" in need_help.get_text()


def test_every_page_has_the_header_search_skip_link_and_need_help(client: TestClient) -> None:
    for url in ["/", "/urgent", "/services", "/services/infant-mh", "/privacy"]:
        html = page(client.get(url))
        assert html.select_one("header form[action='/search'] input[name=q]"), url
        assert html.select_one("a.govuk-skip-link[href='#main-content']"), url
        assert html.select_one("main#main-content h1"), url
        assert html.select_one("#need-help"), url
        assert html.html is not None and html.html["lang"] == "en", url
        attribution = html.select_one("footer #attribution")
        assert attribution is not None, url
        assert "Open Government Licence v.3.0" in attribution.get_text(), url
        assert "Royal Mail copyright" in attribution.get_text(), url


def test_the_header_is_generic_without_a_crown(client: TestClient) -> None:
    html = page(client.get("/"))
    assert html.select_one(".govuk-generic-header") is not None
    assert html.select_one(".govuk-header__logotype, .govuk-logo, .govuk-footer__crown") is None


def test_home_and_family_pages_carry_the_quick_exit(client: TestClient) -> None:
    html = page(client.get("/"))
    button = html.select_one(".govuk-exit-this-page[data-module=govuk-exit-this-page] a")
    assert button is not None and button["href"] == "/exit"
    assert "Leave this site" in button.get_text()
    assert html.select_one("a.govuk-js-exit-this-page-skiplink[href='/exit']") is not None


def test_practitioner_pages_have_no_quick_exit(client: TestClient) -> None:
    html = page(client.get("/services/infant-mh"))
    assert html.select_one(".govuk-exit-this-page") is None


def test_exit_clears_site_data_and_leaves(client: TestClient) -> None:
    response = client.get("/exit")
    assert response.status_code == 303
    assert response.headers["location"] == "https://www.bbc.co.uk/weather"
    assert response.headers["clear-site-data"] == '"cache", "cookies", "storage"'


def test_urgent_page_lists_the_urgent_routes(client: TestClient) -> None:
    html = page(client.get("/urgent"))
    assert html.h1 is not None and html.h1.get_text(strip=True) == "Need help now?"
    names = [h.get_text(strip=True) for h in html.select("main h3")]
    assert names == ["999 and A&E"]
    # The first thing after the heading: 999 as a full-width button.
    buttons = html.select("main .app-urgent-panel + ul.app-actions--urgent a.app-action")
    assert buttons and buttons[0]["href"] == "tel:999"
    assert "app-action--primary" in buttons[0]["class"]


def test_privacy_page(client: TestClient) -> None:
    html = page(client.get("/privacy"))
    text = html.get_text()
    assert "for up to 60 minutes" in text and "Leave this site" in text


def test_the_privacy_page_gives_the_configured_lifetime(settings: Settings) -> None:
    shorter = replace(settings, state_minutes=20)
    with TestClient(create_app(shorter, locator=FakeLocator())) as client:
        text = page(client.get("/privacy")).get_text()
    assert "for up to 20 minutes" in text and "60 minutes" not in text


def test_the_privacy_page_describes_the_records_and_feedback(settings: Settings) -> None:
    with TestClient(
        create_app(replace(settings, retention_months=18), locator=FakeLocator())
    ) as client:
        text = " ".join(page(client.get("/privacy")).get_text().split())
    assert "anonymous record" in text and "Did this help?" in text
    assert "never the postcode or any part of it" in text
    assert "after 18 months" in text
    off = replace(settings, record_journeys=False)
    with TestClient(create_app(off, locator=FakeLocator())) as client:
        text = page(client.get("/privacy")).get_text()
    assert "anonymous record" not in text and "Did this help?" not in text


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in page(response).get_text()


def test_static_assets_are_served_with_their_versions(client: TestClient) -> None:
    for name in [
        "govuk-frontend-6.6.0.min.css",
        "govuk-frontend-6.6.0.min.js",
        "htmx-2.0.11.min.js",
        "navigator.css",
        "navigator.js",
        "js-enabled.js",
        "LICENSES/govuk-frontend-6.6.0.txt",
        "LICENSES/htmx-2.0.11.txt",
    ]:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert response.headers["cache-control"] == "public, max-age=86400", name
    html = page(client.get("/"))
    sources = {s["src"] for s in html.select("script[src]")}
    assert {
        "/static/htmx-2.0.11.min.js",
        "/static/navigator.js",
        "/static/js-enabled.js",
    } <= sources


def test_htmx_history_cache_is_off(client: TestClient) -> None:
    html = page(client.get("/"))
    meta = html.select_one("meta[name=htmx-config]")
    assert meta is not None
    import json

    config = json.loads(str(meta["content"]))
    assert config["historyCacheSize"] == 0
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    body = html.body
    assert body is not None and body["hx-history"] == "false"


def test_favicon_ico_answers_with_the_sites_icon(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in response.content


def test_the_gov_uk_font_is_never_served(client: TestClient) -> None:
    response = client.get("/assets/fonts/light-94a07e06a1-v2.woff2")
    assert response.status_code == 204 and response.content == b""
