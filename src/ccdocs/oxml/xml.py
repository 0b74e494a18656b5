"""Building WordprocessingML elements: namespaced tags, attributes and children in schema order."""

from __future__ import annotations

from functools import cache

from lxml import etree

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

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
STYLE = ("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
         "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
         "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
BORDERS = ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV")
ORDERS = {"w:style": STYLE, "w:rPr": RPR, "w:pPr": PPR, "w:sectPr": SECTPR, "w:tblPr": TBLPR, "w:trPr": TRPR,
          "w:tcPr": TCPR, "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
          "w:tblBorders": BORDERS, "w:tcBorders": BORDERS + ("w:tl2br", "w:tr2bl")}
_SECT_PR = qn("w:sectPr")
_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))   # children `_in_order` keeps each of


# Elements are made by lxml directly with the tag names resolved once (python-docx's OxmlElement parses the
# prefixed name on every call); in a document's tree they are made in place (`sub`), which spares lxml a
# document of their own for each. The XML is the same. These functions run for every element a document has:
# each keeps to one cached look-up per name and lxml's own calls.

@cache
def clark(tag: str) -> str:
    """The `{namespace}name` of a prefixed name (`w:p`), as `qn`, looked up once per name."""
    return qn(tag)


@cache
def _attribute(name: str) -> str:
    return qn(f"w:{name}")


def _attributes(attrs: dict) -> dict | None:
    return {_attribute(name): str(value) for name, value in attrs.items()} if attrs else None


@cache
def _made(tag: str) -> tuple:
    """The Clark name of `tag` and the namespace map of its prefix (lxml only reads it)."""
    prefix = tag.partition(":")[0]
    return clark(tag), {prefix: nsmap[prefix]}


def element(tag: str, **attrs):
    """A new element `w:tag` with `w:` attributes given as keywords (`val="x"` sets `w:val`), of python-docx's
    element class for its tag."""
    name, names = _made(tag)
    return oxml_parser.makeelement(name, _attributes(attrs), nsmap=names)


def sub(parent, tag: str, **attrs):
    """A new element `w:tag` appended to `parent`, its `w:` attributes given as keywords, as `element`."""
    return etree.SubElement(parent, clark(tag), _attributes(attrs))


def add_block(parent, tag: str = "w:p"):
    """A new empty block (`w:p`) at the end of the content of `parent` (a body, cell, note or header): before a
    body's closing `w:sectPr`, as python-docx puts it (which looks for that `w:sectPr` among all the body's
    children for each block added)."""
    return _before_section(etree.SubElement(parent, clark(tag)))


def place_block(parent, block):
    """Put `block` (a `w:tbl` or `w:p`) at the end of the content of `parent`, as `add_block`; returns it."""
    parent.append(block)
    return _before_section(block)


def _before_section(block):
    before = block.getprevious()
    if before is not None and before.tag == _SECT_PR:
        before.addprevious(block)
    return block


def tag_of(el) -> str:
    """The `w:name` form of an element's tag."""
    return _prefixed(el.tag)


@cache
def _prefixed(tag: str) -> str:
    return "w:" + tag.split("}", 1)[1]


@cache
def _ranks(parent: str) -> dict:
    """The place of each child in the schema's order of the children of `parent` (`w:` elements, all as Clark
    names); a child not listed has none. Raises KeyError for a parent without a listed order."""
    return {clark(tag): rank for rank, tag in enumerate(ORDERS[_prefixed(parent)])}


def put(parent, child):
    """Put `child` into `parent` in schema order, replacing a child of the same tag; returns `child`."""
    return _in_order(parent, child, next(parent.iterchildren(child.tag), None))


def place(parent, tag: str, **attrs):
    """`put(parent, element(tag, **attrs))`, the element made in place (`sub`); returns it."""
    name = clark(tag)
    old = next(parent.iterchildren(name), None)
    return _in_order(parent, etree.SubElement(parent, name, _attributes(attrs)), old)


def _in_order(parent, child, old):
    """Move `child` to its place among the children of `parent` (schema order), or to where `old`, a child of the
    same tag, stood (a section's header and footer references are each kept)."""
    tag = child.tag
    if old is not None and tag not in _REFERENCES:
        old.addnext(child)
        parent.remove(old)
        return child
    ranks = _ranks(parent.tag)
    rank = ranks.get(tag, -1)
    if rank < 0:
        raise ValueError(f"{tag_of(child)} is not a child of {tag_of(parent)}")
    for existing in parent:
        if existing is not child and ranks.get(existing.tag, -1) > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def props(owner, tag: str):
    """The property child `tag` (`w:pPr`, `w:rPr`, `w:tblPr`, `w:trPr`, `w:tcPr`) of `owner`, added first."""
    name = clark(tag)
    found = next(owner.iterchildren(name), None)
    if found is None:
        found = etree.SubElement(owner, name)
        owner.insert(0, found)
    return found


def twips(points: float) -> int:
    """Points as twentieths of a point."""
    return round(points * 20)


__all__ = ["add_block", "clark", "element", "place", "place_block", "put", "props", "qn", "sub", "tag_of", "twips"]
