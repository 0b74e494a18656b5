"""`ccdocs snapshot` of a received DOCX shows a lettered list's numbers as Word and LibreOffice print them.

ECMA-376 §17.18.59 (ST_NumberFormat `lowerLetter`, `upperLetter`): a..z, then the letter doubled (aa, bb … zz),
tripled (aaa) and so on. The snapshot's numbering model took the letter modulo 26: item 27 was a second `a`. Read
against LibreOffice's own rendering of the same DOCX (one conversion), and against the standard's rule.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest

from ccdocs.testing.docx_snapshot import docx_snapshot

import libreoffice

ITEMS = 30
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>'''
PACKAGE_RELS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml" Type="{RELS}/officeDocument"/></Relationships>'''
DOCUMENT_RELS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="numbering.xml" Type="{RELS}/numbering"/></Relationships>'''


LETTERED = ((1, "lowerLetter", "%1)", "lower"), (1, "upperLetter", "%1.", "upper"))
# lists starting at 0 (w:start 0, valid in ECMA-376): Word and LibreOffice print the figure 0, whatever the format
ZERO_FORMATS = ("decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet")
FROM_ZERO = tuple((0, fmt, "\u2022" if fmt == "bullet" else "%1)", f"zero-{fmt}") for fmt in ZERO_FORMATS)


def numbering(lists) -> str:
    """One list a (start, numFmt, lvlText, word) of `lists`, numId 1, 2 …"""
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        for n, (start, fmt, text, _) in enumerate(lists))
    nums = "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>' for n in range(len(lists)))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">{abstracts}{nums}' \
           '</w:numbering>'


def document(lists, items: int) -> str:
    """`items` paragraphs of each list, reading `word n` (n from the list's start)."""
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f'<w:r><w:t>{word} {n}</w:t></w:r></w:p>'
        for num, (start, _, _, word) in enumerate(lists, 1) for n in range(start, start + items))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>' \
           f'{paragraphs}<w:sectPr/></w:body></w:document>'


def lettered_docx(lists=LETTERED, items: int = ITEMS) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in (("[Content_Types].xml", TYPES), ("_rels/.rels", PACKAGE_RELS),
                           ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/document.xml",
                                                                              document(lists, items)),
                           ("word/numbering.xml", numbering(lists))):
            package.writestr(name, text)
    return buffer.getvalue()


def standard(n: int) -> str:
    """ECMA-376 §17.18.59 lowerLetter, written from its text: the (n-1) mod 26-th letter, (n-1) div 26 + 1 times."""
    return "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)


def snapshot_labels() -> dict:
    """word (lower, upper) -> {item: label} read off the snapshot's `[Normal] label\\tword n` lines."""
    found: dict = {"lower": {}, "upper": {}}
    for label, word, n in re.findall(r"^\[Normal\] (\S+)\t(lower|upper) (\d+)$", docx_snapshot(lettered_docx()),
                                     re.M):
        found[word][int(n)] = label
    return found


def test_the_snapshot_letters_go_on_past_z_as_the_standard_says():
    labels = snapshot_labels()
    assert labels["lower"] == {n: standard(n) + ")" for n in range(1, ITEMS + 1)}
    assert labels["upper"] == {n: standard(n).upper() + "." for n in range(1, ITEMS + 1)}
    assert labels["lower"][27] == "aa)" and labels["upper"][30] == "DD."


def zero_labels(text: str) -> dict:
    """format -> {item: label} read off lines `label<space or tab>zero-<format> n`."""
    found: dict = {fmt: {} for fmt in ZERO_FORMATS}
    for label, fmt, n in re.findall(r"^\s*(?:\[Normal\] )?(\S+)\s+zero-(\w+) (\d+)\s*$", text, re.M):
        found[fmt][int(n)] = label
    return found


def test_a_list_starting_at_0_reads_0_whatever_its_format():
    """verify-9 V5: a received DOCX whose list starts at 0 was refused as unreadable (`0 is outside the supported
    range`) by snapshot and diff; Word prints 0), then the format's 1 and 2."""
    labels = zero_labels(docx_snapshot(lettered_docx(FROM_ZERO, 3)))
    assert labels["decimal"] == {0: "0)", 1: "1)", 2: "2)"}
    assert labels["lowerLetter"] == {0: "0)", 1: "a)", 2: "b)"}
    assert labels["upperRoman"] == {0: "0)", 1: "I)", 2: "II)"}
    assert labels["bullet"] == {0: "\u2022", 1: "\u2022", 2: "\u2022"}


def test_the_snapshot_letters_are_libreoffices(tmp_path):
    libreoffice.soffice()
    paths = {"letters": tmp_path / "received.docx", "zero": tmp_path / "received-zero.docx"}
    paths["letters"].write_bytes(lettered_docx())
    paths["zero"].write_bytes(lettered_docx(FROM_ZERO, 3))
    pdfs = libreoffice.render(paths, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdfs["letters"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    rendered = {"lower": {}, "upper": {}}
    for label, word, n in re.findall(r"^\s*(\S+)\s+(lower|upper) (\d+)\s*$", text, re.M):
        rendered[word][int(n)] = label
    assert len(rendered["lower"]) == len(rendered["upper"]) == ITEMS, text
    assert snapshot_labels() == rendered
    zero = subprocess.run(["pdftotext", "-layout", str(pdfs["zero"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert zero_labels(docx_snapshot(lettered_docx(FROM_ZERO, 3))) == zero_labels(zero), zero
