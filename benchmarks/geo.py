"""The postcode lookup at national scale, on synthetic data: `python -m benchmarks.geo`.

England and Wales have about 2.7 million postcodes (live and terminated), about 350 local
authorities and about 7,000 wards. This makes a synthetic set of that size over Great
Britain's extent: local authorities on a grid, each cut into wards, every outline densified to
a vertex every 100 m (about 1,200 vertices an authority and 300 a ward, the order of ONS's
generalised boundaries); 2,880 postcode districts with random centres and about 940 postcodes
each, scattered around their centre. Then it builds the lookup as `navigator geo-build` does
(areas declared as boundary files, wards `within` their authority, one GP-registration area
hinted by the authorities), and measures the build, the file, loading it and looking up.

    python -m benchmarks.geo                      # the national size (a few minutes)
    python -m benchmarks.geo --postcodes 200000 --authorities 35   # a tenth
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from navigator.geo.areas import AreaRule, AreaRules
from navigator.geo.build import build
from navigator.geo.lookup import PostcodeLookup
from navigator.geo.mapped import load_mapped, save_mapped

WEST, EAST, SOUTH, NORTH = -5.5, 1.5, 50.2, 55.8
"""Great Britain's extent, roughly (England, Wales and the south of Scotland)."""

_FIRST = "ABCDEFGHKLMNOPRSTUWYZ"
_SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(frozen=True)
class Figures:
    postcodes: int
    authorities: int
    wards: int
    placements: int
    build_seconds: float
    size_bytes: int
    load_seconds: float
    load_mb: float
    lookup_microseconds: float
    mapped_bytes: int
    mapped_load_seconds: float
    mapped_load_mb: float
    mapped_lookup_microseconds: float


def _grid(columns: int, rows: int) -> list[tuple[float, float, float, float]]:
    width, height = (EAST - WEST) / columns, (NORTH - SOUTH) / rows
    return [
        (WEST + c * width, SOUTH + r * height, WEST + (c + 1) * width, SOUTH + (r + 1) * height)
        for r in range(rows)
        for c in range(columns)
    ]


def _write_polygon(path: Path, box: tuple[float, float, float, float]) -> None:
    # About 100 m between vertices (0.0009 degrees of latitude).
    polygon = shapely.segmentize(shapely.box(*box), 0.0009)
    feature = {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(polygon)}
    path.write_text(json.dumps(feature))


def synthetic_areas(
    root: Path, authorities: int, wards_across: int = 4, wards_down: int = 5
) -> AreaRules:
    """Boundary files in `root/geo` and the areas that name them."""
    (root / "geo").mkdir(parents=True, exist_ok=True)
    rows = max(1, round((authorities / 0.56) ** 0.5))
    columns = max(1, round(authorities / rows))
    rules = [AreaRule(id="country", phrase="the country", postcodes="all")]
    for a, box in enumerate(_grid(columns, rows)):
        authority = f"la-{a}"
        _write_polygon(root / "geo" / f"{authority}.geojson", box)
        rules.append(
            AreaRule(
                id=authority,
                phrase=f"authority {a}",
                within="country",
                boundary=f"geo/{authority}.geojson",
            )
        )
        west, south, east, north = box
        width, height = (east - west) / wards_across, (north - south) / wards_down
        for w in range(wards_across * wards_down):
            c, r = w % wards_across, w // wards_across
            ward_box = (
                west + c * width,
                south + r * height,
                west + (c + 1) * width,
                south + (r + 1) * height,
            )
            ward = f"{authority}-ward-{w}"
            _write_polygon(root / "geo" / f"{ward}.geojson", ward_box)
            rules.append(
                AreaRule(
                    id=ward,
                    phrase=f"ward {w}",
                    within=authority,
                    boundary=f"geo/{ward}.geojson",
                )
            )
    rules.append(
        AreaRule(
            id="nhs-north",
            phrase="the northern NHS footprint",
            decided_by="gp_registration",
            hint_areas=tuple(f"la-{a}" for a in range(columns)),
        )
    )
    return AreaRules(tuple(rules))


