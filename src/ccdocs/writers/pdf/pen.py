"""The text operators of one text object (`BT … ET`): each piece of a line shown where the layout put it, with as
few operators as the fonts allow.

A line's pieces follow one another in one `TJ` array as long as face, size, colour and rendering mode stay; the
numbers of the array (thousandths of an em, PDF 1.7 §9.4.3) move each piece, and each glyph a justified line
spreads, to its place. A line takes one text matrix (`Tm`), and a font change (`Tf`) only where the face changes or,
in a Latin face, reportlab's TrueType subsets do (each a font of 256 glyphs, `TTFont.splitString`; a Chinese face is
one composite font, `cidfont.CIDTrueType`, its characters coded in two bytes). No character spacing
(`Tc`): readers disagree on whether it follows the last glyph of a string (pdfminer does not), numbers they agree on.

A paragraph's lines are one text object; what does not change between them is worked out once per document
(`Ink`: each face's font and codes, the `Tf` of each font selection, the operators of each colour).
"""

from __future__ import annotations

from itertools import repeat
from operator import sub

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont

BLACK = "000000"
EPSILON = 1e-6  # points: a move this small is no move


class Ink:
    """What the text objects of one document share, made once per canvas (`Ink.of`): `faces`, each face's
    `entry`; `fonts`, the `Tf` operator of each (face name, subset,
    size); `colors`, the fill and stroke operators of each colour (RRGGBB); `numbers`, each number as `fp_str`
    writes it and `matrices`, each line's `Tm` by its (x, y): reportlab's formatting costs ten dictionary look-ups,
    and a document's lines repeat their positions and moves (equal floats are written alike: fp_str(-0.0) is 0)."""

    def __init__(self, doc):
        self.doc = doc
        self.faces: dict[str, tuple] = {}
        self.fonts: dict[tuple, str] = {}
        self.colors: dict[str, str] = {}
        self.numbers: dict[float, str] = {}
        self.matrices: dict[tuple, str] = {}

    @classmethod
    def of(cls, canv) -> Ink:
        """The Ink of the document `canv` draws (kept on the canvas, which lives as long as its document)."""
        ink = canv.__dict__.get("_ccdocs_ink")
        if ink is None:
            ink = canv._ccdocs_ink = cls(canv._doc)
        return ink

    def entry(self, name: str) -> tuple:
        """(font, its characters' escaped codes in this document, whether it is a composite font) of the face
        `name`: a composite font's `cidfont.Coding.escaped`, a Latin face's `FirstSubset`."""
        entry = self.faces.get(name)
        if entry is None:
            font = getFont(name)
            composite = getattr(font, "code_bytes", 1) == 2
            table = font.coding(self.doc).escaped if composite else FirstSubset(font, self.doc)
            entry = self.faces[name] = (font, table, composite)
        return entry

    def font(self, name: str, subset: int, size: float) -> str:
        """The `Tf` selecting `subset` of the face `name` at `size` (asking for its name first puts the font in
        the document)."""
        key = (name, subset, size)
        op = self.fonts.get(key)
        if op is None:
            op = self.fonts[key] = f"{self.entry(name)[0].getSubsetInternalName(subset, self.doc)} {fp_str(size)} Tf"
        return op

    def number(self, value: float) -> str:
        """`value` as `fp_str` writes it."""
        text = self.numbers[value] = fp_str(value)
        return text

    def matrix(self, x: float, y: float) -> str:
        """The text matrix (`Tm`) placing a line at (x, y)."""
        op = self.matrices[x, y] = f"1 0 0 1 {fp_str(x, y)} Tm"
        return op

    def color(self, color: str) -> str:
        """The fill and stroke colour operators of `color` (RRGGBB)."""
        op = self.colors.get(color)
        if op is None:
            rgb = fp_str(*HexColor("#" + color).rgb())
            op = self.colors[color] = f"{rgb} rg {rgb} RG"
        return op


class Uncoded(Exception):
    """A character a face's first subset does not code (yet) in the document."""


class FirstSubset(dict):
    """The characters of a Latin face coded in its first subset of 256 glyphs in one document -> their codes as a
    PDF string holds them (one byte each, escaped alone as rl_accel.escapePDF escapes each byte): nearly every
    Latin piece after the document's first ones, turned into its string at C speed. Looking up a character the
    font has not coded there raises Uncoded: the piece is coded by the font (`Pen.coded`)."""

    def __init__(self, font, doc):
        super().__init__()
        self.font, self.doc = font, doc

    def __missing__(self, ch: str) -> str:
        state = self.font.state.get(self.doc)
        code = None if state is None else state.assignments.get(32 if ch == "\xa0" else ord(ch))  # nbsp: a space
        if code is None or code > 255:
            raise Uncoded(ch)
        escaped = self[ch] = escapePDF(bytes((code,)))
        return escaped


