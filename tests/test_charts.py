"""Charts (`charts:` in document.yaml, `::: chart NAME`): every kind in both languages and both formats.

The PDF draws each chart as vectors with its texts as text (poppler's words, pypdf's resources, pdfplumber's
fonts); the DOCX holds a native Word chart whose parts validate against ISO/IEC 29500 and which LibreOffice
draws with the categories and values in order; the embedded workbook holds the same data.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pdfplumber
import pytest
from lxml import etree
from pypdf import PdfReader

from charts_sample import CHARTS, make_charts_document, shown
from libreoffice import render, soffice, to_pdf
from pdfpages import read_pages, squeeze

sys.path.insert(0, str(Path(__file__).parent / "ooxml"))
from validate import validate  # noqa: E402

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LANGS = ("en", "zh")
KINDS = {"columns": ("barChart", "col", "clustered"), "columns_stacked": ("barChart", "col", "stacked"),
         "columns_percent": ("barChart", "col", "percentStacked"), "bars": ("barChart", "bar", "clustered"),
         "bars_stacked": ("barChart", "bar", "stacked"), "trend": ("lineChart", None, "standard"),
         "shares": ("pieChart", None, None), "ring": ("doughnutChart", None, None)}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The folder of the charts document, its Chinese catalog made by `i18n update` and translated."""
    return make_charts_document(tmp_path_factory.mktemp("charts") / "doc")


@pytest.fixture(scope="module")
def outputs(sample):
    """(lang, fmt) -> the built file of the charts document; each built once."""
    from ccdocs.build import build

    paths = build([sample], sample.parent / "out", None, ("pdf", "docx"))
    return {(p.parent.name, p.suffix[1:]): p for p in paths}


def test_chart_texts_are_offered_for_translation_where_they_are_written(sample):
    """`i18n update` asks for each series label and axis title at its line of document.yaml and each category at
    its row of the data file (msgctxt "data", as a table's texts); a region the toolkit translates is not asked."""
    from babel.messages.pofile import read_po
    from ccdocs.i18n.catalogs import po_path

    with po_path(sample, "zh").open("rb") as f:
        catalog = read_po(f)
    data = {m.id: m.locations for m in catalog if m.id and m.context == "data"}
    yaml = (sample / "document.yaml").read_text().splitlines()
    assert ("document.yaml", yaml.index("    series: [{key: applied, label: Applications}, {key: hired, label: "
                                        "Appointments}]") + 1) in data["Applications"]
    assert ("document.yaml", next(i for i, line in enumerate(yaml, 1) if "axis_title: Candidates" in line)) \
        in data["Candidates"]
    assert ("data/regions.csv", 4) in data["Europe"]
    assert ("data/grades.csv", 2) in data["Directors"]
    assert "Africa" not in data


@pytest.fixture(scope="module")
def office(outputs, tmp_path_factory):
    """lang -> LibreOffice's PDF of the DOCX (both converted in one call)."""
    soffice()
    work = tmp_path_factory.mktemp("charts-lo")
    files = [shutil.copy(outputs[(lang, "docx")], work / f"{lang}.docx") for lang in LANGS]
    folder = to_pdf(files, work)
    return {lang: folder / f"{lang}.pdf" for lang in LANGS}


def caption(name: str, lang: str) -> str:
    return CHARTS[name][1 if lang == "en" else 2]


def chart_page(pages, name: str, lang: str):
    """The page showing chart `name`: the one holding its caption (one chart to a page)."""
    found = [p for p in pages if squeeze(caption(name, lang)) in p.squeezed]
    assert len(found) == 1, f"{name}: caption on pages {[p.number for p in found]}"
    return found[0]


def positions(page, texts: list[str]) -> list:
    """The first word box of each text of `texts` on `page` (none of them is in the caption or the header)."""
    boxes = []
    for text in texts:
        words = [w for w in page.words if w.text == text]
        assert words, f"`{text}` is not shown on page {page.number}: {[w.text for w in page.words]}"
        boxes.append(words[0])
    return boxes


