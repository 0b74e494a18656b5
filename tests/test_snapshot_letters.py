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


def numbering() -> str:
    """Two lists: numId 1 `lowerLetter` "%1)", numId 2 `upperLetter` "%1."."""
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        for n, fmt, text in ((0, "lowerLetter", "%1)"), (1, "upperLetter", "%1.")))
    nums = "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>' for n in (0, 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">{abstracts}{nums}' \
           '</w:numbering>'


def document() -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f'<w:r><w:t>{word} {n}</w:t></w:r></w:p>'
        for num, word in ((1, "lower"), (2, "upper")) for n in range(1, ITEMS + 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>' \
           f'{paragraphs}<w:sectPr/></w:body></w:document>'


def lettered_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in (("[Content_Types].xml", TYPES), ("_rels/.rels", PACKAGE_RELS),
                           ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/document.xml", document()),
                           ("word/numbering.xml", numbering())):
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


def test_the_snapshot_letters_are_libreoffices(tmp_path):
    libreoffice.soffice()
    path = tmp_path / "received.docx"
    path.write_bytes(lettered_docx())
    pdf = libreoffice.render({"letters": path}, tmp_path)["letters"]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    rendered = {"lower": {}, "upper": {}}
    for label, word, n in re.findall(r"^\s*(\S+)\s+(lower|upper) (\d+)\s*$", text, re.M):
        rendered[word][int(n)] = label
    assert len(rendered["lower"]) == len(rendered["upper"]) == ITEMS, text
    assert snapshot_labels() == rendered
