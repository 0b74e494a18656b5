"""An SVG's text in the PDF set in the paper's own faces, as the paper's text is, and checked as it is.

svglib maps each `font-family` to a standard PDF font or a system font (Helvetica, not embedded, for most): a
Chinese label printed as empty boxes and was lost from the PDF's text layer. Here svglib is given a font map of the
paper's faces (`PaperFonts`: any family, by weight and style, to a `Scripts` font measuring text as the paper's
faces set it, so that svglib places a `<text>`'s `<tspan>`s one after another where they will stand), and each
string it makes is then set by script as the paper's runs are (`set_by_script`): Chinese characters in the
paper's Chinese face (`zh_body`; `zh_heading`, the heading face, for bold), the rest in the Latin face of the
weight and style; a character its script's face lacks in the first face of the set holding it. A string in two
faces becomes two strings placed one after the other (`text-anchor` kept for the whole). A character no face holds
is recorded as the paper's own text records it (`check_text`), at the image's content line naming the SVG's line.
"""

from __future__ import annotations

import copy
import unicodedata
from functools import lru_cache

from reportlab.graphics.shapes import Group, String
from reportlab.graphics.transform import mmult, nullTransform, transformPoint
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, registerFont, stringWidth
from svglib.fonts import FontMap

from ...l10n.fonts import FontError
from ...sources.svg import SVG_NS, drawing, parsed
from .cjk import is_cjk
from .invisible import composed
from .rtl import STRONG_RTL, display_string, is_arabic, shaped
from .runs import LATIN_ROLES, UNPLACED, Where, equivalent

FALLBACK_ROLES = ("latin_regular", "zh_body", "zh_heading")   # RunMaker.other_face's order
MIN_SIZE = 1.0   # points: an SVG's letters drawn smaller are a speck no reader reads (left out of the text layer)


class PaperFonts(FontMap):
    """svglib's font map of one write's faces (`faces.FontSet`): every family, by weight and style (bold: `bold`,
    `bolder` or 600 and above; italic: `italic` or `oblique`), to a `Scripts` of the paper's faces, through which
    svglib measures the strings it places one after another as they will be set. One a drawing."""

    def __init__(self, fonts):
        super().__init__()
        self.fonts = fonts
        self.scripts: dict[str, Scripts] = {}   # reportlab name -> the Scripts it names

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
        weight = str(weight).strip().lower()
        bold = weight in ("bold", "bolder") or weight.isdigit() and int(weight) >= 600
        italic = str(style).strip().lower() in ("italic", "oblique")
        roles = (LATIN_ROLES[(bold, italic)], "zh_heading" if bold else "zh_body", *FALLBACK_ROLES)
        faces = []
        for role in roles:
            try:
                faces.append(self.fonts.face(role))
            except FontError:
                faces.append(None)
        scripts = Scripts(tuple(faces), lambda: self._arabic(bold))
        if scripts.fontName not in getRegisteredFontNames():
            registerFont(scripts)
        self.scripts[scripts.fontName] = scripts
        return scripts.fontName, True

    def _arabic(self, bold: bool):
        """The paper's Arabic face of the weight, None when the paper has none (looked up at the first Arabic
        letter: a drawing without one loads no Arabic face)."""
        try:
            return self.fonts.face("arabic_bold" if bold else "arabic_regular")
        except FontError:
            return None


class Scripts:
    """A reportlab font that measures a text as the paper's faces `faces` set it (`face_of`), by which svglib
    places a `<text>`'s parts; never drawn (`set_by_script` sets each string in the faces themselves). Registered
    with reportlab under a name made of its faces' names (one a set of faces and process, as the faces are).
    `faces`: (the Latin face of the weight and style, the Chinese face, *FALLBACK_ROLES' faces), None where a role
    has no face; `arabic()`: the Arabic face of the weight or None, asked for at the first Arabic letter."""

    _dynamicFont = 0
    _multiByte = 0

    def __init__(self, faces: tuple, arabic):
        self.faces = faces
        self.arabic = lru_cache(maxsize=1)(arabic)
        self.fontName = "ccdocs-svg(" + ",".join(face.name if face else "" for face in faces) + ")"

    def face_of(self, ch: str):
        """The face `ch` is drawn in: its script's (the Chinese face for a CJK character, the Arabic face for an
        Arabic letter or presentation form, else the Latin face) if it holds `ch`, else the first of FALLBACK_ROLES'
        faces holding it; None when no face does, or when its own lacks a character Unicode holds equivalent to
        another (`runs.equivalent`: U+212B ANGSTROM SIGN), as the paper's text refuses it (`RunMaker.fallback`)."""
        own = self.faces[1] if is_cjk(ch) else self.arabic() if is_arabic(ch) else self.faces[0]
        if own is not None and (own.has(ch) or ch.isspace()):
            return own
        if equivalent(ch):
            return None
        for face in self.faces[2:]:
            if face is not None and (face.has(ch) or ch.isspace()):
                return face
        return None

    def stringWidth(self, text: str, size: float, encoding=None) -> float:   # noqa: N802 - reportlab's name
        faces = [self.face_of(ch) for ch in text]
        return sum(face.width(ch) for face, ch in zip(faces, text) if face is not None) * size / 1000.0


