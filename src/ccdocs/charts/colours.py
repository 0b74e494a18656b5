"""A chart's colours, the same in both formats: the theme's `chart.palette` first (first series first, a pie's first
slice first), then, for the series or slices beyond it, each palette colour darker, then each lighter, as Word and
Excel follow a theme's accent colours by their shades and tints; never one colour for two series or slices (the
legend could not tell them apart): a chart needing more is refused at the first series or slice beyond them."""

from __future__ import annotations

import colorsys
from functools import lru_cache

from ..errors import Problem, problem

# (lightness multiplier, lightness added) of each round of the palette, in HSL as DrawingML's lumMod and lumOff:
# the palette itself, its colours darker (Office's "darker" shades), then lighter (its "lighter 40%" tints)
ROUNDS = ((0.6, 0.0), (0.6, 0.4))
DEFAULT_PALETTE = ("1F4E79",)


def palette(theme) -> tuple[str, ...]:
    """The theme's series colours, hex RGB strings (`1F4E79`)."""
    return tuple(theme.get("chart.palette") or DEFAULT_PALETTE)


def lightened(colour: str, times: float, added: float) -> str:
    """`colour` (RRGGBB) with its HSL lightness L made min(1, L × `times` + `added`), hue and saturation kept.

    >>> lightened("1F4E79", 0.6, 0.0), lightened("1F4E79", 0.6, 0.4), lightened("FFFFFF", 0.6, 0.4)
    ('132F49', '5496D3', 'FFFFFF')
    """
    hue, light, saturation = colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    rgb = colorsys.hls_to_rgb(hue, min(1.0, light * times + added), saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in rgb)


READABLE = 4.5  # WCAG's contrast ratio for text: a label white on its fill reads at this or more


def label_colour(fill: str) -> str:
    """The colour (RRGGBB) of a data label set on `fill` (a stacked bar's, a slice's): white where it reads at
    READABLE or more, else whichever of white and black contrasts more (WCAG's relative luminance).

    >>> label_colour("1F4E79"), label_colour("F2B134"), label_colour("FFFFFF")
    ('FFFFFF', '000000', '000000')
    """
    channels = [int(fill[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white, on_black = 1.05 / (luminance + 0.05), (luminance + 0.05) / 0.05
    return "FFFFFF" if on_white >= READABLE or on_white >= on_black else "000000"


@lru_cache(maxsize=16)
def chart_colours(colours: tuple[str, ...]) -> tuple[str, ...]:
    """Every distinct colour a chart may give its series or slices, in the order given: the palette `colours` as
    written, then each darker, then each lighter (ROUNDS); a colour already given (white lightened, a palette's
    repeat) is left out. Worked out once per process for a palette (each chart of each write asks, in the model,
    the PDF and the DOCX)."""
    given = {c.upper(): c for c in colours}
    for times, added in ROUNDS:
        for colour in colours:
            shade = lightened(colour, times, added)
            given.setdefault(shade, shade)
    return tuple(given.values())


def too_few(chart, colours: tuple[str, ...]) -> Problem | None:
    """The problem of a model Chart needing more distinct colours than `chart_colours(colours)` gives (a series
    each, a pie's or doughnut's slice each), told at the first series (its line of document.yaml) or slice (its
    row of the data) beyond them; None when there are enough."""
    given = chart_colours(colours)
    slices = chart.kind in ("pie", "doughnut")
    needed = len(chart.categories) if slices else len(chart.series)
    if needed <= len(given):
        return None
    beyond = len(given)
    if slices:
        what = f"slice {beyond + 1} (`{chart.categories[beyond]}`)"
        at = chart.categories_typed[beyond] if chart.categories_typed else None
        hint = f"draw at most {len(given)} slices (the smallest together as one `Other` row), draw the figures as " \
            "bars"
    else:
        what = f"series {beyond + 1} (`{chart.series[beyond].label}`)"
        at = chart.series[beyond].source
        hint = f"draw at most {len(given)} series, give the figures in a table"
    at = at or chart.source
    return problem(at.file if at else "document", at.line if at else None,
                   f"chart `{chart.name}`: {what} would share a colour with another: the theme's `chart.palette` "
                   f"gives {len(given)} distinct colours (its {len(colours)}, each also darker and lighter) for "
                   f"{needed} {'slices' if slices else 'series'}", hint + ", or give the theme's `chart.palette` more "
                   "colours")
