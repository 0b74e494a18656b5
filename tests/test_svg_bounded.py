"""An SVG costs a bounded time however it is drawn and however often a paper shows it.

(breaks-8 #1: within the bounds of the time, 20 MB and 100,000 drawn elements, an SVG of 20,000 one-segment paths
took check 60 s, one of 99,000 more than 120 s, some 2.5 ms of CPU an element a language; and each showing of one SVG
drew it again with svglib for its text check (`svgtext.check_text`): 2,000 elements shown 40 times, 46 s.) Now what
an SVG's text check finds is found once a write however often the paper shows it (as its PDF form is made once).
"""

from __future__ import annotations

from unittest import mock

import pytest

from conftest import REPORT, write_doc
from refusals import write_files
from translated import fill_catalog

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
