"""Every family page of the shipped content, in plain English: no `file:line`, no professional
words (navigator.checker.readability.JARGON), and the family wording at a reading age of 9 or
under (the READ-001 check passes, and each page's own family text meets the threshold)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from navigator.checker.readability import (
    MAX_GRADE,
    MIN_WORDS,
    check_readability,
    jargon_in,
    reading_grade,
    word_count,
)
from navigator.checker.scope import Scope
from navigator.content.loader import load
from navigator.settings import Settings
from navigator.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
PATHWAY = "early-years"
SOURCE = re.compile(r"[\w./-]+\.ya?ml:\d+")
Answers = dict[str, str | list[str]]

FAMILY: Answers = {
    "red_flags": ["none"],
    "audience": "family",
    "stage": "postnatal",
    "age": "7",
    "concerns": ["low-mood"],
    "need": "persistent",
    "postcode": "BD3 8AA",
    "gp_registration": "yes",
    "circumstances": ["none"],
}
SCENARIOS: list[Answers] = [
    FAMILY,
    {**FAMILY, "concerns": ["bonding"], "need": "emerging"},
    {**FAMILY, "concerns": ["severe-mental-illness"], "need": "complex"},
    {**FAMILY, "concerns": ["crying-sleep-feeding", "isolation"], "postcode": "unknown"},
    {**FAMILY, "stage": "pregnancy", "concerns": ["unborn-baby-worries"], "need": "emerging"},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    state = tmp_path_factory.mktemp("state")
    settings = Settings(content_root=ROOT, state_dir=state, content_poll_seconds=0)
    with TestClient(create_app(settings)) as client:
        yield client


NAMES = sorted(
    (s.name for s in load([ROOT / "services.yaml"]).directory.services),  # type: ignore[union-attr]
    key=len,
    reverse=True,
)
"""Service names, longest first: proper names ('Family Links antenatal course') are not
wording to simplify."""
WEB_ADDRESS = re.compile(r"https?://\S+")


def visible(html: str) -> str:
    """The text a person reads in the page's main part, without service names and web
    addresses (names and addresses are not wording to simplify)."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main")
    assert main is not None
    for link in main.select("a[href^='/services/']"):
        link.decompose()
    for hidden in main.select("input[type=hidden], script, template"):
        hidden.decompose()
    text = WEB_ADDRESS.sub(" ", main.get_text(" ", strip=True))
    for name in NAMES:
        text = text.replace(name, " ")
    return text


def plain(text: str) -> None:
    assert not SOURCE.findall(text), "a family page shows where content was written"
    assert jargon_in(text) == [], "a family page uses professional words"


def ask(client: TestClient, answers: Answers) -> dict[str, object]:
    body = client.post(f"/api/v1/pathways/{PATHWAY}/navigate", json={"answers": answers}).json()
    assert isinstance(body, dict)
    return body


def before(question: str) -> Answers:
    order = list(FAMILY)
    earlier = {k: v for k, v in FAMILY.items() if order.index(k) < order.index(question)}
    return {**earlier, "audience": "family"}


@pytest.mark.parametrize("question", [q for q in FAMILY if q != "audience"])
def test_each_question_page_in_family_mode_is_plain_english(
    client: TestClient, question: str
) -> None:
    answers = before(question)
    response = client.get(
        f"/pathways/{PATHWAY}/questions/{question}?{urlencode(answers, doseq=True)}"
    )
    assert response.status_code == 200
    plain(visible(response.text))
    body = ask(client, answers)
    assert body["type"] == "question" and body["question_id"] == question
    options = body["options"]
    assert isinstance(options, list)
    texts = [str(body["text"]), str(body["hint"] or ""), *(str(o["label"]) for o in options)]
    texts = [t for t in texts if t]
    assert all(t in visible(response.text) for t in texts)
    if word_count(texts) >= MIN_WORDS:
        assert reading_grade(texts) <= MAX_GRADE, texts


def test_check_your_answers_in_family_mode_is_plain_english(client: TestClient) -> None:
    response = client.get(f"/pathways/{PATHWAY}/check?{urlencode(FAMILY, doseq=True)}")
    assert response.status_code == 200
    plain(visible(response.text))


def flags(client: TestClient) -> list[str]:
    body = ask(client, {"audience": "family"})
    options = body["options"]
    assert isinstance(options, list)
    return [str(o["id"]) for o in options if o["id"] != "none"]


@pytest.mark.parametrize("scenario", range(len(SCENARIOS)))
def test_a_family_result_is_plain_english(client: TestClient, scenario: int) -> None:
    answers = SCENARIOS[scenario]
    response = client.get(f"/pathways/{PATHWAY}/result?{urlencode(answers, doseq=True)}")
    assert response.status_code == 200
    plain(visible(response.text))


def test_a_family_results_own_wording_reads_at_age_9(client: TestClient) -> None:
    for answers in SCENARIOS:
        body = ask(client, answers)
        assert body["type"] == "result"
        texts = [str(body["title"]), str(body["advice"])]
        plain(" ".join(texts))
        if word_count(texts) >= MIN_WORDS:
            assert reading_grade(texts) <= MAX_GRADE, texts


def test_the_urgent_pages_in_family_mode_are_plain_english(client: TestClient) -> None:
    for flag in flags(client):
        query = urlencode({"audience": "family", "red_flags": flag})
        response = client.get(f"/pathways/{PATHWAY}/result?{query}")
        assert response.status_code == 200
        plain(visible(response.text))


def test_the_urgent_advice_for_families_reads_at_age_9(client: TestClient) -> None:
    for flag in flags(client):
        body = ask(client, {"audience": "family", "red_flags": [flag]})
        assert body["type"] == "result" and body["urgent"] is True
        texts = [str(body["title"]), str(body["advice"])]
        plain(" ".join(texts))
        assert reading_grade(texts) <= MAX_GRADE, texts


def test_the_shipped_family_wording_passes_the_readability_check() -> None:
    bundle = load(Settings(content_root=ROOT).content_paths)
    assert check_readability(Scope.of(bundle, date.today())) == []