def paper_drawing(data: bytes, fonts):
    """The reportlab Drawing of an accepted SVG's bytes with its text in the paper's faces (`fonts`: the write's
    FontSet), set by script (`set_by_script`); a character no face holds is left out (`check_text` records it)."""
    mapped = PaperFonts(fonts)
    made = drawing(data, mapped)
    set_by_script(made, mapped, lambda ch: None)
    made.initialFontName = fonts.face("latin_regular").name   # reportlab sets it first: Helvetica, not embedded
    return made


def check_text(builder, picture, where) -> None:
    """Record, as the paper's own text records a character none of the fonts holds (`RunMaker.missing`), each
    character of the SVG `picture`'s text that no face of the paper holds, once, at `where` (the image's content
    line), naming the SVG's line of the first `<text>` holding it; and, as the paper's own text does
    (`RunMaker.marks_apart`), each combining mark a `<text>` leaves apart from its letter once composed (x + U+0304),
    or that a piece svglib draws on its own begins with (`e<tspan>&#x301;</tspan>`: `_drawn_apart`), naming its
    line. What a drawing holds is found once a write (`_found`, kept in the builder's `svg_texts` by the drawing's
    bytes) however often the paper shows it: each showing costs its records, not svglib's drawing again."""
    found = builder.svg_texts.get(picture.data)
    if found is None:
        found = builder.svg_texts[picture.data] = _found(picture.data, builder.fonts)
    marked, lacking = found
    source = where.source
    for text, said in marked:   # a mark left apart from its letter, as the paper's text refuses it
        builder.maker.marks_apart(text, Where(source, f"image `{picture.path}`, {said}"))
    for ch, line in lacking:
        at = f", line {line}" if line else ""
        same = equivalent(ch)
        builder.maker.problems.add(
            source.file if source else "document", source.line if source else None,
            f"image `{picture.path}`{at}: the drawing's text contains {ch!r} (U+{ord(ch):04X} "
            f"{unicodedata.name(ch, 'unnamed character')}), which "
            + ("the face of its script lacks" if same else
               f"none of the fonts holds ({', '.join(builder.fonts.families())})")
            + ": the PDF draws an SVG's text in the paper's fonts",
            (f"write {same!r} (U+{ord(same):04X} {unicodedata.name(same, 'unnamed character')}), its equivalent "
             "in Unicode, " if same else "replace it, ")
            + "turn the text into paths in the drawing program (Inkscape: Path ▸ Object to Path), or "
            "name a font that has it in pdf_fonts.files or CCDOCS_FONT_<ROLE>")


def _found(data: bytes, fonts) -> tuple[tuple, tuple]:
    """What `check_text` records of the SVG `data` in a write whose faces are `fonts`: ((composed text, where in
    the drawing, as the message says it) of each `<text>` or piece drawn on its own that holds a combining mark,
    (character, SVG line or None) of each character no face holds, once, in the order met). svglib draws the
    drawing for it, which takes some milliseconds an element."""
    texts = [element for element in parsed(data).iter(SVG_NS + "text")]
    marked = []
    for text in texts:
        marked.append((composed("".join(text.itertext())), f"line {text.sourceline}: the drawing's text"))
        marked += [(composed(piece), f"line {line}: the drawing's text, in a piece drawn on its own (a `<tspan>`, "
                    "or the text after one)") for line, piece in _drawn_apart(text)]
    lacking: dict[str, None] = {}
    mapped = PaperFonts(fonts)
    set_by_script(drawing(data, mapped), mapped, lambda ch: lacking.setdefault(ch))
    return (tuple(item for item in marked if UNPLACED.search(item[0])),
            tuple((ch, next((t.sourceline for t in texts if ch in "".join(t.itertext())), None)) for ch in lacking))


