"""Images in the PDF: a PNG or JPEG as an image XObject, an SVG as vector paths (svglib's reportlab Drawing),
centred, at the size both writers agree on (`writers.image_size`), under its caption and kept with it.

The alternative text: reportlab writes no tagged PDF (no structure tree, so no `/Alt` a reader would find), so the
image carries its alternative text as invisible text (text render mode 3, as a scanned page carries its OCR text)
laid over it: text extraction, search and screen readers reading the text layer find it where the image stands.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

from reportlab.graphics import renderPDF
from reportlab.graphics.renderbase import renderScaledDrawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from ...model import Image
from ...sources.images import shown, svg_drawing
from ..image_size import printed_size
from .captions import caption_flowables
from .runs import Look, Where

INVISIBLE = 3        # PDF text render mode: neither fill nor stroke
ALT_SIZE = 6.0       # points: the invisible alternative text's size, squeezed to the image's width


def draw_picture(canvas, picture, x: float, y: float, width: float, height: float, fonts=None) -> None:
    """Draw `picture` (sources.images.Picture) with its lower left corner at (x, y), `width` × `height` points:
    a raster as an image XObject (its pixels as Word shows them: `sources.images.shown`), an SVG as vector paths,
    its text in the faces of `fonts` (the write's FontSet: `svgtext.paper_drawing`)."""
    if picture.format == "svg":
        name, (natural_width, natural_height) = svg_form(canvas, picture, fonts)
        canvas.saveState()
        box = canvas.beginPath()
        box.rect(x, y, width, height)
        canvas.clipPath(box, stroke=0, fill=0)      # the SVG's viewport, as Word, LibreOffice and browsers clip it
        canvas.translate(x, y)
        canvas.scale(width / natural_width, height / natural_height)
        canvas.doForm(name)
        canvas.restoreState()
    else:
        name = raster_form(canvas, picture)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width, height)
        canvas.doForm(name)
        canvas.restoreState()


def svg_form(canvas, picture, fonts) -> tuple[str, tuple[float, float]]:
    """(name, (width, height) in points) of the form XObject drawing the SVG `picture` at its natural size, its
    text in the faces of `fonts` (the write's FontSet; None: svglib's), made the first time the document shows it:
    svglib draws it, and its embedded bitmaps are decoded and compressed, once however often it is shown (as
    `raster_form` does for a raster)."""
    name = "Svg" + hashlib.sha256(picture.data).hexdigest()[:32]
    size = float(picture.size[0]), float(picture.size[1])      # svglib's drawing's own (sources.svg.read_svg)
    if not canvas.hasForm(name):
        from .svgtext import paper_drawing  # svglib and lxml (some 20 ms) imported when an SVG is drawn

        drawing = paper_drawing(picture.data, fonts) if fonts is not None else svg_drawing(picture.data)
        canvas.beginForm(name, 0, 0, *size)
        _SvgRenderer().draw(renderScaledDrawing(drawing), canvas, 0, 0)
        canvas.endForm()
    return name, size


def raster_form(canvas, picture) -> str:
    """The name of the form XObject drawing the PNG or JPEG `picture` in the unit square, made the first time the
    document shows it: its pixels are decoded, digested and compressed once however often it is shown (a logo or
    separator shown in every section), not at every showing as reportlab's drawImage does with a new reader."""
    from PIL import Image as PILImage

    name = "Raster" + hashlib.sha256(picture.data).hexdigest()[:32]
    if not canvas.hasForm(name):
        with PILImage.open(io.BytesIO(picture.data)) as opened:
            pixels = shown(opened)
        canvas.beginForm(name, 0, 0, 1, 1)
        # mask="auto": an alpha channel becomes the image's SMask, drawn over the page as Word draws it
        canvas.drawImage(ImageReader(pixels or io.BytesIO(picture.data)), 0, 0, 1, 1, mask="auto")
        canvas.endForm()
    return name


