"""`/commission/reports`: the list, each report as an accessible table with its caption, the
period form, the chart over time and the CSV download, with small numbers suppressed."""

from __future__ import annotations

import csv
import io

from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from navigator.reports import REPORTS
from tests.web.conftest import page, text


def table_of(html: BeautifulSoup) -> list[list[str]]:
    table = html.select_one("table.app-report")
    assert isinstance(table, Tag)
    return [
        [
            cell.get_text(" ", strip=True).replace(" (suppressed)", "")
            for cell in row.select("th, td")
        ]
        for row in table.select("tr")
    ]


def test_the_list_links_every_report(commission_client: TestClient) -> None:
    response = commission_client.get("/commission/reports")
    assert response.status_code == 200
    links = [a["href"] for a in page(response).select("main a.govuk-link")]
    assert links == [f"/commission/reports/{name}" for name in REPORTS]


def test_unmet_need_as_a_table_with_a_caption(commission_client: TestClient) -> None:
    response = commission_client.get("/commission/reports/unmet")
    assert response.status_code == 200
    html = page(response)
    assert text(html, "h1") == "Unmet need"
    assert text(html, "caption") == "Unmet need by concern, age band and area (all records)"
    assert table_of(html) == [
        ["Concern", "Age band", "Area", "Journeys", "Only catch-alls fitted", "Near miss: age"],
        ["bonding", "0–11 months", "manningham", "10", "*", "*"],
        ["low-mood", "0–11 months", "manningham", "30", "0", "0"],
        ["All", "", "", "40", "*", "*"],
    ]
    assert html.select("th[scope=col]") and html.select("tbody th[scope=row]")
    region = html.select_one("div.app-table-scroll")
    assert region is not None and region["aria-labelledby"] == "report-caption"
    assert html.select_one("table abbr[title]") is not None
    assert html.select_one("figure") is None  # its rows are not months: no chart


def test_a_report_over_time_has_a_chart_with_words(commission_client: TestClient) -> None:
    html = page(commission_client.get("/commission/reports/referrals"))
    assert table_of(html)[1:] == [
        ["2026-10", "20", "10", "2.0"],
        ["2026-11", "0", "10", "0.0"],
        ["All months", "20", "20", "1.0"],
    ]
    svg = html.select_one("figure svg[role=img]")
    assert svg is not None
    caption = text(html, "figure figcaption")
    assert caption.startswith("Consultation-to-referral ratio by month")
    assert "Offered a referral" in caption
    assert html.select("script") == html.select("head script, body > script")  # none inline


def test_the_period_form_filters_and_keeps_its_values(commission_client: TestClient) -> None:
    html = page(commission_client.get("/commission/reports/referrals?from=2026-11&to=2026-11"))
    assert [row[0] for row in table_of(html)[1:]] == ["2026-11", "All months"]
    form = html.select_one("form.app-period")
    assert form is not None and form["method"] == "get"
    assert form["action"] == "/commission/reports/referrals"
    from_input = html.select_one("input#from")
    assert from_input is not None and from_input["value"] == "2026-11"
    assert html.select_one("label[for=from]") and html.select_one("label[for=to]")
    link = html.select_one("a[download]")
    assert link is not None
    assert link["href"] == "/commission/reports/referrals.csv?from=2026-11&to=2026-11"


def test_a_bad_month_is_said_beside_its_field(commission_client: TestClient) -> None:
    response = commission_client.get("/commission/reports/demand?from=2026-11&to=Nov")
    assert response.status_code == 400
    html = page(response)
    assert text(html, ".govuk-error-summary a").startswith("'Nov' is not a month")
    assert html.select_one(".govuk-error-summary a")["href"] == "#to"  # type: ignore[index]
    assert "YYYY-MM" in text(html, "#to-error")
    assert html.select_one("table") is None


def test_the_csv_download_is_the_suppressed_table(commission_client: TestClient) -> None:
    response = commission_client.get("/commission/reports/unmet.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="unmet.csv"'
    assert list(csv.reader(io.StringIO(response.text))) == [
        ["Concern", "Age band", "Area", "Journeys", "Only catch-alls fitted", "Near miss: age"],
        ["bonding", "0–11 months", "manningham", "10", "*", "*"],
        ["low-mood", "0–11 months", "manningham", "30", "0", "0"],
        ["All", "", "", "40", "*", "*"],
    ]
    november = commission_client.get("/commission/reports/urgent.csv?from=2026-11")
    assert november.headers["content-disposition"] == 'attachment; filename="urgent-2026-11.csv"'
    assert list(csv.reader(io.StringIO(november.text))) == [
        ["Month", "emergency", "All urgent"],
        ["2026-11", "*", "*"],
        ["All months", "*", "*"],
    ]
    assert commission_client.get("/commission/reports/unmet.csv?from=soon").status_code == 400


def test_feedback_texts_wait_for_a_busy_period(commission_client: TestClient) -> None:
    html = page(commission_client.get("/commission/reports/feedback"))
    assert table_of(html)[1:] == [
        # 9 yes beside 3 no: the 9 is hidden too, or the total would give the 3 away
        ["2026-11", "*", "*", "0", "10"],
        ["All months", "*", "*", "0", "10"],
    ]
    assert "not shown: this period has fewer than 100 journeys" in response_text(html)
    assert html.select_one(".app-feedback-texts") is None
    assert "The hub rang back" not in response_text(html)


def test_an_unknown_report_is_not_found(commission_client: TestClient) -> None:
    assert commission_client.get("/commission/reports/families").status_code == 404
    assert commission_client.get("/commission/reports/families.csv").status_code == 404


def response_text(html: BeautifulSoup) -> str:
    return html.get_text(" ", strip=True)
