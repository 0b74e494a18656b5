"""The PDF's text operators: a line's pieces shown from one text matrix, moved to their places by the numbers of
`TJ` arrays (writers/pdf/pen.py), justified Chinese spread the same way, and the text read back whole and in order.
"""

from __future__ import annotations

import re
import subprocess

import pdfplumber
from pypdf import PdfReader
from pypdf.generic import ContentStream

from test_cjk_typography import build, report

# One paragraph of several justified lines mixing Chinese, Latin words, figures, bold, a link and a note.
SENTENCE = ("本组织在2025年共有1735名工作人员，其中**专业及以上职类**占百分之四十二点八；详情见"
            "[WIPO Lex](https://www.wipo.int/wipolex/)数据库与Oracle Fusion系统的年度报告。")
PARAGRAPH = SENTENCE * 3 + "[^n]\n\n[^n]: 截至2025年12月31日。"
PLAIN = re.sub(r"\*\*|\[\^n\]|\[|\]\([^)]*\)", "", SENTENCE) * 3


def text_objects(path) -> list[list[tuple[str, list]]]:
    """The operators (name, operands) of every text object (BT … ET) of the PDF, page after page."""
    reader = PdfReader(str(path))
    objects, current = [], None
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            name = operator.decode("latin-1")
            if name == "BT":
                current = []
            elif name == "ET":
                objects.append(current)
                current = None
            elif current is not None:
                current.append((name, operands))
    return objects


def paragraph_lines(path) -> list[list[dict]]:
    """The characters of each line of the paragraph (by baseline: the Latin and Chinese faces stand at different
    tops), top to bottom."""
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    lines: dict = {}
    for c in chars:
        lines.setdefault((c["page_number"], -round(c["matrix"][5], 1)), []).append(c)
    found = []
    for key in sorted(lines):
        text = "".join(c["text"] for c in sorted(lines[key], key=lambda c: c["x0"])).replace(" ", "")
        if len(text) > 10 and text.lstrip("0123456789.") in PLAIN.replace(" ", "") * 2:
            found.append(sorted(lines[key], key=lambda c: c["x0"]))
    return found


def test_a_lines_pieces_share_one_text_matrix_and_no_character_spacing(make_doc):
    path = build(make_doc(report(PARAGRAPH)), "zh", "pdf")
    shown = [ops for ops in text_objects(path) if any(name == "TJ" for name, _ in ops)]
    assert len(shown) >= 3, "the paragraphs are shown by TJ arrays"
    for ops in shown:
        assert not [name for name, _ in ops if name in ("Tc", "Tj", "Td")], ops
        baselines = [float(operands[5]) for name, operands in ops if name == "Tm"]
        # a new text matrix only where the baseline changes (a new line, a raised note mark)
        assert all(a != b for a, b in zip(baselines, baselines[1:])), baselines


def test_justified_chinese_lines_keep_their_width_and_their_order(make_doc):
    path = build(make_doc(report(PARAGRAPH)), "zh", "pdf")
    lines = paragraph_lines(path)
    assert len(lines) >= 4
    right = max(line[-1]["x1"] for line in lines)
    for line in lines[:-1]:  # every line but the last is justified to the right edge
        assert abs(line[-1]["x1"] - right) < 0.05, "".join(c["text"] for c in line)
    for line in lines:  # glyphs follow one another, none drawn over another
        for a, b in zip(line, line[1:]):
            assert b["x0"] >= a["x1"] - 0.01, f"{a['text']}{b['text']} overlap"
    assert lines[-1][-1]["x1"] < right - 1  # the last line is set ragged


def test_merged_pieces_read_back_whole_and_in_order(make_doc):
    path = build(make_doc(report(PARAGRAPH)), "zh", "pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert PLAIN.replace(" ", "") in flat  # every character once, in order: none doubled, none lost
    spaced = re.sub(r"\s+", " ", text)  # a line may end between two Latin words
    assert spaced.count("WIPO Lex") == 3 and spaced.count("Oracle Fusion") == 3  # the words' spaces kept
    assert "截至2025年12月31日。" in flat


# More different ideographs (U+4E00 …, every third) than one of reportlab's simple TrueType fonts holds (256).
MANY = "".join(chr(0x4E00 + 3 * n) for n in range(400)) + "。"


def test_a_faces_glyphs_are_one_composite_font_so_a_chinese_line_selects_it_once(make_doc):
    path = build(make_doc(report(MANY)), "zh", "pdf")
    reader = PdfReader(str(path))
    fonts = {}  # resource name -> its font dictionary, page after page
    for page in reader.pages:
        fonts.update({name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()})
    faces = [font["/BaseFont"].split("+", 1)[1] for font in fonts.values()]
    assert len(faces) == len(set(faces)), "each face embedded as one font"
    composite = [font for font in fonts.values() if font["/Subtype"] == "/Type0"]
    assert composite, "the Chinese faces are composite fonts"
    for font in composite:  # two bytes per character, glyphs of one subset program
        assert font["/Encoding"] == "/Identity-H"
        assert font["/DescendantFonts"][0].get_object()["/Subtype"] == "/CIDFontType2"
    for ops in text_objects(path):
        selected = [(fonts[operands[0]]["/BaseFont"].split("+", 1)[1], operands[1]) for name, operands in ops
                    if name == "Tf"]
        # a Tf only where the face or size changes: never the same face again for the next glyphs of a line
        assert all(a != b for a, b in zip(selected, selected[1:])), selected
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert MANY in re.sub(r"\s+", "", text)  # the ToUnicode CMap gives every character back