class _SvgRenderer(renderPDF._PDFRenderer):
    """reportlab's PDF renderer of a Drawing, drawing an SVG's embedded bitmaps (the Pillow images svglib made of
    them) as Word does, as a plain image is drawn: their pixels as `sources.images.shown` reads them, transparency
    as an SMask (reportlab's own renderer draws them as inline images without their alpha)."""

    def drawImage(self, image):
        pixels = image.path
        if hasattr(pixels, "mode"):
            reader = ImageReader(shown(pixels) or pixels)
            self._canvas.drawImage(reader, image.x, image.y, image.width, image.height, mask="auto")


class Picture(Flowable):
    """An image drawn at `width` × `height` points, centred, its alternative text `alt` laid over it invisibly in
    `font`."""

    def __init__(self, image: Image, width: float, height: float, font: str, fonts=None):
        super().__init__()
        self.image, self.width, self.height, self.font, self.fonts = image, width, height, font, fonts
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        draw_picture(canvas, self.image.picture, 0, 0, self.width, self.height, self.fonts)
        text = canvas.beginText()
        text.setTextRenderMode(INVISIBLE)
        text.setFont(self.font, ALT_SIZE)
        natural = stringWidth(self.image.alt, self.font, ALT_SIZE)
        if natural > self.width:
            text.setHorizScale(100.0 * self.width / natural)
        text.setTextOrigin(0, max(self.height / 2 - ALT_SIZE / 2, 0))
        text.textLine(self.image.alt)
        canvas.drawText(text)


class Logo(Flowable):
    """The theme's cover logo at the top left of page 1, `height` points high: drawn down from where the cover
    begins, taking no room (the language letter and the symbol stand at the right)."""

    def __init__(self, picture, height: float, fonts=None):
        super().__init__()
        self.picture, self.logo_height, self.fonts = picture, height, fonts

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        width = self.picture.size[0] * self.logo_height / self.picture.size[1]
        draw_picture(self.canv, self.picture, 0, -self.logo_height, width, self.logo_height, self.fonts)


def check_svg_text(builder, picture, where) -> None:
    """`svgtext.check_text` of `picture` when it is an SVG (a raster holds no text): svgtext, svglib and lxml (some
    20 ms) are imported by a paper showing an SVG only."""
    if picture.format == "svg":
        from .svgtext import check_text

        check_text(builder, picture, where)


def logo_flowables(builder) -> list:
    """[the cover's Logo] when the theme names one, else []; an SVG logo's text checked as a body SVG's is
    (`check_svg_text`), at the theme's `cover.logo` line."""
    logo = builder.theme.logo
    if logo is None:
        return []
    check_svg_text(builder, logo, Where(builder.theme.logo_typed, "the cover logo"))
    return [Logo(logo, builder.theme.pt("cover.logo_height"), builder.fonts)]


def image_flowables(builder, image: Image) -> list:
    """The caption, the image at its printed size, its notes below in the table's size."""
    where = Where(image.source, f"image {image.picture.path}")
    width, height = printed_size(image, builder.width)
    font = builder.fonts.face("zh_body" if builder.language.script.east_asian else "latin_regular").name
    check_svg_text(builder, image.picture, where)
    picture = Picture(image, width, height, font, builder.fonts)
    after = builder.pt("spacing.paragraph_after")
    size = float(builder.theme.get("table.font_size", builder.theme.size(builder.lang, "table")))
    small = builder.style(size, align="left", after=2.0)
    notes = [builder.text(n, Look(size), small, where.at(at))
             for n, at in zip(image.notes, image.notes_typed or (None,) * len(image.notes))]
    picture.spaceAfter = 4.0 if notes else after
    if notes:
        notes[-1].style = replace(notes[-1].style, after=after)
    return caption_flowables(builder, image.caption, image.prefix, image.anchor, where.at(image.caption_typed)) + \
        [picture] + notes
