"""Cross-references in Word: a bookmark at each anchored block, a field or link at each reference.

A label's words are plain runs and each of its numbers a field whose cached result is the number ccdocs printed,
so that Word shows the label at once and computes the same number again when fields are updated (F9) after an
editor inserts a paragraph:

- a numbered paragraph: `REF _Ref_x \\n \\h`, the number Word's own numbering gives the bookmarked paragraph, without
  its trailing period (`12`); the words stay outside the field, so Word's update keeps `paragraph 12`;
- a footnote: `NOTEREF _Ref_x \\h`, the number Word gives the bookmarked footnote mark;
- a chapter or a table: `REF _Ref_x \\h`, the bookmarked text, which is the number typed in its heading's or
  caption's prefix (`3` of `Chapter 3: `, `III` of `III. `, `2` of `Table 2: `);
- an annex: its label in a link to its first heading (Word prints the annex's number in the header only).

A reference with its own words is a link to the bookmark around those words.
"""

from __future__ import annotations

from ...model import Ref, RefNumber, Text
from ...oxml.fields import add_hyperlink, bookmark, field_runs
from ...oxml.xml import qn
from ...transforms.references import bookmarks
from ...transforms.walk import walk
from . import inlines

INSTRUCTIONS = {"paragraph": "REF {name} \\n \\h", "note": "NOTEREF {name} \\h", "text": "REF {name} \\h"}


def prepare(state, doc) -> None:
    """Name the bookmarks of `doc`'s anchors (unique among those already in the DOCX) and note the number each
    `text` target prints, which its bookmark will hold."""
    state.anchors = bookmarks(doc, state.bookmark_names)
    state.bookmark_names.update(state.anchors.values())
    # A document without anchors has no references (each names an anchor): its nodes are not walked again.
    state.numerals = {piece.target: piece.text for ref in walk(doc.parts, Ref)   # the walk passes over plain text
                      for piece in ref.label if isinstance(piece, RefNumber) and piece.kind == "text"} \
        if state.anchors else {}


def mark(state, p, first=None, last=None, name: str = "") -> None:
    """Put the bookmark `name` around the children `first` to `last` of the `w:p` `p` (default: all its runs)."""
    bookmark_id = state.next_bookmark
    state.next_bookmark += 1
    start, end = bookmark(bookmark_id, name)
    if first is None:
        ppr = p.find(qn("w:pPr"))
        p.insert(0 if ppr is None else list(p).index(ppr) + 1, start)
        p.append(end)
    else:
        first.addprevious(start)
        last.addnext(end)


def anchor_block(state, paragraph, anchor: str) -> None:
    """Bookmark the whole of a paragraph (a python-docx Paragraph) that carries `anchor`."""
    if anchor:
        mark(state, paragraph._p, name=state.anchors[anchor])


def add_prefix(state, paragraph, prefix: str, anchor: str, fmt=None) -> None:
    """A heading's or caption's prefix (`Chapter 3: `); when a reference shows its number, the number is a run of
    its own inside the anchor's bookmark, else the whole paragraph is bookmarked (after its runs are written)."""
    add_run, fmt = inlines.add_run, fmt or inlines.Format()
    numeral = state.numerals.get(anchor, "") if anchor else ""
    at = prefix.find(numeral) if numeral else -1
    if at < 0:
        if prefix:
            add_run(paragraph, prefix, fmt)
        return
    if prefix[:at]:
        add_run(paragraph, prefix[:at], fmt)
    run = add_run(paragraph, numeral, fmt)
    mark(state, paragraph._p, run, run, state.anchors[anchor])
    if prefix[at + len(numeral):]:
        add_run(paragraph, prefix[at + len(numeral):], fmt)


def anchor_rest(state, paragraph, prefix: str, anchor: str) -> None:
    """After a heading or caption is written: bookmark it whole when `add_prefix` did not bookmark its number."""
    numeral = state.numerals.get(anchor, "") if anchor else ""
    if anchor and not (numeral and numeral in prefix):
        anchor_block(state, paragraph, anchor)


def add_reference(state, paragraph, sink, node: Ref, fmt) -> None:
    """A reference: its own words as a link to the bookmark, or its label as words and fields (see the module)."""
    name = state.anchors[node.targets[0]]
    if node.children:
        inlines.add_inlines(state, paragraph, node.children, fmt, add_hyperlink(sink, anchor=name))
        return
    for piece in node.label:
        if isinstance(piece, Text):
            inlines.add_run(paragraph, piece.text, fmt, sink)
        elif piece.kind in INSTRUCTIONS:
            instruction = INSTRUCTIONS[piece.kind].format(name=state.anchors[piece.target])
            sink.extend(field_runs(instruction, piece.text, inlines.run_properties(fmt)))
        else:
            inlines.add_run(paragraph, piece.text, fmt, add_hyperlink(sink, anchor=state.anchors[piece.target]))
