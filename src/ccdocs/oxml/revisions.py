"""Tracked changes (revisions) python-docx lacks: text shown as inserted (`w:ins`) or deleted (`w:del`).

Word shows the runs inside `w:ins` underlined and those inside `w:del` struck through, in the reviser's colour,
and offers to accept or reject each; a deleted run holds its text as `w:delText` (ECMA-376 Part 1, 17.13.5).
"""

from __future__ import annotations

from docx.oxml.ns import qn

from .xml import element


def revision_run(text: str, kind: str, revision_id: int, author: str, date: str | None = None, rpr=None):
    """A run of `text` wrapped as a revision: `kind` "insert" (`w:ins`) or "delete" (`w:del`).

    `revision_id` must be unique among the document's revisions; `date` is an ISO 8601 time (`2026-05-21T00:00:00Z`)
    or None; `rpr` a `w:rPr` to copy into the run. Returns the `w:ins`/`w:del` element, to append to a `w:p`.
    """
    attrs = {"id": revision_id, "author": author, **({"date": date} if date else {})}
    wrapper = element("w:ins" if kind == "insert" else "w:del", **attrs)
    run = element("w:r")
    if rpr is not None:
        run.append(rpr)
    piece = element("w:t" if kind == "insert" else "w:delText")
    piece.text = text
    piece.set(qn("xml:space"), "preserve")
    run.append(piece)
    wrapper.append(run)
    return wrapper
