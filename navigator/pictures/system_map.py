"""The system map: the directory's `ring` grouping (Bradford's three rings: the services whose
remit is the parent-infant relationship at the centre, then those for risk factors, then the
universal services that see every family) as concentric rings, each active service a numbered
dot in its ring, and an arrow for each `instead` link: where a boundary sends the families a
service is not for."""

from __future__ import annotations

import math
from dataclasses import dataclass

from navigator.content.directory import Directory, Service
from navigator.pictures import palette
from navigator.pictures.picture import Picture, Table
from navigator.pictures.svg import element, root, serialise, text_lines, wrap

CENTRE_RADIUS = 150
RING_WIDTH = 140
DOT = 14
SPACING = 36
"""The least distance between two dots' centres on a track."""
MARGIN = 24
KEY_WIDTH = 470
KEY_LINE = 19
UNGROUPED = "ungrouped"
FILLS = ("#e8f1f8", "#f3f2f1", "#ffffff", "#fdf6e3")
"""The rings' backgrounds, from the centre: light, told apart by their dark borders and labels."""
STROKES = (palette.DARK_BLUE, palette.PURPLE, palette.TEXT, palette.SECONDARY)


@dataclass(frozen=True)
class Ring:
    """One ring of the map: its value id and label, its radii, and its services."""

    id: str
    label: str
    description: str
    inner: float
    outer: float
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Placed:
    """A service's dot: its number in the key, its ring and its centre."""

    number: int
    service: Service
    ring: str
    x: float
    y: float


def rings(directory: Directory) -> list[Ring]:
    """The rings from the centre out, with the active services of each; services without a
    declared ring (or any, when the directory declares no grouping) in an outer ring of their
    own."""
    active = [s for s in directory.services if s.active]
    grouping = directory.grouping("ring")
    values = [(v.id, v.label, v.description) for v in grouping.values] if grouping else []
    declared = {v[0] for v in values}
    rest = tuple(s for s in active if s.ring not in declared)
    if rest:
        values.append((UNGROUPED, "Not in a ring", "Services with no ring declared."))
    found: list[Ring] = []
    inner = 0.0
    for number, (value, label, description) in enumerate(values):
        outer = CENTRE_RADIUS if number == 0 else inner + RING_WIDTH
        members = rest if value == UNGROUPED else tuple(s for s in active if s.ring == value)
        found.append(Ring(value, label, description, inner, outer, members))
        inner = outer
    return found


def place(found: list[Ring], centre: float) -> list[Placed]:
    """Each service's dot: spread evenly round its ring, leaving the top free for the ring's
    label, on more than one track when the ring is crowded."""
    placed: list[Placed] = []
    number = 0
    for ring in found:
        middle = (ring.inner + ring.outer) / 2 if ring.inner else ring.outer * 0.6
        capacity = max(1, int(2 * math.pi * middle * (330 / 360) / SPACING))
        tracks = max(1, math.ceil(len(ring.services) / capacity))
        for index, service in enumerate(ring.services):
            track = index % tracks
            radius = middle + (track - (tracks - 1) / 2) * (DOT * 2 + 4)
            if ring.inner == 0 and len(ring.services) == 1:
                radius = 0.0
            angle = math.radians(-90 + 15 + 330 * (index + 0.5) / max(len(ring.services), 1))
            number += 1
            placed.append(
                Placed(
                    number,
                    service,
                    ring.id,
                    centre + radius * math.cos(angle),
                    centre + radius * math.sin(angle),
                )
            )
    return placed


def instead_links(directory: Directory) -> list[tuple[str, str]]:
    """Each (service, service to go to instead) pair from the active services' boundaries,
    once, by current id; links to a service that is not running are left out."""
    links: list[tuple[str, str]] = []
    for service in directory.services:
        if not service.active:
            continue
        for boundary in service.not_for:
            for target in boundary.instead:
                current = directory.current_id(target)
                other = directory.service(current) if current else None
                pair = (service.id, current or target)
                if other is not None and other.active and pair not in links:
                    links.append(pair)
    return links