class Pen:
    """Collects the operators of one text object on `canv`; `close()` adds them to the page.

    Positions are in points in the canvas's user space; `show` is given where each piece's first glyph stands, and
    moves there from the end of the piece before (the text position the reader keeps) by a number in the array.
    """

    def __init__(self, canv):
        self.canv = canv
        self.ink = ink = Ink.of(canv)
        self.doc = ink.doc           # reportlab's own text objects encode against the document's subsets too
        self.faces, self.numbers, self.matrices = ink.faces, ink.numbers, ink.matrices
        self.ops: list[str] = ["BT"]
        self.array: list[str] = []   # the open TJ array's elements
        self.name = self.size = None  # face name and size of the last Tf
        self.entry = None            # Ink.entry of that face
        self.subset = None           # the subset the last Tf selected (None: none since the face or size changed)
        self.color, self.mode = BLACK, 0
        self.x = self.y = None       # the text position after the last glyph shown, None before the first
        self.spread = self.move = None  # (spread, size) of the last justified piece and its move, as the array has it

    def show(self, run, text: str, x: float, y: float, width: float, spread: float = 0.0, spread_at=(),
             first: int = 0):
        """Show `text` of `run` (its face, size, colour, emboldening) from (x, y). `width`: its natural width in
        points; `spread_at`: the positions, in order, of the glyphs moved right by `spread` points more than the
        natural widths put them, each glyph moved with those before it, counted as `first` counts text[0]
        (first < position < first + len(text): a line passes its paragraph's positions, no list of its own)."""
        name, size = run.face.name, run.size
        array, ops = self.array, self.ops  # the array closed in line where a piece needs (a call less per piece)
        if name != self.name or size != self.size:
            if array:
                ops.append(f"[{' '.join(array)}] TJ")
                array.clear()
            self.name, self.size, self.subset = name, size, None
            self.entry = self.faces.get(name) or self.ink.entry(name)
        if run.color or run.emboldened or self.color != BLACK or self.mode:
            self.paint(run.color or BLACK, 2 if run.emboldened else 0)
        if y != self.y or self.x is None:
            if array:
                ops.append(f"[{' '.join(array)}] TJ")
                array.clear()
            ops.append(self.matrices.get((x, y)) or self.ink.matrix(x, y))
            self.y = y
        elif abs(x - self.x) > EPSILON:
            move = (self.x - x) * 1000 / size
            array.append(self.numbers.get(move) or self.ink.number(move))
        font, table, composite = self.entry
        try:
            # one string of the characters' escaped codes (a composite font's two bytes each, cidfont.Coding.escaped
            # coding the characters the document has not shown yet), read in C; the moves of a justified piece put
            # before the glyphs they move (a Chinese line moves nearly every glyph: a step per glyph here is faster
            # than adding them over the span in C, which makes a list and a set a piece)
            if spread and spread_at:
                parts = list(map(table.__getitem__, text))
                if (spread, size) != self.spread:
                    move = -spread * 1000 / size
                    self.spread, self.move = (spread, size), f") {self.numbers.get(move) or self.ink.number(move)} ("
                move = self.move
                for at in spread_at:
                    parts[at - first] = move + parts[at - first]
                string = "".join(parts)
            elif text or composite:
                string = "".join(map(table.__getitem__, text))
            else:
                string = None
        except Uncoded:
            string = None
        if string is None:
            self.show_coded(font, text, size, spread, [at - first for at in spread_at])
        else:
            if self.subset != 0:
                if array:
                    ops.append(f"[{' '.join(array)}] TJ")
                    array.clear()
                ops.append(self.ink.fonts.get((name, 0, size)) or self.ink.font(name, 0, size))
                self.subset = 0
            array.append(f"({string})")
        self.x = x + width + spread * len(spread_at)

    def paint(self, color: str, mode: int):
        """Fill and stroke in `color` (RRGGBB) with the text rendering `mode` (0 fill, 2 fill and stroke)."""
        if color != self.color or mode != self.mode:
            self.end_array()
            if color != self.color:
                self.ops.append(self.ink.color(color))
                self.color = color
            if mode != self.mode:
                self.ops.append(f"{mode} Tr")
                self.mode = mode

    def show_coded(self, font, text: str, size: float, spread: float, spread_at):
        """Show a Latin piece as its font codes it, in the subsets its characters fall in (`show`)."""
        array = self.array
        cuts = list(spread_at) if spread else []
        move = fp_str(-spread * 1000 / size) if cuts else ""
        at = 0
        for subset, data in self.coded(font, text):
            if subset != self.subset:
                self.select(subset)
            end = len(data)
            start = 0
            while cuts and cuts[0] < at + end:
                cut = cuts.pop(0) - at
                if cut > start:
                    array.append(f"({escapePDF(data[start:cut])})")
                array.append(move)
                start = cut
            array.append(f"({escapePDF(data[start:])})")
            at += end

    def coded(self, font, text: str) -> list:
        """`font.splitString(text, doc)` of a Latin face: [(subset, a byte per character)], read from the codes the
        document already gave the font's characters, at C speed, when all of `text` has codes in one of its subsets
        (reportlab's own loop runs in Python per character); else as the font codes it."""
        state = font.state.get(self.doc)
        if state is not None and text:
            codes = list(map(state.assignments.get, map(ord, text)))
            if None not in codes:
                low, high = min(codes), max(codes)
                if low >> 8 == high >> 8:
                    subset = low >> 8
                    return [(subset, bytes(codes) if not subset else bytes(map(sub, codes, repeat(subset << 8))))]
        return font.splitString(text, self.doc)

    def select(self, subset: int):
        """Select `subset` of the current face at the current size (a `Tf`)."""
        if self.array:
            self.end_array()
        self.ops.append(self.ink.font(self.name, subset, self.size))
        self.subset = subset

    def end_array(self):
        """Close the open TJ array, if any."""
        if self.array:
            self.ops.append(f"[{' '.join(self.array)}] TJ")
            self.array.clear()

    def close(self):
        """Add the text object to the canvas's page, leaving colour and rendering mode as they were found (black,
        filled)."""
        self.end_array()
        if self.color != BLACK:
            self.ops.append("0 0 0 rg 0 0 0 RG")
        if self.mode:
            self.ops.append("0 Tr")
        self.ops.append("ET")
        self.canv.addLiteral(" ".join(self.ops))
