"""Images: `![alternative text](figures/name.png)` alone or in a `::: figure` with its caption, in both languages
and both formats.

A PNG and a JPEG print as image XObjects in the PDF and as pictures (a media part, `wp:docPr/@descr` the
alternative text) in the DOCX; an SVG prints as vector paths in the PDF (no image XObject) and in the DOCX as the
SVG (`asvg:svgBlip`) over a PNG fallback. A `{width="60%"}` is a share of the text width in both; without it an
image prints at its own resolution. The alternative text is a translation segment: the Chinese build carries the
Chinese text. What cannot print is refused at the content line, by `build` and by `check`.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from PIL import Image as PILImage

from ccdocs.build import build
from ccdocs.i18n.segments import apply, extract
from ccdocs.theme import load_theme
from ccdocs.writers.docx.layout import text_width
from conftest import MINIMAL, REPORT, translated_as_written
from libreoffice import render
from refusals import Case
from translated import fill_catalog

CM = 72 / 2.54
BLUE = (0x1F / 255, 0x4E / 255, 0x79 / 255)
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">'
       '<rect x="10" y="10" width="380" height="180" fill="#1F4E79"/><circle cx="200" cy="100" r="60" fill="#F0A030"/>'
       "</svg>")
FIGURES = """
Third paragraph, before the figure.

::: figure
Staff by grade, 2025

![Bar chart of staff by grade](figures/grades.png){width="60%"}

Source: WIPO human resources data.
:::

![A blue square](figures/square.jpg)

![A vector drawing](figures/drawing.svg){width="40%"}
"""
ZH = {"Bar chart of staff by grade": "按职等分列的工作人员条形图",
      "A blue square": "一个蓝色正方形", "A vector drawing": "一幅矢量图", "Staff by grade, 2025": "2025年按职等分列的工作人员",
      "Source: WIPO human resources data.": "资料来源：产权组织人力资源数据。"}
ALT = {"en": ("Bar chart of staff by grade", "A blue square", "A vector drawing"),
       "zh": ("按职等分列的工作人员条形图", "一个蓝色正方形", "一幅矢量图")}
CAPTION = {"en": "Staff by grade, 2025", "zh": "2025年按职等分列的工作人员"}


def png(size=(600, 300), dpi=150, colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def jpeg(size=(120, 120)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (30, 30, 200)).save(out, "JPEG", dpi=(96, 96))
    return out.getvalue()


def cmyk_jpeg() -> bytes:
    """A CMYK JPEG as print tools save it: an Adobe segment first, no JFIF header."""
    out = io.BytesIO()
    PILImage.new("CMYK", (40, 20), (0, 200, 200, 0)).save(out, "JPEG")
    return out.getvalue()


def write(folder: Path, files: dict) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The minimal document with a captioned PNG at 60%, a JPEG at its own size and an SVG at 40%, in en and zh."""
    folder = tmp_path_factory.mktemp("images") / "doc"
    write(folder, {"document.yaml": MINIMAL, "content/report.md": REPORT + FIGURES,
                   "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
                   "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
                   "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n",
                   "figures/grades.png": png(), "figures/square.jpg": jpeg(), "figures/drawing.svg": SVG})
    fill_catalog(folder, ZH)
    return folder


@pytest.fixture(scope="module")
def outputs(folder, tmp_path_factory) -> dict:
    """(lang, fmt) -> the built file."""
    made = build([folder], tmp_path_factory.mktemp("out"), None, ("docx", "pdf"))
    return {(path.parent.name, path.suffix[1:]): path for path in made}


@pytest.fixture(scope="module")
def width() -> float:
    """The text width in points."""
    return text_width(load_theme("default")) / 20


