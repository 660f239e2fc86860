"""The lookup is built from the content's areas: the state folder's lookup is exactly what the
shipped content and data/geo build, the areas declare their membership, and a build is
deterministic."""

from __future__ import annotations

import gzip
import math
import shutil
from pathlib import Path

import pytest

from navigator.content.directory import Area
from navigator.geo.areas import AreaRules, is_postcode_prefix
from navigator.geo.boundary import BoundaryError, LocalProjection, read_boundary
from navigator.geo.build import (
    ATTRIBUTION,
    BuildError,
    Geography,
    build,
    lookup_text,
    place_postcodes,
    read_postcodes,
)
from navigator.geo.lookup import Placement, PostcodeLookup

from .conftest import DATA, ROOT, SERVICES


def test_the_default_lookup_matches_a_fresh_build(
    lookup: PostcodeLookup, fresh: dict[str, Placement | None]
) -> None:
    # Every postcode, not a sample: the whole comparison takes well under a second.
    assert sorted(lookup.postcodes()) == sorted(fresh)
    differing = [p for p, placement in fresh.items() if lookup.placement(p) != placement]
    assert not differing, f"{len(differing)} postcodes differ from a fresh build: {differing[:5]}"


def test_a_build_round_trips_and_carries_the_attribution(
    tmp_path: Path, rules: AreaRules, fresh: dict[str, Placement | None]
) -> None:
    out = tmp_path / "lookup.tsv.gz"
    report = build(rules, ROOT, DATA, out)
    assert report.postcodes == 56_660
    assert report.located == 56_660 - 156  # 122 BD and 34 LS rows have no coordinates
    assert report.placements == 28
    assert report.size == out.stat().st_size < 1_500_000
    again = tmp_path / "again.tsv.gz"
    build(rules, ROOT, DATA, again)
    assert again.read_bytes() == out.read_bytes()  # deterministic: no timestamp
    text = gzip.decompress(out.read_bytes()).decode("utf-8")
    assert text == lookup_text(fresh)
    for line in ATTRIBUTION:
        assert f"# {line}\n" in text
    rebuilt = PostcodeLookup.load(out)
    assert all(rebuilt.placement(p) == placement for p, placement in fresh.items())
    assert rebuilt.covers == {"BD", "LS"}


def test_build_refuses_a_missing_source(tmp_path: Path, rules: AreaRules) -> None:
    with pytest.raises(BuildError, match="no such file or folder"):
        build(rules, ROOT, tmp_path / "nowhere", tmp_path / "out.tsv.gz")
    with pytest.raises(BuildError, match="no postcode CSV"):
        list(read_postcodes(tmp_path))


def test_build_refuses_a_bad_row(tmp_path: Path) -> None:
    (tmp_path / "XX.csv").write_text("Postcode,lat,long\nNOT A POSTCODE,53.8,-1.75\n")
    with pytest.raises(BuildError, match="not a postcode"):
        list(read_postcodes(tmp_path))


def test_nspl_columns_are_read(tmp_path: Path) -> None:
    nspl = tmp_path / "NSPL.csv"
    nspl.write_text(
        "pcd,pcd2,pcds,dointr,doterm,lat,long\n"
        "BD3 8AA,BD3  8AA,BD3 8AA,198001,,53.80,-1.72\n"
        "BD1 1BB,BD1  1BB,BD1 1BB,198001,,99.999999,0.000000\n"
    )
    assert list(read_postcodes(nspl)) == [("BD3 8AA", 53.80, -1.72), ("BD1 1BB", None, None)]
    (tmp_path / "NSPL.csv").write_text("code,y,x\nBD3 8AA,53.8,-1.7\n")
    with pytest.raises(BuildError, match="pcds, lat, long"):
        list(read_postcodes(nspl))


def test_a_missing_boundary_file_stops_the_build(tmp_path: Path, rules: AreaRules) -> None:
    shutil.copy(SERVICES, tmp_path / "services.yaml")
    with pytest.raises(BuildError, match="E08000032"):
        build(rules, tmp_path, DATA, tmp_path / "out.tsv.gz")