def synthetic_postcodes(path: Path, count: int, seed: int = 1) -> int:
    """A CSV of `count` postcodes (NSPL columns), clustered by district; the rows written."""
    rng = np.random.default_rng(seed)
    districts = [f"{a}{b}{n}" for a in _FIRST[:12] for b in _SECOND[:10] for n in range(1, 25)]
    per = max(1, count // len(districts))
    inwards = [f"{d}{x}{y}" for d in "0123456789" for x in _INWARD_LETTERS for y in _INWARD_LETTERS]
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["pcds", "lat", "long"])
        centres_lon = rng.uniform(WEST + 0.1, EAST - 0.1, len(districts))
        centres_lat = rng.uniform(SOUTH + 0.1, NORTH - 0.1, len(districts))
        for k, district in enumerate(districts):
            n = min(per, len(inwards), count - written)
            if n <= 0:
                break
            lon = centres_lon[k] + rng.normal(0, 0.03, n)
            lat = centres_lat[k] + rng.normal(0, 0.02, n)
            # A random, sorted selection of the inward codes, as real districts use.
            chosen = np.sort(rng.choice(len(inwards), size=n, replace=False))
            for i, inward in enumerate(chosen.tolist()):
                out.writerow([f"{district} {inwards[inward]}", f"{lat[i]:.5f}", f"{lon[i]:.5f}"])
            written += n
    return written


def _rss_mb() -> float:
    """The resident memory now (Linux), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    return pages * resource.getpagesize() / 1e6


def measure(postcodes: int, authorities: int, root: Path) -> Figures:
    rules = synthetic_areas(root, authorities)
    source = root / "postcodes.csv"
    written = synthetic_postcodes(source, postcodes)
    out = root / "lookup.tsv.gz"
    started = time.perf_counter()
    report = build(rules, root, source, out)
    build_seconds = time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    lookup = PostcodeLookup.load(out)
    load_seconds = time.perf_counter() - started
    load_mb = _rss_mb() - before
    sample = list(lookup.postcodes())[:: max(1, len(lookup) // 100_000)]
    lookup_microseconds = _per_lookup(lookup, sample)
    base = root / "lookup"
    save_mapped(lookup, base)
    del lookup
    before = _rss_mb()
    started = time.perf_counter()
    mapped = load_mapped(base)
    mapped_load_seconds = time.perf_counter() - started
    assert mapped is not None
    mapped_load_mb = _rss_mb() - before
    mapped_lookup_microseconds = _per_lookup(mapped, sample)
    mapped_bytes = sum(p.stat().st_size for p in root.glob("lookup.*") if p.suffix != ".gz")
    wards = sum(1 for r in rules.rules if "-ward-" in r.id)
    return Figures(
        postcodes=written,
        authorities=sum(1 for r in rules.rules if r.within == "country"),
        wards=wards,
        placements=report.placements,
        build_seconds=build_seconds,
        size_bytes=report.size,
        load_seconds=load_seconds,
        load_mb=load_mb,
        lookup_microseconds=lookup_microseconds,
        mapped_bytes=mapped_bytes,
        mapped_load_seconds=mapped_load_seconds,
        mapped_load_mb=mapped_load_mb,
        mapped_lookup_microseconds=mapped_lookup_microseconds,
    )


def _per_lookup(lookup: PostcodeLookup, sample: list[str]) -> float:
    """Microseconds per `locate`, over `sample`."""
    started = time.perf_counter()
    for postcode in sample:
        lookup.locate(postcode)
    return (time.perf_counter() - started) / len(sample) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.geo")
    parser.add_argument("--postcodes", type=int, default=2_700_000)
    parser.add_argument("--authorities", type=int, default=350)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(args.postcodes, args.authorities, Path(folder))
    print(
        f"{figures.postcodes:,} postcodes, {figures.authorities} authorities, "
        f"{figures.wards:,} wards: {figures.placements:,} distinct placements\n"
        f"build {figures.build_seconds:.1f} s; file {figures.size_bytes / 1e6:.1f} MB; "
        f"load {figures.load_seconds:.2f} s (+{figures.load_mb:.0f} MB resident); "
        f"look-up {figures.lookup_microseconds:.1f} µs\n"
        f"memory-mapped: files {figures.mapped_bytes / 1e6:.1f} MB; "
        f"load {figures.mapped_load_seconds * 1000:.0f} ms "
        f"(+{figures.mapped_load_mb:.0f} MB resident); "
        f"look-up {figures.mapped_lookup_microseconds:.1f} µs"
    )


if __name__ == "__main__":
    main()
