"""An SVG's geometry that SVG calls an error, each renderer drawing it its own way, is refused at its SVG line
(breaks-7 #13): a `<polyline>` or `<polygon>` of an odd number of coordinates (svglib, the PDF, draws nothing of
it; CairoSVG, the Word document's picture, leaves out the last), a negative side of a `<rect>`, `<circle>` or
`<ellipse>` (a browser and Word draw nothing; svglib and CairoSVG each a shape of their own), and
`visibility: collapse` (CairoSVG draws what it hides). What both draw alike stays accepted.
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_svg_paints import HEAD, WHERE, shows

REFUSED = [
    Case("odd-polyline", shows('<rect width="9" height="9"/>\n<polyline points="10,10 90,10 90,90 10" '
                               'fill="#00ff00"/>'),
         "image `figures/a.svg`, line 3: the `<polyline>`'s `points` hold an odd number of coordinates (7): svglib, "
         "which draws the PDF, draws nothing of it, where a browser and Word leave out the last (give each point its "
         "x and its y)", WHERE),
    Case("odd-polygon", shows('<polygon points="10 10 90 10 90"/>'), "line 2: the `<polygon>`'s `points` hold an "
         "odd number of coordinates (5)", WHERE),
    Case("negative-width", shows('<rect x="20" y="20" width="-40" height="40" fill="#00ff00"/>'),
         "image `figures/a.svg`, line 2: `width=\"-40\"`: a negative size is an error in SVG, which a browser and Word "
         "draw nothing of, and svglib (the PDF) and CairoSVG (the Word document's picture) each draw their own way "
         "(give the size as a positive length, or remove the shape)", WHERE),
    Case("negative-radius", shows('<circle cx="50" cy="50" r="-.5"/>'), "line 2: `r=\"-.5\"`: a negative size",
         WHERE),
    Case("negative-ellipse", shows('<ellipse cx="50" cy="50" rx="9" ry="-20"/>'), "`ry=\"-20\"`: a negative size",
         WHERE),
    Case("collapse", shows('<rect width="40" height="40" fill="#00ff00" visibility="collapse"/>'),
         "image `figures/a.svg`, line 2: CairoSVG, which draws the Word document's picture, draws what "
         "`visibility: collapse` hides; svglib, which draws the PDF, a browser and Word hide it (write "
         "`visibility: hidden`, or remove what it hides)", WHERE),
    Case("collapse-rule", shows('<style>\ng.x { visibility: collapse }\n</style><g class="x"/>'),
         "line 3: CairoSVG, which draws the Word document's picture, draws what `visibility: collapse` hides", WHERE),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_malformed_geometry_is_refused_at_its_line(refuse, case):
    assert "figures/a.svg" in refuse(case)


@pytest.mark.parametrize("body", [
    '<polyline points="10,10 90,10 90,90" fill="#00ff00"/><polygon points="1,2 30,4 5,6"/>',
    '<rect width="0" height="9" stroke="red"/><rect width="-0" height="9" rx="-5"/><circle r="-0.0"/>',
    '<rect width="9" height="9" visibility="hidden"/>',
])
def test_geometry_both_draw_alike_is_kept(body):
    from ccdocs.sources.svg import read_svg

    assert read_svg("a.svg", (HEAD + body + "\n</svg>\n").encode()) == (75.0, 75.0), body
