"""Each service's ages as a bar, Gantt-like: pregnancy in a column of its own, then the baby's
age in months after the birth, so overlaps and the months few services take (the gap from 24
to 36 months) show at a glance. Under the bars, the number of services at each month.

A service's ages are those of the routes by which it works with a family or its practitioner
(consultation, referral, self-referral: the coverage map's `DIRECT`; urgent help is for anyone,
and signposting and training are not help with a need by themselves): the union of each such
route's `age_months` where it works after the birth (all ages when it names none), and
pregnancy when any such route works in pregnancy. Intervals are half-open, as in the content:
`{from: 0, to: 24}` is from birth until the baby turns 24 months."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from navigator.checker.coverage_map import DIRECT
from navigator.content.directory import Directory, Service
from navigator.content.pathway import DEFAULT_MONTHS
from navigator.content.vocabulary import Stage
from navigator.pictures import palette
from navigator.pictures.picture import Picture, Table
from navigator.pictures.svg import element, root, serialise, text_lines, wrap

MONTH_WIDTH = 22
ROW_HEIGHT = 24
LABEL_WIDTH = 330
PREGNANCY_WIDTH = 84
GAP = 14
MARGIN = 20
HEAD = 96
COUNT_HEIGHT = 70


@dataclass(frozen=True)
class Ages:
    """The ages a service works with: in pregnancy or not, and its months after the birth as
    half-open intervals `[start, end)`, merged; `end` None means no upper limit."""

    service: Service
    pregnancy: bool
    months: tuple[tuple[int, int | None], ...]

    def covers(self, month: int) -> bool:
        return any(start <= month and (end is None or month < end) for start, end in self.months)


def ages(service: Service) -> Ages:
    """The ages of a service, from its consultation, referral and self-referral routes."""
    pregnancy = False
    spans: list[tuple[int, int | None]] = []
    for route in service.routes:
        if route.kind not in DIRECT:
            continue
        stages = route.eligibility.stages
        pregnancy = pregnancy or Stage.pregnancy in stages
        if Stage.postnatal in stages:
            interval = route.eligibility.age_months
            spans.append((interval.start, interval.end) if interval else (0, None))
    return Ages(service, pregnancy, tuple(_merge(spans)))


def _merge(spans: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    merged: list[tuple[int, int | None]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], s[1] is None, s[1] or 0)):
        if merged:
            last_start, last_end = merged[-1]
            if last_end is None or start <= last_end:
                joined = None if last_end is None or end is None else max(last_end, end)
                merged[-1] = (last_start, joined)
                continue
        merged.append((start, end))
    return merged


def services_ages(directory: Directory) -> list[Ages]:
    """The ages of every active service with a consultation, referral or self-referral route:
    those in pregnancy first, then by the month they start."""
    found = [ages(s) for s in directory.services if s.active]
    found = [a for a in found if a.pregnancy or a.months]
    return sorted(
        found,
        key=lambda a: (
            not a.pregnancy,
            a.months[0][0] if a.months else 999,
            -(a.months[-1][1] or 999) if a.months else 0,
            a.service.name,
        ),
    )


def month_words(span: tuple[int, int | None]) -> str:
    start, end = span
    return f"{start}–{end} months" if end is not None else f"from {start} months"


def ages_picture(directory: Directory, top: int = DEFAULT_MONTHS[1], id: str = "ages") -> Picture:
    """The chart of the services' ages up to month `top` (included), its text alternative and
    the same facts as tables."""
    rows = services_ages(directory)
    months = top + 1
    x0 = MARGIN + LABEL_WIDTH
    px = x0 + PREGNANCY_WIDTH + GAP  # where month 0 starts

    def x(month: float) -> float:
        return px + month * MONTH_WIDTH

    width = x(months) + MARGIN + 40
    bars_top = MARGIN + HEAD
    height = bars_top + len(rows) * ROW_HEIGHT + COUNT_HEIGHT + MARGIN + 30
    counts = [sum(1 for a in rows if a.covers(m)) for m in range(months)]
    pregnant = sum(1 for a in rows if a.pregnancy)
    summary = _summary(rows, counts, pregnant, top)
    title = "The ages each service works with"
    svg = root(width, height, title, summary, id)

    legend = element("g", svg, class_="app-ages__legend")
    text_lines(
        legend,
        MARGIN,
        MARGIN + 12,
        [
            "Each bar: the ages a service works with (months after the birth; the end month is",
            "not included). A bar ending in an arrow has no upper age. The last row counts the",
            "services at each month: the fewer, the paler.",
        ],
        size=12,
        fill=palette.TEXT,
    )

    stripes = element("g", svg, class_="app-ages__stripes")
    for number in range(0, len(rows), 2):
        element(
            "rect",
            stripes,
            x=MARGIN,
            y=bars_top + number * ROW_HEIGHT,
            width=x(months) - MARGIN,
            height=ROW_HEIGHT,
            fill=palette.LIGHT_GREY,
        )
    axis = element("g", svg, class_="app-ages__axis")
    element(
        "text",
        axis,
        "Pregnancy",
        x=x0 + PREGNANCY_WIDTH / 2,
        y=bars_top - 12,
        font_weight="bold",
        text_anchor="middle",
        fill=palette.TEXT,
    )
    element(
        "text",
        axis,
        "Months after the birth",
        x=px,
        y=bars_top - 34,
        font_weight="bold",
        fill=palette.TEXT,
    )
    for month in range(0, months + 1, 6):
        element(
            "line",
            axis,
            x1=x(month),
            y1=bars_top - 6,
            x2=x(month),
            y2=bars_top + len(rows) * ROW_HEIGHT,
            stroke=palette.BORDER,
            stroke_width=1,
            stroke_dasharray="2 3",
        )
        element(
            "text",
            axis,
            str(month),
            x=x(month),
            y=bars_top - 12,
            font_size=12,
            text_anchor="middle",
            fill=palette.TEXT,
        )

    bars = element("g", svg, class_="app-ages__bars")
    for number, row in enumerate(rows):
        y = bars_top + number * ROW_HEIGHT
        group = element("g", bars, id=f"{id}-service-{row.service.id}", class_="app-ages__service")
        spans = ", ".join(month_words(s) for s in row.months) or "not after the birth"
        element(
            "title",
            group,
            f"{row.service.name}: "
            + ("in pregnancy; " if row.pregnancy else "not in pregnancy; ")
            + spans,
        )
        element(
            "text",
            group,
            wrap(row.service.name, LABEL_WIDTH - 10, 12, 1)[0],
            x=MARGIN + 4,
            y=y + 16,
            font_size=12,
            fill=palette.TEXT,
        )
        if row.pregnancy:
            element(
                "rect",
                group,
                x=x0 + 6,
                y=y + 5,
                width=PREGNANCY_WIDTH - 12,
                height=ROW_HEIGHT - 10,
                fill=palette.PURPLE,
                class_="app-ages__pregnancy",
                data_pregnancy="yes",
            )
        for start, end in row.months:
            shown_end = min(end, months) if end is not None else months
            if start >= months:
                continue
            element(
                "rect",
                group,
                x=x(start),
                y=y + 5,
                width=x(shown_end) - x(start),
                height=ROW_HEIGHT - 10,
                fill=palette.BLUE,
                class_="app-ages__bar",
                data_start=start,
                data_end="open" if end is None else end,
            )
            if end is None or end > months:
                tip = x(months)
                element(
                    "path",
                    group,
                    d=f"M{tip:.0f},{y + 2} L{tip + 10:.0f},{y + 12} L{tip:.0f},{y + 22} z",
                    fill=palette.BLUE,
                )

    strip = element("g", svg, class_="app-ages__counts")
    y = bars_top + len(rows) * ROW_HEIGHT + 20
    element(
        "text",
        strip,
        "Services at each age",
        x=MARGIN + 4,
        y=y + 20,
        font_weight="bold",
        fill=palette.TEXT,
    )
    most = max([*counts, pregnant, 1])
    cells: list[tuple[float, float, int, str]] = [
        (x0 + 6, PREGNANCY_WIDTH - 12, pregnant, "pregnancy")
    ]
    cells += [(x(m) + 1, MONTH_WIDTH - 2, c, str(m)) for m, c in enumerate(counts)]
    for cx, w, count, label in cells:
        fill = _shade(count, most)
        group = element("g", strip, class_="app-ages__count", data_month=label)
        element(
            "title",
            group,
            f"{count} services at {label}" + (" months" if label != "pregnancy" else ""),
        )
        element(
            "rect",
            group,
            x=cx,
            y=y,
            width=w,
            height=30,
            fill=fill,
            stroke=palette.BORDER,
            stroke_width=1,
        )
        dark = fill in (palette.BLUE, palette.DARK_BLUE)
        element(
            "text",
            group,
            str(count),
            x=cx + w / 2,
            y=y + 20,
            font_size=11,
            text_anchor="middle",
            fill=palette.WHITE if dark else palette.TEXT,
        )

    return Picture(id, title, summary, serialise(svg), _tables(rows, counts, pregnant))


def _shade(count: int, most: int) -> str:
    share = count / most
    if share >= 0.75:
        return palette.DARK_BLUE
    if share >= 0.5:
        return palette.BLUE
    if share >= 0.25:
        return palette.MID_BLUE
    return palette.LIGHT_BLUE if count else palette.WHITE


def bands(counts: list[int]) -> list[tuple[int, int, int]]:
    """Runs of months with the same number of services: (first, last, count)."""
    found: list[tuple[int, int, int]] = []
    month = 0
    for count, run in groupby(counts):
        length = len(list(run))
        found.append((month, month + length - 1, count))
        month += length
    return found


def _summary(rows: list[Ages], counts: list[int], pregnant: int, top: int) -> str:
    runs = "; ".join(
        f"{first}–{last} months: {count}" if first != last else f"{first} months: {count}"
        for first, last, count in bands(counts)
    )
    fewest = min(counts) if counts else 0
    where = " and ".join(
        f"{first}–{last} months" if first != last else f"{first} months"
        for first, last, count in bands(counts)
        if count == fewest
    )
    return (
        f"The ages of {len(rows)} active services that consult, take referrals or take "
        f"self-referrals, each as a bar: {pregnant} work in "
        f"pregnancy. The number of services at each age after the birth, up to {top} "
        f"months: {runs}. The fewest ({fewest}) are at {where}. The tables below give "
        "every service's ages."
    )


def _tables(rows: list[Ages], counts: list[int], pregnant: int) -> tuple[Table, ...]:
    services = Table(
        "Each service's ages (the end month is not included)",
        ("Service", "In pregnancy", "After the birth"),
        tuple(
            (
                a.service.name,
                "yes" if a.pregnancy else "no",
                ", ".join(month_words(s) for s in a.months) or "no",
            )
            for a in rows
        ),
    )
    at_ages = Table(
        "The number of services at each age",
        ("Age", "Services"),
        (
            ("In pregnancy", str(pregnant)),
            *tuple(
                (f"{first}–{last} months" if first != last else f"{first} months", str(count))
                for first, last, count in bands(counts)
            ),
        ),
    )
    return (services, at_ages)
