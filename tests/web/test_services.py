"""Service pages, redirects for former ids and names, decommissioned services, and the
eligibility checker."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import page, text


def test_service_page_shows_remit_boundaries_routes_and_contact(client: TestClient) -> None:
    html = page(client.get("/services/infant-mh"))
    text = html.get_text(" ", strip=True)
    assert html.h1 is not None and html.h1.get_text(strip=True) == "Infant Mental Health Service"
    headings = [h.get_text(strip=True) for h in html.select("main h2")]
    assert headings[:4] == ["What it does", "Who it is not for", "How to use it", "Contact"]
    assert "Helps parents and babies whose relationship is under strain." in text
    assert "Children aged 24 months or more" in text
    assert "Consultation: advice for you, the practitioner" in text
    assert "Area: Better Start Bradford area" in text
    assert "For practitioners" in text and "familys" not in text
    assert "Family consent" in text
    assert html.select_one("a[href='tel:01274000000']") is not None
    form = html.select_one("form[action^='/services/infant-mh/eligibility']")
    assert form is not None and form["method"] == "get"


def test_a_former_id_redirects_permanently(client: TestClient) -> None:
    response = client.get("/services/old-infant-team")
    assert response.status_code == 301
    assert response.headers["location"] == "/services/infant-mh"


def test_a_former_name_redirects_permanently(client: TestClient) -> None:
    response = client.get("/services/Old Infant Team")
    assert response.status_code == 301
    assert response.headers["location"] == "/services/infant-mh"
    response = client.get("/services/infant-mental-health-service")
    assert response.headers["location"] == "/services/infant-mh"


def test_a_decommissioned_service_names_its_successor(client: TestClient) -> None:
    response = client.get("/services/old-project")
    assert response.status_code == 200
    html = page(response)
    banner = html.select_one(".govuk-notification-banner")
    assert banner is not None
    assert "ended on 31 December 2025" in banner.get_text()
    assert banner.select_one("a[href='/services/health-visiting']") is not None
    assert html.select_one("#eligibility") is None


def test_unknown_service_is_404(client: TestClient) -> None:
    assert client.get("/services/nobody").status_code == 404


def test_services_a_to_z_lists_current_services_only(client: TestClient) -> None:
    html = page(client.get("/services"))
    names = [a.get_text(strip=True) for a in html.select("main li > a")]
    assert names == sorted(names, key=str.lower)
    assert "Old Project" not in names and "Infant Mental Health Service" in names


def verdict(client: TestClient, query: str) -> str:
    response = client.get(f"/services/infant-mh/eligibility?{query}")
    found = page(response).select_one(".app-verdict")
    return found.get_text(" ", strip=True) if found else ""


def test_eligibility_yes(client: TestClient) -> None:
    text = verdict(
        client, "stage=postnatal&age_months=5&postcode=bd38aa&concern=bonding&need=persistent"
    )
    assert text.startswith("Yes: Infant Mental Health Service is open to this family")
    assert "Not checked" not in text


def test_eligibility_without_the_need_and_concern_says_what_it_did_not_check(
    client: TestClient,
) -> None:
    # The referral route is only for persistent need: it cannot be a plain "yes".
    html = page(
        client.get("/services/infant-mh/eligibility?stage=postnatal&age_months=7&postcode=bd38aa")
    )
    box = html.select_one(".app-verdict")
    assert box is not None
    text = box.get_text(" ", strip=True)
    assert text.startswith("Probably, but please confirm")
    assert "Referral: please confirm." in text and "Referral: yes" not in text
    assert "Referral: it is only for this level of need: persistent difficulty." in text
    assert "Not checked: the concern and the level of need." in text


def test_eligibility_at_a_level_of_need_the_referral_does_not_take(client: TestClient) -> None:
    text = verdict(
        client, "stage=postnatal&age_months=7&postcode=bd38aa&concern=bonding&need=emerging"
    )
    assert text.startswith("Yes:")  # the consultation is open
    assert "Referral: it does not take families at this level of need (emerging worry)" in text


def test_a_no_gives_each_reason_once(client: TestClient) -> None:
    html = page(client.get("/services/infant-mh/eligibility?stage=postnatal&age_months=30"))
    reasons = [li.get_text(" ", strip=True) for li in html.select(".app-why-not li")]
    assert reasons == ["A baby of 30 months is outside its age range (0–24 months)."]
    box = html.select_one(".app-verdict--no")
    assert box is not None and box.get_text().count("outside its age range") == 1
    assert "yes" not in box.get_text(" ", strip=True).lower().split()


def test_a_family_sees_only_the_routes_a_family_can_use(client: TestClient) -> None:
    query = "stage=postnatal&age_months=5&audience=family"
    for_family = page(client.get(f"/services/health-visiting/eligibility?{query}"))
    routes = [li.get_text(" ", strip=True) for li in for_family.select(".app-open-routes li")]
    assert routes and all(not r.startswith(("Training", "Referral")) for r in routes)
    html = page(client.get(f"/services/infant-mh/eligibility?{query}"))
    assert "has no way in for parents and carers" in text(html, ".app-verdict")


def test_the_age_box_takes_ages_as_people_write_them(client: TestClient) -> None:
    for typed in ("7 months", "7m", "7"):
        response = client.get(
            "/services/infant-mh/eligibility",
            params={"stage": "postnatal", "age_months": typed, "postcode": "BD3 8AA"},
        )
        assert response.status_code == 200, typed
    response = client.get(
        "/services/infant-mh/eligibility", params={"stage": "postnatal", "age_months": "²"}
    )
    assert response.status_code == 422
    assert "Enter the baby's age in months" in text(page(response), ".govuk-error-summary")


def test_eligibility_no_with_the_reason_and_where_instead(client: TestClient) -> None:
    response = client.get("/services/infant-mh/eligibility?stage=postnatal&age_months=30")
    html = page(response)
    box = html.select_one(".app-verdict--no")
    assert box is not None
    assert "A baby of 30 months is outside its age range (0–24 months)" in box.get_text()
    assert box.select_one("a[href='/services/health-visiting']") is not None


def test_eligibility_outside_the_area(client: TestClient) -> None:
    text = verdict(client, "stage=pregnancy&postcode=BD9 4AA")
    assert text.startswith("No:") and "the family is outside it" in text


def test_eligibility_near_a_boundary_asks_to_confirm(client: TestClient) -> None:
    text = verdict(client, "stage=pregnancy&postcode=BD5 0AA")
    assert text.startswith("Probably, but please confirm")
    assert "near the boundary" in text


def test_eligibility_without_a_postcode_asks_to_confirm_the_area(client: TestClient) -> None:
    text = verdict(client, "stage=pregnancy")
    assert "please check the family lives there" in text


def test_eligibility_errors_use_the_error_summary(client: TestClient) -> None:
    response = client.get(
        "/services/infant-mh/eligibility?stage=postnatal&age_months=x&postcode=zz"
    )
    assert response.status_code == 422
    html = page(response)
    links = [a["href"] for a in html.select(".govuk-error-summary a")]
    assert links == ["#age_months", "#postcode"]
    assert html.select_one(".app-verdict") is None
    assert html.title is not None and html.title.get_text().startswith("Error: ")
    response = client.get("/services/infant-mh/eligibility")
    assert [a["href"] for a in page(response).select(".govuk-error-summary a")] == ["#stage"]


def test_eligibility_for_a_former_id_redirects_with_the_query(client: TestClient) -> None:
    response = client.get("/services/old-infant-team/eligibility?stage=pregnancy")
    assert response.status_code == 301
    assert response.headers["location"] == "/services/infant-mh/eligibility?stage=pregnancy"


def test_the_service_page_says_check_with_the_service_for_unconfirmed_facts(
    client: TestClient,
) -> None:
    html = page(client.get("/services/infant-mh"))
    expected = "Check with the service Not yet confirmed with the provider: the phone number."
    assert expected in html.get_text(" ", strip=True)
    assert "Check with the service" not in page(client.get("/services/health-visiting")).get_text()


def test_the_contact_is_a_way_in_the_reader_can_tap(client: TestClient) -> None:
    infant = page(client.get("/services/infant-mh"))
    assert infant.select_one("a[href='tel:01274000000']") is not None
    website = infant.select_one("a[href='https://example.org/infant']")
    assert website is not None and website.get_text(strip=True) == "https://example.org/infant"
    talking = page(client.get("/services/talking-therapies"))
    door = talking.select_one("li.app-through")
    assert door is not None
    # A service reached only through another says so in words, with a link to that service.
    assert " ".join(door.get_text().split()) == "Through your health visitor."
    assert [a["href"] for a in door.select("a")] == ["/services/health-visiting"]
