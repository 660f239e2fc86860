"""The pictures' colours: what carries meaning stands out from white by at least 3:1 (WCAG
1.4.11), and text on a fill is at least 4.5:1 (1.4.3)."""

from __future__ import annotations

from navigator.pictures import palette
from navigator.pictures.ages import _shade
from navigator.pictures.heatmap import SHADES
from navigator.pictures.system_map import FILLS, STROKES


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#ffffff") < 4.5 < contrast("#767676", "#ffffff") + 0.1


def test_colours_that_mean_something_stand_out_from_white() -> None:
    meaningful = [
        palette.TEXT,
        palette.SECONDARY,
        palette.RED,
        palette.GREEN,
        palette.BLUE,
        palette.DARK_BLUE,
        palette.PURPLE,
        palette.BORDER,
        *STROKES,
    ]
    for colour in meaningful:
        assert contrast(colour, palette.WHITE) >= 3, colour


def test_text_is_readable_on_every_fill() -> None:
    white_text_on = [palette.RED, palette.GREEN, palette.BLUE, palette.DARK_BLUE]
    for fill in white_text_on:
        assert contrast(palette.WHITE, fill) >= 4.5, fill
    dark_text_on = [colour for _, colour in SHADES] + list(FILLS) + [palette.LIGHT_GREY]
    dark_text_on += [_shade(n, 4) for n in range(0, 2)]
    for fill in dark_text_on:
        assert contrast(palette.TEXT, fill) >= 4.5, fill
    for number, stroke in enumerate(STROKES):  # a ring's label on its own ring
        assert contrast(stroke, FILLS[number]) >= 4.5, stroke
