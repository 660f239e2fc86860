"""The shipped lookup is exactly what data/geo builds, so the two cannot drift apart."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from navigator.geo.boundary import BoundaryError, LocalProjection, load_boundaries
from navigator.geo.build import ATTRIBUTION, BuildError, build, lookup_text, place_postcodes
from navigator.geo.lookup import Placement, PostcodeLookup, default_path

from .conftest import DATA


def test_the_shipped_file_matches_a_fresh_build(
    lookup: PostcodeLookup, fresh: dict[str, Placement | None]
) -> None:
    # Every postcode, not a sample: the whole comparison takes well under a second.
    assert sorted(lookup.postcodes()) == sorted(fresh)
    differing = [p for p, placement in fresh.items() if lookup.placement(p) != placement]
    assert not differing, (
        f"{len(differing)} postcodes differ from data/geo, e.g. {differing[:5]}: "
        "run `navigator geo-build` and commit navigator/geo/data/"
    )
    shipped = gzip.decompress(default_path().read_bytes()).decode("utf-8")
    assert shipped == lookup_text(fresh)


def test_the_shipped_file_carries_the_attribution() -> None:
    shipped = gzip.decompress(default_path().read_bytes()).decode("utf-8")
    for line in ATTRIBUTION:
        assert f"# {line}\n" in shipped
    assert "Contains Royal Mail data © Royal Mail copyright and database right" in shipped


def test_a_build_round_trips(tmp_path: Path, fresh: dict[str, Placement | None]) -> None:
    out = tmp_path / "lookup.tsv.gz"
    report = build(DATA, out)
    assert report.postcodes == 56_660
    assert report.located == 56_660 - 156  # 122 BD and 34 LS rows have no coordinates
    assert report.size == out.stat().st_size < 1_500_000
    assert out.read_bytes() == default_path().read_bytes()  # deterministic: no timestamp
    rebuilt = PostcodeLookup.load(out)
    assert all(rebuilt.placement(p) == placement for p, placement in fresh.items())


def test_build_refuses_a_missing_source(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no such folder"):
        build(tmp_path / "nowhere", tmp_path / "out.tsv.gz")
    with pytest.raises(BuildError, match="no postcode CSV"):
        place_postcodes(tmp_path)


def test_build_refuses_a_bad_row(tmp_path: Path) -> None:
    (tmp_path / "XX.csv").write_text("Postcode,lat,long\nNOT A POSTCODE,53.8,-1.75\n")
    with pytest.raises(BuildError, match="not a postcode"):
        place_postcodes(tmp_path)


def test_boundaries_must_all_be_there(tmp_path: Path) -> None:
    (tmp_path / "E05001345.geojsonl").write_text((DATA / "E05001345.geojsonl").read_text())
    with pytest.raises(BoundaryError, match="E08000032"):
        load_boundaries(tmp_path)


def test_areas_have_their_real_size() -> None:
    # Bradford district is 366 km² (ONS standard area measurements); the generalised outline
    # and the local projection should land within a percent of it.
    loaded = load_boundaries(DATA)
    assert loaded["bradford-district"].shape.area / 1e6 == pytest.approx(366, rel=0.01)
    wards = sum(loaded[id].shape.area for id in loaded if id.startswith("ward-"))
    assert loaded["better-start-bradford"].shape.area == pytest.approx(wards, rel=1e-6)


def test_projection_measures_metres() -> None:
    # Against a sphere of the mean Earth radius (6,371 km): the ellipsoid differs by < 0.5%.
    kx, ky = LocalProjection().metres_per_degree
    sphere = math.radians(1) * 6_371_000
    assert ky == pytest.approx(sphere, rel=0.005)
    assert kx == pytest.approx(sphere * math.cos(math.radians(53.8)), rel=0.005)