def system_map_picture(directory: Directory, id: str = "map") -> Picture:
    """The system map, its text alternative and a table of every service with its ring and
    where its boundaries send people."""
    found = rings(directory)
    outer = found[-1].outer if found else CENTRE_RADIUS
    centre = MARGIN + outer
    placed = place(found, centre)
    links = instead_links(directory)
    names = {s.id: s.name for s in directory.services}
    size = 2 * (outer + MARGIN)
    key_lines = len(placed) + 2
    height = max(size, MARGIN * 2 + key_lines * KEY_LINE + 40)
    summary = _summary(directory, found, links)
    svg = root(size + KEY_WIDTH, height, "System map: the services in their rings", summary, id)
    defs = element("defs", svg)
    arrow = palette.arrow(defs, f"{id}-arrow", palette.SECONDARY)

    for number, ring in reversed(list(enumerate(found))):
        element(
            "circle",
            svg,
            cx=centre,
            cy=centre,
            r=ring.outer,
            fill=FILLS[number % len(FILLS)],
            stroke=STROKES[number % len(STROKES)],
            stroke_width=2,
            class_=f"app-map__ring app-map__ring--{ring.id}",
        )
    for number, ring in enumerate(found):
        label_y = centre - ring.outer + 18
        text_lines(
            svg,
            centre,
            label_y,
            wrap(ring.label, 200, 12, 2),
            size=12,
            fill=STROKES[number % len(STROKES)],
            font_weight="bold",
            text_anchor="middle",
        )

    by_id = {p.service.id: p for p in placed}
    edges = element("g", svg, class_="app-map__instead")
    for source, target in links:
        a, b = by_id.get(source), by_id.get(target)
        if a is None or b is None:
            continue
        length = math.hypot(b.x - a.x, b.y - a.y) or 1.0
        dx, dy = (b.x - a.x) / length, (b.y - a.y) / length
        group = element("g", edges, class_="app-map__link")
        element("title", group, f"{names[source]}: for those it is not for, {names[target]}")
        element(
            "line",
            group,
            x1=a.x + dx * DOT,
            y1=a.y + dy * DOT,
            x2=b.x - dx * (DOT + 2),
            y2=b.y - dy * (DOT + 2),
            stroke=palette.SECONDARY,
            stroke_width=1.2,
            marker_end=arrow,
        )

    dots = element("g", svg, class_="app-map__services")
    ring_number = {r.id: n for n, r in enumerate(found)}
    for p in placed:
        group = element(
            "g",
            dots,
            id=f"{id}-service-{p.service.id}",
            class_="app-map__service",
            data_ring=p.ring,
        )
        element("title", group, f"{p.number}. {p.service.name} ({_ring_label(found, p.ring)})")
        stroke = STROKES[ring_number[p.ring] % len(STROKES)]
        element(
            "circle",
            group,
            cx=p.x,
            cy=p.y,
            r=DOT,
            fill=palette.WHITE,
            stroke=stroke,
            stroke_width=2.5,
        )
        element(
            "text",
            group,
            str(p.number),
            x=p.x,
            y=p.y + 4,
            font_size=12,
            font_weight="bold",
            fill=palette.TEXT,
            text_anchor="middle",
        )

    key = element("g", svg, class_="app-map__key")
    x = size + 10
    element(
        "text",
        key,
        "Key: the services by number",
        x=x,
        y=MARGIN + 12,
        font_weight="bold",
        fill=palette.TEXT,
    )
    element(
        "line",
        key,
        x1=x,
        y1=MARGIN + 30,
        x2=x + 34,
        y2=MARGIN + 30,
        stroke=palette.SECONDARY,
        stroke_width=1.2,
        marker_end=arrow,
    )
    element(
        "text",
        key,
        "where a boundary sends people instead",
        x=x + 42,
        y=MARGIN + 34,
        font_size=12,
        fill=palette.TEXT,
    )
    for line, p in enumerate(placed):
        words = wrap(f"{p.number}. {p.service.name}", KEY_WIDTH - 30, 12, 1)[0]
        element(
            "text",
            key,
            words,
            x=x,
            y=MARGIN + 58 + line * KEY_LINE,
            font_size=12,
            fill=palette.TEXT,
        )

    return Picture(
        id,
        "System map: the services in their rings",
        summary,
        serialise(svg),
        _tables(found, placed, links, names),
    )


def _ring_label(found: list[Ring], ring: str) -> str:
    return next((r.label for r in found if r.id == ring), ring)


def _summary(directory: Directory, found: list[Ring], links: list[tuple[str, str]]) -> str:
    parts = ", ".join(f"{r.label}: {len(r.services)}" for r in found)
    return (
        f"The system map of directory version {directory.version}: {len(found)} rings from "
        f"the centre out, with the active services placed in them ({parts}), and "
        f"{len(links)} arrows, one for each service a boundary sends people to instead. The "
        "table below lists every service with its ring and those arrows."
    )


def _tables(
    found: list[Ring], placed: list[Placed], links: list[tuple[str, str]], names: dict[str, str]
) -> tuple[Table, ...]:
    labels = {r.id: r.label for r in found}
    rows = tuple(
        (
            str(p.number),
            p.service.name,
            labels[p.ring],
            ", ".join(names[t] for s, t in links if s == p.service.id) or "none",
        )
        for p in placed
    )
    services = Table(
        "The services, by their number on the map",
        ("Number", "Service", "Ring", "For those it is not for, instead"),
        rows,
    )
    ring_rows = tuple((r.label, r.description, str(len(r.services))) for r in found)
    return (
        services,
        Table("The rings, from the centre out", ("Ring", "What belongs", "Services"), ring_rows),
    )
