"""A family's journey keeps its answers on the server, not in the address: every step is
posted, every address after it holds no answer, and "Leave this site" deletes the state."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.store import StateStore
from navigator.web.journey_state import COOKIE, KIND

START = "/pathways/early-years"
ANSWER_KEYS = re.compile(r"[?&](red_flags|stage|age|concerns|need|postcode)=")
STEPS = [
    {"red_flags": "none", "asked": "red_flags", "audience": "family"},
    {"stage": "postnatal", "asked": "stage", "kept": "1"},
    {"age": "7", "asked": "age", "kept": "1"},
    {"concerns": "bonding", "asked": "concerns", "kept": "1"},
    {"need": "persistent", "asked": "need", "kept": "1"},
    {"postcode": "BD3 8AA", "asked": "postcode", "kept": "1"},
]


def _walk(client: TestClient) -> list[str]:
    addresses = []
    for step in STEPS:
        answer = client.post(START, data=step)
        assert answer.status_code == 303, answer.text
        addresses.append(answer.headers["location"])
    return addresses


def test_a_familys_answers_never_reach_an_address(client: TestClient) -> None:
    addresses = _walk(client)
    assert addresses[-1] == f"{START}/check"
    assert not [a for a in addresses if ANSWER_KEYS.search(a)]
    page = client.get(f"{START}/check")
    assert page.status_code == 200
    links = re.findall(r'href="(/pathways/[^"]*)"', page.text)
    assert links and not [link for link in links if ANSWER_KEYS.search(link)]
    result = client.get(f"{START}/result")
    assert result.status_code == 200
    assert re.search(r"<title>Early years support – ", result.text)
    cookie = result.request.headers.get("cookie", "")
    assert COOKIE in cookie


def test_back_within_the_journey_shows_the_answer_given(client: TestClient) -> None:
    _walk(client)
    page = client.get(f"{START}/questions/age")
    assert 'value="7"' in page.text
    form = re.search(r"<form[^>]*>", page.text.split("<main", 1)[1])
    assert form is not None and 'method="post"' in form.group(0)
    assert 'autocomplete="off"' in form.group(0)  # the browser keeps no form state either


def test_leave_this_site_deletes_the_state(app: FastAPI, client: TestClient) -> None:
    _walk(client)
    key = client.cookies.get(COOKIE)
    assert key is not None
    leave = client.get("/exit")
    assert leave.status_code == 303
    assert f"{COOKIE}=" in leave.headers["set-cookie"]
    assert "cookies" in leave.headers["clear-site-data"]
    states: StateStore = app.state.states
    assert states.load(key, KIND) is None
    client.cookies.set(COOKIE, key)  # even a browser that kept the cookie gets nothing back
    again = client.get(f"{START}/questions/age")
    assert again.status_code == 303
    assert again.headers["location"].startswith(f"{START}")
    assert 'value="7"' not in client.get(again.headers["location"]).text


def test_a_practitioners_journey_stays_in_the_address(client: TestClient) -> None:
    page = client.get(f"{START}/questions/stage?red_flags=none&audience=practitioner")
    form = re.search(r"<form[^>]*>", page.text.split("<main", 1)[1])
    assert form is not None and 'method="get"' in form.group(0)
    assert "set-cookie" not in page.headers


def test_a_familys_result_offers_no_link_with_answers(client: TestClient) -> None:
    _walk(client)
    page = client.get(f"{START}/result")
    assert 'id="share-link"' not in page.text
    assert "not in this page" in page.text
    practitioner = client.get(
        f"{START}/result?red_flags=none&audience=practitioner&stage=postnatal&age=5"
        "&concerns=bonding&need=persistent&postcode=BD3+8AA"
    )
    assert 'id="share-link"' in practitioner.text  # the explicit link stays for practitioners
