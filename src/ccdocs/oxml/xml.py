"""Building WordprocessingML elements: namespaced tags, attributes and children in schema order."""

from __future__ import annotations

from docx.oxml.parser import OxmlElement
from docx.oxml.ns import qn

# Child order of the property elements we touch (ECMA-376 Part 1, the CT_* sequences).
RPR = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
       "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish",
       "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
       "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
       "w:eastAsianLayout", "w:specVanish", "w:oMath")
PPR = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
       "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
       "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
       "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
       "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
       "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
SECTPR = ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
          "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
          "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
          "w:printerSettings", "w:sectPrChange")
TBLPR = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
         "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
         "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
TRPR = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
        "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
TCPR = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
        "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
BORDERS = ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV")
ORDERS = {"w:rPr": RPR, "w:pPr": PPR, "w:sectPr": SECTPR, "w:tblPr": TBLPR, "w:trPr": TRPR, "w:tcPr": TCPR,
          "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"), "w:tblBorders": BORDERS,
          "w:tcBorders": BORDERS + ("w:tl2br", "w:tr2bl")}


def element(tag: str, **attrs) -> OxmlElement:
    """A new element `w:tag` with `w:` attributes given as keywords (`val="x"` sets `w:val`)."""
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), str(value))
    return el


def tag_of(el) -> str:
    """The `w:name` form of an element's tag."""
    return "w:" + el.tag.split("}", 1)[1]


def put(parent, child):
    """Put `child` into `parent` in schema order, replacing a child of the same tag; returns `child`."""
    order = ORDERS[tag_of(parent)]
    tag = tag_of(child)
    old = parent.find(qn(tag))
    if old is not None and tag not in ("w:headerReference", "w:footerReference"):
        old.addnext(child)
        parent.remove(old)
        return child
    rank = order.index(tag)
    for existing in parent:
        if tag_of(existing) in order and order.index(tag_of(existing)) > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def props(owner, tag: str):
    """The property child `tag` (`w:pPr`, `w:rPr`, `w:tblPr`, `w:trPr`, `w:tcPr`) of `owner`, added first."""
    found = owner.find(qn(tag))
    if found is None:
        found = element(tag)
        owner.insert(0, found)
    return found


def twips(points: float) -> int:
    """Points as twentieths of a point."""
    return round(points * 20)


__all__ = ["element", "put", "props", "qn", "tag_of", "twips"]
