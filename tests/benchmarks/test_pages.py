"""The page-length benchmark's own logic: counting a PDF's pages, listing the scenarios."""

from __future__ import annotations

from benchmarks.pages import HEIGHT, Measure, Scenario, page_count, scenarios, summary


def test_page_count_counts_pages_not_the_page_tree() -> None:
    pdf = (
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
        b"4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n"
    )
    assert page_count(pdf) == 2


def test_every_shipped_scenario_that_ends_in_a_result_is_measured() -> None:
    found = scenarios()
    assert len(found) >= 30
    assert all(s.url.startswith("/pathways/early-years/result?") for s in found)
    assert any(s.urgent for s in found) and any(not s.urgent for s in found)
    assert len({s.id for s in found}) == len(found)


def test_the_summary_gives_median_and_largest() -> None:
    def measure(screens: float, pages: int) -> Measure:
        return Measure(Scenario("x", "/", False), int(screens * HEIGHT), pages, 100.0)

    line = summary("journey results", [measure(2, 2), measure(3, 3), measure(5, 9)])
    assert line == (
        "journey results (3): height median 3.0 screens, max 5.0; printed median 3 A4 pages, "
        "max 9; a way in shown in 3, the first at median 100 px"
    )
