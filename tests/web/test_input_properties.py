"""Properties of the web's parsers of user input: query strings (answers, the access log's
reading of a request target) and JSON bodies. Whatever arrives, the answer is never a server
error, and the access log never holds a postcode the site would accept."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote, unquote_plus

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from navigator.content.loader import load
from navigator.geo.postcode import compact
from navigator.web.answers import question_ids, read_answers
from navigator.web.security import mask_target
from tests.conftest import GOOD

BUNDLE = load([GOOD / "services.yaml", GOOD / "pathways"])
PATHWAY = BUNDLE.pathways[0][0]
KEYS = [*question_ids(PATHWAY), "asked", "kept", "x", ""]
NAVIGATE = "/api/v1/pathways/early-years/navigate"
RELAXED = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

pairs = st.lists(st.tuples(st.sampled_from(KEYS), st.text(max_size=15)), max_size=12)


@given(pairs)
def test_answers_from_any_query_string(given_pairs: list[tuple[str, str]]) -> None:
    answers = read_answers(QueryParams(given_pairs), PATHWAY)
    assert set(answers) <= set(question_ids(PATHWAY))
    for value in answers.values():
        assert isinstance(value, str | list)


targets = st.builds(
    lambda path, query: f"/{path}?{query}" if query else f"/{path}",
    st.text(st.characters(codec="ascii", exclude_characters="?#"), max_size=20),
    st.text(st.characters(codec="ascii", exclude_characters="#"), max_size=40),
)


@given(st.one_of(targets, st.sampled_from(["/x?p=BD3+8AA", "/x?p=bd3%0A8aa&q=BD+38AA"])))
def test_the_logged_target_holds_no_postcode(target: str) -> None:
    hidden = mask_target(target)
    path, _, query = hidden.partition("?")
    fields = [unquote(s) for s in path.split("/")]
    for pair in query.split("&"):
        fields.extend(unquote_plus(part) for part in pair.split("=", 1))
    for field in fields:
        words = field.split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + 7) + 1):
                assert compact("".join(words[start:end])) is None, (target, hidden)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from([*KEYS, "answers"]), children, max_size=4)
    ),
    max_leaves=12,
)


@RELAXED
@given(json_values)
def test_any_json_body_gets_an_answer_never_a_server_error(client: TestClient, body: Any) -> None:
    answer = client.post(
        NAVIGATE, content=json.dumps(body), headers={"content-type": "application/json"}
    )
    assert answer.status_code in {200, 422}, answer.text
    assert "message" in answer.json() or answer.status_code == 200


@RELAXED
@given(st.dictionaries(st.sampled_from(question_ids(PATHWAY)), json_values, max_size=6))
def test_any_answers_object_gets_a_question_or_a_result(
    client: TestClient, answers: dict[str, Any]
) -> None:
    answer = client.post(NAVIGATE, json={"answers": answers})
    assert answer.status_code in {200, 422}, answer.text
    if answer.status_code == 200:
        assert answer.json()["type"] in {"question", "result"}
