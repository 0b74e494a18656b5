"""Chinese typography that Word, LibreOffice and the PDF must agree on (issue 17, items 8 to 11).

- Quotation marks, dashes, ellipses and other punctuation of ambiguous width are set in the Chinese face in Chinese
  text: the PDF draws them with the Chinese font, the DOCX runs say `w:rFonts w:hint="eastAsia"` (Word's rule).
- A web address (and any Latin word) in a justified Chinese line is set solid: no space inside it.
- No line starts with a closing bracket of either width, a stop, a dash or an ellipsis (UAX #14's classes).
- A source line break after full-width punctuation, or between Chinese characters, joins without a space.
"""

from __future__ import annotations

import io
import re
import subprocess

import docx
import pdfplumber
import pytest
from uniseg.linebreak import line_break

from ccdocs.model import Para, Text
from ccdocs.parse.inlines import plain
from ccdocs.pipeline import read_sources, resolve
from ccdocs.writers.docx import write as write_docx
from ccdocs.writers.pdf import write as write_pdf
from ccdocs.writers.pdf.cjk import can_break
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.runs import Look, RunMaker, Where
from ccdocs.writers.pdf.text import TextBlock, TextStyle
from test_pdf_footnotes import THEME, read_pages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AMBIGUOUS = "“”‘’—…·"
LATIN = "é–"  # a letter the hint would move, and the en dash: a half-width connector in Chinese too
ZH_PUNCTUATION = ("本组织推出了“人才审查”——覆盖167名工作人员的‘关键’职位……其中让·雅克和José Müller"
                  "负责2018年–2021年的评估（见附件）。")
EN_PUNCTUATION = "The “talent review” — covering 167 staff in ‘key’ posts… was led by José Müller in 2018–2021."
URLS = ("https://www.wipo.int/edocs/mdocs/govbody/zh/wo_cc_84/wo_cc_84_inf_1.pdf",
        "https://www.un.org/en/healthy-workforce/", "https://unsceb.org/un-system-leadership-framework")
# A line may start with none of these UAX #14 classes: closing punctuation, stops, non-starters, inseparables
# (… ‥), dashes and hyphens that break after (– ‐ -), the solidus, postfix signs.
NO_START_CLASSES = {"CL", "CP", "EX", "IS", "NS", "IN", "BA", "HY", "SY", "PO"}
NO_END_CLASSES = {"OP", "PR"}


def build(folder, lang: str, fmt: str):
    """The scratch document of `folder` written in `lang` as `fmt` (`pdf` or `docx`): its path."""
    doc = resolve(read_sources(folder), lang)
    path = folder / f"out-{lang}.{fmt}"
    path.write_bytes((write_pdf if fmt == "pdf" else write_docx)(doc, THEME))
    return path


def report(*paragraphs: str) -> dict:
    """The files of a scratch report holding `paragraphs` (Markdown, Chinese or English); its zh catalog translates
    them as written (conftest.write_doc), its glossary keeps the database's name `WIPO Lex` as it is (the toolkit's
    gives `WIPO` as 产权组织)."""
    return {"content/report.md": "# 导言\n\n" + "\n\n".join(paragraphs) + "\n",
            "locales/zh/glossary.csv": "source,target,note\nWIPO Lex,WIPO Lex,a database's name\n"}


def runs_of(path):
    """Every `w:r` of the DOCX body with text: (text, hint or None)."""
    found = []
    for r in docx.Document(str(path)).element.body.iter(W + "r"):
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if text:
            fonts = r.find(f"{W}rPr/{W}rFonts")
            found.append((text, None if fonts is None else fonts.get(W + "hint")))
    return found


# -- item 8: ambiguous punctuation follows the language's face ------------------------------------------------------


def test_chinese_quotes_dashes_and_ellipses_carry_the_east_asian_hint_in_word(make_doc):
    runs = runs_of(build(make_doc(report(ZH_PUNCTUATION)), "zh", "docx"))
    text = "".join(t for t, _ in runs)
    assert ZH_PUNCTUATION in text  # split runs keep every character, in order
    for ch in AMBIGUOUS:
        holders = [(t, hint) for t, hint in runs if ch in t]
        assert holders and all(hint == "eastAsia" for _, hint in holders), (ch, holders)
    # a letter the hint would move into the Chinese face (é) and the en dash stay in runs without it
    assert all(hint is None for t, hint in runs if set(LATIN) & set(t))


def test_english_runs_carry_no_east_asian_hint(make_doc):
    runs = runs_of(build(make_doc(report(EN_PUNCTUATION)), "en", "docx"))
    assert any("“" in t for t, _ in runs)
    assert all(hint is None for _, hint in runs)


