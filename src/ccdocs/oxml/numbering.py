"""Numbering definitions (word/numbering.xml) for numbered paragraphs: one list per sequence."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml.etree import SubElement

from .xml import clark, element, place

_ILVL, _NUM_ID, _VAL = clark("w:ilvl"), clark("w:numId"), clark("w:val")


def add_sequence(numbering, start: int, tab: int, text: str = "%1.", number_format: str = "decimal") -> int:
    """A single-level list counting from `start`, number at the margin then a tab to `tab` twips; its numId.

    Each sequence gets an abstractNum of its own (and a startOverride), so Word and LibreOffice both restart it.
    """
    abstract_id = len(numbering.findall(qn("w:abstractNum")))
    abstract = element("w:abstractNum", abstractNumId=abstract_id)
    abstract.append(element("w:nsid", val=f"{0x1C0D0000 + abstract_id:08X}"))
    abstract.append(element("w:multiLevelType", val="singleLevel"))
    level = element("w:lvl", ilvl=0)
    for tag, value in (("w:start", start), ("w:numFmt", number_format), ("w:suff", "tab"),
                       ("w:lvlText", text), ("w:lvlJc", "left")):
        level.append(element(tag, val=value))
    ppr = element("w:pPr")
    tabs = place(ppr, "w:tabs")
    tabs.append(element("w:tab", val="num", pos=tab))
    place(ppr, "w:ind", left=0, firstLine=0)
    level.append(ppr)
    abstract.append(level)
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = max([int(n.get(qn("w:numId"))) for n in nums] + [0]) + 1
    num = element("w:num", numId=num_id)
    num.append(element("w:abstractNumId", val=abstract_id))
    override = element("w:lvlOverride", ilvl=0)
    override.append(element("w:startOverride", val=start))
    num.append(override)
    numbering.append(num)
    return num_id


def number_paragraph(ppr, num_id: int, level: int = 0):
    """Give a paragraph (`w:pPr`) the number of list `num_id`."""
    num_pr = place(ppr, "w:numPr")
    SubElement(num_pr, _ILVL, {_VAL: str(level)})    # `sub`, spared its keyword handling: once per paragraph
    SubElement(num_pr, _NUM_ID, {_VAL: str(num_id)})
    return num_pr


__all__ = ["add_sequence", "number_paragraph"]