def test_boundary_files_must_be_polygons(tmp_path: Path) -> None:
    point = tmp_path / "point.geojson"
    point.write_text('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}}')
    with pytest.raises(BoundaryError, match="not a GeoJSON polygon"):
        read_boundary(point)
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json")
    with pytest.raises(BoundaryError, match="not JSON"):
        read_boundary(broken)
    with pytest.raises(BoundaryError, match="cannot read"):
        read_boundary(tmp_path / "missing.geojson")


def test_areas_have_their_real_size(geography: Geography) -> None:
    # Bradford district is 366 km² (ONS standard area measurements); the generalised outline
    # and the local projection should land within a percent of it.
    loaded = geography.boundaries
    assert loaded["bradford-district"].shape.area / 1e6 == pytest.approx(366, rel=0.01)
    wards = sum(loaded[id].shape.area for id in loaded if id.startswith("ward-"))
    assert loaded["better-start-bradford"].shape.area == pytest.approx(wards, rel=1e-6)


def test_the_projection_is_centred_on_the_boundaries(geography: Geography) -> None:
    centre = geography.projection
    assert centre.lat0 == pytest.approx(53.84, abs=0.05)
    assert centre.lon0 == pytest.approx(-1.85, abs=0.05)


@pytest.mark.parametrize(("lat0", "lon0"), [(53.8, -1.75), (50.4, -4.1), (57.1, -2.1)])
def test_projection_measures_metres(lat0: float, lon0: float) -> None:
    # Against great-circle distances on a sphere of the mean Earth radius (6,371 km): the
    # ellipsoid differs by < 0.5%, wherever in Great Britain the centre is.
    import numpy as np

    projection = LocalProjection(lat0=lat0, lon0=lon0)
    kx, ky = projection.metres_per_degree
    sphere = math.radians(1) * 6_371_000
    assert ky == pytest.approx(sphere, rel=0.005)
    assert kx == pytest.approx(sphere * math.cos(math.radians(lat0)), rel=0.005)
    # 300 km away, a 75 m step still measures 75 m within a metre.
    lon = np.array([lon0 + 3.0, lon0 + 3.0])
    lat = np.array([lat0 + 1.5, lat0 + 1.5 + 75 / 111_200])
    x, y = projection.xy(lon, lat)
    assert math.hypot(x[1] - x[0], y[1] - y[0]) == pytest.approx(75, abs=1.0)


def _area(**fields: object) -> Area:
    return Area.model_validate({"name": fields.get("id"), "kind": "ward", **fields})


def test_areas_by_postcode_districts_sectors_unions_and_differences(tmp_path: Path) -> None:
    csv = tmp_path / "pc.csv"
    csv.write_text(
        "pcds,lat,long\n"
        "LS1 1AA,53.79,-1.54\n"
        "LS1 2AB,53.79,-1.55\n"
        "LS2 7AA,53.80,-1.55\n"
        "LS28 5AA,53.80,-1.66\n"
    )
    rules = AreaRules.from_areas(
        [
            _area(id="all", kind="country", postcodes="all"),
            _area(id="centre", within="all", postcodes=["LS1", "LS2 7"]),
            _area(id="sector", within="centre", postcodes=["ls1 1"]),
            _area(id="rest", within="all", union=["centre"], minus=["sector"]),
        ]
    )
    placed = place_postcodes(Geography(rules, tmp_path), csv)
    assert {p: (x.areas if x else None) for p, x in placed.items()} == {
        "LS1 1AA": ("all", "centre", "sector"),
        "LS1 2AB": ("all", "centre", "rest"),
        "LS2 7AA": ("all", "centre", "rest"),
        "LS28 5AA": ("all",),
    }
    assert all(x is not None and x.near_boundary == () for x in placed.values())


def test_a_cycle_of_unions_is_refused(tmp_path: Path) -> None:
    rules = AreaRules.from_areas([_area(id="a", union=["b"]), _area(id="b", union=["a"])])
    with pytest.raises(BuildError, match="made of each other"):
        Geography(rules, tmp_path)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("BD3", True),
        ("BD3 8", True),
        ("EC1A", True),
        ("W1", True),
        ("BD", False),
        ("BD3 8AA", False),
        ("bd3", False),
        ("3BD", False),
    ],
)
def test_postcode_prefixes(text: str, valid: bool) -> None:
    assert is_postcode_prefix(text) is valid
