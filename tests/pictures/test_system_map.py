"""The system map: every active service a dot inside the ring it declares, an arrow for every
`instead` link, the key and table listing them all."""

from __future__ import annotations

import math

from navigator.content.directory import Directory
from navigator.content.loader import Bundle
from navigator.pictures.system_map import UNGROUPED, instead_links, rings, system_map_picture
from tests.pictures.conftest import SVG, assert_safe, parse, title_of


def test_every_active_service_sits_in_its_ring(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    svg = parse(system_map_picture(directory).svg)
    assert_safe(svg)
    found = {r.id: r for r in rings(directory)}
    assert [r for r in found] == ["core", "risk", "universal"]  # the content's order, inside out
    centre = found["universal"].outer + 24
    for service in directory.services:
        dots = [e for e in svg.iter() if e.get("id") == f"map-service-{service.id}"]
        if not service.active:
            assert dots == []
            continue
        [dot] = dots
        assert dot.get("data-ring") == service.ring
        circle = dot.find(f"{SVG}circle")
        assert circle is not None
        distance = math.hypot(
            float(circle.get("cx", 0)) - centre, float(circle.get("cy", 0)) - centre
        )
        ring = found[str(service.ring)]
        assert ring.inner < distance + 14 <= ring.outer + 14 and distance - 14 >= ring.inner - 1
        assert service.name in title_of(dot)


def test_every_instead_link_is_an_arrow(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    links = instead_links(directory)
    expected = {
        (s.id, directory.current_id(t))
        for s in directory.services
        if s.active
        for b in s.not_for
        for t in b.instead
        if (other := directory.service(directory.current_id(t) or "")) and other.active
    }
    assert set(links) == expected and len(links) == len(expected) > 10
    svg = parse(system_map_picture(directory).svg)
    arrows = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "app-map__link"]
    assert len(arrows) == len(links)
    names = {s.id: s.name for s in directory.services}
    titles = {title_of(g) for g in arrows}
    for source, target in links:
        assert f"{names[source]}: for those it is not for, {names[target]}" in titles


def test_the_table_lists_every_service_with_its_ring(directory: Directory) -> None:
    picture = system_map_picture(directory)
    services, ring_table = picture.tables
    active = [s for s in directory.services if s.active]
    assert sorted(r[1] for r in services.rows) == sorted(s.name for s in active)
    assert [r[0] for r in ring_table.rows] == list(directory.ring_labels().values())
    infant, visiting = directory.service("infant-mh"), directory.service("health-visiting")
    assert infant is not None and visiting is not None
    [row] = [r for r in services.rows if r[1] == infant.name]
    assert row[2] == "Parent-infant relationships (core)" and row[3] == visiting.name


def test_services_without_a_ring_get_one_of_their_own(directory: Directory) -> None:
    plain = directory.model_copy(update={"groupings": []})
    found = rings(plain)
    assert [r.id for r in found] == [UNGROUPED]
    assert {s.id for s in found[0].services} == {s.id for s in directory.services if s.active}
    assert_safe(parse(system_map_picture(plain).svg))
