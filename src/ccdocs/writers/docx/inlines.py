"""Model inlines to Word runs: formatted text, hyperlinks, footnote references, line breaks."""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml.etree import SubElement

from ...model import Code, Emph, LineBreak, Link, Note, Ref, Strong, Text
from ...oxml import add_hyperlink, clark, element, sub
from . import notes, references
from .parts import relate
from .styles import style_id

SPECIAL = re.compile(r"([\t\r\n])")  # characters python-docx's text setter turns into w:tab and w:br
# The tags and attribute names of a run's elements, resolved once (a run is made for every piece of text).
R, T, TAB, BR, RPR = (clark(tag) for tag in ("w:r", "w:t", "w:tab", "w:br", "w:rPr"))
SPACE = clark("xml:space")


class Format(NamedTuple):
    """Character formatting carried down the inline tree (a tuple: hashed at C speed for the caches below)."""

    bold: bool = False
    italic: bool = False
    caps: bool = False
    superscript: bool = False
    style: str | None = None


PLAIN = Format()


@cache
def with_(fmt: Format, name: str, value) -> Format:
    """`fmt` with the field `name` set to `value`, made once per format and change."""
    return fmt._replace(**{name: value})


@cache
def _properties(fmt: Format) -> tuple:
    """The `w:rPr` children of `fmt` as (Clark tag, read-only attributes by Clark name), in schema order, as
    python-docx's setters would make them."""
    found = []
    if fmt.style:
        found.append(("w:rStyle", {"val": style_id(fmt.style)}))
    if fmt.bold:
        found.append(("w:b", {}))
    if fmt.italic:
        found.append(("w:i", {}))
    if fmt.caps:
        found.append(("w:caps", {"val": "1"}))
    if fmt.superscript:
        found.append(("w:vertAlign", {"val": "superscript"}))
    return tuple((clark(tag), MappingProxyType({clark(f"w:{name}"): value for name, value in attrs.items()}))
                 for tag, attrs in found)


def _add_properties(run, fmt: Format) -> None:
    """Give `run` (a `w:r`) the `w:rPr` of `fmt`, when it sets anything."""
    found = _properties(fmt)
    if found:
        rpr = SubElement(run, RPR)
        for tag, attrs in found:
            SubElement(rpr, tag, attrs)


def run_properties(fmt: Format):
    """The `w:rPr` of `fmt`, or None when it sets nothing."""
    found = _properties(fmt)
    if not found:
        return None
    rpr = element("w:rPr")
    for tag, attrs in found:
        SubElement(rpr, tag, attrs)
    return rpr


def add_text(run, text: str) -> None:
    """Append `text` to `run` (a `w:r`) as python-docx's text setter does: `w:t` pieces (edge spaces kept), each
    tab a `w:tab`, each newline or carriage return a `w:br`."""
    for piece in SPECIAL.split(text) if SPECIAL.search(text) else (text,):
        if piece == "\t":
            SubElement(run, TAB)
        elif piece in ("\n", "\r"):
            SubElement(run, BR)
        elif piece:
            t = SubElement(run, T)
            t.text = piece
            if piece.strip() != piece:
                t.set(SPACE, "preserve")


def add_run(paragraph, text: str, fmt: Format = PLAIN, sink=None):
    """Append a run of `text` (tabs and newlines become w:tab and w:br) to `sink` (the paragraph's w:p); the
    run's `w:r`.

    The elements are built directly, in place (python-docx's setters look for every possible sibling of each
    one, and its text setter handles one character at a time); the XML is the same.
    """
    r = SubElement(paragraph._p if sink is None else sink, R)
    _add_properties(r, fmt)
    add_text(r, text)
    return r


def _text(state, paragraph, sink, node, fmt):
    add_run(paragraph, node.text, fmt, sink)


def _strong(state, paragraph, sink, node, fmt):
    add_inlines(state, paragraph, node.children, with_(fmt, "bold", True), sink)


def _emph(state, paragraph, sink, node, fmt):
    add_inlines(state, paragraph, node.children, with_(fmt, "italic", True), sink)


def _link(state, paragraph, sink, node, fmt):
    r_id = relate(state, paragraph.part, node.target, RT.HYPERLINK)   # one relationship a part and URL
    link = add_hyperlink(sink, r_id)
    add_inlines(state, paragraph, node.children, with_(fmt, "style", "Hyperlink"), link)


def _break(state, paragraph, sink, node, fmt):
    sub(sub(sink, "w:r"), "w:br")


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


def add_inlines(state, paragraph, inlines, fmt: Format = PLAIN, sink=None):
    """Append `inlines` to `paragraph` (or to `sink`, an element inside it such as a w:hyperlink)."""
    sink = paragraph._p if sink is None else sink
    for node in inlines:
        INLINES[type(node)](state, paragraph, sink, node, fmt)


__all__ = ["Format", "add_run", "add_inlines"]
