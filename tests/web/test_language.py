"""Choosing a language (navigator/web/language.py): from the address, or kept with a family's
journey; `Accept-Language` only suggests; unknown codes are ignored; every page says its
language and direction, and every link the site builds keeps the choice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.content.directory import Site
from navigator.settings import Settings
from navigator.web.app import create_app
from navigator.web.language import offered, suggestion, with_language
from tests.web.conftest import FakeLocator, copy_content, page, text
from tests.web.test_security import PAGES

START = "/pathways/early-years"
PRACTITIONER = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA"
)
FAMILY_STEPS = [
    {"red_flags": "none", "asked": "red_flags", "audience": "family"},
    {"stage": "postnatal", "asked": "stage", "kept": "1"},
    {"age": "7", "asked": "age", "kept": "1"},
    {"concerns": "bonding", "asked": "concerns", "kept": "1"},
    {"need": "persistent", "asked": "need", "kept": "1"},
    {"postcode": "BD3 8AA", "asked": "postcode", "kept": "1"},
]


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    """The example content, offering English, Urdu, Polish, Slovak (no interface catalogue)
    and a code that is no language."""
    root = copy_content(tmp_path / "content")
    services = root / "services.yaml"
    source = services.read_text()
    services.write_text(
        source.replace(
            "version: 2026.11.1\n",
            "version: 2026.11.1\nsite:\n  languages: [en, ur, pl, sk, xx]\n",
            1,
        )
    )
    settings = Settings(
        content_root=root,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
    )
    return create_app(settings, locator=FakeLocator())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client


def _html(client: TestClient, url: str, **headers: str) -> tuple[str, str]:
    found = page(client.get(url, headers=headers)).html
    assert found is not None
    return str(found.get("lang")), str(found.get("dir"))


# The choice itself


def test_offered_is_english_then_the_sites_languages_with_a_catalogue() -> None:
    assert offered(Site(languages=["pl", "sk", "ur", "xx"])) == ["en", "pl", "ur"]
    assert offered(Site()) == ["en"]
    assert offered(None) == ["en"]


def test_with_language_adds_or_replaces_the_code_and_leaves_other_sites_alone() -> None:
    assert with_language("/urgent", "ur") == "/urgent?lang=ur"
    assert with_language("/search?q=sleep&lang=pl", "ur") == "/search?q=sleep&lang=ur"
    assert with_language("/services", "en") == "/services"
    assert with_language("https://example.org/x", "ur") == "https://example.org/x"
    assert with_language("tel:999", "ur") == "tel:999"


def test_accept_language_is_only_a_suggestion_of_an_offered_language() -> None:
    codes = ["en", "ur", "pl"]
    assert suggestion("pl-PL,pl;q=0.9,en;q=0.5", codes, "en") == "pl"
    assert suggestion("ur-PK", codes, "en") == "ur"
    assert suggestion("en-GB,en;q=0.9", codes, "en") is None
    assert suggestion("sk-SK", codes, "en") is None
    assert suggestion("pl", codes, "pl") is None  # already chosen
    assert suggestion("", codes, "en") is None


def test_the_address_chooses_the_language(client: TestClient) -> None:
    assert _html(client, "/?lang=ur") == ("ur", "rtl")
    assert _html(client, "/?lang=pl") == ("pl", "ltr")
    assert _html(client, "/") == ("en", "ltr")


def test_unknown_codes_and_languages_without_a_catalogue_are_ignored(client: TestClient) -> None:
    for code in ("xx", "sk", "de", "ur-XX", "<b>", ""):
        response = client.get(f"/?lang={code}")
        assert response.status_code == 200
        assert _html(client, f"/?lang={code}") == ("en", "ltr")


def test_accept_language_never_switches_or_redirects(client: TestClient) -> None:
    response = client.get("/", headers={"accept-language": "pl-PL,pl;q=0.9"})
    assert response.status_code == 200
    html = page(response)
    assert html.html is not None and html.html.get("lang") == "en"
    assert text(html, "h1").startswith("Find help")
    offer = html.select_one(".app-language-suggestion")
    assert offer is not None and offer.get("lang") == "pl"
    link = offer.select_one("a")
    assert link is not None and link.get("href") == "/?lang=pl"
    assert "Czytaj te strony" in offer.get_text()
    # Once a language is chosen in the address, no suggestion.
    chosen = page(client.get("/?lang=en", headers={"accept-language": "pl"}))
    assert chosen.select_one(".app-language-suggestion") is None


def test_the_switcher_names_each_language_in_its_own_words(client: TestClient) -> None:
    html = page(client.get("/urgent?lang=ur"))
    nav = html.select_one("nav.govuk-language-navigation")
    assert nav is not None
    assert nav.get("aria-label") == "زبان"
    current = nav.select_one('[aria-current="true"]')
    assert current is not None and current.get("lang") == "ur" and current.get_text() == "اردو"
    links = {a.get("lang"): a for a in nav.select("a")}
    assert set(links) == {"en", "pl"}
    assert links["pl"].get_text() == "Polski" and links["pl"].get("href") == "/urgent?lang=pl"
    assert links["en"].get("href") == "/urgent?lang=en"
    assert links["en"].get("hreflang") == "en"


def test_switching_keeps_a_practitioners_answers_in_the_address(client: TestClient) -> None:
    url = f"/pathways/early-years/check?{PRACTITIONER}"
    response = client.get(url + "&lang=pl")
    assert response.status_code == 200
    html = page(response)
    nav = html.select_one("nav.govuk-language-navigation")
    assert nav is not None
    hrefs = [str(a.get("href")) for a in nav.select("a")]
    assert all("stage=postnatal" in h and "audience=practitioner" in h for h in hrefs)


def test_every_link_the_site_builds_carries_the_language(client: TestClient) -> None:
    for url in (
        "/?lang=ur",
        "/urgent?lang=ur",
        "/services?lang=pl",
        "/services/infant-mh?lang=ur",
        f"/pathways/early-years/result?{PRACTITIONER}&lang=ur",
        f"/pathways/early-years/check?{PRACTITIONER}&lang=pl",
    ):
        code = url.rsplit("=", 1)[1]
        html = page(client.get(url))
        for switcher in html.select("#language-navigation"):
            switcher.decompose()  # its links name other languages
        # The commissioners' workbench is in English, and its link says so (hreflang).
        links = [str(a.get("href")) for a in html.select("a[href^='/']:not([hreflang='en'])")]
        assert links, url
        for english in html.select("a[hreflang='en']"):
            assert str(english.get("href")).startswith("/commission"), (url, english)
        for href in links:
            if href.startswith(("/exit", "/openapi.json", "/static/")):
                continue
            assert f"lang={code}" in href, (url, href)
        for form in html.select("form[method='get']"):
            field = form.select_one("input[name='lang']")
            assert field is not None and field.get("value") == code, (url, form.get("action"))


def test_redirects_within_a_journey_keep_the_language(client: TestClient) -> None:
    response = client.get(f"{START}?audience=practitioner&red_flags=none&lang=pl")
    assert response.status_code == 303
    assert "lang=pl" in response.headers["location"]


def test_a_familys_journey_keeps_its_language_with_its_answers(client: TestClient) -> None:
    first, *rest = FAMILY_STEPS
    step = client.post(f"{START}?lang=ur", data=first)
    assert step.status_code == 303 and "lang=ur" in step.headers["location"]
    for data in rest:
        # Posted without the language in the address: the kept state has it.
        step = client.post(START, data=data)
        assert step.status_code == 303, step.text
    check = client.get(f"{START}/check")
    assert _lang(check.text) == "ur"
    assert text(page(check), "h1") == "اپنے جوابات چیک کریں"
    # English chosen in the address wins over the kept Urdu.
    english = client.get(f"{START}/check?lang=en")
    assert _lang(english.text) == "en"
    assert text(page(english), "h1") == "Check your answers"
    # Another page outside the journey is not affected by the kept state.
    assert _html(client, "/urgent") == ("en", "ltr")


def _lang(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found is not None
    return found.group(1)


# Every page declares its language


@pytest.mark.parametrize("code,direction", [("en", "ltr"), ("ur", "rtl"), ("pl", "ltr")])
def test_every_page_declares_its_language_and_direction(
    client: TestClient, code: str, direction: str
) -> None:
    for url in PAGES:
        joined = url + ("&" if "?" in url else "?") + f"lang={code}"
        response = client.get(joined)
        html = page(response).html
        assert html is not None, joined
        assert (html.get("lang"), html.get("dir")) == (code, direction), joined
        rtl_sheet = page(response).select_one('link[href="/static/navigator-rtl.css"]')
        assert (rtl_sheet is not None) == (direction == "rtl"), joined


def test_an_htmx_partial_says_its_language(client: TestClient) -> None:
    headers = {"hx-request": "true", "hx-target": "page"}
    html = page(client.get("/urgent?lang=ur", headers=headers))
    main = html.select_one("main")
    assert main is not None and (main.get("lang"), main.get("dir")) == ("ur", "rtl")
    nav = html.select_one("#language-navigation")
    assert nav is not None and nav.get("hx-swap-oob") == "true"


def test_an_unchecked_translation_says_so_in_its_own_language(client: TestClient) -> None:
    urdu = page(client.get("/urgent?lang=ur"))
    assert "اہلِ زبان" in text(urdu, "#translation-note")
    polish = page(client.get("/urgent?lang=pl"))
    assert "rodzimego użytkownika" in text(polish, "#translation-note")
    assert page(client.get("/urgent")).select_one("#translation-note") is None


def test_numbers_stay_left_to_right_in_urdu(client: TestClient) -> None:
    html = page(client.get("/services/infant-mh?lang=ur"))
    phones = html.select("a[href^='tel:']")
    assert phones
    for phone in phones:
        if phone.get_text(strip=True) == "999":
            continue
        assert phone.select_one("bdi[dir='ltr']") is not None, phone


def test_the_eligibility_checker_speaks_the_page_language(client: TestClient) -> None:
    html = page(client.get("/services/infant-mh/eligibility?stage=postnatal&age_months=30&lang=pl"))
    assert text(html, "#eligibility") == "Sprawdź, czy rodzina może z niej skorzystać"
    assert text(html, "label[for='age_months']") == "Wiek dziecka"
    assert text(html, ".app-verdict h3").startswith(("Nie:", "Tak:", "Prawdopodobnie"))
    field = html.select_one(".app-eligibility-form input[name='lang']")
    assert field is not None and field.get("value") == "pl"
