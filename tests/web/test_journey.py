"""The journey pages: one question a page, answers in the query string, errors, back and change
links, 'Check your answers', htmx partials."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from fastapi.testclient import TestClient

from tests.web.conftest import page, text

START = "/pathways/early-years"
ALL_ANSWERS = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5"
    "&concerns=bonding&need=persistent&postcode=BD3+8AA"
)


def where(response: object) -> tuple[str, list[tuple[str, str]]]:
    location = urlsplit(getattr(response, "headers", {})["location"])
    return location.path, parse_qsl(location.query)


def test_a_door_leads_to_the_red_flags_keeping_the_audience(client: TestClient) -> None:
    response = client.get(f"{START}?audience=family")
    assert response.status_code == 303
    assert where(response) == (f"{START}/questions/red_flags", [("audience", "family")])


def test_red_flags_page_is_one_question_as_a_get_form(client: TestClient) -> None:
    html = page(client.get(f"{START}/questions/red_flags?audience=practitioner"))
    form = html.select_one("main form")
    assert form is not None
    assert form["method"] == "get" and form["action"] == START
    assert html.select_one("legend h1") is not None
    hidden = {(i["name"], i["value"]) for i in form.select("input[type=hidden]")}
    assert hidden == {("audience", "practitioner"), ("asked", "red_flags")}
    boxes = form.select("input[type=checkbox][name=red_flags]")
    assert [b["value"] for b in boxes] == ["harm-baby", "none"]
    assert boxes[-1]["data-behaviour"] == "exclusive"
    back = html.select_one("a.govuk-back-link")
    assert back is not None and back["href"] == "/"


def test_an_answer_moves_to_the_next_question(client: TestClient) -> None:
    response = client.get(f"{START}?audience=practitioner&asked=red_flags&red_flags=none")
    assert response.status_code == 303
    path, query = where(response)
    assert path == f"{START}/questions/stage"
    assert ("red_flags", "none") in query and ("audience", "practitioner") in query
    assert all(key != "asked" for key, _ in query)


def test_nothing_chosen_shows_the_error_summary(client: TestClient) -> None:
    response = client.get(f"{START}?audience=practitioner&red_flags=none&asked=stage")
    assert response.status_code == 200
    html = page(response)
    summary = html.select_one(".govuk-error-summary [role=alert]")
    assert summary is not None
    link = summary.select_one("a")
    assert link is not None and link["href"] == "#stage"
    assert link.get_text(strip=True) == "Select one option"
    assert html.select_one("#stage-error") is not None
    assert html.title is not None and html.title.get_text().startswith("Error: ")


def test_an_age_out_of_range_is_refused_with_the_value_shown(client: TestClient) -> None:
    response = client.get(
        f"{START}?red_flags=none&audience=practitioner&stage=postnatal&age=99&asked=age"
    )
    html = page(response)
    assert "Enter the age in months from 0 to 36, like 7 or 1 year 2 months" in text(
        html, ".govuk-error-summary"
    )
    field = html.select_one("input#age")
    assert field is not None and field["value"] == "99"
    assert "govuk-input--error" in field["class"]


def test_a_postcode_that_is_not_one_is_refused(client: TestClient) -> None:
    response = client.get(
        f"{START}?red_flags=none&audience=practitioner&stage=pregnancy&concerns=bonding"
        "&need=persistent&postcode=not-a-postcode&asked=postcode"
    )
    html = page(response)
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None and "Enter a real postcode" in summary.get_text()
    assert html.select_one("input#postcode")["value"] == "not-a-postcode"  # type: ignore[index]


def test_an_optional_question_offers_i_do_not_know(client: TestClient) -> None:
    url = (
        f"{START}/questions/postcode?red_flags=none&audience=practitioner&stage=pregnancy"
        "&concerns=bonding&need=persistent"
    )
    html = page(client.get(url))
    skip = html.select_one("button[name=postcode][value=unknown]")
    assert skip is not None
    # Pressing it sends the (empty) text box and the button: the skip wins.
    response = client.get(
        f"{START}?red_flags=none&audience=practitioner&stage=pregnancy&concerns=bonding"
        "&need=persistent&postcode=&postcode=unknown&asked=postcode"
    )
    assert where(response)[0] == f"{START}/check"


def test_the_back_link_keeps_the_answers(client: TestClient) -> None:
    html = page(
        client.get(f"{START}/questions/age?red_flags=none&audience=practitioner&stage=postnatal")
    )
    back = html.select_one("a.govuk-back-link")
    assert back is not None
    path, query = urlsplit(str(back["href"])).path, parse_qsl(urlsplit(str(back["href"])).query)
    assert path == f"{START}/questions/stage"
    assert ("stage", "postnatal") in query and ("red_flags", "none") in query


def test_a_question_not_reached_by_the_answers_redirects(client: TestClient) -> None:
    # In pregnancy the age is never asked.
    response = client.get(
        f"{START}/questions/age?red_flags=none&audience=practitioner&stage=pregnancy"
    )
    assert response.status_code == 303
    assert where(response)[0] == START


def test_all_answers_lead_to_check_your_answers(client: TestClient) -> None:
    response = client.get(f"{START}?{ALL_ANSWERS}")
    assert response.status_code == 303
    path, _ = where(response)
    assert path == f"{START}/check"
    html = page(client.get(f"{path}?{urlsplit(response.headers['location']).query}"))
    rows = html.select(".govuk-summary-list__row")
    keys = [text(r, "dt") for r in rows]
    assert keys[0] == "Are any of these happening now?"
    values = {text(r, "dt"): text(r, ".govuk-summary-list__value") for r in rows}
    assert values["How old is the baby, in months?"] == "5 months"
    assert values["What are you worried about?"] == "Parent-infant relationship and bonding"
    assert values["What is the family's postcode?"] == "BD3 8AA"
    change = rows[2].select_one("a")
    assert change is not None and str(change["href"]).startswith(f"{START}/questions/stage?")
    form = html.select_one(f"form[action='{START}/result']")
    assert form is not None and form["method"] == "get"


def test_a_change_drops_answers_made_stale(client: TestClient) -> None:
    # Change the stage to pregnancy: the age no longer applies and is dropped.
    changed = ALL_ANSWERS.replace("stage=postnatal", "stage=pregnancy") + "&asked=stage"
    response = client.get(f"{START}?{changed}")
    path, query = where(response)
    assert path == f"{START}/check"
    assert all(key != "age" for key, _ in query)
    assert ("concerns", "bonding") in query and ("postcode", "BD3 8AA") in query


def test_a_change_that_opens_a_new_question_keeps_the_later_answers(client: TestClient) -> None:
    answers = ALL_ANSWERS.replace("stage=postnatal&age=5", "stage=pregnancy")
    changed = answers.replace("stage=pregnancy", "stage=postnatal") + "&asked=stage"
    response = client.get(f"{START}?{changed}")
    path, query = where(response)
    assert path == f"{START}/questions/age"
    assert ("need", "persistent") in query and ("postcode", "BD3 8AA") in query


def test_the_change_page_shows_the_answer_given(client: TestClient) -> None:
    html = page(client.get(f"{START}/questions/concerns?{ALL_ANSWERS}&concerns=sleep"))
    checked = [i["value"] for i in html.select("input[name=concerns][checked]")]
    assert checked == ["bonding", "sleep"]
    hidden = {i["name"] for i in html.select("input[type=hidden]")}
    assert "concerns" not in hidden and {"need", "postcode", "age"} <= hidden


def test_a_red_flag_goes_straight_to_urgent_help(client: TestClient) -> None:
    response = client.get(f"{START}?audience=family&red_flags=harm-baby&asked=red_flags")
    # Straight to the result, still worded for the family.
    assert where(response) == (
        f"{START}/result",
        [("red_flags", "harm-baby"), ("audience", "family")],
    )
    # 'Check your answers' is skipped for urgent help.
    response = client.get(f"{START}/check?audience=family&red_flags=harm-baby")
    assert where(response)[0] == f"{START}/result"


def test_the_family_red_flags_page_explains_leaving_quickly(client: TestClient) -> None:
    html = page(client.get(f"{START}/questions/red_flags?audience=family"))
    assert "press the Shift key 3 times" in html.get_text()
    assert html.select_one(".govuk-exit-this-page") is not None
    html = page(client.get(f"{START}/questions/red_flags?audience=practitioner"))
    assert html.select_one(".govuk-exit-this-page") is None


def test_unknown_pathway_is_404(client: TestClient) -> None:
    response = client.get("/pathways/nope")
    assert response.status_code == 404
    assert "There is no pathway called 'nope'." in page(response).get_text()


def test_htmx_gets_the_page_part_only_and_the_url_to_show(client: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-Target": "page"}
    response = client.get(
        f"{START}/questions/stage?red_flags=none&audience=family", headers=headers
    )
    assert response.status_code == 200
    assert "HX-Request" in response.headers["vary"]
    assert (
        response.headers["hx-push-url"] == f"{START}/questions/stage?red_flags=none&audience=family"
    )
    html = page(response)
    assert html.select_one("html, header, footer") is None
    assert html.select_one("main#main-content form") is not None
    assert html.title is not None
    oob = html.select_one("#skip-links[hx-swap-oob=true]")
    assert oob is not None and oob.select_one(".govuk-js-exit-this-page-skiplink") is not None


def test_a_history_restore_gets_the_whole_page(client: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-Target": "page", "HX-History-Restore-Request": "true"}
    response = client.get(
        f"{START}/questions/stage?red_flags=none&audience=family", headers=headers
    )
    assert page(response).select_one("html header") is not None


def test_question_forms_are_enhanced_by_htmx(client: TestClient) -> None:
    html = page(client.get(f"{START}/questions/stage?red_flags=none&audience=practitioner"))
    form = html.select_one("main form")
    assert form is not None
    assert form["hx-get"] == START and form["hx-target"] == "#page"
    assert form["hx-push-url"] == "true"
    # A family's answers are posted (kept on the server, never in the address).
    html = page(client.get(f"{START}/questions/stage?red_flags=none&audience=family"))
    form = html.select_one("main form")
    assert form is not None and form["method"] == "post"
    assert form["hx-post"] == START and form["hx-push-url"] == "true"


def test_journey_pages_are_never_cached(client: TestClient) -> None:
    for url in [
        f"{START}/questions/red_flags?audience=family",
        f"{START}/check?{ALL_ANSWERS}",
        f"{START}/result?{ALL_ANSWERS}",
    ]:
        assert client.get(url).headers["cache-control"] == "no-store", url


BEFORE_POSTCODE = (
    "red_flags=none&audience=practitioner&stage=pregnancy&concerns=bonding&need=persistent"
)


def test_a_postcode_not_in_the_data_is_said_once_on_its_question(client: TestClient) -> None:
    response = client.get(f"{START}?{BEFORE_POSTCODE}&postcode=bd3+9hh&asked=postcode")
    assert response.status_code == 200
    html = page(response)
    assert html.h1 is not None and "postcode" in html.h1.get_text().lower()
    expected = "We can't find BD3 9HH. Check it, or continue without a postcode"
    assert text(html, ".govuk-error-summary") == f"There is a problem {expected}"
    assert html.select_one("input#postcode")["value"] == "bd3 9hh"  # type: ignore[index]
    skip = html.select_one("button[name=postcode][value=unknown]")
    assert skip is not None and skip.get_text(strip=True) == "Continue without a postcode"
    onward = client.get(f"{START}?{BEFORE_POSTCODE}&postcode=unknown&asked=postcode")
    assert onward.status_code == 303
    assert (
        client.get(f"{START}?{BEFORE_POSTCODE}&postcode=BD3+8AA&asked=postcode").status_code == 303
    )


def test_a_postcode_not_in_the_data_in_a_link_is_said_once_on_the_result(
    client: TestClient,
) -> None:
    html = page(client.get(f"{START}/result?{BEFORE_POSTCODE}&postcode=BD3+9HH"))
    assert (
        html.get_text().count("BD3 9HH") == 1 + html.get_text().count("Link to these results") * 0
    )


def test_an_age_in_words_is_taken(client: TestClient) -> None:
    base = f"{START}?red_flags=none&audience=practitioner&stage=postnatal"
    response = client.get(f"{base}&age=1+year+2+months&asked=age")
    assert response.status_code == 303
    assert ("age", "14") in where(response)[1]
    response = client.get(f"{base}&age=7m&asked=age")
    assert ("age", "7") in where(response)[1]


def test_unicode_digits_are_refused_cleanly(client: TestClient) -> None:
    base = f"{START}?red_flags=none&audience=practitioner&stage=postnatal"
    response = client.get(f"{base}&age=%C2%B2&asked=age")
    assert response.status_code == 200
    assert "Enter the age in months" in text(page(response), ".govuk-error-summary")