def assert_in_order(name: str, page, lang: str) -> None:
    """The categories in the order drawn (left to right; bars top to bottom) and the first series' values shown."""
    categories, values = shown(name, lang)
    boxes = positions(page, categories)
    if KINDS[name][1] == "bar":
        assert [b.y0 for b in boxes] == sorted(b.y0 for b in boxes), f"{name}: {categories} not top to bottom"
    else:
        assert [b.x0 for b in boxes] == sorted(b.x0 for b in boxes), f"{name}: {categories} not left to right"
    positions(page, values)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CHARTS))
def test_pdf_chart_shows_categories_and_values_in_order(outputs, name, lang):
    pages = read_pages(outputs[(lang, "pdf")])
    assert_in_order(name, chart_page(pages, name, lang), lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CHARTS))
def test_libreoffice_draws_the_docx_chart_with_categories_and_values_in_order(office, name, lang):
    pages = read_pages(office[lang])
    assert_in_order(name, chart_page(pages, name, lang), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_charts_are_vectors_without_images(outputs, lang):
    """Every chart page draws paths (bars as rectangles, slices and lines as curves or lines) and holds no image
    XObject at all."""
    path = outputs[(lang, "pdf")]
    pages = read_pages(path)
    numbers = {chart_page(pages, name, lang).number for name in CHARTS}
    reader = PdfReader(path)
    with pdfplumber.open(path) as pdf:
        for number in sorted(numbers):
            resources = reader.pages[number - 1]["/Resources"]
            xobjects = resources.get("/XObject", {})
            images = [k for k, v in (xobjects.get_object() if xobjects else {}).items()
                      if v.get_object().get("/Subtype") == "/Image"]
            assert not images, f"page {number} holds images {images}"
            page = pdf.pages[number - 1]
            assert len(page.rects) + len(page.curves) + len(page.lines) > 5, f"page {number} draws no chart"


def test_chinese_chart_labels_are_set_in_the_chinese_body_face(outputs):
    """The Han characters of a chart's labels use the face of the body text's Han characters (zh_body), not a
    Latin face; the DOCX chart names the theme's Chinese body font as its East Asian typeface."""
    path = outputs[("zh", "pdf")]
    pages = read_pages(path)
    number = chart_page(pages, "columns", "zh").number
    with pdfplumber.open(path) as pdf:
        body = {c["fontname"] for c in pdf.pages[0].chars if c["text"] in "以下是各种"}
        label = {c["fontname"] for c in pdf.pages[number - 1].chars if c["text"] in "非洲亚欧美申请数任命"}
    assert label and label == body, (label, body)
    from ccdocs.theme import load_theme

    face = load_theme("default").font("zh", "body")
    with zipfile.ZipFile(outputs[("zh", "docx")]) as z:
        space = etree.fromstring(z.read("word/charts/chart1.xml"))
    assert {e.get("typeface") for e in space.iter(f"{A}ea")} == {face}


def chart_parts(path: Path) -> dict:
    """Chart part name -> (its XML, the bytes of the workbook its c:externalData names)."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)):
            space = etree.fromstring(z.read(name))
            rels = etree.fromstring(z.read(name.replace("charts/", "charts/_rels/") + ".rels"))
            rid = space.find(f"{C}externalData").get("{http://schemas.openxmlformats.org/officeDocument/2006/"
                                                     "relationships}id")
            target = next(r.get("Target") for r in rels if r.get("Id") == rid)
            parts[name] = (space, z.read("word/" + target.replace("../", "")))
    return parts


class Drawn(NamedTuple):
    """A chart case as built: its PDF, its DOCX, the DOCX's `c:chartSpace` (None unless it holds one chart),
    LibreOffice's PDF of the DOCX."""
    pdf: Path
    docx: Path
    space: etree._Element | None
    office: Path


def in_english(files: dict, folder: Path) -> list:
    """The minimal document with `files` written in `folder/doc`, built in English as PDF and DOCX: the paths."""
    from ccdocs.build import build
    from conftest import write_doc

    return build([write_doc(folder / "doc", files)], folder / "out", ("en",), ("pdf", "docx"))


def english(files: dict) -> Callable:
    """A case of `drawn_by_office`: the minimal document with `files`, built in English."""
    return partial(in_english, files)


def drawn_by_office(cases: dict, work: Path) -> Callable:
    """Each of `cases` (id -> a function building a document in the folder it is given: its paths, one PDF and one
    DOCX) built under `work`, then every DOCX drawn by LibreOffice in one call (one start-up for a module's cases,
    not one a test). A function `id -> Drawn`, raising what the case's build raised: a case that does not build
    fails its own test alone."""
    made, failed = {}, {}
    for case, make in cases.items():
        try:
            paths = make(work / case)
        except Exception as exc:  # raised again by the case's own test
            failed[case] = exc
            continue
        made[case] = (next(p for p in paths if p.suffix == ".pdf"), next(p for p in paths if p.suffix == ".docx"))
    office = render({case: docx for case, (_, docx) in made.items()}, work) if made else {}

    def drawn(case: str) -> Drawn:
        if case in failed:
            raise failed[case]
        pdf, docx = made[case]
        spaces = [space for space, _ in chart_parts(docx).values()]
        return Drawn(pdf, docx, spaces[0] if len(spaces) == 1 else None, office[case])

    return drawn


@pytest.mark.parametrize("lang", LANGS)
def test_docx_chart_parts_validate_against_the_schema(outputs, lang):
    path = outputs[(lang, "docx")]
    problems = [p for p in validate(path) if "chart" in p[0] or p[0] == "word/document.xml"]
    assert not problems, problems
    assert len(chart_parts(path)) == len(CHARTS)


@pytest.mark.parametrize("lang", LANGS)
def test_docx_charts_cache_their_values_and_embed_their_workbook(outputs, lang):
    """Each chart is of its kind and grouping, caches the categories and values in document order with the
    figures' format code, and its workbook (what "Edit Data" opens) holds the same categories."""
    parts = list(chart_parts(outputs[(lang, "docx")]).values())
    for (space, book), name in zip(parts, CHARTS):
        plot, direction, grouping = KINDS[name]
        chart = space.find(f".//{C}{plot}")
        assert chart is not None, f"{name}: no c:{plot}"
        if direction:
            assert chart.find(f"{C}barDir").get("val") == direction
        if grouping:
            assert chart.find(f"{C}grouping").get("val") == grouping
        categories, values = shown(name, lang)
        first = chart.find(f"{C}ser")
        assert [v.text for v in first.iterfind(f"{C}cat//{C}pt/{C}v")] == categories
        cached = [float(v.text) for v in first.iterfind(f"{C}val//{C}pt/{C}v")]
        code = first.find(f"{C}val//{C}formatCode").text
        assert [_formatted(v, code) for v in cached] == values, name
        with zipfile.ZipFile(io.BytesIO(book)) as workbook:
            strings = workbook.read("xl/sharedStrings.xml").decode()
        assert all(f">{c}<" in strings for c in categories), name


def _formatted(value: float, code: str) -> str:
    """A cached value as its format code prints it (the codes a chart of these types uses)."""
    if code.endswith("%"):
        places = len(code.split(".")[1]) - 1 if "." in code else 0
        return f"{value * 100:.{places}f}%"
    return f"{value:,.0f}"


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_numbered_alike_in_both_formats(outputs, lang):
    """`Figure N: ` / `图N：` before each caption, in document order, the same in the PDF and the DOCX."""
    from docx import Document

    word = "Figure {}: " if lang == "en" else "图{}："
    expected = [squeeze(word.format(n) + caption(name, lang)) for n, name in enumerate(CHARTS, 1)]
    paragraphs = [squeeze(p.text) for p in Document(outputs[(lang, "docx")]).paragraphs]
    assert [p for p in paragraphs if p in expected] == expected
    text = squeeze("".join(page.squeezed for page in read_pages(outputs[(lang, "pdf")])))
    assert [text.find(e) for e in expected] == sorted(text.find(e) for e in expected) and -1 not in \
        [text.find(e) for e in expected]


CHART = ("charts:\n  {name}:\n    data: applicants\n    category: region\n"
         "    series: [{{key: applied, label: Applications}}]\n")


def prefixes(folder) -> list[str]:
    from ccdocs.model import Chart
    from ccdocs.pipeline import read_sources, resolve

    doc = resolve(read_sources(folder), "en")
    return [(part.kind, block.prefix) for part in doc.parts for block in part.blocks if isinstance(block, Chart)]


def test_figure_numbers_restart_in_each_annex_follow_the_theme_and_are_referred_to(make_doc):
    from conftest import MINIMAL, REPORT

    charts = "".join(CHART.format(name=n).replace("charts:\n", "") for n in ("a", "b", "c"))
    files = {"document.yaml": MINIMAL + "charts:\n" + charts,
             "content/report.md": REPORT + "\n::: chart a\nFirst\n:::\n\n{#second}\n::: chart b\nSecond\n:::\n\n"
                                           "As [](#second) shows.\n",
             "content/annex.md": "# Annex title\n\nAnnex paragraph.\n\n::: chart c\nThird\n:::\n"}
    folder = make_doc(files)
    assert prefixes(folder) == [("report", "Figure 1: "), ("report", "Figure 2: "), ("annex", "Figure 1: ")]
    from ccdocs.model.dump import to_json
    from ccdocs.pipeline import read_sources, resolve

    assert "As Figure\u00a02 shows." in [b["text"] for b in to_json(resolve(read_sources(folder), "en"))["blocks"]]
    (folder / "content/report.md").write_text(files["content/report.md"].replace("As [](#second) shows.", ""))
    (folder / "templates/themes").mkdir(parents=True)
    (folder / "templates/themes/plain.yaml").write_text("chart:\n  numbered: false\n")
    (folder / "document.yaml").write_text(files["document.yaml"] + "theme: plain\n")
    assert [p for _, p in prefixes(folder)] == ["", "", ""]


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_snapshot_lists_each_chart_as_printed(outputs, lang):
    """The regression snapshot of a DOCX lists each chart: kind, categories, and each series' values as printed, then
    its value axis' scale as the axis prints it."""
    from ccdocs.testing.docx_snapshot import docx_snapshot

    text = docx_snapshot(outputs[(lang, "docx")].read_bytes())
    categories, values = shown("bars", lang)
    label = "Applications" if lang == "en" else "申请数"
    assert f"[chart] bar clustered\n  categories: {' | '.join(categories)}\n  {label}: {' | '.join(values)}\n" \
           "  value axis: 0 to 8,000 by 2,000\n" in text
    assert "[chart] column percentStacked\n" in text and "  value axis: 0% to 100% by 20%\n" in text
    categories, values = shown("ring", lang)
    assert f"[chart] doughnut\n  categories: {' | '.join(categories)}\n" in text
    assert text.count("[chart] ") == len(CHARTS)


def one_chart(name: str, spec: str, csv: str, caption: str) -> dict:
    """The minimal document's files with a chart `name` (`spec`: its keys, indented by four) over the data file
    `data/<name>.csv` holding `csv`, placed after the report with `caption`."""
    from conftest import MINIMAL, REPORT

    return {"document.yaml": MINIMAL.replace("  applicants: data/applicants.csv\n",
                                             f"  applicants: data/applicants.csv\n  {name}: data/{name}.csv\n")
            + f"charts:\n  {name}:\n" + spec,
            f"data/{name}.csv": csv, "content/report.md": REPORT + f"\n::: chart {name}\n{caption}\n:::\n"}


def test_an_empty_cell_is_a_gap_in_both_formats(make_doc, tmp_path):
    """A line with an empty cell: nothing is drawn or printed for it (no invented zero); both formats build, the
    DOCX caches no point for it and still validates."""
    from ccdocs.build import build

    files = one_chart("trend", "    kind: line\n    data: trend\n    category: year\n    data_labels: true\n"
                               "    series: [{key: staff, label: Staff}]\n",
                      "id,year,staff\na,2023,1701\nb,2024,\nc,2025,1735\n", "Staff")
    paths = build([make_doc(files)], tmp_path / "out", ("en",), ("pdf", "docx"))
    docx = next(p for p in paths if p.suffix == ".docx")
    (space, _), = chart_parts(docx).values()
    assert [pt.get("idx") for pt in space.iterfind(f".//{C}val//{C}pt")] == ["0", "2"]
    assert not validate(docx)
    pdf = next(p for p in paths if p.suffix == ".pdf")
    words = [w.text for page in read_pages(pdf) for w in page.words]
    assert "1,701" in words and "1,735" in words


@pytest.mark.parametrize("lang", LANGS)
def test_docx_chart_stays_with_its_caption_and_is_described_by_it(outputs, lang):
    """The caption paragraph keeps with the next (the chart's own paragraph, kept whole); the drawing's alternative
    text (`wp:docPr/@descr`) is the numbered caption."""
    from docx import Document

    body = Document(outputs[(lang, "docx")]).paragraphs
    word = "Figure {}: " if lang == "en" else "图{}："
    for number, name in enumerate(CHARTS, 1):
        text = word.format(number) + caption(name, lang)
        at = next(i for i, p in enumerate(body) if squeeze(p.text) == squeeze(text))
        chart = body[at + 1]
        assert body[at].paragraph_format.keep_with_next, name
        assert chart.paragraph_format.keep_together, name
        described = chart._p.xpath(".//wp:docPr/@descr")
        assert described == [text], (name, described)


SAMPLE_CHARTS = {  # the sample WO/CC/86/INF/1's charts: kind line, then the first series as printed
    "en": [("doughnut", "Share of the workforce | 60.1% | 39.9%"),
           ("bar clustered", "Applicants | 3,944 | 3,764 | 3,555 | 1,718 | 1,353 | 815 | 772"),
           ("column clustered", "Baseline (2024/25) | 6 | 18 | 3 | 30")],
    "zh": [("doughnut", "占员工队伍的比例 | 60.1% | 39.9%"),
           ("bar clustered", "申请人 | 3,944 | 3,764 | 3,555 | 1,718 | 1,353 | 815 | 772"),
           ("column clustered", "基准（2024/25年） | 6 | 18 | 3 | 30")],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_sample_report_draws_its_three_charts_from_its_data(dumped, built, lang):
    """WO/CC/86/INF/1: the workforce composition as a doughnut, applications by region as bars (the most first),
    engagement with Member States as columns (in the annex, numbered from 1 again); the DOCX holds them as charts."""
    charts = [b for b in dumped("86", lang)["blocks"] if b["type"] == "chart"]
    assert [(c["text"].split("\n")[1].split(",")[0], c["text"].split("\n")[3]) for c in charts] == SAMPLE_CHARTS[lang]
    word = "Figure {}: " if lang == "en" else "图{}："
    assert [c["text"].startswith(word.format(n)) for c, n in zip(charts, (1, 2, 1))] == [True] * 3
    assert [c["part"] for c in charts] == ["report", "report", "annex-1"]
    assert len(chart_parts(built("86", lang, "docx"))) == 3


def change_files(spec: str) -> dict:
    """The minimal document's files with a chart of changes 100, -50, 30 (Alpha, Beta, Gamma; `spec`: its kind and
    other keys, indented by four)."""
    return one_chart("change", spec + "    data: change\n    category: name\n"
                                      "    series: [{key: delta, label: Change}]\n",
                     "id,name,delta\nr1,Alpha,100\nr2,Beta,-50\nr3,Gamma,30\n", "Change on last year")


@pytest.fixture(scope="module")
def chart_case(tmp_path_factory) -> Callable:
    """`drawn_by_office` of this module's chart cases (`CASES`, below the tests making them): each built in English,
    LibreOffice drawing their DOCX files in one call."""
    return drawn_by_office(CASES, tmp_path_factory.mktemp("charts-drawn"))


BELOW_ZERO = change_files("    kind: column\n")


def test_a_negative_figure_is_drawn_below_zero_in_both_formats(chart_case):
    """breaks-4 item 9: the DOCX's value axis was fixed at `c:min 0`, so Word and LibreOffice drew no bar for a
    negative figure (a budget difference) where the PDF drew it below zero. Both axes now reach below zero: read off
    LibreOffice's rendering of the DOCX and the PDF (the tick labels); the XML's `c:min` is the scale's low end, a
    round value below the lowest figure (charts.axis.value_scale: -50 to 100 by 25)."""
    pdf, _, space, office = chart_case("below-zero")
    assert space.find(f".//{C}valAx/{C}scaling/{C}min").get("val") == "-50"
    drawn = subprocess.run(["pdftotext", "-layout", str(office), "-"], capture_output=True, text=True).stdout
    printed = [w.text for page in read_pages(pdf) for w in page.words]
    assert any(below_zero(word) for word in drawn.split()), drawn   # a tick below zero on LibreOffice's axis
    assert any(below_zero(word) for word in printed), printed          # and on the PDF's


LABEL_BEYOND = {kind: change_files(f"    kind: {kind}\n    data_labels: true\n") for kind in ("column", "bar")}


@pytest.mark.parametrize("kind", ["column", "bar"])
def test_a_negative_figures_label_stands_beyond_its_bar_clear_of_the_category_names_in_both_formats(
        chart_case, kind):
    """charts13: the PDF printed a negative column's data label at zero, Word and LibreOffice beyond its end (the
    DOCX's `outEnd`), below it; and with the axis' low end at the lowest figure (charts.axis.value_scale, -50) that
    label stood over the category names, at the axis' low end. Now the PDF prints it beyond the end too, and the
    axis keeps a step below a negative figure within half a step of its end (-75 to 100 by 25): read off the PDF
    and LibreOffice's drawing, the label `-50` stands beyond the bar's end (the -50 gridline), short of the
    category names."""
    pdf, _, space, office = chart_case(f"label-beyond-{kind}")
    assert space.find(f".//{C}valAx/{C}scaling/{C}min").get("val") == "-75"
    for drawn in (pdf, office):
        words = [w for page in read_pages(drawn) for w in page.words]
        beta = next(w for w in words if w.text == "Beta")
        if kind == "column":   # the tick `-50` left of the plot, the label under Beta's column
            tick, label = sorted((w for w in words if w.text == "-50"), key=lambda w: w.x0)
            end = (tick.y0 + tick.y1) / 2
            assert end <= label.y0 and label.y1 <= beta.y0, (drawn, tick, label, beta)
        else:                  # the tick `-50` below the plot, the label on Beta's row
            tick, label = sorted((w for w in words if w.text == "-50"), key=lambda w: -w.y0)
            end = (tick.x0 + tick.x1) / 2
            assert beta.x1 <= label.x0 and label.x1 <= end, (drawn, tick, label, beta)


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


NAMES_BELOW = {kind: one_chart("change", f"    kind: {kind}\n    grouping: stacked\n    data: change\n"
                                          "    category: name\n    data_labels: true\n"
                                          "    series: [{key: a, label: A}, {key: b, label: B}]\n",
                                "id,name,a,b\nr1,Alpha,10,20\nr2,Beta,-10,20\nr3,Gamma,-5,-15\n",
                                "Change on last year")
               for kind in ("column", "bar")}


@pytest.mark.parametrize("kind", ["column", "bar"])
def test_category_names_stand_below_the_lowest_bar_in_both_formats(chart_case, kind):
    """breaks-6 #4: the PDF printed a stacked chart's category names at the zero line, inside the negative bars,
    `Gamma` over Gamma's `-5` label. Now at the value axis' low end in both formats (reportlab's `labelAxisMode
    low`, the DOCX's `tickLblPos low`): in the PDF and in LibreOffice's drawing of the DOCX every category name
    stands below (left of) the lowest value axis tick, and overlaps no data label; the DOCX validates."""
    pdf, docx, space, office = chart_case(f"names-below-{kind}")
    assert space.find(f".//{C}catAx/{C}tickLblPos").get("val") == "low"
    assert not validate(docx)
    for drawn in (pdf, office):
        words = [w for page in read_pages(drawn) for w in page.words]
        names = [w for w in words if w.text in ("Alpha", "Beta", "Gamma")]
        lowest = min((w for w in words if below_zero(w.text)), key=lambda w: float(w.text.replace("−", "-")))
        labels = [w for w in words if w.text in ("-5", "-10", "-15", "10", "20") and w.y0 < lowest.y0 + 1]
        assert len(names) == 3, (drawn, [w.text for w in words])
        for name in names:   # below the lowest tick (a column chart) or left of it (bars)
            assert name.y0 > lowest.y1 - 1 if kind == "column" else name.x1 < (lowest.x0 + lowest.x1) / 2, \
                (drawn, name, lowest)
            assert not any(_overlap(name, label) for label in labels), (drawn, name)


PAIRS = one_chart("pair", "    kind: bar\n    data: pair\n    category: name\n    data_labels: true\n"
                          "    series: [{key: a, label: First}, {key: b, label: Second}]\n",
                  "id,name,a,b\nr1,Alpha,11,21\nr2,Beta,12,22\nr3,Gamma,13,23\n", "Pairs")


def test_a_clustered_bar_charts_first_series_is_on_top_in_each_category_in_both_formats(chart_case):
    """The PDF drew each category's first series below the second, Word (and LibreOffice) above it: the category
    axis runs top-down (`c:orientation maxMin` in the DOCX, reportlab's reverseDirection), and Word reverses the
    series in a cluster with it. Now the PDF too (reportlab's reversePlotOrder): read off the data labels' places
    in the PDF and in LibreOffice's drawing of the DOCX."""
    pdf, _, _, office = chart_case("clustered-first-on-top")
    for drawn in (pdf, office):
        words = {w.text: w for page in read_pages(drawn) for w in page.words}
        for name, first, second in (("Alpha", "11", "21"), ("Beta", "12", "22"), ("Gamma", "13", "23")):
            assert words[first].y0 < words[second].y0, (drawn, first, second)
            middle = (words[name].y0 + words[name].y1) / 2   # the category's name beside its own two bars
            assert words[first].y0 - 1 <= middle <= words[second].y1 + 1, (drawn, name, words[name], words[first])


LEGENDS = {grouping: one_chart("pair", f"    kind: bar\n    grouping: {grouping}\n    data: pair\n    category: name\n"
                                        "    data_labels: true\n"
                                        "    series: [{key: a, label: Approved}, {key: b, label: Proposed}]\n",
                              "id,name,a,b\nr1,Alpha,11,21\nr2,Beta,12,22\nr3,Gamma,13,23\n", "Pairs")
           for grouping in ("clustered", "stacked")}


@pytest.mark.parametrize("grouping", ["clustered", "stacked"])
def test_a_bar_charts_legend_reads_in_the_series_order_in_both_formats(chart_case, grouping):
    """newcomer N3: a clustered bar chart of Approved then Proposed showed its legend `Approved, Proposed` in the PDF
    but `Proposed, Approved` in LibreOffice's drawing of the DOCX (LibreOffice lists a bar chart's unstacked series
    last first, whatever the category axis' direction). Now the legend reads first series first in the PDF and in
    LibreOffice's drawing, each category's first series still on top and the first category on top; a stacked
    chart's legend alike. The DOCX validates, its snapshot lists the rows and series as drawn, and its workbook
    holds each cached category and value at the cell the chart names (what Word's Edit Data shows and draws
    again)."""
    from ccdocs.testing.docx_snapshot import docx_snapshot

    pdf, docx, _, office = chart_case(f"legend-{grouping}")
    assert not validate(docx)
    for drawn in (pdf, office):
        words = {w.text: w for page in read_pages(drawn) for w in page.words}
        assert words["Approved"].x0 < words["Proposed"].x0, (drawn, words["Approved"], words["Proposed"])
        assert words["Alpha"].y0 < words["Beta"].y0 < words["Gamma"].y0, drawn
        if grouping == "clustered":
            assert words["11"].y0 < words["21"].y0, drawn
    snapshot = docx_snapshot(docx.read_bytes())   # as drawn: the first category and series first
    assert f"[chart] bar {grouping}\n  categories: Alpha | Beta | Gamma\n  Approved: 11 | 12 | 13\n" \
           "  Proposed: 21 | 22 | 23\n" in snapshot
    (space, book), = chart_parts(docx).values()
    held = workbook_cells(book)
    for ser in space.iterfind(f".//{C}ser"):
        for ref in (f"{C}tx", f"{C}cat", f"{C}val"):
            formula = ser.find(f"{ref}//{C}f").text
            column, first = re.fullmatch(r"Sheet1!\$([A-Z]+)\$(\d+)(?::\$[A-Z]+\$\d+)?", formula).groups()
            for point in ser.iterfind(f"{ref}//{C}pt"):
                cell = held[f"{column}{int(first) + int(point.get('idx'))}"]
                assert cell == point.findtext(f"{C}v") or cell == repr(float(point.findtext(f"{C}v"))), \
                    (formula, point.get("idx"), cell)


CASES = {  # the charts `chart_case` builds and LibreOffice draws, in one call for the module
    "below-zero": english(BELOW_ZERO),
    **{f"label-beyond-{kind}": english(files) for kind, files in LABEL_BEYOND.items()},
    **{f"names-below-{kind}": english(files) for kind, files in NAMES_BELOW.items()},
    "clustered-first-on-top": english(PAIRS),
    **{f"legend-{grouping}": english(files) for grouping, files in LEGENDS.items()},
}


def workbook_cells(book: bytes) -> dict:
    """The cells of a chart's workbook's first sheet: reference (`B2`) -> its text, or its number as `repr(float)`."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(book)) as workbook:
        strings = [si.findtext(f"{main}t") for si in
                   etree.fromstring(workbook.read("xl/sharedStrings.xml")).iter(f"{main}si")]
        sheet = etree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    return {c.get("r"): strings[int(c.findtext(f"{main}v"))] if c.get("t") == "s" else
            repr(float(c.findtext(f"{main}v"))) for c in sheet.iter(f"{main}c")}


def _hex(colour) -> str:
    return "".join(f"{round(c * 255):02X}" for c in colour)


@pytest.mark.parametrize("kind", ["pie", "column"])
def test_slices_and_series_beyond_the_palette_take_distinct_colours_alike_in_both_formats(make_doc, tmp_path, kind):
    """breaks-6 #13: the 7th and 8th slice of a pie (series of a column chart) took the palette's 1st and 2nd colours
    again, in both formats: two names of the legend for one colour. Now the palette's colours darker: the DOCX's
    fills and the PDF's are the same 8 distinct colours (charts.colours), and the DOCX validates."""
    from ccdocs.build import build
    from ccdocs.charts.colours import chart_colours
    from ccdocs.theme import load_theme

    if kind == "pie":
        spec, csv = "    series: [{key: a, label: A}]\n", "id,name,a\n" + "".join(f"r{i},N{i},{i + 1}\n" for i in range(8))
    else:
        spec = "    series:\n" + "".join(f"      - {{key: s{j}, label: S{j}}}\n" for j in range(8))
        csv = "id,name," + ",".join(f"s{j}" for j in range(8)) + "\nr1,One," + ",".join(["3"] * 8) + "\n"
    files = one_chart("eight", f"    kind: {kind}\n    data: eight\n    category: name\n" + spec, csv, "Eight")
    folder = make_doc(files)
    paths = build([folder], tmp_path / "out", ("en",), ("pdf", "docx"))
    expected = chart_colours(tuple(load_theme("default", folder).get("chart.palette")))[:8]
    assert len(set(expected)) == 8
    docx = next(p for p in paths if p.suffix == ".docx")
    (space, _), = chart_parts(docx).values()
    fills = [c.get("val") for c in space.iterfind(f".//{C}ser/{C}dPt/{C}spPr/{A}solidFill/{A}srgbClr"
                                                   if kind == "pie" else f".//{C}ser/{C}spPr/{A}solidFill/{A}srgbClr")]
    assert fills == list(expected)
    assert not validate(docx)
    with pdfplumber.open(next(p for p in paths if p.suffix == ".pdf")) as pdf:
        drawn = {_hex(o["non_stroking_color"]) for page in pdf.pages for o in page.curves + page.rects
                 if o.get("fill") and o.get("non_stroking_color") and len(o["non_stroking_color"]) == 3}
    assert set(expected) <= drawn, (expected, drawn)


def below_zero(word: str) -> bool:
    """Whether `word` is a negative whole number as an axis prints it (-20, −1,000)."""
    return word[:1] in "-−" and word[1:].replace(",", "").isdigit()


def test_labels_wider_than_their_category_are_turned_not_printed_over_one_another(make_doc, tmp_path):
    """breaks-4 item 8: 30 categories `Row name 0` … each wider than its slot were wrapped into it and overprinted
    (`RowRowRow…`), where Word and LibreOffice turn them. The PDF turns them 45°: every label reads back whole, its
    characters turned, and no two labels share a character's box."""
    from ccdocs.build import build

    rows = "".join(f"r{i},Row name {i},{i + 1}\n" for i in range(30))
    files = one_chart("rows", "    kind: column\n    data: rows\n    category: name\n"
                              "    series: [{key: a, label: A}]\n", "id,name,a\n" + rows, "Rows")
    pdf, = build([make_doc(files)], tmp_path / "out", ("en",), ("pdf",))
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars if abs(c["matrix"][1]) > 0.5]   # turned 45 degrees
    assert len(chars) >= sum(len(f"Row name {i}") - 2 for i in range(30))   # the labels' letters, turned
    boxes = sorted((round(c["x0"], 1), round(c["top"], 1)) for c in chars)
    assert len(boxes) == len(set(boxes)), "two turned letters at one place"
