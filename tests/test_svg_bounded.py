"""An SVG costs a bounded time however it is drawn and however often a paper shows it.

(breaks-8 #1: within the bounds of the time, 20 MB and 100,000 drawn elements, an SVG of 20,000 one-segment paths
took check 60 s, one of 99,000 more than 120 s, some 2.5 ms of CPU an element a language; and each showing of one SVG
drew it again with svglib for its text check (`svgtext.check_text`): 2,000 elements shown 40 times, 46 s.) Now what
an SVG's text check finds is found once a write however often the paper shows it (as its PDF form is made once),
and what a drawing draws is bounded by a measurement, per drawing and per paper.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from conftest import REPORT, write_doc
from refusals import Case, write_files
from test_svg import WHERE, shows, svg
from translated import fill_catalog

HANG = 120

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">{}</svg>'


def _shown(tmp_path, body: str, times: int):
    """The minimal document (en, zh) showing `figures/a.svg` (SVG of `body`) `times` times; its folder."""
    shown = "".join(f"\nParagraph {i}.\n\n![Picture {i}](figures/a.svg)\n" for i in range(times))
    folder = write_doc(tmp_path / "doc", {"content/report.md": REPORT + shown})
    write_files(folder, {"figures/a.svg": SVG.format(body)})
    fill_catalog(folder, {})
    return folder


def test_an_svg_shown_often_is_drawn_for_its_text_check_once_a_write(tmp_path):
    """Shown 4 times: svglib draws it twice a language (its text checked, its form made), not at each showing.
    Counted by the drawings svglib makes (never by time), the build's jobs run in this process."""
    from ccdocs import workers
    from ccdocs.build import build
    from ccdocs.writers.pdf import svgtext

    folder = _shown(tmp_path, '<text x="5" y="20">Total</text><path d="M0 0 L9 9" stroke="#000"/>', 4)
    made = []
    real = svgtext.drawing

    def counted(data, font_map=None):
        made.append(data)
        return real(data, font_map)

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(svgtext, "drawing", counted):
        pdfs = build([folder], tmp_path / "out", None, ("pdf",), write=False)
    assert len(pdfs) == 2 and len(made) == 4, len(made)                          # en, zh: not 2 × (4 + 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_character_no_face_holds_is_told_at_each_showing(tmp_path, lang):
    """The text check found once still tells each showing's line, as a character of the paper's text is told."""
    from ccdocs import workers
    from ccdocs.build import build
    from ccdocs.errors import InputError

    folder = _shown(tmp_path, '<text x="5" y="20">Total ꙮ</text>', 2)
    lines = [n for n, line in enumerate((folder / "content/report.md").read_text().split("\n"), 1)
             if line.startswith("![Picture")]
    with mock.patch.object(workers, "cpu_count", lambda: 1), pytest.raises(InputError) as caught:
        build([folder], tmp_path / "out", [lang], ("pdf",), write=False)
    told = [(item.line, item.message) for item in caught.value.problems if "ꙮ" in item.message]
    assert len(told) == 2 and len({line for line, _ in told}) == 2, told   # zh: at the catalog's entries
    assert lang == "zh" or [line for line, _ in told] == lines, told
    assert all("image `figures/a.svg`, line 1: the drawing's text contains 'ꙮ'" in said for _, said in told), told


# What an SVG may draw is bounded in time: MAX_DRAWN elements a drawing (a path's points and a text's characters
# counted one every PER_ELEMENT), MOST_DRAWN a paper (each showing counted), both set from a measurement (svg.py,
# images.py); refused at the line showing the drawing before svglib draws it.

def _paths(count: int) -> str:
    """An SVG of `count` one-segment paths, the breaker's shape."""
    return svg("\n".join(f'<path d="M{i % 100} {i // 1000 % 100} l1 1" stroke="#000" stroke-width="0.1"/>'
                         for i in range(count)))


OVER = ("image `figures/a.svg` would draw more than 2,000 elements (each `<use>` and `url(#…)` drawn where it "
        "stands, a path's points and a text's characters counting one every 40)")


@pytest.mark.parametrize("drawing", [
    pytest.param(_paths(99_000), id="99000-paths"),   # 5.9 MB: more than 120 s before, killed
    pytest.param(svg('<path d="M0 0' + " l1 1" * 80_000 + '" stroke="#000" fill="none"/>'), id="80000-points"),
    pytest.param(svg("\n".join(f'<text x="1" y="{k}" font-size="1">{"Ab c" * 400}</text>' for k in range(60))),
                 id="96000-characters"),
])
def test_a_drawing_beyond_what_is_drawn_in_time_is_refused_at_the_line_showing_it(refuse, drawing):
    """Run in a forked child with a generous bound (a hang fails, nothing is timed): refused before svglib draws it."""
    output = refuse(Case("drawn", shows(drawing), OVER, WHERE, timeout=HANG))
    assert "(simplify the drawing [fewer elements; paths of fewer points" in output and "save it as PNG" in output


SAVED = Path(__file__).parent / "svg"


