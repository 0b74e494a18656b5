"""Images in the DOCX: a picture (python-docx's `new_pic_inline`, its media part stored once however often shown)
in a centred paragraph of its own under its caption, kept with it; its alternative text in `wp:docPr/@descr`,
where Word's "Alt Text" pane and screen readers find it.

An SVG is drawn by Word 2016 and later from the SVG itself (the `asvg:svgBlip` extension of the picture's blip,
pointing at the SVG part), and by every other reader from the PNG fallback the blip embeds, rendered by CairoSVG
(which reads no other file and resolves no entity) at FALLBACK_DPI; both are given the drawing as the PDF's svglib
is, its box in a web page as the page draws it (`sources.svg.printable`).
"""

from __future__ import annotations

from functools import lru_cache

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as DocxImage
from docx.image.jpeg import Jpeg
from docx.image.png import Png
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Pt

from ...errors import InputError, problem
from ...model import Image
from ...sources.svg import printable, quiet
from docx.oxml.ns import qn
from ..image_size import printed_size
from .captions import write_caption
from .inlines import add_inlines
from .parts import picture_part, relate, shape_id, vector_part
from .state import Where, WriterState

FALLBACK_DPI = 192                               # the PNG an SVG falls back to: sharp on screen and paper
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def svg_fallback(image: Image, width: float, height: float) -> bytes:
    """The PNG of an SVG image at `width` × `height` points and FALLBACK_DPI (InputError at its line when CairoSVG
    or the cairo library it needs is not installed)."""
    try:
        import cairosvg
    except (ImportError, OSError):
        source = image.source
        raise InputError([problem(source.file if source else "document", source.line if source else None,
                                  f"the SVG image `{image.picture.path}` needs CairoSVG and the cairo library for "
                                  "the DOCX", "install them (`pip install cairosvg`, the system's libcairo), or "
                                  "save the figure as PNG")]) from None
    scale = FALLBACK_DPI / 72
    return _rendered(cairosvg.svg2png, image.picture.data, round(width * scale), round(height * scale))


@lru_cache(maxsize=16)
def _rendered(svg2png, data: bytes, width: int, height: int) -> bytes:
    """CairoSVG's PNG of the SVG `data` at `width` × `height` pixels, made once per process for a drawing shown
    again at the same size (an SVG shown 80 times was rendered 80 times: 0.33 s each, in check too; verify-9 V3)."""
    with quiet([]):  # Pillow's notes (a corrupt Exif block) on what sources.svg checked: never on the terminal
        return svg2png(bytestring=printable(data), output_width=width, output_height=height, unsafe=False)


def _svg_blip(state: WriterState, inline, image: Image) -> None:
    """Point the picture's blip at the SVG part too (`asvg:svgBlip`), for Word 2016 and later."""
    rid = relate(state, state.document.part, vector_part(state, printable(image.picture.data)), RT.IMAGE)
    blip = inline.find(".//" + qn("a:blip"))
    ext_list = OxmlElement("a:extLst")
    ext = OxmlElement("a:ext")
    ext.set("uri", SVG_EXTENSION)
    svg = blip.makeelement(f"{{{SVG_NS}}}svgBlip", nsmap={"asvg": SVG_NS, "mc": MC_NS})
    svg.set(f"{{{MC_NS}}}Ignorable", "asvg")  # a reader before Word 2016 keeps the PNG
    svg.set(qn("r:embed"), rid)
    ext.append(svg)
    ext_list.append(ext)
    blip.append(ext_list)


def _pic_inline(state: WriterState, image: Image, width: float, height: float):
    """The `wp:inline` picture of `image` at `width` × `height` points, its media part stored once however often
    shown. A PNG or JPEG is described to python-docx by what sources.images read of it (pixels and resolution),
    never by python-docx's own reading of its header, which fails on a well-formed Exif block holding a text of at
    most 4 bytes (a camera's `Make` of `HTC`, `LGE`: docx.image.tiff reads the value inline as an offset); an
    SVG's PNG fallback, made here, is read by python-docx."""
    picture = image.picture
    size = Emu(round(Pt(width))), Emu(round(Pt(height)))
    if picture.format == "svg":
        described = DocxImage.from_blob(svg_fallback(image, width, height))
    else:
        (px_width, px_height), (points_wide, points_high) = picture.pixels, picture.size
        header = (Png if picture.format == "png" else Jpeg)(
            px_width, px_height, round(px_width * 72 / points_wide), round(px_height * 72 / points_high))
        described = DocxImage(picture.data, f"image.{header.default_ext}", header)
    rid = relate(state, state.document.part, picture_part(state, described), RT.IMAGE)
    return CT_Inline.new_pic_inline(shape_id(state), rid, described.filename, *size)


def write_image(state: WriterState, where: Where, block: Image):
    """Caption (numbered when a transform gave it a prefix), kept with the picture; the picture at its printed
    size, centred, its alternative text as `descr`; its notes below."""
    write_caption(state, where, block.caption, block.prefix, block.anchor)
    width, height = printed_size(block, state.text_width / 20)
    p = state.paragraph(where, where.style)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_together = True
    p.paragraph_format.first_line_indent = 0
    if block.notes:
        p.paragraph_format.space_after = Pt(4)
    svg = block.picture.format == "svg"
    inline = _pic_inline(state, block, width, height)
    inline.docPr.set("descr", block.alt)
    if svg:
        _svg_blip(state, inline, block)
    p.add_run()._r.add_drawing(inline)
    for note in block.notes:
        add_inlines(state, state.paragraph(where, "Table Note"), note)
    return p


def anchor_logo(state: WriterState, paragraph, picture, height: float) -> None:
    """The theme's cover logo (`picture`, `height` points high) floating at the top left of the margins, in front
    of the text without moving it (a `wp:anchor` made of python-docx's inline picture), in `paragraph`."""
    width = picture.size[0] * height / picture.size[1]
    inline = _pic_inline(state, Image(picture, ""), width, height)
    anchor = OxmlElement("wp:anchor", attrs={
        "distT": "0", "distB": "0", "distL": "0", "distR": "0", "simplePos": "0", "relativeHeight": "1",
        "behindDoc": "0", "locked": "1", "layoutInCell": "1", "allowOverlap": "1"})
    simple = OxmlElement("wp:simplePos", attrs={"x": "0", "y": "0"})
    anchor.append(simple)
    for axis in ("H", "V"):
        position = OxmlElement(f"wp:position{axis}", attrs={"relativeFrom": "margin"})
        offset = OxmlElement("wp:posOffset")
        offset.text = "0"
        position.append(offset)
        anchor.append(position)
    anchor.append(inline.find(qn("wp:extent")))
    anchor.append(OxmlElement("wp:effectExtent", attrs={"l": "0", "t": "0", "r": "0", "b": "0"}))
    anchor.append(OxmlElement("wp:wrapNone"))
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(tag)))
    if picture.format == "svg":
        _svg_blip(state, anchor, Image(picture, ""))
    drawing = OxmlElement("w:drawing")
    drawing.append(anchor)
    paragraph.add_run()._r.append(drawing)
