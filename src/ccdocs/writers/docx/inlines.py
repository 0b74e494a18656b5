"""Model inlines to Word runs: formatted text, hyperlinks, footnote references, line breaks."""

from __future__ import annotations

from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import OxmlElement
from docx.text.run import Run

from ...model import Code, Emph, LineBreak, Link, Note, Ref, Strong, Text
from ...oxml import add_hyperlink, element
from . import notes, references
from .styles import style_id

SPECIAL = frozenset("\t\r\n")  # characters python-docx's text setter turns into w:tab and w:br


@dataclass(frozen=True)
class Format:
    """Character formatting carried down the inline tree."""

    bold: bool = False
    italic: bool = False
    caps: bool = False
    superscript: bool = False
    style: str | None = None


def _properties(fmt: Format) -> list:
    """The `w:rPr` children of `fmt`, in schema order, as python-docx's setters would make them."""
    found = []
    if fmt.style:
        found.append(element("w:rStyle", val=style_id(fmt.style)))
    if fmt.bold:
        found.append(element("w:b"))
    if fmt.italic:
        found.append(element("w:i"))
    if fmt.caps:
        found.append(element("w:caps", val="1"))
    if fmt.superscript:
        found.append(element("w:vertAlign", val="superscript"))
    return found


def run_properties(fmt: Format):
    """The `w:rPr` of `fmt`, or None when it sets nothing."""
    found = _properties(fmt)
    if not found:
        return None
    rpr = element("w:rPr")
    rpr.extend(found)
    return rpr


def add_run(paragraph, text: str, fmt: Format = Format(), sink=None) -> Run:
    """Append a run of `text` (tabs and newlines become w:tab and w:br) to `sink` (the paragraph's w:p).

    The elements are built directly (python-docx's setters look for every possible sibling of each one,
    and its text setter handles one character at a time); the XML is the same.
    """
    r = OxmlElement("w:r")
    (paragraph._p if sink is None else sink).append(r)
    rpr = run_properties(fmt)
    if rpr is not None:
        r.append(rpr)
    run = Run(r, paragraph)
    if SPECIAL.intersection(text):
        run.text = text
    elif text:
        r.add_t(text)
    return run


def _text(state, paragraph, sink, node, fmt):
    add_run(paragraph, node.text, fmt, sink)


def _strong(state, paragraph, sink, node, fmt):
    add_inlines(state, paragraph, node.children, replace(fmt, bold=True), sink)


def _emph(state, paragraph, sink, node, fmt):
    add_inlines(state, paragraph, node.children, replace(fmt, italic=True), sink)


def _link(state, paragraph, sink, node, fmt):
    r_id = paragraph.part.relate_to(node.target, RT.HYPERLINK, is_external=True)
    link = add_hyperlink(sink, r_id)
    add_inlines(state, paragraph, node.children, replace(fmt, style="Hyperlink"), link)


def _break(state, paragraph, sink, node, fmt):
    r = element("w:r")
    r.append(element("w:br"))
    sink.append(r)


def _note(state, paragraph, sink, node, fmt):
    note = notes.add_note(state, sink, node)
    if node.anchor:
        run = sink[-1]
        references.mark(state, run.getparent(), run, run, state.anchors[node.anchor])
    return note


def _reference(state, paragraph, sink, node, fmt):
    references.add_reference(state, paragraph, sink, node, fmt)


INLINES = {Text: _text, Code: _text, Strong: _strong, Emph: _emph, Link: _link, LineBreak: _break, Note: _note,
           Ref: _reference}


def add_inlines(state, paragraph, inlines, fmt: Format = Format(), sink=None):
    """Append `inlines` to `paragraph` (or to `sink`, an element inside it such as a w:hyperlink)."""
    sink = paragraph._p if sink is None else sink
    for node in inlines:
        INLINES[type(node)](state, paragraph, sink, node, fmt)


__all__ = ["Format", "add_run", "add_inlines"]
