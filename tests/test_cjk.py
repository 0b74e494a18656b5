"""Chinese line breaking, mixed-script faces, justification and glyph checks in the PDF writer."""

from __future__ import annotations

import ctypes
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from ccdocs.errors import InputError
from ccdocs.model import Text
from ccdocs.pipeline import read_sources, resolve
from ccdocs.writers.pdf import write
from ccdocs.writers.pdf.cjk import NO_END, NO_START, break_positions, can_break, is_cjk
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.runs import Look, RunMaker, Where
from ccdocs.writers.pdf.text import TextBlock, TextStyle
from test_pdf_footnotes import MARGIN, TEXT_WIDTH, THEME, read_pages

CHINESE = ("2025年，本组织共收到15,921份申请（见文件WO/CC/86/INF/1），其中“人才审查”覆盖了167名工作人员；"
           "iPerform平台于年内启用。本组织的信息和通信技术（ICT）职能占其预算的22%。由于历史原因，该职能按部门"
           "组织——这一模式是多年来自然形成的……每个注册部都保有自己的信息技术能力《工作人员条例》、「规则」、"
           "『细则』及【附录】：是否足够？不够！")
UNBROKEN = ("15,921", "WO/CC/86/INF/1", "iPerform", "ICT", "22%", "2025", "——", "……")


@pytest.fixture(scope="module")
def fonts():
    return FontSet(THEME, "zh")


def block(fonts, text):
    """A justified Chinese text block of `text`."""
    runs = RunMaker(fonts, "zh", 0.65, 0.35, None).runs((Text(text),), Look(10.5), Where(None, "a test"))
    return TextBlock(runs, TextStyle(leading=13.65, size=10.5, align="justify", autospace=0.25))


@pytest.mark.parametrize("before,after", [("字", "，"), ("字", "。"), ("字", "、"), ("字", "；"), ("字", "："),
                                          ("字", "？"), ("字", "！"), ("字", "）"), ("字", "》"), ("字", "」"),
                                          ("字", "』"), ("字", "】"), ("2", "%"), ("（", "字"), ("《", "字"),
                                          ("「", "字"), ("『", "字"), ("【", "字"), ("—", "—"), ("…", "…")])
def test_kinsoku_pairs_never_part(before, after):
    assert not can_break(before, after)


@pytest.mark.parametrize("before,after", [("字", "字"), ("字", "A"), ("A", "字"), ("。", "字"), (" ", "A")])
def test_lines_may_break_between_ideographs_and_at_script_changes(before, after):
    assert can_break(before, after)


@pytest.mark.parametrize("token", UNBROKEN)
def test_latin_words_numbers_and_symbols_are_not_broken(token):
    text = f"字{token}字"
    assert not [i for i in break_positions(text) if 1 < i < len(text) - 1]


def test_no_break_before_a_footnote_mark():
    assert 3 not in break_positions("人工智能", glued={3})


def test_web_addresses_break_after_slashes_only():
    text = "见https://www.wipo.int/about-ip/zh/index.html。"
    inside = [text[i - 1] for i in break_positions(text) if 1 < i < len(text) - 1]
    assert inside and set(inside) <= set("/-_见")


@pytest.mark.parametrize("width", [110 + x * 7.3 for x in range(50)])
def test_no_line_starts_or_ends_with_a_forbidden_mark_and_no_token_is_cut(fonts, width):
    tb = block(fonts, CHINESE)
    text = tb.setting.text
    lines = [text[a:b].strip() for a, b, _ in tb.layout(width)]
    assert "".join(lines) == text
    for line in lines:
        assert line[0] not in NO_START and line[-1] not in NO_END, line
    offsets = [0]
    for a, b, _ in tb.layout(width):
        offsets.append(b)
    for token in UNBROKEN:
        start = text.index(token)
        assert not any(start < cut < start + len(token) for cut in offsets), (token, width)


def glyph_fonts(path) -> dict[str, set[str]]:
    """The font names each character is drawn in."""
    pdf = pdfium.PdfDocument(str(path))
    found: dict = {}
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for page in pdf:
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            raw.FPDFText_GetFontInfo(tp, i, buffer, 256, flags)
            found.setdefault(chr(raw.FPDFText_GetUnicode(tp, i)), set()).add(buffer.value.decode())
    return found


def chinese_doc(make_doc, text):
    report = f"# 导言\n\n{text}\n\n第二段。\n"
    return resolve(read_sources(make_doc({"content/report.md": report})), "zh")


def test_latin_runs_use_the_latin_face_and_han_runs_the_chinese_face(make_doc, tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(write(chinese_doc(make_doc, CHINESE), THEME))
    faces = glyph_fonts(path)
    assert all("Liberation" in f or "Arial" in f for f in faces["P"] | faces["5"])
    assert all("UMing" in f or "SimSun" in f for f in faces["申"])
    assert all("MicroHei" in f or "ZenHei" in f or "SimHei" in f for f in faces["导"]), "headings in the Hei face"


def test_justified_chinese_lines_spread_their_space_evenly(make_doc, tmp_path):
    path = tmp_path / "justified.pdf"
    path.write_bytes(write(chinese_doc(make_doc, CHINESE * 3), THEME))
    page = read_pages(path)[1]
    right = MARGIN + TEXT_WIDTH
    full = [line for line in page.lines() if line[0].size == 10.5 and len(line) > 30][:-1]
    assert len(full) >= 5
    for line in full:
        if is_cjk(line[-1].ch):
            assert abs(line[-1].x + line[-1].size - right) < 0.3, "the line reaches the right margin"
        han = [(a, b) for a, b in zip(line, line[1:]) if all("\u4e00" <= g.ch <= "\u9fff" for g in (a, b))]
        steps = [round(b.x - a.x, 2) for a, b in han if b.size == a.size]
        assert max(steps) - min(steps) < 0.05, "the same advance between any two ideographs of a line"


def test_a_character_no_font_holds_fails_the_build_naming_paragraph_and_character(make_doc):
    folder = make_doc({"content/report.md": "# Introduction\n\nFirst paragraph.\n\nThe sign \U00013000 here.\n"})
    with pytest.raises(InputError) as exc:
        write(resolve(read_sources(folder), "en"), THEME)
    message = str(exc.value)
    assert "content/report.md:5" in message and "paragraph 2." in message and "U+13000" in message