def test_a_scatter_beyond_the_bound_is_told_to_draw_its_markers_as_a_bitmap(refuse):
    """matplotlib 3.11's scatter of 850 points (`ax.scatter(xs, ys, s=8)`, 6 × 4 in, saved as SVG), each marker a
    `<use xlink:href="#m…" x=… y=…>` of one path, its text as paths: 2,000 elements and more. The hint says so and
    gives matplotlib's own remedy (review-13 R6: it said "simplify the drawing", nothing between that and losing all
    vectors); a drawing of other elements is still told to simplify."""
    output = refuse(Case("scatter", shows((SAVED / "matplotlib-scatter.svg").read_text(encoding="utf-8")), OVER,
                         WHERE))
    assert ("(most of it are 862 markers, a `<use>` of a shape at each point of a scatter or a line: have the "
            "program draw them as one bitmap, the axes and text staying vectors [matplotlib: `rasterized=True` in "
            "`ax.scatter(…)` or `ax.plot(…)`, then `savefig(…, dpi=300)`], or save the figure as PNG at the size it "
            "prints [300 dpi])") in output, output
    from ccdocs.sources.svg import DRAWN_HINT, read_svg

    assert read_svg("a.svg", _paths(2_100).encode())[1] == DRAWN_HINT


def test_the_scatter_with_its_markers_as_a_bitmap_is_drawn():
    """The same scatter saved with `rasterized=True` (`savefig(…, dpi=300)`): its markers one embedded PNG, its axes
    and text paths: accepted, a tenth of the bound."""
    from ccdocs.sources.svg import read_svg

    drawn: list = []
    assert read_svg("a.svg", (SAVED / "matplotlib-scatter-rasterized.svg").read_bytes(), drawn) == (432.0, 288.0)
    assert drawn[0] < 400


def test_a_drawing_at_the_bound_is_drawn():
    from ccdocs.sources.svg import MAX_DRAWN, read_svg

    drawn: list = []
    assert read_svg("a.svg", svg("".join('<rect width="1" height="1"/>' for _ in range(MAX_DRAWN - 1))).encode(),
                    drawn) == (75.0, 75.0)
    assert drawn == [MAX_DRAWN]   # the `<svg>` and its rects


def test_the_showing_that_passes_the_papers_bound_is_refused(refuse):
    """1,500 elements shown 7 times: 10,500, more than MOST_DRAWN (10,000), told at the seventh showing's line."""
    shown = "".join(f"\nParagraph {i}.\n\n![A chart {i}](figures/a.svg){{width=\"20%\"}}\n" for i in range(7))
    report = REPORT + shown
    line = report.split("\n").index('![A chart 6](figures/a.svg){width="20%"}') + 1
    output = refuse(Case("paper", {"content/report.md": report, "figures/a.svg": _paths(1_499)},
                         "image `figures/a.svg` draws 1,500 elements, which would make the paper's SVG drawings draw "
                         "10,500, more than the 10,000 ccdocs draws in a paper (each showing counted)",
                         f"content/report.md:{line}:"))
    assert output.count("draws 1,500 elements") == 1, output
    assert "(show each drawing once, simplify the drawings" in output


def test_a_drawing_beyond_the_bound_is_refused_before_each_element_is_checked(monkeypatch):
    """The count comes first: a drawing past MAX_DRAWN is refused without the checks of each element's properties
    (`svg._undrawn`), which cost three times the count (a check of 99,000 paths: 6.8 s of CPU, 2.3 s now)."""
    from ccdocs.sources import svg as module

    checked = []
    monkeypatch.setattr(module, "_undrawn", lambda *args: checked.append(args) or None)
    message, _ = module.read_svg("figures/a.svg", _paths(3_000).encode("utf-8"))
    assert message.startswith(OVER) and checked == []
    assert module.read_svg("figures/b.svg", _paths(10).encode("utf-8"))[0] > 0 and len(checked) == 1


def test_the_hint_of_a_drawing_of_many_uses_of_one_large_shape_is_found_in_time():
    """review-14 R8: the hint of a drawing past the bound (`_drawn_hint`: are its markers most of it?) weighed the
    shape each `<use>` draws once per `<use>`: one path of 79,000 points used 400 times took 30 s of CPU (a file of
    the 20 MB bound, hours), for a drawing refused anyway. Each shape is weighed once now. Used 2,000 times here
    (some 150 s before: the bound fails the old code on any machine)."""
    from bounded import within
    from ccdocs.sources.svg import read_svg

    points = " ".join(f"L{i % 97} {i % 89}" for i in range(79_000))
    uses = "\n".join(f'<use xlink:href="#p" x="{k}" y="{k}"/>' for k in range(2_000))  # before: some 150 s
    drawing = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" '
               f'height="100"><defs><path id="p" d="M0 0 {points}"/></defs>\n{uses}\n</svg>').encode("utf-8")
    message, hint = within(lambda: read_svg("figures/a.svg", drawing), 20, "the hint of 2,000 uses of one shape")
    assert message.startswith(OVER) and "2,000 markers" in hint
