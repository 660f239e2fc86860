"""The result page and the referral summary."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import page, text

START = "/pathways/early-years"
PRACTITIONER = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5"
    "&concerns=bonding&need=persistent&postcode=BD3+8AA"
)
FAMILY = PRACTITIONER.replace("practitioner", "family").replace("bonding", "low-mood")


def test_sections_come_in_the_fixed_order_with_cards(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    sections = [s["aria-labelledby"] for s in html.select("section.app-section")]
    assert sections[:3] == ["section-consultation", "section-referral", "section-self_referral"]
    card = html.select_one("#referral-infant-mh")
    assert card is not None
    text = card.get_text(" ", strip=True)
    for expected in [
        "Infant Mental Health Service",
        "Example NHS Trust",  # provider
        "Helps parents and babies",  # remit
        "Children aged 24 months or more",  # boundaries
        "Send the referral form.",  # how
        "Family consent",  # info needed
        "01274 000000",  # contact
        "1 June 2026",  # last reviewed
        "Check with the service",  # unconfirmed: phone
        "A baby of 5 months is within its age range",  # eligibility for these answers
    ]:
        assert expected in text, expected


def test_why_this_service_lists_each_reason_with_its_source(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    details = html.select_one("#referral-infant-mh details.app-why")
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


def test_consult_first_is_said_where_the_pathway_says_so(client: TestClient) -> None:
    emerging = PRACTITIONER.replace("need=persistent", "need=emerging")
    html = page(client.get(f"{START}/result?{emerging}"))
    assert "Consider a consultation first" in html.select_one(".app-consult-first").get_text()  # type: ignore[union-attr]
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    assert html.select_one(".app-consult-first") is None


def test_near_misses_say_why_not_and_where_instead(client: TestClient) -> None:
    outside = PRACTITIONER.replace("BD3+8AA", "BD9+4AA")
    html = page(client.get(f"{START}/result?{outside}"))
    misses = html.select_one("#near-misses")
    assert misses is not None
    section = misses.find_parent("section")
    assert section is not None
    text = section.get_text(" ", strip=True)
    assert "Infant Mental Health Service" in text
    assert "the family is outside it" in text
    assert section.select_one("a[href='/services/health-visiting']") is not None


def test_family_mode_shows_self_help_then_ask_your_health_visitor(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{FAMILY}"))
    headings = [h.get_text(strip=True) for h in html.select("main h2.govuk-heading-l")]
    assert headings[0] == "Services you can contact yourself"
    assert "Ask your health visitor about" in headings
    ask = html.select_one(".app-ask-about")
    assert ask is not None and "Infant Mental Health Service" in ask.get_text()
    assert html.select_one(".govuk-exit-this-page") is not None


def test_red_flag_result_is_urgent_help_first(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?audience=family&red_flags=harm-baby"))
    assert html.h1 is not None and html.h1.get_text(strip=True) == "Call 999 or go to A&E now"
    first_section = html.select_one("section.app-section")
    assert first_section is not None and first_section["aria-labelledby"] == "section-urgent"
    assert "999 and A&E" in first_section.get_text()
    assert text(first_section, "h2") == "Get help now"  # the family's wording
    assert html.select_one(".govuk-exit-this-page") is not None
    share = html.select_one("input#share-link")
    assert share is not None and "audience=family" in str(share["value"])


def test_the_result_has_a_link_to_itself_and_the_versions(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}&ignored=1"))
    field = html.select_one("input#share-link")
    assert field is not None
    assert field["value"] == f"http://testserver{START}/result?{PRACTITIONER}"
    assert html.select_one(f"a[href='http://testserver{START}/result?{PRACTITIONER}']") is not None
    copy = html.select_one("button[data-copy-target=share-link]")
    assert copy is not None and copy.find_parent(class_="app-js-only") is not None
    versions = html.select_one(".app-versions")
    assert versions is not None
    assert "early-years" in versions.get_text() and "2026.11.1" in versions.get_text()


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
        assert "999" in text(html, "main")


def test_unconfirmed_facts_say_check_with_the_service(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    for card_id in ["#consultation-infant-mh", "#referral-infant-mh"]:
        card = text(html, card_id)
        expected = "Check with the service Not yet confirmed with the provider: the phone number."
        assert expected in card
    assert "Check with the service" not in text(html, "#self_referral-health-visiting")


def test_a_card_keeps_boundaries_and_reasons_in_disclosures(client: TestClient) -> None:
    html = page(client.get(f"{START}/result?{PRACTITIONER}"))
    card = html.select_one("#referral-infant-mh")
    assert card is not None
    for hidden in card.select("details summary .govuk-visually-hidden"):
        hidden.extract()
    summaries = [s.get_text(strip=True) for s in card.select("details summary")]
    assert summaries == ["Who it is not for, and where instead", "Why this service?"]
    not_for = text(card, "details.app-not-for .govuk-details__text")
    assert "Children aged 24 months or more" in not_for
    # What to act on stays outside the disclosures.
    facts = text(card, ".app-card__facts")
    assert "Send the referral form." in facts and "01274 000000" in facts
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
