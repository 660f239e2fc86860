"""The pathway as a flow diagram, drawn from the pathway file: the red-flag question first,
each red flag leading to its urgent disposition (the journey stops there), then the questions
as boxes in layers, each branch an arrow with its condition, down to where journeys end.

The layout is a simple layered one: a question's layer is the longest chain of branches from
the red-flag question to it, so every arrow points down; a branch that skips layers bows out
to the right. The red flags stand in a column to the right, their urgent dispositions beyond."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from navigator.checker.flow import live
from navigator.content.pathway import RED_FLAGS, Branch, Disposition, Pathway
from navigator.pictures import palette
from navigator.pictures.picture import Picture, Table
from navigator.pictures.svg import element, root, serialise, text_lines, wrap

NODE_WIDTH = 250
NODE_HEIGHT = 56
LAYER_GAP = 100
MARGIN = 24
FLAG_WIDTH = 330
FLAG_HEIGHT = 46
FLAG_GAP = 10
END_WIDTH = 270
LABEL_CHARS = 34


@dataclass(frozen=True)
class Box:
    """A node's place: its centre and size."""

    x: float
    y: float
    width: float = NODE_WIDTH
    height: float = NODE_HEIGHT

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2


def layers(pathway: Pathway) -> dict[str, int]:
    """Each step of the main flow (the red-flag question, the questions, and the dispositions
    branches go to) with its layer: the longest chain of branches from the red-flag question.
    A branch back to an earlier step (a cycle, which the checker reports) is not followed."""
    found: dict[str, int] = {RED_FLAGS: 0}
    graph = _graph(pathway)
    # Longest path in a graph without cycles: relax in a depth-first order.
    seen: set[str] = set()
    stack: set[str] = set()
    ordered: list[str] = []

    def visit(node: str) -> None:
        if node in seen or node in stack:
            return
        stack.add(node)
        for target in graph.get(node, []):
            visit(target)
        stack.discard(node)
        seen.add(node)
        ordered.append(node)

    visit(RED_FLAGS)
    for node in reversed(ordered):
        for target in graph.get(node, []):
            if target in seen and ordered.index(target) < ordered.index(node):
                found[target] = max(found.get(target, 0), found.get(node, 0) + 1)
    return found


def _graph(pathway: Pathway) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {RED_FLAGS: [pathway.start]}
    for question in pathway.questions:
        graph.setdefault(question.id, [])
        for branch in live(question.next):
            if branch.goto not in graph[question.id]:
                graph[question.id].append(branch.goto)
    return graph


def branch_words(branch: Branch) -> str:
    """'if need is emerging', or 'otherwise' for a branch without a condition."""
    return f"if {branch.when.describe()}" if branch.when is not None else "otherwise"


