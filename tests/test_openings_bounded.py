"""A content file opens at most `MOST_OPENINGS` links, references, images or footnote marks (`[`, `![`): the next is
refused at its line and column, and the parse reads the rest as text (breaks-6 #19: 600,000 `![a` never closed,
1.8 MB within the file bounds, took check 134 s; markdown-it scans the label after each, nesting 20 deep)."""

from __future__ import annotations

import pytest

from ccdocs.parse.survey import MOST_OPENINGS
from refusals import Case

TABLE = "\n::: table applicants\nApplicants by region\n:::\n"   # the minimal document.yaml's table, placed


def report(paragraph: str) -> dict:
    return {"content/report.md": "# Intro\n\n" + paragraph + "\n" + TABLE}   # the paragraph on line 3


@pytest.mark.parametrize("case", [
    Case("images", report("X " + "![a" * (MOST_OPENINGS + 1)), "this `![` is the file's opening number 20,001 of a "
         "link, reference, image or footnote mark: a content file holds at most 20,000",
         f"content/report.md:3:{2 + 3 * MOST_OPENINGS + 1}"),
    Case("brackets-indented-line", report("X\n  " + "[a " * (MOST_OPENINGS + 1)), "this `[` is the file's opening "
         "number 20,001", f"content/report.md:4:{3 + 3 * MOST_OPENINGS}"),
], ids=lambda case: case.id)
def test_a_file_opening_more_than_its_links_and_images_is_refused_at_the_first_beyond(refuse, case):
    output = refuse(case)
    assert f"{case.where}: error:" in output


def test_a_file_of_exactly_its_openings_is_read_as_before():
    from ccdocs.errors import Collector
    from ccdocs.model import Link
    from ccdocs.parse.markdown import parse_markdown
    from pathlib import Path

    out = Collector()
    text = "# Intro\n\nX " + "![a" * (MOST_OPENINGS - 1) + " [a link](https://example.org).\n"
    blocks = parse_markdown(text, Path("report.md"), "report.md", out, None)
    assert not out.problems, out.problems[:3]
    assert [type(node) for node in blocks[-1].children if isinstance(node, Link)] == [Link]
