"""A right-to-left DOCX: the finished package turned for a language whose script runs right to left (Arabic).

Every paragraph of every part (body, headers, footnotes) gets `w:bidi`; runs holding right-to-left letters get
`w:rtl`; tables `w:bidiVisual` (Word shows their first column at the right: the XML keeps the logical order);
sections `w:bidi`. Alignment and indents are written by their logical sides (`w:jc` `start`/`end`, `w:ind`
`w:start`/`w:end`), so a right-aligned cover line stands at the left, as the PDF draws it; in a table cell both
sides become `start`, the right, where figures keep their units digits one under the other. Word sets right-to-left
text with the complex-script properties: each `w:b`, `w:i`, `w:sz` gets its `w:bCs`, `w:iCs`, `w:szCs`, each
`w:rFonts` of the styles its `w:cs` face and each `w:lang` its `w:bidi` tag (ISO/IEC 29500-1 §17.3.2).
"""

from __future__ import annotations

import unicodedata

from docx.oxml.ns import qn

from ...oxml import element, place, props, put

COMPLEX = {"w:b": "w:bCs", "w:i": "w:iCs", "w:sz": "w:szCs"}
SIDES = {"left": "start", "right": "end"}


def is_rtl_text(text: str) -> bool:
    """Whether `text` holds a strong right-to-left character (Arabic or Hebrew letters: bidi classes R, AL)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def right_to_left(document, cs_font: str, bidi_tag: str) -> None:
    """Turn the parts of `document` (a python-docx Document, finished) right to left; `cs_font` is the face Word
    sets right-to-left text in, `bidi_tag` its language (`ar-SA`)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    put(defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")), element("w:bidi"))
    for fonts in styles.iter(qn("w:rFonts")):
        fonts.set(qn("w:cs"), cs_font)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:bidi"), bidi_tag)
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is not None:
            turn(root)


def turn(root) -> None:
    """Right-to-left properties on everything under `root` (a part's element)."""
    for paragraph in root.iter(qn("w:p")):
        place(props(paragraph, "w:pPr"), "w:bidi")
    for run in root.iter(qn("w:r")):
        if is_rtl_text("".join(t.text or "" for t in run.iter(qn("w:t")))):
            place(props(run, "w:rPr"), "w:rtl")
    for table in root.iter(qn("w:tbl")):
        place(props(table, "w:tblPr"), "w:bidiVisual")
    for section in root.iter(qn("w:sectPr")):
        place(section, "w:bidi")
    for rpr in root.iter(qn("w:rPr")):
        for tag, twin in COMPLEX.items():
            found = rpr.find(qn(tag))
            if found is not None and rpr.find(qn(twin)) is None:
                copy = place(rpr, twin)
                for name, value in found.attrib.items():
                    copy.set(name, value)
    for ppr in root.iter(qn("w:pPr")):
        jc = ppr.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")) in SIDES:
            in_cell = any(parent.tag == qn("w:tc") for parent in ppr.iterancestors())
            jc.set(qn("w:val"), "start" if in_cell else SIDES[jc.get(qn("w:val"))])
    for jc in root.iter(qn("w:lvlJc")):   # a list number set from the start side, as its paragraph
        if jc.get(qn("w:val")) in SIDES:
            jc.set(qn("w:val"), SIDES[jc.get(qn("w:val"))])
    for ind in root.iter(qn("w:ind")):
        for side, logical in SIDES.items():
            value = ind.attrib.pop(qn(f"w:{side}"), None)
            if value is not None:
                ind.set(qn(f"w:{logical}"), value)
