"""East Asian font hints on the runs of a Chinese document: “ ” ‘ ’ —— … · in the Chinese face, as in the PDF.

Word sets punctuation and symbols of ambiguous width (General Punctuation U+2000–U+206F, Latin-1's symbols, arrows,
enclosed numbers …) in the Latin face unless the run says `w:rFonts w:hint="eastAsia"` ([MS-OI29500] §2.1.88);
LibreOffice decides by context and hides the fault. Every run of the finished package holding such characters
gets the hint; a run that also holds letters the hint would move (é, Greek) is split (`l10n/ambiguous.py`).
"""

from __future__ import annotations

import copy
import re

from docx.oxml.ns import qn

from ...l10n.ambiguous import hint_segments, takes_east_asian_face
from ...oxml import element, place, props

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The characters that may take the East Asian face: all but ASCII and the wide blocks a Chinese text is mostly made of
# (CJK symbols and ideographs, compatibility ideographs, full-width forms), whose characters never do (U+3248–U+324F,
# circled numbers of ambiguous width, are left in). Only these are looked at one by one.
MAYBE_HINTED = re.compile(r"[^\x00-\x7f\u3000-\u3247\u3250-\u9fff\uf900-\ufaff\uff00-\uffef]")


def hint_east_asian_runs(document) -> int:
    """Hint or split every run with East Asian punctuation in the parts of `document` (a python-docx Document) that
    hold text: the body, footnotes, headers. Returns how many runs were hinted."""
    count, takes = 0, {}   # takes: each character looked at, whether it takes the East Asian face
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None:
            continue
        runs = {}   # the runs to hint, in document order: those of the texts holding such a character
        for t in root.iter(qn("w:t")):
            for ch in MAYBE_HINTED.findall(t.text or ""):
                if ch not in takes:
                    takes[ch] = takes_east_asian_face(ch)
                if takes[ch]:
                    parent = t.getparent()
                    if parent.tag == qn("w:r"):
                        runs[parent] = None
                    break
        for run in runs:
            count += hint_run(run)
    return count


def hint_run(run) -> int:
    """Give `run` (a `w:r`) the hint, or replace it by runs each hinted or not; the number of hinted runs."""
    groups: list[list] = []  # [hinted or None, children]
    for child in run:
        if child.tag == qn("w:rPr"):
            continue
        pieces = hint_segments(child.text or "") if child.tag == qn("w:t") else [(None, None)]
        for text, hinted in pieces:
            item = text_element(text) if text is not None else child
            if groups and (hinted is None or groups[-1][0] in (None, hinted)):
                groups[-1][1].append(item)
                groups[-1][0] = groups[-1][0] if hinted is None else hinted
            else:
                groups.append([hinted, [item]])
    if len(groups) == 1:
        set_hint(run)
        return 1
    rpr = run.find(qn("w:rPr"))
    for hinted, children in groups:
        new = element("w:r")
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        new.extend(children)
        if hinted:
            set_hint(new)
        run.addprevious(new)
    run.getparent().remove(run)
    return sum(1 for hinted, _ in groups if hinted)


def text_element(text: str):
    """A `w:t` of `text`, keeping its edge spaces."""
    t = element("w:t")
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")
    return t


def set_hint(run):
    """`w:rFonts w:hint="eastAsia"` on `run`, keeping any fonts it names."""
    rpr = props(run, "w:rPr")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = place(rpr, "w:rFonts")
    fonts.set(qn("w:hint"), "eastAsia")