def flow_picture(pathway: Pathway, id: str = "flow") -> Picture:
    """The pathway's flow diagram, its text alternative and tables of the same steps."""
    layer_of = layers(pathway)
    by_layer: dict[int, list[str]] = {}
    for node, layer in sorted(layer_of.items(), key=lambda item: item[1]):
        by_layer.setdefault(layer, []).append(node)
    widest = max(len(nodes) for nodes in by_layer.values())
    main_width = widest * (NODE_WIDTH + 40) + 220
    boxes: dict[str, Box] = {}
    for layer, nodes in by_layer.items():
        for number, node in enumerate(nodes):
            x = MARGIN + NODE_WIDTH / 2 + number * (NODE_WIDTH + 40)
            boxes[node] = Box(x, MARGIN + 40 + NODE_HEIGHT / 2 + layer * LAYER_GAP)

    flags_x = MARGIN + main_width + FLAG_WIDTH / 2
    flag_boxes = {
        flag.id: Box(
            flags_x,
            MARGIN + 96 + FLAG_HEIGHT / 2 + number * (FLAG_HEIGHT + FLAG_GAP),
            FLAG_WIDTH,
            FLAG_HEIGHT,
        )
        for number, flag in enumerate(pathway.red_flags)
    }
    urgent = _urgent_ends(pathway)
    flags_bottom = max((b.bottom for b in flag_boxes.values()), default=MARGIN + 96)
    span = flags_bottom - (MARGIN + 96)
    ends_x = flags_x + FLAG_WIDTH / 2 + 120 + END_WIDTH / 2
    end_boxes = {
        end.id: Box(
            ends_x,
            MARGIN + 96 + NODE_HEIGHT / 2 + (span - NODE_HEIGHT) * number / max(len(urgent) - 1, 1),
            END_WIDTH,
            NODE_HEIGHT,
        )
        for number, end in enumerate(urgent)
    }
    width = ends_x + END_WIDTH / 2 + MARGIN
    height = (
        max(
            max(b.bottom for b in boxes.values()),
            flags_bottom,
            *(b.bottom for b in end_boxes.values()),
        )
        + MARGIN
        + 20
    )

    summary = _summary(pathway, layer_of)
    svg = root(width, height, f"Flow of the pathway: {pathway.title}", summary, id)
    defs = element("defs", svg)
    arrow = palette.arrow(defs, f"{id}-arrow")
    red_arrow = palette.arrow(defs, f"{id}-arrow-red", palette.RED)
    _legend(svg, id)

    edges = element("g", svg, class_="app-flow__edges")
    skips: dict[str, int] = {}
    for question in pathway.questions:
        if question.id not in boxes:
            continue
        for number, branch in enumerate(live(question.next), 1):
            if branch.goto in boxes:
                _branch(edges, boxes, question.id, branch, number, skips, arrow)
    start = boxes.get(pathway.start)
    if start is not None:
        _edge(edges, boxes[RED_FLAGS], start, "none of these", arrow, "Red flags: none")

    # The red flags, each to its urgent disposition.
    flags = element("g", svg, class_="app-flow__red-flags")
    asked = boxes[RED_FLAGS]
    if flag_boxes:
        first = next(iter(flag_boxes.values()))
        last = list(flag_boxes.values())[-1]
        bracket = first.left - 14
        element(
            "line",
            flags,
            x1=bracket,
            y1=first.top,
            x2=bracket,
            y2=last.bottom,
            stroke=palette.RED,
            stroke_width=3,
        )
        path = (
            f"M{asked.right:.0f},{asked.y:.0f} "
            f"C{asked.right + 60:.0f},{asked.y:.0f} {bracket:.0f},{first.top - 60:.0f} "
            f"{bracket:.0f},{first.top - 4:.0f}"
        )
        element(
            "path",
            flags,
            d=path,
            fill="none",
            stroke=palette.RED,
            stroke_width=3,
            marker_end=red_arrow,
        )
        text_lines(
            flags,
            bracket + 22,
            first.top - 36,
            ["Any one answered yes:", "the journey stops at once"],
            size=13,
            fill=palette.RED,
            font_weight="bold",
        )
    for flag in pathway.red_flags:
        box = flag_boxes[flag.id]
        group = element("g", flags, id=f"{id}-flag-{flag.id}", class_="app-flow__red-flag")
        element("title", group, f"Red flag: {flag.label} → {flag.disposition}")
        _frame(group, box, palette.WHITE, palette.RED, 3, corner=4)
        element("rect", group, x=box.left, y=box.top, width=26, height=box.height, fill=palette.RED)
        element(
            "text",
            group,
            "!",
            x=box.left + 13,
            y=box.y + 6,
            fill=palette.WHITE,
            font_size=18,
            font_weight="bold",
            text_anchor="middle",
        )
        text_lines(
            group,
            box.left + 34,
            box.top + 18,
            wrap(flag.label, box.width - 42, 12, 2),
            size=12,
            fill=palette.TEXT,
        )
        target = end_boxes.get(flag.disposition)
        if target is not None:
            element(
                "path",
                group,
                d=f"M{box.right:.0f},{box.y:.0f} C{box.right + 60:.0f},{box.y:.0f} "
                f"{target.left - 60:.0f},{target.y:.0f} {target.left:.0f},{target.y:.0f}",
                fill="none",
                stroke=palette.RED,
                stroke_width=1.5,
                marker_end=red_arrow,
            )

    drawn = element("g", svg, class_="app-flow__nodes")
    _question(
        drawn, id, RED_FLAGS, pathway.red_flag_question, "Red flags", boxes[RED_FLAGS], red=True
    )
    for q in pathway.questions:
        if q.id in boxes:
            _question(drawn, id, q.id, q.text, q.id, boxes[q.id])
    for node, box in boxes.items():
        disposition = pathway.disposition(node)
        if disposition is not None:
            _end(drawn, id, disposition, box)
    for end in urgent:
        _end(drawn, id, end, end_boxes[end.id])

    return Picture(
        id, f"Flow of the pathway: {pathway.title}", summary, serialise(svg), _tables(pathway)
    )