# -- PDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_places_rasters_as_images_at_their_width_and_svg_as_paths(outputs, width, lang):
    with pdfplumber.open(outputs[lang, "pdf"]) as pdf:
        page = next(p for p in pdf.pages if p.images)
        images = sorted(page.images, key=lambda i: i["top"])
        assert [(i["srcsize"]) for i in images] == [(600, 300), (120, 120)]   # the SVG is no image XObject
        grades, square = images
        assert grades["width"] == pytest.approx(0.6 * width, abs=0.5)
        assert grades["height"] == pytest.approx(0.3 * width, abs=0.5)
        assert square["width"] == pytest.approx(90, abs=0.5)                  # 120 px at 96 dpi
        blue = [r for r in page.rects + page.curves
                if tuple(r.get("non_stroking_color") or ()) == pytest.approx(BLUE, abs=0.002)]
        assert blue and max(r["width"] for r in blue) == pytest.approx(0.4 * width * 380 / 400, abs=1)
        assert min(r["top"] for r in blue) > square["bottom"]
        caption = page.search(CAPTION[lang])[0]
        source = page.search("Source: WIPO" if lang == "en" else "资料来源")[0]
        assert caption["bottom"] <= grades["top"] < grades["bottom"] <= source["top"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_carries_the_alternative_text_over_each_image(outputs, lang):
    text = subprocess.run(["pdftotext", "-layout", str(outputs[lang, "pdf"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    for alt in ALT[lang]:
        assert alt in text
    if lang == "zh":
        assert "Bar chart" not in text


# -- DOCX -----------------------------------------------------------------------------------------


def drawings(path: Path) -> list:
    body = docx.Document(str(path)).element.body
    return body.findall(".//" + "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_pictures_carry_alt_text_width_and_media(outputs, width, lang):
    path = outputs[lang, "docx"]
    found = drawings(path)
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    assert [d.find(f".//{wp}docPr").get("descr") for d in found] == list(ALT[lang])
    extents = [int(d.find(f".//{wp}extent").get("cx")) / 12700 for d in found]
    assert extents == pytest.approx([0.6 * width, 90, 0.4 * width], abs=0.5)
    with zipfile.ZipFile(path) as package:
        media = sorted(n for n in package.namelist() if n.startswith("word/media/"))
        types = package.read("[Content_Types].xml").decode()
    assert [Path(n).suffix for n in media] == [".png", ".jpg", ".png", ".svg"]
    assert "image/svg+xml" in types
    svg_blip = found[2].find(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    assert svg_blip is not None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_caption_stands_above_its_picture_and_the_source_below(outputs, lang):
    paragraphs = docx.Document(str(outputs[lang, "docx"])).paragraphs
    numbered = {"en": f"Figure 1: {CAPTION['en']}", "zh": f"图1：{CAPTION['zh']}"}[lang]   # the folder's one figure
    index = next(i for i, p in enumerate(paragraphs) if p.text == numbered)
    assert paragraphs[index].style.name == "Table Caption"
    assert paragraphs[index].paragraph_format.keep_with_next
    assert paragraphs[index + 1]._p.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing")
    assert paragraphs[index + 2].style.name == "Table Note"


def test_libreoffice_draws_every_picture(outputs, tmp_path):
    pdfs = render({lang: outputs[lang, "docx"] for lang in ("en", "zh")}, tmp_path)
    for lang, pdf_path in pdfs.items():
        with pdfplumber.open(pdf_path) as pdf:
            page = next(p for p in pdf.pages if p.images)
            assert len(page.images) >= 3, lang                               # the SVG as its PNG fallback
            assert page.search(CAPTION[lang])


# -- translation ----------------------------------------------------------------------------------


def test_alt_text_is_a_segment_and_its_translation_keeps_the_path():
    text = '# T\n\n![Staff by grade](figures/a.png){width="50%"}\n'
    segments = extract(text, "r.md")
    assert [(s.msgid, s.kind, s.line) for s in segments][1:] == [("Staff by grade", "alt", 3)]
    assert apply(text, "r.md", lambda s: "按职等分列" if s.kind == "alt" else None).split("\n")[2] == \
        '![按职等分列](figures/a.png){width="50%"}'


# -- refusals -------------------------------------------------------------------------------------

LINE = len(REPORT.splitlines()) + 2          # the line after REPORT and a blank line
WHERE = f"content/report.md:{LINE}"
PDF = ("--format", "pdf")


def svg_of(size: str, body: str) -> str:
    """An SVG drawing of `size` (its `<svg>` attributes) holding `body`."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {size}>{body}'
            "</svg>")


def shows(markdown: str, **files) -> dict:
    return {"content/report.md": REPORT + "\n" + markdown + "\n", **files}


def linked_out(folder: Path, out: Path) -> None:
    target = folder.parent / "secret.png"
    target.write_bytes(png((10, 10)))
    (folder / "figures").mkdir(exist_ok=True)
    (folder / "figures" / "out.png").symlink_to(target)


def truncated() -> bytes:
    return png((300, 300), colour=(1, 2, 3))[:-40]


def bomb() -> bytes:
    out = io.BytesIO()
    PILImage.new("1", (7000, 7000)).save(out, "PNG")
    return out.getvalue()


REFUSED = [
    Case("missing", shows("![A chart](figures/none.png)"), "image `figures/none.png` does not exist", WHERE),
    Case("not-a-png", shows("![A chart](figures/a.png)", **{"figures/a.png": jpeg()}),
         "is named .png but holds JPEG", WHERE),
    Case("not-an-image", shows("![A chart](figures/a.png)", **{"figures/a.png": "hello\n"}),
         "is not a readable PNG file", WHERE),
    Case("truncated", shows("![A chart](figures/a.png)", **{"figures/a.png": truncated()}),
         "is not a readable PNG file", WHERE),
    Case("bomb", shows("![A chart](figures/a.png)", **{"figures/a.png": bomb()}),
         "more than 40 million pixels", WHERE),
    Case("gif", shows("![A chart](figures/a.gif)", **{"figures/a.gif": "GIF89a"}), "a .gif image is not supported",
         WHERE),
    Case("absolute", shows("![A chart](/etc/hosts.png)"), "is an absolute path", WHERE),
    Case("dot-dot", shows("![A chart](../secret.png)"), "leaves the document folder", WHERE),
    Case("link-out", shows("![A chart](figures/out.png)"), "leaves the document folder", WHERE, setup=linked_out),
    Case("folder", shows("![A chart](figures/dir.png)", **{"figures/dir.png/x": "x"}), "is a folder", WHERE),
    Case("web", shows("![A chart](https://example.org/a.png)"), "is not a file of the document folder", WHERE),
    Case("jpeg-cmyk", shows("![A photograph](figures/a.jpg)", **{"figures/a.jpg": cmyk_jpeg()}),
         "a JPEG without a JFIF or Exif header", WHERE),
    Case("svg-malformed", shows("![A chart](figures/a.svg)", **{"figures/a.svg": "<svg xmlns='x'"}),
         "is not well-formed SVG", WHERE),
    Case("svg-not-svg", shows("![A chart](figures/a.svg)", **{"figures/a.svg": "<html/>"}),
         "is not a readable SVG drawing", WHERE),
    # a drawing the libraries cannot make or write: refused at its line, never an internal error in a writer
    Case("svg-too-tall", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="1" height="1e9"', '<rect width="10" height="10"/>')}), "at most 14,400 points", WHERE),
    Case("svg-number-beyond-pdf", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="100" height="100"', '<path d="M0 0 L1e308 1e308 Z" stroke="red"/>')}), "cannot be drawn", WHERE),
    Case("svg-font-beyond-pdf", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="100" height="100"', '<text font-size="1e30">Hi</text>')}), "cannot be drawn", WHERE),
    Case("svg-use-itself", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="10" height="10"', '<g id="a"><use xlink:href="#a"/></g>')}), "refers to itself through `#a`", WHERE),
    Case("svg-pattern-filled-with-itself", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="10" height="10"', '<pattern id="p" width="5" height="5"><rect width="5" height="5" '
        'fill="url(#p)"/></pattern><rect width="10" height="10" fill="url(#p)"/>')}), "refers to itself", WHERE),
    Case("svg-use-bomb", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="10" height="10"', '<defs><rect id="l0" width="1" height="1"/>' + "".join(
            f'<g id="l{i}">' + f'<use xlink:href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 7))
        + '</defs><use xlink:href="#l6"/>')}), "would draw more than 2,000 elements", WHERE, timeout=120),
    Case("svg-broken-embedded-png", shows("![A chart](figures/a.svg)", **{"figures/a.svg": svg_of(
        'width="10" height="10"', '<image width="5" height="5" '
        'xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"/>')}),
         "embeds a bitmap that is not a readable PNG file", WHERE),
    Case("empty-alt", shows("![](figures/a.png)", **{"figures/a.png": png()}), "without alternative text", WHERE),
    Case("title", shows('![A chart](figures/a.png "Staff")', **{"figures/a.png": png()}),
         "the image title \"Staff\" would not be printed", WHERE),
    Case("width-too-large", shows('![A chart](figures/a.png){width="150%"}', **{"figures/a.png": png()}),
         "is not a share of the text width", WHERE),
    Case("width-unquoted", shows("![A chart](figures/a.png){width=50%}", **{"figures/a.png": png()}),
         "is not read as its width", WHERE),
    Case("other-attribute", shows('![A chart](figures/a.png){height="5cm"}', **{"figures/a.png": png()}),
         "means nothing on an image", WHERE),
    # an attribute given again after an image (the attributes plugin keeps the last value silently)
    Case("width-twice", shows('![A chart](figures/a.png){width="60%" width="70%"}', **{"figures/a.png": png()}),
         '`width="70%"` gives `width` a second time after `width="60%"`', WHERE + ":39"),
    Case("width-in-two-blocks", shows('![A chart](figures/a.png){width="60%"}{width="60%"}',
                                      **{"figures/a.png": png()}), "gives `width` a second time", WHERE + ":40"),
    Case("address-again", shows('![A chart](figures/a.png){src="figures/b.png"}',
                                **{"figures/a.png": png(), "figures/b.png": png()}),
         "gives `src` a second time after its own `src`", WHERE + ":27"),
    Case("event-attribute", shows('![A chart](figures/a.png){onload="x" width="50%"}', **{"figures/a.png": png()}),
         'the attribute `onload="x"` means nothing in a paper', WHERE + ":27"),
    Case("in-text", shows("See ![A chart](figures/a.png) here.", **{"figures/a.png": png()}),
         "an image stands alone in its paragraph", WHERE),
    Case("in-list", shows("- ![A chart](figures/a.png)", **{"figures/a.png": png()}),
         "an image stands alone in a paragraph of the text", WHERE),
    Case("figure-without-image", shows("::: figure\nStaff by grade\n:::"), "a `::: figure` without an image", WHERE),
    Case("figure-without-caption", shows("::: figure\n![A chart](figures/a.png)\n:::", **{"figures/a.png": png()}),
         "a figure without a caption", WHERE),
    Case("wider-than-text", shows("![A chart](figures/a.png)", **{"figures/a.png": png((2000, 500), dpi=96)}),
         "wider than the text", WHERE, args=PDF),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)


def test_wider_than_text_is_refused_by_the_docx_too(make_doc, tmp_path):
    folder = make_doc()
    write(folder, shows("![A chart](figures/a.png)", **{"figures/a.png": png((2000, 500), dpi=96)}))
    from refusals import refused
    refused(Case("wider-docx", {}, "wider than the text", WHERE, args=("--format", "docx"), check=False),
            folder, tmp_path / "out")


def test_a_size_stated_in_dpi_prints_smaller(make_doc, tmp_path):
    folder = make_doc()
    write(folder, shows("![A chart](figures/a.png)", **{"figures/a.png": png((1500, 500), dpi=300)}))
    made = build([folder], tmp_path / "out", ["en"], ("pdf",))
    with pdfplumber.open(made[0]) as pdf:
        image = next(i for p in pdf.pages for i in p.images)
    assert image["width"] == pytest.approx(1500 * 72 / 300, abs=0.5)


# -- the cover logo -------------------------------------------------------------------------------

LOGO_THEME = "cover:\n  logo: images/logo.png\n  logo_height: 2cm\n"


def with_logo(folder: Path, theme: str = LOGO_THEME, logo: bytes | None = None) -> None:
    write(folder, {"templates/themes/logo.yaml": theme,
                   "templates/images/logo.png": logo if logo is not None else png((400, 160), dpi=300),
                   "document.yaml": MINIMAL + "theme: logo\n"})


@pytest.fixture(scope="module")
def logo_outputs(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("logo") / "doc"
    write(folder, {"content/report.md": REPORT, "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
                   "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
                   "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n"})
    with_logo(folder)
    translated_as_written(folder)  # its zh paper: the English text under the Chinese cover (conftest.write_doc)
    made = build([folder], tmp_path_factory.mktemp("out"), None, ("docx", "pdf"))
    return {(path.parent.name, path.suffix[1:]): path for path in made}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cover_logo_stands_top_left_of_page_one_in_the_pdf(logo_outputs, lang):
    with pdfplumber.open(logo_outputs[lang, "pdf"]) as pdf:
        first = pdf.pages[0]
        (logo,) = first.images
        letter = first.search("E" if lang == "en" else "C")[0]
        assert logo["height"] == pytest.approx(2 * CM, abs=0.5)
        assert logo["width"] == pytest.approx(5 * CM, abs=0.5)                 # 400 × 160 px at 2 cm high
        assert logo["x0"] < first.width / 4 and letter["x0"] > first.width / 2
        assert logo["top"] == pytest.approx(letter["top"], abs=12)
        assert not [i for page in pdf.pages[1:] for i in page.images]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cover_logo_floats_top_left_in_the_docx(logo_outputs, lang):
    found = drawings(logo_outputs[lang, "docx"])
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    (anchor,) = [d.find(f"{wp}anchor") for d in found]
    assert anchor.find(f"{wp}positionH").get("relativeFrom") == "margin"
    assert int(anchor.find(f"{wp}extent").get("cy")) == pytest.approx(2 * 360000, abs=200)
    assert anchor.find(f"{wp}wrapNone") is not None


THEME_AT = "templates/themes/logo.yaml:2"
LOGO_REFUSED = [
    Case("logo-missing", {}, "image `images/none.png` does not exist", THEME_AT,
         setup=lambda folder, out: with_logo(folder, LOGO_THEME.replace("logo.png", "none.png"))),
    Case("logo-leaves", {}, "image `../../content/logo.png` leaves the templates folder", THEME_AT,
         setup=lambda folder, out: with_logo(folder, LOGO_THEME.replace("images/", "../../content/"))),
    Case("logo-not-png", {}, "is not a readable PNG file", THEME_AT,
         setup=lambda folder, out: with_logo(folder, logo=b"not a picture")),
    # a logo is named in the templates folder, and its messages say so (breaks-4 #18)
    Case("logo-missing-says-where", {}, "relative to the templates folder", THEME_AT,
         setup=lambda folder, out: with_logo(folder, LOGO_THEME.replace("logo.png", "none.png"))),
    Case("logo-absolute", {}, "name images relative to the templates folder: `images/logo.png`", THEME_AT,
         setup=lambda folder, out: with_logo(folder, LOGO_THEME.replace("images/logo.png", "/srv/logo.png"))),
]


@pytest.mark.parametrize("case", LOGO_REFUSED, ids=lambda case: case.id)
def test_logo_refused(refuse, case):
    refuse(case)
