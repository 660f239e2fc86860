"""Security headers, no inline script or style anywhere, and no full postcode in the access log."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from navigator.web.security import PostcodeFilter, install_log_filter, mask_postcodes
from tests.web.conftest import page

ANSWERS = (
    "red_flags=none&audience=family&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA"
)
PAGES = [
    "/",
    "/urgent",
    "/privacy",
    "/commission/sign-in",
    "/services",
    "/services/infant-mh",
    "/services/infant-mh/eligibility?stage=postnatal&age_months=5&postcode=BD3+8AA",
    "/services/old-project",
    "/pathways/early-years/questions/red_flags?audience=family",
    f"/pathways/early-years/check?{ANSWERS}",
    f"/pathways/early-years/result?{ANSWERS}",
    f"/pathways/early-years/result?{ANSWERS.replace('family', 'practitioner')}",
    f"/pathways/early-years/referral/infant-mh?{ANSWERS.replace('family', 'practitioner')}",
    "/pathways/early-years/result?red_flags=harm-baby",
    "/no-such-page",
]


def test_security_headers_on_every_page(client: TestClient) -> None:
    for url in [*PAGES, "/api/v1/pathways", "/healthz", "/static/navigator.css"]:
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert headers["referrer-policy"] == "same-origin", url
        assert headers["x-content-type-options"] == "nosniff", url
        assert headers["x-frame-options"] == "DENY", url
        assert "camera=()" in headers["permissions-policy"], url


def test_pages_are_not_cached_and_vary_on_htmx(client: TestClient) -> None:
    for url in PAGES:
        headers = client.get(url).headers
        assert headers["cache-control"] == "no-store", url
        assert "HX-Request" in headers["vary"], url


def test_no_inline_script_or_style_on_any_page(client: TestClient) -> None:
    for url in PAGES:
        html = page(client.get(url))
        assert html.select("script:not([src])") == [], url
        assert html.select("style") == [], url
        assert html.select("[style]") == [], url
        handlers = [a for tag in html.find_all(True) for a in tag.attrs if a.startswith("on")]
        assert handlers == [], url
        assert html.select("[hx-on], [hx-vars]") == [], url


def test_external_links_send_no_referrer_with_the_answers(client: TestClient) -> None:
    html = page(client.get(f"/pathways/early-years/result?{ANSWERS}"))
    for link in html.select("a[href^='http']"):
        if "testserver" in str(link["href"]):
            continue
        assert "noreferrer" in str(link.get("rel")), link


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("GET /pathways/x?postcode=BD3+8AA HTTP/1.1", "GET /pathways/x?postcode=BD3+*** HTTP/1.1"),
        ("/pathways/x?postcode=BD3%208AA&need=a", "/pathways/x?postcode=BD3+***&need=a"),
        ("/pathways/x?postcode=bd38aa", "/pathways/x?postcode=BD3+***"),
        ("/pathways/x?postcode=bd3++8aa&x=1", "/pathways/x?postcode=BD3+***&x=1"),
        ("/api/v1/postcodes/LS1 4AP", "/api/v1/postcodes/LS1%20***"),
        ("/api/v1/postcodes/BD38AA", "/api/v1/postcodes/BD3%20***"),
        ("/x?hash=ab12cd34ef56&id=1", "/x?hash=ab12cd34ef56&id=1"),
        ("postcode BD3 8AA given", "postcode BD3 *** given"),
        ("/pathways/x?age=5&concerns=bonding", "/pathways/x?age=5&concerns=bonding"),
        ("/services/bd3-team", "/services/bd3-team"),
    ],
)
def test_mask_postcodes(line: str, masked: str) -> None:
    assert mask_postcodes(line) == masked


def test_access_log_lines_never_hold_a_full_postcode(caplog: pytest.LogCaptureFixture) -> None:
    install_log_filter("test.access")
    logger = logging.getLogger("test.access")
    with caplog.at_level(logging.INFO, logger="test.access"):
        # uvicorn's access logger: client, method, target, HTTP version, status
        logger.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            "/pathways/early-years/result?postcode=BD3+8AA&stage=pregnancy",
            "1.1",
            200,
        )
    assert caplog.messages == [
        '127.0.0.1:5000 - "GET /pathways/early-years/result?postcode=BD3+***&stage=pregnancy'
        ' HTTP/1.1" 200'
    ]


def test_the_filter_is_installed_once_on_uvicorn_access(client: TestClient) -> None:
    filters = logging.getLogger("uvicorn.access").filters
    assert sum(isinstance(f, PostcodeFilter) for f in filters) == 1
    install_log_filter()
    assert sum(isinstance(f, PostcodeFilter) for f in filters) == 1


def test_the_access_log_holds_no_client_address(caplog: pytest.LogCaptureFixture) -> None:
    install_log_filter()
    logger = logging.getLogger("uvicorn.access")
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        logger.info('%s - "%s %s HTTP/%s" %d', "203.0.113.9:5000", "GET", "/healthz", "1.1", 200)
    assert caplog.messages == ['- - "GET /healthz HTTP/1.1" 200']
