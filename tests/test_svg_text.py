"""An SVG's text in the PDF is set in the paper's own faces, as the paper's text is (writers/pdf/svgtext.py).

svglib mapped every `font-family` to a standard font (Helvetica, not embedded) or a system font: a chart's Chinese
labels printed as empty boxes and were missing from the PDF's text layer, while `check` passed. Now each string is
set by script in the paper's registered faces (embedded), Chinese in the Chinese body face (bold: the heading
face), the rest in the Latin face of its weight, `text-anchor` kept; a character no face holds is refused at the
image's content line naming the SVG's line, in both languages, by `build` and `check`.
"""

from __future__ import annotations

import subprocess

import pdfplumber
import pytest

from conftest import REPORT, run_ccdocs, write_doc
from refusals import Case, write_files
from translated import fill_catalog

LINE = len(REPORT.splitlines()) + 2          # the image's line: after REPORT and a blank line
LABELS = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">\n'
          '<rect x="0" y="0" width="300" height="100" fill="#eeeeee"/>\n'
          '<text x="10" y="40" font-family="Arial" font-size="20">人力资源 Résumé</text>\n'
          '<text x="290" y="80" font-family="SimSun" font-size="20" font-weight="bold" text-anchor="end">'
          '增长 ≥ 5% → ∑</text>\n'
          '<text x="10" y="400" font-size="30">OUTSIDE BELOW THE VIEWBOX</text>\n'
          '<g transform="translate(-400 0)"><text x="10" y="50" font-size="20">LEFT OF 它</text></g>\n'
          '<text x="280" y="95" font-size="8">Edge label</text>\n'
          '<text x="10" y="60" font-size="12">合计<tspan fill="red">Total</tspan></text>\n'
          '<text x="150" y="25" font-size="12">שלום Qx</text>\n'
          '<clipPath id="dot"><rect width="1" height="1"/></clipPath><clipPath id="top"><rect width="300" height="88"/>'
          '</clipPath>\n<text x="200" y="50" font-size="20" clip-path="url(#dot)">HIDDENCLIP</text>\n'
          '<text x="200" y="50" font-size="0.01">HIDDENTINY</text>\n'
          '<g clip-path="url(#top)"><text x="150" y="92" font-size="10">Halfcut</text></g>\n</svg>\n')


