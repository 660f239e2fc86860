"""The pathway as a flow diagram: a node for every question, red flag and end; red flags lead
to their urgent dispositions; every branch points down; the tables say the same."""

from __future__ import annotations

from navigator.checker.flow import live
from navigator.content.loader import Bundle
from navigator.content.pathway import RED_FLAGS, Pathway
from navigator.pictures.flow import branch_words, flow_picture, layers
from tests.pictures.conftest import SVG, assert_safe, by_id, parse, title_of


def test_every_question_red_flag_and_end_is_drawn(shipped: Bundle) -> None:
    pathway = shipped.pathways[0][0]
    picture = flow_picture(pathway)
    svg = parse(picture.svg)
    assert_safe(svg)
    assert title_of(by_id(svg, "flow-question-red_flags")).endswith(pathway.red_flag_question)
    for question in pathway.questions:
        node = by_id(svg, f"flow-question-{question.id}")
        assert question.text in title_of(node)
    for flag in pathway.red_flags:
        node = by_id(svg, f"flow-flag-{flag.id}")
        assert title_of(node) == f"Red flag: {flag.label} → {flag.disposition}"
        # Marked clearly: a red outline, a '!' and an arrow to its urgent end.
        assert any(e.get("stroke") == "#d4351c" for e in node.iter(f"{SVG}rect"))
        assert any(e.text == "!" for e in node.iter(f"{SVG}text"))
        assert len(list(node.iter(f"{SVG}path"))) == 1
        end = by_id(svg, f"flow-end-{flag.disposition}")
        assert title_of(end).startswith("Urgent: ")
    routine = by_id(svg, "flow-end-routine")
    assert title_of(routine).startswith("End: ")


def test_every_branch_is_an_arrow_with_its_condition(pathway: Pathway) -> None:
    svg = parse(flow_picture(pathway).svg)
    titles = [title_of(g) for g in svg.iter(f"{SVG}g") if g.get("class") == "app-flow__branch"]
    expected = {
        f"From {q.id}, branch {n}: {branch_words(b)} → {b.goto}"
        for q in pathway.questions
        for n, b in enumerate(live(q.next), 1)
    }
    assert expected <= set(titles)
    assert "Red flags: none" in titles


def test_arrows_point_down(shipped: Bundle) -> None:
    pathway = shipped.pathways[0][0]
    layer = layers(pathway)
    assert layer[RED_FLAGS] == 0 and layer[pathway.start] == 1
    for question in pathway.questions:
        for branch in live(question.next):
            assert layer[branch.goto] > layer[question.id], (question.id, branch.goto)


def test_a_cycle_does_not_hang_the_layout(pathway: Pathway) -> None:
    broken = pathway.model_copy(deep=True)
    last = broken.questions[-1]
    last.next[-1].goto = broken.start  # back to the first question
    layer = layers(broken)
    assert layer[broken.start] == 1
    svg = parse(flow_picture(broken).svg)
    assert_safe(svg)


def test_the_tables_say_the_same(shipped: Bundle) -> None:
    pathway = shipped.pathways[0][0]
    picture = flow_picture(pathway)
    flags, questions, ends = picture.tables
    assert [r[0] for r in flags.rows] == [f.label for f in pathway.red_flags]
    assert [r[1] for r in flags.rows] == [f.disposition for f in pathway.red_flags]
    assert [r[0] for r in questions.rows] == ["Red flags", *(q.id for q in pathway.questions)]
    assert [r[0] for r in ends.rows] == [d.id for d in pathway.dispositions]
    assert f"lists {len(pathway.red_flags)} red flags" in picture.summary
