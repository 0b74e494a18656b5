"""The PDF prints the text the DOCX prints in Word and LibreOffice: invisible characters stay invisible, decomposed
accents are drawn on their letters, right-to-left words in a left-to-right paper read right to left.

A paper holding every kind (en, and a Chinese original) is built once in both formats; pdfplumber reads the PDF's
glyphs (text, face, position), pdftotext its lines; LibreOffice renders the English DOCX once for the comparison.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pdfplumber
import pytest

from ccdocs.build import build
from ccdocs.theme import load_theme
from ccdocs.writers.pdf.invisible import IGNORABLE, RANGES
from conftest import MINIMAL, write_doc
from libreoffice import render

SHY, ZWSP, WJ = "\u00ad", "\u200b", "\u2060"
# one of every kind of invisible character a paper may hold, each between two letters
INVISIBLE = {"soft hyphen": SHY, "LRM": "\u200e", "RLM": "\u200f", "zero-width space": ZWSP, "ZWNJ": "\u200c",
             "ZWJ": "\u200d", "word joiner": WJ, "BOM": "\ufeff", "ALM": "\u061c", "variation selector": "\ufe0f",
             "CGJ": "\u034f", "ideographic variation selector": "\U000e0100"}  # a tag character is refused
MARKS = "Marks " + " ".join(f"q{char}z" for char in INVISIBLE.values()) + " end."
COMPOSED = "Cafe\u0301 nai\u0308ve"          # NFD, as macOS copies it
HEBREW, ARABIC = "\u05e9\u05dc\u05d5\u05dd", "\u0633\u0644\u0627\u0645"  # shalom, salam (first letter first)
BIDI = f"Combining the word {ARABIC} and the word {HEBREW} here."
HYPHENATED = " ".join(["in" + SHY + "com" + SHY + "pre" + SHY + "hen" + SHY + "si" + SHY + "bil" + SHY + "i" + SHY
                       + "ty"] * 24)
SPACELESS = ZWSP.join(["abcdefghij"] * 40)
JOINED = ("中" + WJ + "文") * 80   # no line may start between 中 and 文, nor at a word joiner


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """{lang: {fmt: path}}: the paper in English and as a Chinese original, PDF and DOCX."""
    root = tmp_path_factory.mktemp("fidelity")
    zh_yaml = MINIMAL.split("tables:\n")[0].replace("original: en\nlanguages: [en, zh]",
                                                     "original: zh\nlanguages: [zh]")
    texts = {"en": "# Heading\n\n", "zh": "# 标题\n\n"}
    out = {}
    for lang, head in texts.items():
        report = head + "\n\n".join([MARKS, COMPOSED, BIDI, HYPHENATED, SPACELESS] + ([JOINED] if lang == "zh" else []))
        files = {"content/report.md": report + "\n"}
        if lang == "zh":
            files["document.yaml"] = zh_yaml
        folder = write_doc(root / lang, files)
        made = build([folder], root / f"out-{lang}", None, ("pdf", "docx"))
        out[lang] = {path.suffix[1:]: path for path in made if path.parent.name == lang}
    return out


def glyphs(pdf) -> list[dict]:
    """Every glyph pdfplumber reads on every page: text, fontname, x0, x1, top."""
    with pdfplumber.open(pdf) as doc:
        return [char for page in doc.pages for char in page.chars]


def lines_of(pdf) -> list[str]:
    """pdftotext's lines (`-layout`), each without its indent and paragraph number; blank ones left out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [re.sub(r"^\s*(\d+\.\s+)?", "", line) for line in text.splitlines() if line.strip()]


def line_glyphs(chars: list[dict], word: str) -> list[dict]:
    """The glyphs, left to right, of the first line (glyphs on one baseline: faces differ in height) holding
    every letter of `word`."""
    rows: dict = {}
    for char in chars:
        rows.setdefault((char["page_number"], round(char["matrix"][5])), []).append(char)  # by baseline
    for row in rows.values():
        if set(word) <= {char["text"] for char in row}:
            return sorted(row, key=lambda char: char["x0"])
    raise AssertionError(f"no line holds {word!r}")


LANGS = ["en", "zh"]


def test_the_ignorable_table_is_unicodes_default_ignorable_code_points_a_paper_may_hold():
    from uniseg.derived import default_ignorable_code_point

    from ccdocs.sources.characters import REFUSED

    table = {code for a, b in RANGES for code in range(a, b + 1)}
    for plane in (0, 1, 14):
        for code in range(plane << 16, (plane + 1) << 16):
            ch = chr(code)
            # the tag characters are refused alone, held in a flag emoji's tag sequence
            expected = default_ignorable_code_point(ch) and (not REFUSED.match(ch) or 0xE0000 <= code <= 0xE007F)
            assert (code in table) == expected, f"U+{code:04X}"
            assert bool(IGNORABLE.fullmatch(ch)) == expected, f"U+{code:04X}"