def _drawn_apart(text) -> list[tuple[int, str]]:
    """(SVG line, text) of each piece svglib draws as a String of its own for the `<text>` element `text` (its
    own text, each descendant's text and the text after it: `svglib.iter_text_node`), whatever their order; a
    piece is composed alone, so a mark beginning it stays apart from the letter ending the piece before."""
    pieces = [(text.sourceline, text.text or "")]
    for inner in text.iterdescendants():
        if isinstance(inner.tag, str):      # an element: its text is drawn (a comment's is not)
            pieces.append((inner.sourceline, inner.text or ""))
        pieces.append((inner.sourceline, inner.tail or ""))
    return pieces


def set_by_script(drawing, mapped: PaperFonts, missing) -> None:
    """Set each String in `drawing` (svglib's, its text in a Latin face of `mapped`) in the paper's faces by
    script, in place: a string in two faces or more replaced by one string a face, side by side; `missing(ch)`
    called for each character no face holds (left out). A string wholly outside the drawing's box (its viewport)
    is left out: no renderer shows it (the PDF clips the drawing to its box, as Word and browsers do), and the
    PDF's text layer would hold words no reader sees; so is one wholly cut away by its clipping paths, or whose
    letters are under MIN_SIZE points in the drawing."""
    _set(drawing, mapped, missing, (0.0, 0.0, float(drawing.width), float(drawing.height)), nullTransform())


def _set(group, mapped: PaperFonts, missing, box: tuple, outer: tuple) -> None:
    """`set_by_script` on `group`, drawn through the transform `outer` into the drawing, whose box is `box`."""
    matrix = mmult(outer, group.transform)
    contents = []
    for shape in group.contents:
        if getattr(shape, "isClipPath", 0):     # svglib's clip-path: it cuts what follows it in the group
            x0, y0, x1, y1 = _bounds(shape, matrix)
            box = (max(box[0], x0), max(box[1], y0), min(box[2], x1), min(box[3], y1))
        if isinstance(shape, Group):
            _set(shape, mapped, missing, box, matrix)
        if isinstance(shape, String) and shape.fontName in mapped.scripts:
            contents += [piece for piece in _pieces(shape, mapped, missing) if _seen(piece, matrix, box)]
        else:
            contents.append(shape)
    group.contents[:] = contents


def _seen(shape: String, matrix: tuple, box: tuple) -> bool:
    """Whether `shape`, drawn through `matrix`, can be seen: its bounds meet the rectangle `box` (x0, y0, x1, y1:
    the drawing's box, cut by the clipping paths around it) and its letters are at least MIN_SIZE high."""
    x0, y0, x1, y1 = _bounds(shape, matrix)
    scale = abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]) ** 0.5
    return (x0 < box[2] and x1 > box[0] and y0 < box[3] and y1 > box[1]
            and shape.fontSize * scale >= MIN_SIZE)


def _bounds(shape, matrix: tuple) -> tuple:
    """(x0, y0, x1, y1) of `shape`'s bounds drawn through `matrix`."""
    x0, y0, x1, y1 = shape.getBounds()
    corners = [transformPoint(matrix, corner) for corner in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _pieces(shape: String, mapped: PaperFonts, missing) -> list[String]:
    """The strings `shape` is set in: one a run of characters in one face, placed from the left end of the whole
    (its `text-anchor` read against the width of all of them). A text holding a right-to-left letter is drawn as
    the paper's is (`rtl`): Arabic letters joined, in display order, in the SVG's direction (left to right: a
    `direction` other than `ltr` is refused), as a browser and Word draw it. `missing` is told of the characters as
    written, composed (`invisible.composed`), before Arabic letters take their joined forms."""
    scripts = mapped.scripts[shape.fontName]
    text = composed(shape.text)   # as the paper's text is drawn (e + U+0301 as é)
    for ch in text:
        if scripts.face_of(ch) is None:
            missing(ch)
    if not text.isascii() and STRONG_RTL.search(text):
        text = display_string(shaped(text), rtl=False)
    runs: list[list] = []                     # [face name, text]
    for ch in text:
        face = scripts.face_of(ch)
        if face is None:
            continue
        if runs and runs[-1][0] == face.name:
            runs[-1][1] += ch
        else:
            runs.append([face.name, ch])
    widths = [stringWidth(text, face, shape.fontSize) for face, text in runs]
    x = shape.x - {"middle": sum(widths) / 2, "end": sum(widths)}.get(shape.textAnchor, 0.0)
    pieces = []
    for (face, text), width in zip(runs, widths):
        piece = copy.copy(shape)
        piece.x, piece.text, piece.fontName, piece.textAnchor = x, text, face, "start"
        pieces.append(piece)
        x += width
    return pieces
