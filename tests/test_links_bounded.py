"""A paper holds at most `LINKED` cross-references and links, refused at the first beyond at its file:line:col
(breaks-6 #5: 150,000 `[](#a)`, 1 MB within every file bound, took check 76 s and 1.2 GB: each is a PDF link
annotation and a DOCX field, many times the cost of its words). A parse reads one more at most, so a file of
them is refused at the cost of its words; each reference and link is placed at its own column, not at the first
one alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccdocs.model import Link, Ref
from ccdocs.parse.anchors import LINKED
from refusals import Case

TARGET = "{#a}\nTarget.\n\n"
TABLE = "\n::: table applicants\nApplicants by region\n:::\n"   # the minimal document.yaml's table, placed
REFERENCES = "# Intro\n\n" + TARGET + "[](#a) " * (LINKED + 1) + "\n" + TABLE   # line 6; each 7 characters
HALF = LINKED // 2 + 1
TOGETHER = {"content/report.md": "# Intro\n\n" + TARGET + "[a](https://x.org) " * HALF + "\n" + TABLE,
            "content/annex.md": "# Annex title\n\n" + "<https://y.org> " * HALF + "\n"}   # line 3; each 16


@pytest.mark.parametrize("case", [
    Case("references", {"content/report.md": REFERENCES}, "the paper's cross-reference or link number 10,001: a "
         "paper holds at most 10,000", f"content/report.md:6:{7 * LINKED + 1}"),
    Case("files-together", TOGETHER, "cross-reference or link number 10,001",
         f"content/annex.md:3:{16 * (LINKED - HALF) + 1}"),
], ids=lambda case: case.id)
def test_a_paper_beyond_its_links_is_refused_at_the_first_beyond(refuse, case):
    output = refuse(case)
    assert f"{case.where}: error:" in output


def test_a_paper_of_exactly_its_links_is_read():
    blocks = _parsed("[](#a) " * LINKED)
    assert sum(isinstance(node, Ref) for node in blocks[-1].children) == LINKED


def test_each_reference_and_link_is_placed_where_it_is_written():
    text = ("See [](#a), [the target](#a) and [](#a)–[](#b); [x](https://x.org/é) (aside) [y **z**](https://x.org)\n"
            "[](#a) <https://y.org>, <a@b.org>, [m](<https://z.org>).")
    found = [(type(node).__name__, node.source.line, node.source.col) for node in _parsed(text)[-1].children
             if isinstance(node, Ref | Link)]
    assert found == [("Ref", 6, 5), ("Ref", 6, 13), ("Ref", 6, 34), ("Link", 6, 49), ("Link", 6, 78),
                     ("Ref", 7, 1), ("Link", 7, 8), ("Link", 7, 25), ("Link", 7, 36)]


def _parsed(paragraph: str) -> tuple:
    """The blocks of a report of a target paragraph (line 4, `{#a}`) and `paragraph` (from line 6)."""
    from ccdocs.errors import Collector
    from ccdocs.parse.markdown import parse_markdown

    out = Collector()
    blocks = parse_markdown("# Intro\n\n" + TARGET + paragraph + "\n", Path("report.md"), "report.md", out, None)
    assert not out.problems, out.problems
    return blocks
