"""Properties over random answers: the engine never crashes, never gives an empty result, and
a red flag always wins."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.content.directory import Directory
from navigator.content.pathway import RED_FLAGS, Pathway
from navigator.engine import Ask, Result, navigate
from navigator.engine.flow import choices
from navigator.engine.outcome import AnswerValue
from navigator.geo.lookup import PostcodeLookup

LOOKUP = PostcodeLookup.default()
junk = st.one_of(st.text(max_size=12), st.integers(-5, 50).map(str))


@st.composite
def answers(draw: st.DrawFn, pathway: Pathway, directory: Directory) -> dict[str, AnswerValue]:
    """Answers to any subset of questions, mostly valid, sometimes junk."""
    result: dict[str, AnswerValue] = {}
    flags = [f.id for f in pathway.red_flags]
    result[RED_FLAGS] = draw(
        st.one_of(
            st.just(["none"]),
            st.lists(st.sampled_from([*flags, "none"]), min_size=1, max_size=3),
            junk,
        )
    )
    for question in pathway.questions:
        ids = [c.id for c in choices(question, directory)]
        valid: st.SearchStrategy[AnswerValue]
        if question.kind.value == "months":
            valid = st.integers(0, 36).map(str)
        elif question.kind.value == "postcode":
            valid = st.sampled_from(
                ["BD3 8AA", "bd58aa", "BD1 4AJ", "M1 1AE", "BD9 9ZZ", "unknown"]
            )
        elif question.kind.value == "multi":
            valid = st.lists(st.sampled_from(ids), min_size=1, max_size=3)
        else:
            valid = st.sampled_from(ids)
        value = draw(st.one_of(st.none(), valid, valid, junk))
        if value is not None:
            result[question.id] = value
    return result


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_never_crashes_and_never_empty(
    pathway: Pathway, directory: Directory, data: st.DataObject
) -> None:
    given_answers = data.draw(answers(pathway, directory))
    outcome = navigate(pathway, directory, given_answers, LOOKUP)
    if isinstance(outcome, Result):
        assert outcome.cards() or outcome.ask_about
        assert all(card.why for card in outcome.cards())
    else:
        assert (isinstance(outcome, Ask) and outcome.options) or outcome.kind in {
            "months",
            "postcode",
        }
        assert set(outcome.answers) <= set(given_answers)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_red_flags_always_win(pathway: Pathway, directory: Directory, data: st.DataObject) -> None:
    given_answers = data.draw(answers(pathway, directory))
    flag = data.draw(st.sampled_from([f.id for f in pathway.red_flags]))
    given_answers[RED_FLAGS] = [flag]
    outcome = navigate(pathway, directory, given_answers, LOOKUP)
    assert isinstance(outcome, Result)
    assert outcome.urgent and outcome.red_flags == [flag]
    assert outcome.sections[0].route == "urgent" and outcome.sections[0].cards