def shows(drawing: str) -> dict:
    return {"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n", "figures/a.svg": drawing}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """The minimal document showing LABELS, built as PDF in en and zh: {lang: path}."""
    root = tmp_path_factory.mktemp("svg-text")
    folder = write_doc(root / "doc", None)
    write_files(folder, shows(LABELS))
    fill_catalog(folder, {"A chart": "图表"})
    done = run_ccdocs("build", folder, "--out", root / "out", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    return {path.parent.name: path for path in map(__import__("pathlib").Path, done.stdout.split())}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_labels_are_in_the_text_layer_in_embedded_faces(pdfs, lang):
    fonts = subprocess.run(["pdffonts", pdfs[lang]], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts          # emb: every face embedded
    assert "Helvetica" not in fonts
    text = subprocess.run(["pdftotext", pdfs[lang], "-"], capture_output=True, text=True, check=True).stdout
    assert "人力资源 Résumé" in text and "增长 ≥ 5% → ∑" in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_outside_the_drawing_is_not_in_the_text_layer(pdfs, lang):
    """A string wholly outside the drawing's box (below it; left of it through a group's transform), which no
    renderer shows (the PDF clips the drawing to its box), is not in the PDF's text layer either; one running
    over the edge is kept whole."""
    text = subprocess.run(["pdftotext", pdfs[lang], "-"], capture_output=True, text=True, check=True).stdout
    assert "OUTSIDE" not in text and "LEFT OF" not in text and "它" not in text, text
    assert "Edge label" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_no_reader_sees_is_not_in_the_text_layer(pdfs, lang):
    """Consistently with text outside the box: a string wholly cut away by its clipping path (a 1 × 1 rect), or
    of letters 0.01 high, is left out of the PDF's text layer; one a clipping path cuts in part is kept whole."""
    text = subprocess.run(["pdftotext", pdfs[lang], "-"], capture_output=True, text=True, check=True).stdout
    assert "HIDDENCLIP" not in text and "HIDDENTINY" not in text, text
    assert "Halfcut" in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_script_in_its_face_and_the_anchor_kept(pdfs, lang):
    """人 in the Chinese body face, R in the Latin face; the bold line's 增 in the heading face, 5 in the bold Latin
    face; the end-anchored line ends at x = 290 of the drawing's 300 (its grey box read from the page); a `<tspan>`
    after Chinese text starts where that text ends (svglib measures it in the faces it is set in)."""
    with pdfplumber.open(pdfs[lang]) as pdf:
        page = next(p for p in pdf.pages if any(c["text"] == "∑" for c in p.chars))
        box = next(r for r in page.rects if r["width"] > 100 and r["height"] > 20)     # the drawing's grey box
        chars = {c["text"]: c for c in page.within_bbox((box["x0"], box["top"], box["x1"], box["bottom"])).chars}
    assert "UMing" in chars["人"]["fontname"] and "LiberationSans" in chars["R"]["fontname"]
    assert "WenQuanYi" in chars["增"]["fontname"] and "LiberationSans-Bold" in chars["5"]["fontname"]
    assert abs(chars["∑"]["x1"] - (box["x0"] + box["width"] * 290 / 300)) < 1.0, (chars["∑"], box)
    assert abs(chars["T"]["x0"] - chars["计"]["x1"]) < 0.5, (chars["计"], chars["T"])   # the tspan after 合计


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_character_no_face_holds_is_refused_at_the_image(refuse, lang):
    drawing = LABELS.replace("Résumé", "Résumé ꙮ")
    where = f"content/report.md:{LINE}"      # the zh paper shows the same image (its catalog translates no text)
    refuse(Case(f"svg-text-{lang}", shows(drawing), "image `figures/a.svg`, line 3: the drawing's text contains 'ꙮ' "
                "(U+A66E CYRILLIC LETTER MULTIOCULAR O), which none of the fonts holds", where,
                args=("--format", "pdf", "--lang", lang)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_right_to_left_text_is_drawn_in_display_order(pdfs, lang):
    """A Hebrew word reads right to left, as a browser and Word draw it (the SVG's direction: left to right, so the
    Hebrew run stands before the Latin one): its first letter ש right of its last ם, both left of Q. svglib drew
    the letters in logical order from the left (ש leftmost: the word read backwards)."""
    with pdfplumber.open(pdfs[lang]) as pdf:
        page = next(p for p in pdf.pages if any(c["text"] == "ש" for c in p.chars))
        chars = {c["text"]: c for c in page.chars}
    assert chars["ם"]["x0"] < chars["ו"]["x0"] < chars["ל"]["x0"] < chars["ש"]["x0"] < chars["Q"]["x0"], chars


def test_arabic_text_is_drawn_joined_in_the_arabic_face(tmp_path):
    """An ar paper's SVG `<text>` in Arabic (refused as 'none of the fonts holds' though Amiri, named in the same
    message, does: the SVG's faces had no Arabic one): built, drawn in the paper's Arabic face, its letters joined
    and in display order (س, the first letter, rightmost), searchable as typed."""
    folder = tmp_path / "arz"
    made = run_ccdocs("new", folder, "--symbol", "WO/CC/86/INF/3", "--kind", "information", "--ordinary", "57",
                      "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-01", "--languages", "ar",
                      "--title", "ورقة")
    assert made.returncode == 0, made.stderr
    write_files(folder, {"fig.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 '
                                    '300 100">\n<text x="10" y="50" font-size="24">سلام عليكم</text>\n</svg>\n',
                         "content/report.md": "# مقدمة\n\nنص.\n\n![رسم](fig.svg)\n"})
    done = run_ccdocs("build", folder, "--out", tmp_path / "out", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    pdf = next((tmp_path / "out" / "ar").glob("*.pdf"))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "سلام عليكم" in text, text
    with pdfplumber.open(pdf) as opened:
        page, kaf = max(((p, c) for p in opened.pages for c in p.chars if c["text"] == "ك"),
                        key=lambda found: found[1]["size"])             # عليكم's: the drawing's 24-unit line
        chars = [c for c in page.chars if abs(c["bottom"] - kaf["bottom"]) < 3 and not c["text"].isspace()]
    assert chars and all("Amiri" in c["fontname"] for c in chars), chars
    assert max(chars, key=lambda c: c["x0"])["text"] == "س", chars        # the first letter, at the right
