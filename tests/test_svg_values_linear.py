"""An SVG's property values and a data cell's number are read in time linear in their length (a hang otherwise).

Three shapes were not linear: a number written `\\d+\\.?\\d*` (the digits split between the two runs in as many ways
as there are digits: 20,000 digits then a letter in an opacity took 5.5 s, a CSV cell's the same), a colour's
`rgb(` of three such numbers (a 620-byte `fill` took 15.7 s, each doubling some ten times that), and a `url(`
never closed, which CairoSVG (the Word document's picture) looks for a `)` after from each `url(` to the end
(`fill="url(#url(#…"`: 50,000 of them kept `check` 7.4 s, 200,000 112 s). A number is now one way of reading its
digits; a `url(` never closed is refused at its line. A hang fails the test after a bound far above the honest
cost; nothing is timed.
"""

from __future__ import annotations

import pytest

from bounded import within
from refusals import Case
from test_svg import WHERE, shows, svg

HANG = 120
DIGITS = "1" * 100_000
UNCLOSED = "url(#" * 50_000


def _read(drawings: dict) -> dict:
    from ccdocs.sources.data import typed
    from ccdocs.sources.svg import read_svg

    return {**{key: read_svg("figures/a.svg", drawing.encode())[0] for key, drawing in drawings.items()},
            "cell": typed(DIGITS + "x") == DIGITS + "x"}


def test_long_numbers_colours_and_unclosed_urls_are_read_in_linear_time():
    channel = "1" * 20_000
    drawings = {
        "colour": svg(f'<rect width="10" height="10" fill="rgb({channel},{channel},{channel}x"/>'),
        "opacity": svg(f'<rect width="10" height="10" fill-opacity="{DIGITS}x"/>'),
        "width": svg('<rect width="10" height="10"/>', size=f'width="{DIGITS}x" height="100"'),
        "fill": svg(f'<rect width="10" height="10" fill="{UNCLOSED}"/>'),
        "style": svg(f'<rect width="10" height="10" style="fill: {UNCLOSED}"/>'),
        "rule": svg(f'<style>rect {{ fill: {UNCLOSED} }}</style>\n<rect width="10" height="10"/>'),
    }
    told = within(lambda: _read(drawings), HANG, "the long values were not read")
    assert told.pop("cell")
    assert "the colour `fill: rgb(111" in told.pop("colour")
    assert "`fill-opacity` property" in told.pop("opacity")
    for key, message in told.items():
        assert isinstance(message, str), (key, message)
    for key in ("fill", "style"):  # a rule's is a bad URL to tinycss2 (`url([bad url])`), refused as well
        assert "opens a `url(` it never closes" in told[key], (key, told[key])


@pytest.mark.parametrize("case", [
    Case("unclosed-fill", shows(svg(f'<rect width="10" height="10" fill="{UNCLOSED}"/>')),
         "image `figures/a.svg`, line 2: `fill: url(#url(#", WHERE, timeout=HANG),
    Case("unclosed-after-a-closed-one", shows(svg('<rect width="10" height="10" fill="url(#g) url(#g"/>')),
         "opens a `url(` it never closes", WHERE),
], ids=lambda case: case.id)
def test_a_url_never_closed_is_refused_at_its_line(refuse, case):
    refuse(case)


def test_a_closed_reference_still_draws(tmp_path):
    from ccdocs.sources.svg import read_svg

    gradient = ('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>\n'
                '<rect width="10" height="10" fill="url(#g)"/>\n<rect width="10" height="10" style="fill: url(#g)"/>')
    assert read_svg("figures/a.svg", svg(gradient).encode()) == (75.0, 75.0)
