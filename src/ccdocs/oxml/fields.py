"""Fields (PAGE, REF) as complex-field runs, hyperlinks around runs, and bookmarks."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from .xml import element


def field_runs(instruction: str, shown: str, rpr=None) -> list:
    """The runs of a field: begin, ` PAGE `, separate, the shown value, end; each with a copy of `rpr`."""
    runs = []
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("shown", shown),
                       ("end", None)):
        run = element("w:r")
        if rpr is not None:
            run.append(deepcopy(rpr))
        if kind == "instr":
            child = element("w:instrText")
            child.set(qn("xml:space"), "preserve")
            child.text = text
        elif kind == "shown":
            child = element("w:t")
            child.text = text
        else:
            child = element("w:fldChar", fldCharType=kind)
        run.append(child)
        runs.append(run)
    return runs


def add_field(paragraph, instruction: str, shown: str = "1", rpr=None) -> list:
    """Append the field `instruction` (e.g. `PAGE`) to a `w:p`; the runs added."""
    runs = field_runs(instruction, shown, rpr)
    for run in runs:
        paragraph.append(run)
    return runs


def add_hyperlink(paragraph, r_id: str | None = None, anchor: str | None = None):
    """Append an empty `w:hyperlink` to a `w:p`, to the relationship `r_id` (an address) or to the bookmark
    `anchor` of this document; fill it with runs."""
    link = element("w:hyperlink")
    if r_id is not None:
        link.set(qn("r:id"), r_id)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    paragraph.append(link)
    return link


def bookmark(bookmark_id: int, name: str) -> tuple:
    """The `w:bookmarkStart` and `w:bookmarkEnd` of the bookmark `name` (`bookmark_id` unique in the document),
    to be put around what it marks: both are children of a `w:p`, beside its runs."""
    start = element("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = element("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    return start, end


__all__ = ["field_runs", "add_field", "add_hyperlink", "bookmark"]
