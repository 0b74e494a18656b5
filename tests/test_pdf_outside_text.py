"""Specification: the texts the PDF puts outside its own lines are treated as the body's text is.

f64fc42 made the body's lines draw no invisible character (soft hyphen, zero-width space, direction marks,
variation selectors), compose decomposed accents (NFC) and order right-to-left words for display. A chart's labels,
legend and axis title (drawn by reportlab's graphics as they come) and the outline entries and document title (laid
out by the viewer) got the text as written: `Cafe\u0301 work\u00adforce` drew a hyphen mid-word and an accent beside
its letter, a Hebrew word in an English legend read backwards, a heading's soft hyphen and zero-width space stood
in the bookmark. Now `rtl.drawn` (charts) and `invisible.read_as` (outline, title, author) give them one treatment;
a chart label holding a letter its one face lacks (an Arabic word in an English chart) is refused at the chart.
"""

from __future__ import annotations

import pdfplumber
import pypdf
import pytest
from conftest import MINIMAL, write_doc
from refusals import Case

HEBREW = "\u05e9\u05dc\u05d5\u05dd"                          # שלום, in logical order
CATEGORY = "Cafe\u0301 work\u00adforce"                   # an NFD accent and a soft hyphen
SERIES = {"en": f"Flex\u200bible {HEBREW}",                # a zero-width space and a right-to-left word (the
          "zh": "Flex\u200bible"}                           # Chinese face has no Hebrew: refused, below)
AXIS = "Number of posts\u200e"                             # a left-to-right mark
HEADING = "Cafe\u0301 plan\u00adning\u200b review"
TITLES = {"en": "Annual Report on Human Resources", "zh": "人力资源年度报告"}

CHART = """\
charts:
  posts:
    kind: column
    data: posts
    category: name
    series: [{{key: before, label: Before}}, {{key: after, label: "{series}"}}]
    axis_title: "{axis}"
"""


def paper(lang: str, series: str | None = None) -> dict:
    """A one-language paper in `lang` with a column chart and a heading holding the invisible characters."""
    series = SERIES[lang] if series is None else series
    yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]").replace("data:\n", "data:\n  posts: data/posts.csv\n")
    yaml += CHART.format(series=series.encode("unicode_escape").decode(), axis=AXIS.encode("unicode_escape").decode())
    yaml = yaml.replace(f"{lang}: {TITLES[lang]}", f"{lang}: Cafe\u0301 {TITLES[lang]}")   # decomposed
    return {"document.yaml": yaml, "data/posts.csv": f"id,name,before,after\na,{CATEGORY},10,12\nb,Other,5,6\n",
            "content/report.md": f"# {HEADING}\n\nText.\n\n::: chart posts\nPosts\n:::\n"}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    from ccdocs.build import build

    work = tmp_path_factory.mktemp("outside")
    out = {}
    for lang in ("en", "zh"):
        folder = write_doc(work / lang, paper(lang))
        out[lang] = build([folder], work / f"out-{lang}", None, ("pdf",))[0]
    return out


def chart_chars(pdf) -> list[dict]:
    """The characters drawn on the chart's page below its caption, in reading order of lines then x."""
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if "Posts" in (p.extract_text() or "") and "Before" in p.extract_text())
        return sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_labels_draw_no_invisible_character_and_composed_accents(pdfs, lang):
    drawn = "".join(c["text"] for c in chart_chars(pdfs[lang]))
    assert "Café workforce" in drawn and "Flexible" in drawn and "stsop" in drawn   # the axis title, turned
    assert not set(drawn) & {"\u00ad", "\u200b", "\u200e", "\u0301"}


def test_a_right_to_left_word_in_a_legend_is_drawn_in_display_order(pdfs):
    chars = [c for c in chart_chars(pdfs["en"]) if c["text"] in HEBREW]
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])) == HEBREW[::-1]   # ם leftmost


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_outline_entries_and_title_are_composed_without_invisible_characters(pdfs, lang):
    reader = pypdf.PdfReader(pdfs[lang])
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    heading = next(t for t in titles if "review" in t)
    assert heading.endswith("Café planning review") and "\u200b" not in heading and "\u00ad" not in heading
    assert titles[0] == reader.metadata.title == f"Café {TITLES[lang]}"


def test_a_chart_label_in_a_script_its_face_lacks_is_refused_where_it_is_typed(refuse):
    """It was drawn as boxes (.notdef), silently; it is told at the data row holding it (1759c1d: a chart's texts
    are told where they were typed, not at the `::: chart` line)."""
    files = paper("en")
    files["data/posts.csv"] = "id,name,before,after\na,Staff \u0645\u0631\u062d\u0628\u0627,10,12\nb,Other,5,6\n"
    refuse(Case("chart-arabic-in-english", files, "the label `Staff", "data/posts.csv:2",
                args=("--format", "pdf")))


def test_a_hebrew_word_in_a_chinese_chart_is_refused_where_it_is_typed(refuse):
    """A series label is told at its line of document.yaml's chart."""
    refuse(Case("chart-hebrew-in-chinese", paper("zh", f"Flexible {HEBREW}"), "U+05E9 HEBREW LETTER SHIN",
                "document.yaml:", args=("--format", "pdf")))