def _urgent_ends(pathway: Pathway) -> list[Disposition]:
    """The dispositions red flags lead to, most urgent first."""
    named = {f.disposition for f in pathway.red_flags}
    ends = [d for d in pathway.dispositions if d.id in named]
    return sorted(ends, key=lambda d: d.priority)


def _legend(svg: ET.Element, id: str) -> None:
    legend = element("g", svg, class_="app-flow__legend")
    items = [
        (palette.WHITE, palette.TEXT, "Question"),
        (palette.WHITE, palette.RED, "! Red flag"),
        (palette.RED, palette.RED, "Urgent: ends the journey"),
        (palette.GREEN, palette.GREEN, "End: the result"),
    ]
    x = MARGIN
    for fill, stroke, words in items:
        element(
            "rect",
            legend,
            x=x,
            y=MARGIN - 2,
            width=18,
            height=14,
            fill=fill,
            stroke=stroke,
            stroke_width=2,
        )
        element("text", legend, words, x=x + 24, y=MARGIN + 10, fill=palette.TEXT, font_size=12)
        x += 34 + len(words) * 7


def _question(
    parent: ET.Element, id: str, node: str, text: str, label: str, box: Box, red: bool = False
) -> None:
    group = element("g", parent, id=f"{id}-question-{node}", class_="app-flow__question")
    element("title", group, f"Question {label}: {text}")
    stroke = palette.RED if red else palette.TEXT
    _frame(group, box, palette.WHITE, stroke, 3 if red else 1.5)
    element(
        "text",
        group,
        label,
        x=box.left + 8,
        y=box.top + 14,
        font_size=11,
        fill=palette.RED if red else palette.SECONDARY,
        font_weight="bold",
    )
    text_lines(
        group,
        box.left + 8,
        box.top + 30,
        wrap(text, box.width - 16, 13, 2),
        size=13,
        fill=palette.TEXT,
    )


def _frame(
    group: ET.Element, box: Box, fill: str, stroke: str, width: float, corner: int = 6
) -> None:
    """A node's rounded box."""
    element(
        "rect",
        group,
        x=box.left,
        y=box.top,
        width=box.width,
        height=box.height,
        rx=corner,
        fill=fill,
        stroke=stroke,
        stroke_width=width,
    )


def _end(parent: ET.Element, id: str, end: Disposition, box: Box) -> None:
    group = element("g", parent, id=f"{id}-end-{end.id}", class_="app-flow__end")
    kind = "Urgent" if end.urgent else "End"
    element("title", group, f"{kind}: {end.title}")
    fill = palette.RED if end.urgent else palette.GREEN
    _frame(group, box, fill, fill, 2)
    element(
        "text",
        group,
        f"{kind.upper()} ({end.id})",
        x=box.left + 8,
        y=box.top + 14,
        font_size=11,
        fill=palette.WHITE,
        font_weight="bold",
    )
    text_lines(
        group,
        box.left + 8,
        box.top + 30,
        wrap(end.title, box.width - 16, 13, 2),
        size=13,
        fill=palette.WHITE,
    )


