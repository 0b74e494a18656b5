"""The text operators of one text object (`BT … ET`): each piece of a line shown where the layout put it, with as
few operators as the fonts allow.

A line's pieces follow one another in one `TJ` array as long as face, size, colour and rendering mode stay; the
numbers of the array (thousandths of an em, PDF 1.7 §9.4.3) move each piece, and each glyph a justified line
spreads, to its place. A line takes one text matrix (`Tm`), and a font change (`Tf`) only where the face changes or,
in a Latin face, reportlab's TrueType subsets do (each a font of 256 glyphs, `TTFont.splitString`; a Chinese face is
one composite font, `cidfont.CIDTrueType`, its characters coded in two bytes). No character spacing
(`Tc`): readers disagree on whether it follows the last glyph of a string (pdfminer does not), numbers they agree on.
"""

from __future__ import annotations

from itertools import repeat
from operator import add, sub

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont

BLACK = "000000"
EPSILON = 1e-6  # points: a move this small is no move


class Pen:
    """Collects the operators of one text object on `canv`; `close()` adds them to the page.

    Positions are in points in the canvas's user space; `show` is given where each piece's first glyph stands, and
    moves there from the end of the piece before (the text position the reader keeps) by a number in the array.
    """

    def __init__(self, canv):
        self.canv = canv
        self.doc = canv._doc  # reportlab's own text objects encode against the document's subsets too
        self.ops: list[str] = ["BT"]
        self.array: list[str] = []   # the open TJ array's elements
        self.shown = None            # (face name, size) of the last Tf
        self.subset = None           # (face name, subset, size) the last Tf selected
        self.fonts: dict = {}        # the Tf operator of each (face name, subset, size)
        self.faces: dict = {}        # face name -> [font, bytes per character, the document's codes of the font]
        self.color, self.mode = BLACK, 0
        self.x = self.y = None       # the text position after the last glyph shown, None before the first

    def show(self, run, text: str, x: float, y: float, width: float, spread: float = 0.0, spread_at=()):
        """Show `text` of `run` (its face, size, colour, emboldening) from (x, y). `width`: its natural width in
        points; `spread_at`: the offsets (0 < offset < len(text)), in order, of the glyphs moved right by `spread`
        points more than the natural widths put them, each glyph moved with those before it."""
        color = run.color or BLACK
        mode = 2 if run.emboldened else 0
        name, size = run.face.name, run.size
        if (name, size) != self.shown or color != self.color or mode != self.mode:
            self.end_array()
            self.state(run, color, mode)
        array = self.array
        if self.y != y or self.x is None:
            self.end_array()
            array = self.array
            self.ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
            self.y = y
        elif abs(x - self.x) > EPSILON:
            array.append(fp_str((self.x - x) * 1000 / size))
        entry = self.faces.get(name) or self.entry(name)
        if entry[1] == 2:
            # a composite font: one string of the characters' escaped codes (cidfont.Coding.escaped), the moves of
            # a justified piece put before the glyphs they move (a Chinese line moves nearly every glyph)
            font, escaped = entry[0], entry[2].escaped
            try:
                parts = list(map(escaped.__getitem__, text))
            except KeyError:  # characters the document has not coded yet
                font.splitString(text, self.doc)
                parts = list(map(escaped.__getitem__, text))
            if spread and spread_at:
                moves = dict.fromkeys(spread_at, f") {fp_str(-spread * 1000 / size)} (")
                parts.append("")
                parts = map(add, map(moves.get, range(len(parts)), repeat("")), parts)  # each move before its glyph
            self.select(run, font, 0).append("(" + "".join(parts) + ")")
            self.x = x + width + spread * len(spread_at)
            return
        font, step, chunks = self.coded(name, text)
        cuts = list(spread_at) if spread else []
        move = fp_str(-spread * 1000 / size) if cuts else ""
        at = 0
        for subset, data in chunks:
            array = self.select(run, font, subset)
            start, end = 0, len(data) // step
            while cuts and cuts[0] < at + end:
                cut = cuts.pop(0) - at
                if cut > start:
                    array.append(f"({escapePDF(data[start * step:cut * step])})")
                array.append(move)
                start = cut
            array.append(f"({escapePDF(data[start * step:])})")
            at += end
        self.x = x + width + spread * len(spread_at)

    def coded(self, name: str, text: str) -> tuple:
        """(font, bytes per character, `font.splitString(text, doc)`: [(subset, bytes)]) for the face `name`. Read
        from the codes the document already gave the font's characters, at C speed: a composite font's (cidfont.py:
        two bytes each), a Latin face's when all of `text` has codes in one of its 256-glyph subsets (nearly every
        piece after the first page: reportlab's own loop runs in Python per character); else as the font codes it."""
        font, step, table = entry = self.faces.get(name) or self.entry(name)
        if table is None:
            chunks = font.splitString(text, self.doc)
            entry[2] = font.state[self.doc].assignments
            return font, step, chunks
        if step == 2:
            table = table.codes
            try:
                return font, step, [(0, b"".join(map(table.__getitem__, text)))]
            except KeyError:
                return font, step, font.splitString(text, self.doc)
        codes = list(map(table.get, map(ord, text)))
        if text and None not in codes:
            low, high = min(codes), max(codes)
            if low >> 8 == high >> 8:
                subset = low >> 8
                data = bytes(codes) if not subset else bytes(map(sub, codes, repeat(subset << 8)))
                return font, step, [(subset, data)]
        return font, step, font.splitString(text, self.doc)

    def entry(self, name: str) -> list:
        """[font, bytes per character, the document's codes of it] of the face `name`, looked up once per text
        object: a composite font's `cidfont.Coding`, a Latin face's subset assignments (None before its first)."""
        font = getFont(name)
        step = getattr(font, "code_bytes", 1)
        state = font.coding(self.doc) if step == 2 else font.state.get(self.doc)
        entry = self.faces[name] = [font, step, None if state is None else state if step == 2 else state.assignments]
        return entry

    def select(self, run, font, subset) -> list:
        """Select `subset` of `font` at the run's size (a `Tf` where it changes); the open array."""
        key = (run.face.name, subset, run.size)
        if key != self.subset:
            self.end_array()
            if key not in self.fonts:
                self.fonts[key] = f"{font.getSubsetInternalName(subset, self.doc)} {fp_str(run.size)} Tf"
            self.ops.append(self.fonts[key])
            self.subset = key
        return self.array

    def state(self, run, color: str, mode: int):
        """Set the size, colour and rendering mode where they change (the font itself is set per subset)."""
        if (run.face.name, run.size) != self.shown:
            self.shown = (run.face.name, run.size)
            self.subset = None
        if color != self.color:
            rgb = fp_str(*HexColor("#" + color).rgb())
            self.ops.append(f"{rgb} rg {rgb} RG")
            self.color = color
        if mode != self.mode:
            self.ops.append(f"{mode} Tr")
            self.mode = mode

    def end_array(self):
        """Close the open TJ array, if any."""
        if self.array:
            self.ops.append(f"[{' '.join(self.array)}] TJ")
            self.array = []

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