@pytest.mark.parametrize("lang,text,face", [("zh", ZH_PUNCTUATION, "UMing"), ("en", EN_PUNCTUATION, "Liberation")])
def test_ambiguous_punctuation_is_drawn_in_the_face_of_the_language(make_doc, lang, text, face):
    path = build(make_doc(report(text)), lang, "pdf")
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"] in AMBIGUOUS]
    assert {c["text"] for c in chars} == set(AMBIGUOUS) & set(text)
    wrong = {(c["text"], c["fontname"]) for c in chars if face not in c["fontname"]}
    assert not wrong
    with pdfplumber.open(path) as pdf:
        latin = {(c["text"], c["fontname"]) for page in pdf.pages for c in page.chars if c["text"] in LATIN}
    assert latin and all("Liberation" in font for _, font in latin)


GAPING = ("详情见https://www.wipo.int/export/sites/www/about-wipo/en/pdf/annual-report-on-human-resources-2025-"
          "with-long-name.pdf，该文件由秘书处编写。委员会注意到了该文件。委员会注意到了该文件。")


@pytest.mark.parametrize("where", ["body", "note"])
def test_a_justified_line_before_a_long_address_is_set_ragged_rather_than_gaping(make_doc, where):
    """A line that justification would stretch by more than an em a gap (three characters, then an address that
    may not break before its next `/`) is set ragged: its characters stand as set, in the body and in a note."""
    text = GAPING if where == "body" else "正文。[^n]\n\n[^n]: " + GAPING
    path = build(make_doc(report(text)), "zh", "pdf")
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    at = next(i for i in range(len(chars) - 2) if "".join(c["text"] for c in chars[i:i + 3]) == "详情见")
    for a, b in zip(chars[at:at + 2], chars[at + 1:at + 3]):
        assert b["x0"] - a["x1"] < a["size"], f"{a['text']}{b['text']}: {b['x0'] - a['x1']:.1f} pt apart"


ENCLOSED = "①②⑴⒈Ⅳ"  # enclosed and parenthesized numbers, a Roman numeral: ambiguous width, category No/Nl


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_enclosed_numbers_take_the_chinese_face_in_both_formats(make_doc, fmt):
    """The DOCX's hint rule and the PDF's run splitter are one rule (`l10n.ambiguous`): ① ⑴ ⒈ Ⅳ in Chinese text
    carry `w:hint="eastAsia"` in Word and are drawn in the Chinese face in the PDF (㈠, wide, is Chinese anyway)."""
    text = "".join(f"第{ch}项说明。" for ch in ENCLOSED + "㈠")
    path = build(make_doc(report(text)), "zh", fmt)
    if fmt == "docx":
        runs = runs_of(path)
        for ch in ENCLOSED:
            holders = [(t, hint) for t, hint in runs if ch in t]
            assert holders and all(hint == "eastAsia" for _, hint in holders), (ch, holders)
        return
    with pdfplumber.open(path) as pdf:
        faces = {c["text"]: c["fontname"] for page in pdf.pages for c in page.chars}
    assert not [ch for ch in ENCLOSED + "㈠" if "Liberation" in faces[ch]], faces   # not the Latin face


# -- item 9: web addresses set solid in justified Chinese lines -----------------------------------------------------

ZH_URL_TEXT = "".join(f"该评分卡衡量联合国系统工作场所心理健康和福祉战略的落实进展；见{url}。相关信息另行公布，"
                      f"供各成员国参考和审议。" for url in URLS * 2)


def test_a_web_address_in_a_justified_chinese_line_gains_no_space(make_doc):
    path = build(make_doc(report(ZH_URL_TEXT)), "zh", "pdf")
    layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                            check=True).stdout
    joined = "".join(line.strip() for line in layout.splitlines())
    for url in URLS:  # a line may end inside an address (after `/` or `_`); the rest follows on the next line
        assert joined.count(url) == 2, (url, [line for line in layout.splitlines() if "https" in line])
    # and the glyphs of every address sit at their natural advance (pdfplumber's boxes are advances)
    found = 0
    for glyphs in latin_stretches(path):
        for match in re.finditer(r"https?://\S+", "".join(c["text"] for c in glyphs)):
            inside = glyphs[match.start():match.end()]
            found += 1
            assert max(b["x0"] - a["x1"] for a, b in zip(inside, inside[1:])) < 0.05, match.group()
    assert found >= 2 * len(URLS)


def latin_stretches(path) -> list[list[dict]]:
    """Runs of consecutive printable-ASCII glyphs on one baseline, in drawing order (pdfplumber chars)."""
    out: list = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            last = None
            for c in page.chars:
                if not "\x21" <= c["text"] <= "\x7e":
                    last = None
                    continue
                if last is not None and abs(c["bottom"] - last["bottom"]) < 0.5 and c["x0"] > last["x0"]:
                    out[-1].append(c)
                else:
                    out.append([c])
                last = c
    return out