def _branch(
    parent: ET.Element,
    boxes: dict[str, Box],
    source: str,
    branch: Branch,
    number: int,
    skips: dict[str, int],
    arrow: str,
) -> None:
    words = branch_words(branch)
    short = words if len(words) <= LABEL_CHARS else words[: LABEL_CHARS - 1] + "…"
    a, b = boxes[source], boxes[branch.goto]
    title = f"From {source}, branch {number}: {words} → {branch.goto}"
    if b.top - a.bottom <= LAYER_GAP - NODE_HEIGHT + 1 or abs(a.x - b.x) > 1:
        _edge(parent, a, b, short, arrow, title)
        return
    # A branch that skips layers bows out to the right, further for each one.
    bow = 40 + 46 * skips.get("count", 0)
    skips["count"] = skips.get("count", 0) + 1
    d = (
        f"M{a.right:.0f},{a.y:.0f} C{a.right + bow:.0f},{a.y:.0f} "
        f"{b.right + bow:.0f},{b.y:.0f} {b.right:.0f},{b.y:.0f}"
    )
    group = _branch_path(parent, title, d, arrow, dashed=branch.when is not None)
    text_lines(
        group,
        a.right + bow * 0.75 + 4,
        (a.y + b.y) / 2,
        wrap(short, 140, 11, 3),
        size=11,
        fill=palette.SECONDARY,
    )


def _edge(parent: ET.Element, a: Box, b: Box, label: str, arrow: str, title: str) -> None:
    d = (
        f"M{a.x:.0f},{a.bottom:.0f} C{a.x:.0f},{a.bottom + 24:.0f} {b.x:.0f},{b.top - 24:.0f} "
        f"{b.x:.0f},{b.top:.0f}"
    )
    group = _branch_path(parent, title, d, arrow)
    element(
        "text",
        group,
        label,
        x=(a.x + b.x) / 2 + 8,
        y=(a.bottom + b.top) / 2 + 4,
        font_size=11,
        fill=palette.SECONDARY,
    )


def _branch_path(
    parent: ET.Element, title: str, d: str, arrow: str, *, dashed: bool = False
) -> ET.Element:
    """A branch's group: its title (the words a screen reader gives) and its arrowed line."""
    group = element("g", parent, class_="app-flow__branch")
    element("title", group, title)
    element(
        "path",
        group,
        d=d,
        fill="none",
        stroke=palette.SECONDARY,
        stroke_width=1.5,
        stroke_dasharray="6 3" if dashed else None,
        marker_end=arrow,
    )
    return group


def _summary(pathway: Pathway, layer_of: dict[str, int]) -> str:
    urgent = _urgent_ends(pathway)
    asked = [q for q in pathway.questions if q.id in layer_of]
    ends = [d for d in pathway.dispositions if d.id in layer_of]
    return (
        f"The pathway '{pathway.title}' (version {pathway.version}) as a flow diagram. First "
        f"the red-flag question lists {len(pathway.red_flags)} red flags: any one answered yes "
        f"ends the journey at once at one of {len(urgent)} urgent dispositions "
        f"({', '.join(d.title for d in urgent)}). With none of them, {len(asked)} questions "
        f"follow from '{pathway.start}', each branch an arrow with its condition, and the "
        f"journey ends at {', '.join(d.title for d in ends) or 'no disposition'}. The tables "
        "below give every step in words."
    )


def _tables(pathway: Pathway) -> tuple[Table, ...]:
    titles = {d.id: d.title for d in pathway.dispositions}
    flags = Table(
        "Red flags, asked first: any one answered yes ends the journey",
        ("Red flag", "Goes to", "Urgent disposition"),
        tuple(
            (f.label, f.disposition, titles.get(f.disposition, f.disposition))
            for f in pathway.red_flags
        ),
    )
    steps = [("Red flags", pathway.red_flag_question, f"none of these: go to {pathway.start}")]
    for q in pathway.questions:
        branches = "; ".join(f"{branch_words(b)}: go to {b.goto}" for b in live(q.next))
        steps.append((q.id, q.text, branches))
    questions = Table(
        "Questions, in the order of the file, with where each branch goes",
        ("Question", "Asks", "Branches"),
        tuple(steps),
    )
    ends = Table(
        "Where journeys end",
        ("Disposition", "Heading", "Urgent"),
        tuple((d.id, d.title, "yes" if d.urgent else "no") for d in pathway.dispositions),
    )
    return (flags, questions, ends)
