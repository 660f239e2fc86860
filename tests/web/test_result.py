"""The result page and the referral summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs

from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.web.app import create_app
from tests.web.conftest import FakeLocator, copy_content, page, text

START = "/pathways/early-years"
PRACTITIONER = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5"
    "&concerns=bonding&need=persistent&postcode=BD3+8AA"
)
FAMILY = PRACTITIONER.replace("practitioner", "family").replace("bonding", "low-mood")


def test_what_to_do_now_comes_first_with_buttons_to_get_in_touch(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    sections = [s["aria-labelledby"] for s in html.select("main section.app-section")]
    assert sections == ["next-step", "share", "more-help"]
    lead = html.select_one("#next-step")
    assert lead is not None and lead.get_text(strip=True) == "What to do now"
    card = html.select_one(".app-next #service-infant-mh")
    assert card is not None
    # The best route's website and phone as buttons, before anything else on the card; the
    # phone is still to confirm with the service (`unconfirmed: [phone]`), so it does not lead.
    buttons = [(a["href"], a.get_text(" ", strip=True)) for a in card.select("a.app-action")]
    assert buttons == [
        ("https://example.org/infant", "Website of Infant Mental Health Service"),
        ("tel:01274000000", "Call 01274 000000"),
    ]
    text = card.get_text(" ", strip=True)
    for expected in [
        "Infant Mental Health Service",
        "Consultation",  # the best route
        "Ring the team to book a consultation.",  # how
        "Check with the service",  # unconfirmed: phone
        "Helps parents and babies",  # remit
        "Example NHS Trust",  # provider
        "Children aged 24 months or more",  # boundaries
        "1 June 2026",  # last reviewed
        "A baby of 5 months is within its age range",  # eligibility for these answers
    ]:
        assert expected in text, expected
    assert text.index("Call 01274 000000") < text.index("Ring the team")


def test_one_card_per_service_with_each_route_that_fits(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    # Infant MH offers a consultation and a referral: one card, both routes, shown once.
    assert len(html.select("#service-infant-mh")) == 1
    card = html.select_one("#service-infant-mh")
    assert card is not None
    assert card.select_one("#consultation-infant-mh") is not None
    referral = card.select_one("details.app-other-routes #referral-infant-mh")
    assert referral is not None
    text = referral.get_text(" ", strip=True)
    assert "Send the referral form." in text and "Family consent" in text
    # So the referral section holds only the services not shown already.
    group = html.select_one("details#section-referral")
    assert group is not None
    assert [c["id"] for c in group.select(".app-offer")] == ["service-health-visiting"]


def test_the_rest_is_grouped_by_section_and_collapsed(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    groups = html.select("section.app-more > details.app-group")
    assert groups and all(not g.has_attr("open") for g in groups)
    summary = groups[0].select_one("summary")
    assert summary is not None and summary.get_text(strip=True) == "Referral (1)"


def test_why_this_service_lists_each_reason_once_with_its_source(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    details = html.select_one("#service-infant-mh details.app-why")
    assert details is not None
    summary = details.select_one("summary .govuk-details__summary-text")
    assert summary is not None
    hidden = summary.select_one(".govuk-visually-hidden")
    # Each card's disclosure is told apart for screen readers by the service's name.
    assert (
        hidden is not None
        and hidden.extract().get_text(strip=True) == "Infant Mental Health Service"
    )
    assert summary.get_text(strip=True) == "Why this service?"
    sources = [c.get_text() for c in details.select("code")]
    assert sources and all(s.startswith("services.yaml:") for s in sources), sources
    reasons = [li.get_text(" ", strip=True).split(" (from")[0] for li in details.select("li")]
    assert len(reasons) == len(set(reasons)), reasons
    # The referral's own criterion is there as well as the consultation's.
    assert "It takes families at this level of need (persistent difficulty)" in reasons


def test_consult_first_is_said_where_the_pathway_says_so(client: TestClient) -> None:
    emerging = PRACTITIONER.replace("need=persistent", "need=emerging")
    html = page(client.get(f"{START}/result?{emerging}"))
    assert "Consider a consultation first" in html.select_one(".app-consult-first").get_text()  # type: ignore[union-attr]
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    assert html.select_one(".app-consult-first") is None


def test_near_misses_say_why_not_and_where_instead(client: TestClient) -> None:
    outside = PRACTITIONER.replace("BD3+8AA", "BD9+4AA")
    html = page(client.get(f"{START}/result?{outside}"))
    misses = html.select_one("details#near-misses")
    assert misses is not None and not misses.has_attr("open")
    lines = misses.select("li.app-near-miss")
    text = " ".join(li.get_text(" ", strip=True) for li in lines)
    assert "Infant Mental Health Service" in text
    assert "the family is outside it" in text
    assert misses.select_one("a[href='/services/health-visiting']") is not None


def test_family_mode_shows_self_help_then_ask_your_health_visitor(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{FAMILY}"))
    assert text(html, "#next-step") == "What you can do now"
    lead = html.select_one(".app-next .app-offer")
    # The lead is the engine's first offer, in the engine's order (never re-sorted here).
    result = client.post(
        "/api/v1/pathways/early-years/navigate", json={"answers": parse_qs(FAMILY)}
    ).json()
    first = result["sections"][0]
    assert first["route"] == "self_referral"
    assert lead is not None and lead["id"] == f"service-{first['cards'][0]['service_id']}"
    assert "Contact them yourself" in text(lead, ".app-offer__kind")
    ask = html.select_one("details#ask-about")
    assert ask is not None
    assert "Ask your health visitor about" in text(ask, "summary")
    assert "Infant Mental Health Service" in text(ask, ".app-ask-about")
    assert html.select_one(".govuk-exit-this-page") is not None
    # No file:line for families.
    assert html.select_one("main .app-source") is None


def test_red_flag_result_is_urgent_help_first(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?audience=family&red_flags=harm-baby"))
    assert html.h1 is not None and html.h1.get_text(strip=True) == "Call 999 or go to A&E now"
    # The call buttons come straight after the heading, 999 first.
    buttons = html.select("main ul.app-actions--urgent a.app-action")
    assert [b["href"] for b in buttons][:1] == ["tel:999"]
    assert "app-action--primary" in buttons[0]["class"]
    assert html.select_one("main .app-urgent-panel + ul.app-actions--urgent") is not None
    first_section = html.select_one("section.app-section[aria-labelledby^=section-]")
    assert first_section is not None and first_section["aria-labelledby"] == "section-urgent"
    assert "999 and A&E" in first_section.get_text()
    assert text(first_section, "h2") == "Get help now"  # the family's wording
    assert html.select_one("main .app-source") is None  # no file:line for families
    assert html.select_one(".govuk-exit-this-page") is not None
    share = html.select_one("a#share-link")
    assert share is not None and "audience=family" in str(share["href"])


def test_the_result_has_a_link_to_itself_near_the_top_and_the_versions(
    client: TestClient,
) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}&ignored=1"))
    link = html.select_one("a#share-link")
    assert link is not None
    assert link["href"] == f"http://testserver{START}/result?{PRACTITIONER}"
    # Printed with its full address.
    assert link["data-print-url"] == link["href"]
    copy = html.select_one("button[data-copy-target=share-link]")
    assert copy is not None and copy.find_parent(class_="app-js-only") is not None
    # "Keep or share" comes straight after what to do now, before the rest.
    order = [s["aria-labelledby"] for s in html.select("main section.app-section")]
    assert order.index("share") == order.index("next-step") + 1
    versions = html.select_one(".app-versions")
    assert versions is not None
    assert "early-years" in versions.get_text() and "2026.11.1" in versions.get_text()


def test_links_print_with_the_sites_full_address(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    title = html.select_one("#service-infant-mh .app-card__title a")
    assert title is not None
    assert title["data-print-url"] == "http://testserver/services/infant-mh"


def test_the_base_url_setting_gives_the_printed_and_shared_address(
    settings: Settings,
) -> None:
    public = replace(settings, base_url="https://navigator.example.org/")
    with TestClient(create_app(public, locator=FakeLocator())) as client:
        html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    link = html.select_one("a#share-link")
    assert link is not None
    assert str(link["href"]).startswith("https://navigator.example.org/pathways/")
    title = html.select_one("#service-infant-mh .app-card__title a")
    assert title is not None
    assert title["data-print-url"] == "https://navigator.example.org/services/infant-mh"


def test_an_unfinished_journey_has_no_result_yet(client: TestClient) -> None:
    response = client.get(f"{START}/result?red_flags=none&audience=practitioner")
    assert response.status_code == 303
    assert response.headers["location"].startswith(START)


def test_no_match_shows_the_catch_all(client: TestClient) -> None:
    answers = FAMILY.replace("low-mood", "other")
    html = page(client.get(f"{START}/result?{answers}"))
    assert "Health Visiting" in html.select_one("main").get_text()  # type: ignore[union-attr]


def test_referral_summary_is_prefilled_without_the_full_postcode(client: TestClient) -> None:
    response = client.get(f"{START}/referral/infant-mh?{PRACTITIONER}")
    assert response.status_code == 200
    html = page(response)
    text = html.get_text(" ", strip=True)
    assert "BD3 8AA" not in text and "8AA" not in text
    assert "Postcode district BD3" in text
    assert "is in the Better Start Bradford area" in text
    assert "5 months" in text and "Parent-infant relationship and bonding" in text
    asks = [dt.get_text(strip=True) for dt in html.select(".app-blanks")[0].select("dt")]
    assert asks == ["Family consent", "What has been tried"]
    assert len(html.select(".app-blank")) == 2 + 6
    assert response.headers["cache-control"] == "no-store"


def test_referral_summary_only_for_a_referral_in_the_result(client: TestClient) -> None:
    assert client.get(f"{START}/referral/talking-therapies?{PRACTITIONER}").status_code == 404
    emerging = PRACTITIONER.replace("need=persistent", "need=emerging")
    assert client.get(f"{START}/referral/infant-mh?{emerging}").status_code == 404


def test_result_cards_link_to_the_referral_summary(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    link = html.select_one(
        "#referral-infant-mh a[href^='/pathways/early-years/referral/infant-mh?']"
    )
    assert link is not None


def test_every_result_says_it_does_not_replace_judgement(client: TestClient) -> None:
    for answers in [PRACTITIONER, FAMILY, "audience=family&red_flags=harm-baby"]:
        html = page(client.get(f"{START}/result?{answers}"))
        statement = text(html, ".app-judgement")
        assert "does not replace" in statement, answers
        assert html.select_one("main a[href='tel:999']") is not None, answers


def test_unconfirmed_facts_say_check_with_the_service(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    card = text(html, "#service-infant-mh")
    expected = "Check with the service Not yet confirmed with the provider: the phone number."
    assert expected in card
    assert "Check with the service" not in text(html, "#service-health-visiting")


def test_a_card_keeps_what_it_does_and_reasons_in_disclosures(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    card = html.select_one("#service-infant-mh")
    assert card is not None
    for hidden in card.select("details summary .govuk-visually-hidden"):
        hidden.extract()
    summaries = [s.get_text(strip=True) for s in card.select("details summary")]
    assert summaries == [
        "Other ways to use it: Referral",
        "What it does, and who it is not for",
        "Why this service?",
    ]
    not_for = text(card, "details.app-not-for .govuk-details__text")
    assert "Children aged 24 months or more" in not_for
    # What to act on stays outside the disclosures.
    route = text(card, "#consultation-infant-mh")
    assert "Ring the team to book a consultation." in route and "01274 000000" in route
    # The reasons are given once, in "Why this service?", not again beside the facts.
    reason = "A baby of 5 months is within its age range"
    assert card.get_text(" ", strip=True).count(reason) == 1


def test_a_card_shows_the_through_door_in_words(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{FAMILY}"))
    card = html.select_one("#self_referral-talking-therapies")
    assert card is not None
    door = card.select_one("li.app-through")
    assert door is not None and door.get_text(" ", strip=True).startswith(
        "Through your health visitor"
    )
    assert door.select_one("a[href='/services/health-visiting']") is not None


def test_a_familys_near_misses_and_asks_name_routes_in_plain_words(client: TestClient) -> None:
    outside = FAMILY.replace("BD3+8AA", "BD9+4AA")
    html = page(client.get(f"{START}/result?{outside}"))
    miss = text(html, "#near-misses li.app-near-miss")
    assert "(your health visitor can ask them for advice)" in miss
    assert "consultation" not in miss.lower()
    ask = text(html, ".app-ask-about")
    assert "(a professional can refer you)" in ask and "referral" not in ask.lower()


def test_a_family_reads_the_family_description_and_a_practitioner_the_remit(
    tmp_path: Path,
) -> None:
    root = copy_content(tmp_path / "content")
    services = root / "services.yaml"
    remit = (
        "    remit: Health and development of babies and young children, and support for parents."
    )
    text_ = services.read_text()
    assert remit in text_
    services.write_text(
        text_.replace(remit, remit + "\n    family_description: They help you and your baby.")
    )
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        family = page(client.get(f"{START}/result?{FAMILY}"))
        practitioner = page(client.get(f"{START}/result?{PRACTITIONER}"))
    assert "They help you and your baby." in text(family, "#service-health-visiting")
    assert "Health and development" not in text(family, "#service-health-visiting")
    assert "Health and development" in text(practitioner, "#service-health-visiting")


def test_a_practitioner_reads_the_door_as_the_familys(client: TestClient) -> None:
    low_mood = PRACTITIONER.replace("bonding", "low-mood")
    html = page(client.get(f"{START}/result?{low_mood}"))
    doors = [" ".join(d.get_text().split()) for d in html.select("li.app-through")]
    assert doors and all("your " not in d for d in doors)
    assert any("the family's health visitor" in d for d in doors)
