"""Table properties python-docx lacks: repeated header rows, unsplit rows, cell margins, fixed widths, centring."""

from __future__ import annotations

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml

from .xml import element, place, props, put

LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" '
        'w:val="04A0"/>')                  # python-docx's, as its add_table writes it


def fixed_table(rows: int, widths: list[int]):
    """A new `w:tbl` (python-docx's CT_Tbl) of `rows` rows whose columns are `widths` twips wide, laid out fixed,
    each cell holding one empty paragraph: the markup python-docx's `add_table` then `fixed_layout` and
    `cell_width` on every cell make (tests/test_oxml.py holds them equal), parsed at once: three times faster than
    making a table's cells one by one with them."""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    row = "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p/></w:tc>'
                             for width in widths) + "</w:tr>"
    return parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                     f'<w:tblLayout w:type="fixed"/>{LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{row * rows}</w:tbl>')


def repeat_header(tr):
    """Repeat this row at the top of each page the table runs onto (`w:tblHeader`)."""
    return place(props(tr, "w:trPr"), "w:tblHeader")


def cant_split(tr):
    """Keep this row on one page (`w:cantSplit`)."""
    return place(props(tr, "w:trPr"), "w:cantSplit")


def cell_margins(tbl_pr, top: int, left: int, bottom: int, right: int):
    """Default cell margins in twips (`w:tblCellMar`) of a table's or a table style's `w:tblPr`."""
    mar = element("w:tblCellMar")
    for edge, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(element(f"w:{edge}", w=value, type="dxa"))
    return put(tbl_pr, mar)


def fixed_layout(tbl, width: int):
    """A table of `width` twips whose column widths are kept as given (`w:tblLayout fixed`)."""
    tbl_pr = props(tbl, "w:tblPr")
    place(tbl_pr, "w:tblW", w=width, type="dxa")
    return place(tbl_pr, "w:tblLayout", type="fixed")


def centred(tbl):
    """Centre a table narrower than the text between the margins (`w:jc w:val="center"` in `w:tblPr`)."""
    return place(props(tbl, "w:tblPr"), "w:jc", val="center")


def cell_width(tc, width: int):
    """The width of a cell, in twips (`w:tcW`)."""
    return place(props(tc, "w:tcPr"), "w:tcW", w=width, type="dxa")


__all__ = ["fixed_table", "repeat_header", "cant_split", "cell_margins", "fixed_layout", "centred", "cell_width"]
