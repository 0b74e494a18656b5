"""The footnotes part (word/footnotes.xml) with its separators, and footnote reference runs."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml, register_element_cls
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import BaseOxmlElement, OptionalAttribute, RequiredAttribute, ZeroOrMore
from docx.parts.story import StoryPart
from lxml.etree import SubElement

from .xml import clark, element

SEPARATOR_ID, CONTINUATION_ID = -1, 0
ID, FOOTNOTE = clark("w:id"), clark("w:footnote")


def _separator(kind: str, note_id: int) -> str:
    spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    return (f'<w:footnote w:type="{kind}" w:id="{note_id}"><w:p>{spacing}'
            f'<w:r><w:{kind}/></w:r></w:p></w:footnote>')


DEFAULT_XML = (f'<w:footnotes {nsdecls("w", "r")}>'
               + _separator("separator", SEPARATOR_ID) + _separator("continuationSeparator", CONTINUATION_ID)
               + "</w:footnotes>")


class CT_Footnote(BaseOxmlElement):
    """`w:footnote`: one note (a story of paragraphs and tables) or a separator."""

    id = RequiredAttribute("w:id", ST_DecimalNumber)
    type = OptionalAttribute("w:type", ST_String)
    p = ZeroOrMore("w:p", successors=())
    tbl = ZeroOrMore("w:tbl", successors=())


class CT_Footnotes(BaseOxmlElement):
    """`w:footnotes`, the root of the footnotes part."""

    footnote = ZeroOrMore("w:footnote", successors=())

    def add_note(self) -> CT_Footnote:
        """A new, empty footnote with the next free id (1, 2, … after the separators).

        Notes are only ever added here, each after the last with the next id: the last holds the highest (no
        search of every note's id for each note)."""
        last = next(self.iterchildren(reversed=True), None)
        highest = CONTINUATION_ID if last is None else max(int(last.get(ID)), CONTINUATION_ID)
        return SubElement(self, FOOTNOTE, {ID: str(highest + 1)})   # python-docx's `_add_footnote`, made in place


register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_Footnote)


class FootnotesPart(StoryPart):
    """word/footnotes.xml: a story part, so paragraphs in it find styles and own their hyperlinks."""

    @classmethod
    def default(cls, package) -> "FootnotesPart":
        """A footnotes part holding only the separator and continuation-separator notes."""
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(DEFAULT_XML), package)

    @property
    def notes(self) -> CT_Footnotes:
        """The `w:footnotes` root element."""
        return self._element


def add_footnotes_part(document_part, settings_element) -> FootnotesPart:
    """Create the footnotes part, relate it to the document and name its separators in the settings."""
    part = FootnotesPart.default(document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    pr = settings_element.find(qn("w:footnotePr"))
    if pr is None:
        pr = element("w:footnotePr")
        successors = [settings_element.find(qn(t)) for t in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids",
                                                              "w:themeFontLang", "w:decimalSymbol")]
        anchor = next((s for s in successors if s is not None), None)
        settings_element.append(pr) if anchor is None else anchor.addprevious(pr)
    for note_id in (SEPARATOR_ID, CONTINUATION_ID):
        pr.append(element("w:footnote", id=note_id))
    return part


# A note's runs are made for every note: their children are made in place, under the run (one lxml document
# for the run, not one for each element).

def _styled_run(style_id: str):
    run = element("w:r")
    SubElement(SubElement(run, clark("w:rPr")), clark("w:rStyle"), {clark("w:val"): style_id})
    return run


def _text(run, value: str) -> None:
    SubElement(run, clark("w:t")).text = value


def reference_run(note_id: int, style_id: str, custom_mark: str | None = None):
    """The `w:r` in the text that calls note `note_id`; a custom mark (`*`) takes no number."""
    run = _styled_run(style_id)
    ref = SubElement(run, clark("w:footnoteReference"), {ID: str(note_id)})
    if custom_mark:
        ref.set(clark("w:customMarkFollows"), "1")
        _text(run, custom_mark)
    return run


def mark_run(style_id: str, custom_mark: str | None = None):
    """The `w:r` that shows the note's own number (`w:footnoteRef`) or its custom mark inside the note."""
    run = _styled_run(style_id)
    if custom_mark:
        _text(run, custom_mark)
    else:
        SubElement(run, clark("w:footnoteRef"))
    return run


__all__ = ["CT_Footnote", "CT_Footnotes", "FootnotesPart", "add_footnotes_part", "reference_run", "mark_run",
           "SEPARATOR_ID", "CONTINUATION_ID"]
