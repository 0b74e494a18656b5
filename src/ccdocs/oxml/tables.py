"""Table properties python-docx lacks: repeated header rows, unsplit rows, cell margins, fixed widths, centring."""

from __future__ import annotations

from .xml import element, props, put


def repeat_header(tr):
    """Repeat this row at the top of each page the table runs onto (`w:tblHeader`)."""
    return put(props(tr, "w:trPr"), element("w:tblHeader"))


def cant_split(tr):
    """Keep this row on one page (`w:cantSplit`)."""
    return put(props(tr, "w:trPr"), element("w:cantSplit"))


def cell_margins(tbl_pr, top: int, left: int, bottom: int, right: int):
    """Default cell margins in twips (`w:tblCellMar`) of a table's or a table style's `w:tblPr`."""
    mar = element("w:tblCellMar")
    for edge, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(element(f"w:{edge}", w=value, type="dxa"))
    return put(tbl_pr, mar)


def fixed_layout(tbl, width: int):
    """A table of `width` twips whose column widths are kept as given (`w:tblLayout fixed`)."""
    tbl_pr = props(tbl, "w:tblPr")
    put(tbl_pr, element("w:tblW", w=width, type="dxa"))
    return put(tbl_pr, element("w:tblLayout", type="fixed"))


def centred(tbl):
    """Centre a table narrower than the text between the margins (`w:jc w:val="center"` in `w:tblPr`)."""
    return put(props(tbl, "w:tblPr"), element("w:jc", val="center"))


def cell_width(tc, width: int):
    """The width of a cell, in twips (`w:tcW`)."""
    return put(props(tc, "w:tcPr"), element("w:tcW", w=width, type="dxa"))


__all__ = ["repeat_header", "cant_split", "cell_margins", "fixed_layout", "centred", "cell_width"]
