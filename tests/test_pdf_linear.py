"""PDF layout is linear in the input: four times the rows (or the noted paragraphs of a box) take about four
times the work, not sixteen.

The work is counted, not timed: the number of times a text block is measured (`TextBlock.wrap`) while the paper
is laid out. A layout that measures every row left at each page split, or every note left at each page, counts
about N x pages; a linear one a few times N.
"""

from __future__ import annotations

import pytest

from ccdocs.pipeline import read_sources, resolve
from ccdocs.theme import load_theme
from ccdocs.writers.pdf import write
from ccdocs.writers.pdf.text import TextBlock
from conftest import REPORT

SMALL = 150
FOUR_TIMES_AT_MOST = 6.0  # linear: about 4 (and less, the fixed work shared); quadratic: 12 and more


def table_rows(n: int) -> dict:
    """The minimal document whose table has `n` rows (and the total)."""
    rows = "".join(f"r{i},Region {i},{i}\n" for i in range(n))
    return {"data/applicants.csv": f"id,region,applied\n{rows}total,,{n * (n - 1) // 2}\n"}


def box_notes(n: int) -> dict:
    """The minimal document with a box of `n` paragraphs, each marking a note of its own."""
    paragraphs = "".join(f"Box paragraph {i}.[^b{i}] Some words.\n\n" for i in range(n))
    notes = "".join(f"[^b{i}]: Note {i}.\n\n" for i in range(n))
    return {"content/report.md": f"{REPORT}\n::: box\n### Box\n\n{paragraphs}:::\n\n{notes}"}


def key_figures(n: int) -> dict:
    """The minimal document with `n` key figures (rows of four in a panel)."""
    items = "".join(f"- **{i}** figure {i}\n" for i in range(n))
    return {"content/report.md": f"{REPORT}\n::: keyfigures\n{items}:::\n"}


def measured(make_doc, monkeypatch, files: dict) -> int:
    """How many times text blocks are measured while the English PDF of the document is written."""
    document = resolve(read_sources(make_doc(files)), "en")
    count = 0
    wrap = TextBlock.wrap

    def counting(self, availWidth, availHeight):
        nonlocal count
        count += 1
        return wrap(self, availWidth, availHeight)

    with monkeypatch.context() as patch:
        patch.setattr(TextBlock, "wrap", counting)
        write(document, load_theme())
    return count


@pytest.mark.parametrize("grow", [table_rows, box_notes, key_figures], ids=["table-rows", "box-notes",
                                                                             "key-figures"])
def test_four_times_the_input_is_about_four_times_the_work(make_doc, monkeypatch, grow):
    small = measured(make_doc, monkeypatch, grow(SMALL))
    large = measured(make_doc, monkeypatch, grow(4 * SMALL))
    assert large / small <= FOUR_TIMES_AT_MOST, f"{small} measurements for {SMALL}, {large} for {4 * SMALL}"


def broken(make_doc, monkeypatch, words: int) -> int:
    """How many characters lines are broken over (`TextBlock.break_lines`: each piece's span, summed) while the
    English PDF of a document holding one paragraph of `words` long words is written."""
    document = resolve(read_sources(make_doc({"content/report.md": REPORT + "\n" + ("x" * 99 + " ") * words + "\n"})),
                       "en")
    count = 0
    break_lines = TextBlock.break_lines

    def counting(self, width):
        nonlocal count
        count += self.span[1] - self.span[0]
        return break_lines(self, width)

    with monkeypatch.context() as patch:
        patch.setattr(TextBlock, "break_lines", counting)
        write(document, load_theme())
    return count


def test_a_paragraph_over_many_pages_is_broken_into_lines_once(make_doc, monkeypatch):
    """breaks-4 item 6: each page split broke the whole rest of a long paragraph into lines again (pages x lines:
    a 1 MB paragraph ran past 120 s). Four times the paragraph (some 5 and 20 pages) is about four times the work."""
    small = broken(make_doc, monkeypatch, SMALL * 2)
    large = broken(make_doc, monkeypatch, SMALL * 8)
    assert large / small <= FOUR_TIMES_AT_MOST, f"{small} characters for {SMALL * 2} words, {large} for {SMALL * 8}"