@pytest.mark.parametrize("lang", LANGS)
def test_invisible_characters_draw_nothing_and_take_no_room(papers, lang):
    chars = glyphs(papers[lang]["pdf"])
    drawn = {char["text"] for char in chars}
    shown = [name for name, ch in INVISIBLE.items() if ch in drawn]
    assert not shown, f"drawn as glyphs: {shown}"
    assert "-" not in "".join(char["text"] for char in line_glyphs(chars, "Marks")), "a soft hyphen drawn mid-line"
    row = [char for char in line_glyphs(chars, "Marks") if char["text"] in "qz"]
    pairs = [(q, z) for q, z in zip(row, row[1:]) if q["text"] == "q" and z["text"] == "z"]
    assert len(pairs) == len(INVISIBLE)
    for (q, z), name in zip(pairs, INVISIBLE):
        assert z["x0"] - q["x1"] == pytest.approx(0, abs=0.05), f"{name} takes room"
    assert any(line.startswith("Marks") and "qz qz" in line for line in lines_of(papers[lang]["pdf"]))


@pytest.mark.parametrize("lang", LANGS)
def test_a_soft_hyphen_shows_a_hyphen_only_where_the_line_breaks(papers, lang):
    lines = [line for line in lines_of(papers[lang]["pdf"]) if "bility" in line or line.startswith(("in", "ty"))]
    body = [line for line in lines if set(line) <= set("incomprehensibility -")]
    assert len(body) >= 3
    broken = [line for line in body[:-1] if line.endswith("-")]
    assert broken, "no line ends at a soft hyphen"
    assert all("-" not in line[:-1] for line in body), "a hyphen inside a line"
    words = "".join(line[:-1] if line.endswith("-") else line + " " for line in body).split()
    assert words == ["incomprehensibility"] * 24
    with pdfplumber.open(papers[lang]["pdf"]) as doc:
        edge = doc.pages[0].width - load_theme().pt("page.margins.right")
        hyphens = [char for page in doc.pages for char in page.chars if char["text"] == "-"]
    assert hyphens and all(char["x1"] <= edge + 0.01 for char in hyphens), "a hyphen stands past the column"


@pytest.mark.parametrize("lang", LANGS)
def test_a_zero_width_space_is_where_a_spaceless_line_breaks(papers, lang):
    lines = [line for line in lines_of(papers[lang]["pdf"]) if set(line) <= set("abcdefghij")]
    assert len(lines) >= 2
    assert "".join(lines) == "abcdefghij" * 40
    assert all(len(line) % 10 == 0 and line.startswith("a") for line in lines), lines


def test_a_word_joiner_keeps_its_neighbours_on_one_line(papers):
    lines = [line for line in lines_of(papers["zh"]["pdf"]) if set(line) <= set("中文")]
    assert len(lines) >= 2
    assert "".join(lines) == "中文" * 80
    assert all(line.startswith("中") and line.endswith("文") for line in lines), lines


@pytest.mark.parametrize("lang", LANGS)
def test_decomposed_accents_are_drawn_on_their_letters(papers, lang):
    chars = glyphs(papers[lang]["pdf"])
    assert not [char for char in chars if unicodedata.combining(char["text"][:1])], "a free-standing mark"
    assert any("Café naïve" in line for line in lines_of(papers[lang]["pdf"]))


@pytest.mark.parametrize("lang", LANGS)
def test_right_to_left_words_read_right_to_left_in_a_left_to_right_paper(papers, lang):
    row = line_glyphs(glyphs(papers[lang]["pdf"]), "Combining")
    for word in (HEBREW, ARABIC):
        letters = [char for char in row if char["text"] and set(char["text"]) <= set(word)]
        x = {char["text"]: char["x0"] for char in letters}
        assert x[word[0]] > x[word[-1]], f"{word} drawn left to right"
    first = next(char for char in row if char["text"].isalpha())  # after the paragraph's number
    assert first["text"] == "C" and "Liberation" in first["fontname"], first["fontname"]
    latin = [char for char in row if char["text"].isascii() and char["text"].isalpha()]
    assert all("Liberation" in char["fontname"] for char in latin)
    assert re.search(rf"{ARABIC}.*{HEBREW}|word .*{HEBREW}", "\n".join(lines_of(papers[lang]["pdf"])))


def test_libreoffice_draws_the_docx_lines_with_the_same_letters_in_the_same_order(papers, tmp_path):
    theirs = glyphs(render({"en": papers["en"]["docx"]}, tmp_path)["en"])
    ours = glyphs(papers["en"]["pdf"])
    for word in ("Marks", "Combining"):
        # a ligature's letters (the lam-alef) as each writer's ToUnicode gives them: in display order (ours,
        # cidfont.text_of) or logical (LibreOffice's); a glyph's letters in one order
        seen = ["".join("".join(sorted(char["text"])) for char in line_glyphs(chars, word)
                        if char["text"].isalpha() and not IGNORABLE.match(char["text"])) for chars in (ours, theirs)]
        assert seen[0] == seen[1]