@pytest.mark.parametrize("text", ["A long English sentence about the framework, see https://www.un.org/en/healthy-"
                                  "workforce/ and well-being strategy documents for the staff of the Organization.",
                                  ZH_URL_TEXT])
def test_justification_never_stretches_inside_a_word_or_an_address(text):
    stretch = block(text).setting.stretch
    for match in re.finditer(r"https?://[\x21-\x7e]+|well-being", text):
        assert not [i for i in stretch if match.start() < i < match.end()], match.group()


# -- item 10: line starts and ends by the Unicode line-breaking classes ---------------------------------------------

LINE_START_TEXT = ("该战略于2018年–2021年实施（见附件）。本组织的模式(ICT)是多年来形成的……每个部门——包括注册部——"
                   "都保有自己的能力［注］、“规则”和『细则』！是否足够？参见第9条第（7）款；占22%。" * 3)


@pytest.mark.parametrize("ch", list("–‐-…‥)]}）」』】〕〉》］｝，。、；：？！”’%％·～"))
def test_no_line_starts_with_a_closing_mark_stop_dash_or_ellipsis(ch):
    assert not can_break("字", ch)


@pytest.mark.parametrize("ch", list("([{（「『【〔〈《［｛“‘$￥"))
def test_no_line_ends_with_an_opening_mark(ch):
    assert not can_break(ch, "字")


def block(text: str, align: str = "justify") -> TextBlock:
    """A Chinese text block of `text` in the body size."""
    fonts = FontSet(THEME, "zh")
    runs = RunMaker(fonts, "zh", 0.65, 0.35, None).runs((Text(text),), Look(10.5), Where(None, "a test"))
    return TextBlock(runs, TextStyle(leading=13.65, size=10.5, align=align, autospace=0.25))


@pytest.mark.parametrize("width", [120 + x * 6.1 for x in range(40)])
def test_at_any_width_no_line_starts_or_ends_against_the_line_breaking_classes(width):
    tb = block(LINE_START_TEXT)
    text = tb.setting.text
    for a, b, _ in tb.layout(width):
        line = text[a:b].strip()
        assert str(line_break(line[0])) not in NO_START_CLASSES, line
        assert str(line_break(line[-1])) not in NO_END_CLASSES, line


def test_the_chinese_pdf_starts_no_line_with_a_dash_or_closing_mark(make_doc):
    # paragraphs whose dash, ellipsis or bracket falls, one of them, wherever a line may end
    lead = "本组织的信息和通信技术职能占其预算的一部分，由于历史原因按部门组织"
    paragraphs = [lead[:k % len(lead)] + "字" * (k // len(lead)) + "该战略于2018年–2021年实施……（见附件）”。"
                  for k in range(20, 66)]
    path = build(make_doc(report(*paragraphs)), "zh", "pdf")
    starts = []
    for page in read_pages(path):
        for line in page.lines():
            text = "".join(g.ch for g in line)
            if not re.match(r"\d+$", text):  # the page number in the header
                starts.append(text)
    assert len(starts) > 20
    bad = [t for t in starts if str(line_break(t[0])) in NO_START_CLASSES - {"PO"} or t[0] in "·～"]
    assert not bad


# -- item 11: soft line breaks in Chinese text ---------------------------------------------------------------------

SOFT = "其目的在于保障身体，\nthe quick fox 和心理健康\n的人才审查”\n覆盖了（\n全部）职位，\n以及\nWIPO Lex。"
SOFT_JOINED = "其目的在于保障身体，the quick fox 和心理健康的人才审查”覆盖了（全部）职位，以及 WIPO Lex。"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_soft_break_after_full_width_punctuation_or_between_chinese_joins_without_a_space(make_doc, lang):
    folder = make_doc(report(SOFT, "An English sentence\nbroken over\ntwo lines."))
    doc = resolve(read_sources(folder), lang)
    texts = [b for b in (block_text(b) for part in doc.parts for b in part.blocks) if b]
    assert SOFT_JOINED in texts and "An English sentence broken over two lines." in texts
    # the DOCX has the model's text, so both writers agree
    paragraphs = [p.text for p in docx.Document(io.BytesIO(write_docx(doc, THEME))).paragraphs]
    assert any(SOFT_JOINED in p for p in paragraphs)


def block_text(block) -> str:
    """The plain text of a paragraph of the model (empty for other blocks)."""
    return plain(block.children) if isinstance(block, Para) else ""
