"""Landscape pages: a part, or a wide table, on pages turned a quarter (A4 842 × 595 pt), as Word prints a
landscape section; the running header stands at the top right of each, as on the portrait pages.

A landscape table takes the headings just before it onto its first landscape page, and the portrait pages
resume after it (its notes and source line included). The page templates are the portrait ones' names with
`-landscape` (document.PaperTemplate makes them).
"""

from __future__ import annotations

from contextlib import contextmanager

from reportlab.platypus.doctemplate import ActionFlowable, NextPageTemplate, PageBreak
from reportlab.platypus.flowables import CondPageBreak

from ...model import Heading, Table
from .document import Locate

LANDSCAPE = "-landscape"


def turned(name: str, landscape: bool) -> str:
    """The page template `name` (`body`, `annex-first`, `annex`), landscape when `landscape`."""
    return name + LANDSCAPE if landscape else name


def opens_landscape(part) -> bool:
    """Whether the first page of `part` is landscape: the part is, or its first block after any headings is a
    landscape table."""
    first = next((b for b in part.blocks if not isinstance(b, Heading)), None)
    return part.landscape or (isinstance(first, Table) and first.landscape)


def opening(parts, index: int) -> list:
    """The flowables that open part `index` of `parts` on a page of its own, in its orientation; [] when it
    runs on (a part of other orientation than the one before it always starts a page)."""
    part = parts[index]
    turn = part.landscape or (index > 0 and parts[index - 1].landscape)
    if not (index and part.new_page) and not turn:
        return []
    return [NextPageTemplate(turned("annex-first" if part.restart_pages else "body", opens_landscape(part))),
            PageBreak()]


class Turn(ActionFlowable):
    """From here on, pages of the template `name`: a new page, unless this one already is one (a part opening on
    a landscape page, a landscape table following another)."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def apply(self, doc):
        follow = self.name.replace("annex-first", "annex")
        if doc.pageTemplate.id.replace("annex-first", "annex") == follow:
            return
        doc.handle_nextPageTemplate(follow)
        doc.handle_pageBreak()


@contextmanager
def wide(builder, landscape: bool = True):
    """Build with the landscape page's text width while inside."""
    saved = builder.width
    if landscape:
        builder.width = builder.landscape_width
    try:
        yield
    finally:
        builder.width = saved


def landscape_table(builder, t, make) -> list:
    """The flowables `make(builder, t)` of a landscape table, at the landscape text width, between turns to
    landscape pages and back (nothing to turn in a landscape part)."""
    part = builder.part
    if part is None or part.landscape:
        return make(builder, t)
    name = "annex" if part.restart_pages else "body"
    with wide(builder):
        flows = make(builder, t)
    return [Turn(turned(name, True))] + flows + [Turn(name)]


def place(out: list, locate: Locate, flows: list, closing: bool = False) -> list:
    """`out` followed by a block's `locate` and `flows` (`out` extended in place and returned: a document's blocks
    are thousands, and a new list per block made the story quadratic); a turn opening `flows` is moved before the
    headings that end `out` (with their Locate and keep), so that they stand on the landscape page with the table; a
    turn back that ends `out` and a turn opening `flows` cancel (two landscape tables share their pages). A `closing`
    block (a part's closing marker, `[End of document]`) goes before a turn back that ends `out`: it follows the
    landscape table on its page rather than standing alone on a portrait page."""
    if closing and out and isinstance(out[-1], Turn):
        out[-1:] = [locate, *flows, out[-1]]
    elif not flows or not isinstance(flows[0], Turn):
        out.append(locate)
        out += flows
    elif out and isinstance(out[-1], Turn):
        out[-1:] = [locate, *flows[1:]]
    else:
        at = len(out)
        while at and (isinstance(out[at - 1], Locate | CondPageBreak) or getattr(out[at - 1], "sticky", False)):
            at -= 1
        while at < len(out) and not isinstance(out[at], Locate):   # start at a block's beginning
            at += 1
        out.insert(at, flows[0])
        out.append(locate)
        out += flows[1:]
    return out
