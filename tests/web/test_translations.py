"""Family pages in the chosen language use the content's translations (the seam:
navigator/web/deps.py `PageContentDep`); the urgent pages show the English beside any
translation no native speaker has checked; a broken translation file never takes the site
down."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.web import rendering
from navigator.web.app import create_app
from tests.translations import offering_urdu, write_translation
from tests.web.conftest import FakeLocator, page, text

ROOT = Path(__file__).resolve().parents[2]
FLAG = "pathways.early-years.red_flags.harm-baby.family_label"
URDU_FLAG = "میں اپنے بچے کو نقصان پہنچانے کا سوچتی ہوں"
RED_FLAGS = "/pathways/early-years/questions/red_flags?audience=family&lang=ur"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        content_root=ROOT, state_dir=tmp_path_factory.mktemp("state"), content_poll_seconds=0
    )
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        yield client


def test_a_family_page_in_urdu_shows_the_urdu_and_the_unreviewed_note(
    shipped: TestClient,
) -> None:
    response = shipped.get(RED_FLAGS)
    assert response.status_code == 200
    html = page(response)
    assert "کیا اس وقت آپ کے یا آپ کے گھر والوں کے ساتھ" in html.get_text()
    assert "Are any of these happening to you or your family now?" not in html.get_text()
    labels = [label.get_text(" ", strip=True) for label in html.select(".govuk-checkboxes__label")]
    assert "میں اپنے بچے کو نقصان پہنچانا چاہتی ہوں، یا میرا بچہ اس وقت محفوظ نہیں" in labels
    note = html.select_one("#translation-note, [data-unreviewed]")
    assert note is not None and "اہلِ زبان" in note.get_text()  # "a native speaker"


def test_the_content_note_shows_once_the_interface_is_reviewed(
    shipped: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The switcher's note is about the interface catalogue; unreviewed content still says so
    when the interface has been checked."""
    monkeypatch.setattr(rendering, "reviewed", lambda code: True)
    html = page(shipped.get(RED_FLAGS))
    assert html.select_one("#translation-note") is None
    note = html.select_one("[data-unreviewed]")
    assert note is not None and "اہلِ زبان" in note.get_text()
    english = note.select_one("[lang=en]")
    assert english is not None and "native speaker" in english.get_text()


def test_a_fully_reviewed_page_has_no_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendering, "reviewed", lambda code: True)
    root = offering_urdu(tmp_path / "content")
    write_translation(root, "ur", {FLAG: URDU_FLAG}, reviewed=True)
    with _app(root, tmp_path) as client:
        html = page(client.get(RED_FLAGS))
    assert URDU_FLAG in html.get_text()
    assert html.select_one("#translation-note, [data-unreviewed]") is None


def test_a_family_page_in_polish_shows_the_polish(shipped: TestClient) -> None:
    html = page(shipped.get(RED_FLAGS.replace("lang=ur", "lang=pl")))
    assert "Czy któraś z tych rzeczy dzieje się teraz" in html.get_text()


def test_english_pages_are_unchanged(shipped: TestClient) -> None:
    html = page(shipped.get(RED_FLAGS.replace("&lang=ur", "")))
    assert "Are any of these happening to you or your family now?" in html.get_text()
    assert html.select_one("[data-unreviewed]") is None


def test_an_urgent_result_in_urdu_shows_the_english_beside(shipped: TestClient) -> None:
    html = page(
        shipped.get("/pathways/early-years/result?audience=family&red_flags=harm-baby&lang=ur")
    )
    assert text(html, "h1") == "اگر آپ کا بچہ خطرے میں ہے تو ابھی 999 پر فون کریں"
    beside = html.select(".app-english-beside")
    assert beside and all(p.get("lang") == "en" for p in beside)
    words = " ".join(p.get_text(" ", strip=True) for p in beside)
    assert "Call 999 now if your baby is in danger" in words
    assert "Put the baby somewhere safe" in words


def test_the_urgent_page_in_polish_shows_the_english_beside(shipped: TestClient) -> None:
    html = page(shipped.get("/urgent?lang=pl"))
    assert "First Response (całodobowa linia kryzysowa zdrowia psychicznego)" in html.get_text()
    beside = [p.get_text(" ", strip=True) for p in html.select(".app-english-beside[lang=en]")]
    assert "In English: First Response (24/7 mental health crisis line)" in beside


def test_an_english_urgent_page_has_nothing_beside(shipped: TestClient) -> None:
    assert page(shipped.get("/urgent")).select(".app-english-beside") == []


def _app(root: Path, tmp_path: Path) -> TestClient:
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    return TestClient(create_app(settings, locator=FakeLocator()))


def test_a_translation_edited_while_the_site_runs_is_served(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path / "content")
    with _app(root, tmp_path) as client:
        assert URDU_FLAG not in client.get(RED_FLAGS).text
        write_translation(root, "ur", {FLAG: URDU_FLAG})
        client.app.state.live.refresh()  # type: ignore[attr-defined]
        assert URDU_FLAG in client.get(RED_FLAGS).text


@pytest.mark.parametrize(
    "broken",
    ["language: ur\nentries:\n  x: [unclosed\n", "language: ur\nentries:\n  nothing.here:\n"],
    ids=["yaml", "validation"],
)
def test_a_broken_translation_file_never_takes_the_site_down(tmp_path: Path, broken: str) -> None:
    root = offering_urdu(tmp_path / "content")
    (root / "translations").mkdir()
    (root / "translations" / "ur.yaml").write_text(broken, encoding="utf-8")
    with _app(root, tmp_path) as client:
        response = client.get(RED_FLAGS)
        assert response.status_code == 200
        assert "I have thoughts of harming my baby" in response.text  # English, meanwhile
        attempt = client.app.state.live.last_attempt  # type: ignore[attr-defined]
        assert attempt.accepted and attempt.errors
        assert all(f.path.endswith("ur.yaml") for f in attempt.errors)


def test_a_translation_with_an_unknown_key_is_left_out_and_the_rest_serves(
    tmp_path: Path,
) -> None:
    root = offering_urdu(tmp_path / "content")
    path = write_translation(root, "ur", {FLAG: URDU_FLAG})
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  services.nowhere.name:\n    english: "000000000000"\n    text: "x"\n',
        encoding="utf-8",
    )
    with _app(root, tmp_path) as client:
        response = client.get(RED_FLAGS)
        assert response.status_code == 200
        assert URDU_FLAG not in response.text  # the file with an error is left out
        attempt = client.app.state.live.last_attempt  # type: ignore[attr-defined]
        assert [f.code for f in attempt.errors] == ["TRANS-004"]
