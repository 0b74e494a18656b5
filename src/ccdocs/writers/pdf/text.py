"""Paragraph text as a reportlab flowable: runs per face, line breaking by cjk rules, justified drawing."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import chain, repeat
from operator import attrgetter, mul, truediv

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName
from reportlab.pdfgen.canvas import ENABLE_TRACKING
from reportlab.platypus.flowables import Flowable

from .cjk import NO_END, NO_START
from . import rtl
from .invisible import UNDRAWN, draw_hyphen, shown_hyphen
from .pen import Pen
from .setting import FUZZ, Setting, measured

EMBOLDEN = 0.03       # the outline stroke of emboldened Chinese, a fraction of the type size
NOTE_CALLBACK = "ccdocs-note"
LINKED, EMBOLDENED = attrgetter("link"), attrgetter("emboldened")
MAX_GAP = 1.0         # ems: a justified line whose gaps would each grow more is set ragged (left) instead


def go_to(canv, name: str, rect: tuple) -> None:
    """A link annotation over `rect` (in the current user space) whose action goes to the destination `name`:
    `/A << /S /GoTo /D [page /XYZ …] >>`, bound when the file is saved (reportlab's `linkRect` writes the same
    link in the older `/Dest` form, which some readers do not list as a GoTo action)."""
    action = PDFDictionary({"S": PDFName("GoTo"), "D": canv._bookmarkReference(name)})
    canv._addAnnotation(PDFDictionary({"Type": PDFName("Annot"), "Subtype": PDFName("Link"), "A": action,
                                       "Rect": PDFArray(canv._absRect(rect, 1)), "Border": PDFArray([0, 0, 0])}))


def label_width(label: tuple) -> float:
    """The width in points of a label's runs: each character's advance (`Face.width`) times its run's size over
    1000, summed in order, in C (a numbered paragraph's label is measured at each of its layouts)."""
    return sum(chain.from_iterable(map(truediv, map(mul, map(run.face.widths.get, map(ord, run.text),
                                                              repeat(run.face.default_width)), repeat(run.size)),
                                       repeat(1000)) for run in label))


@dataclass(frozen=True, init=False)
class TextStyle:
    """How a paragraph's lines are set: leading, alignment, indents, label, spacing, outline entry. One is made for
    every block: `__init__` sets the fields at once, where a frozen dataclass's own sets each through
    `object.__setattr__` (three times slower); the defaults are its arguments'."""

    leading: float
    align: str
    left: float
    right: float
    first: float
    label: tuple
    label_x: float
    before: float
    after: float
    autospace: float
    outline: tuple | None
    size: float
    anchor: str              # the name of a destination at the block's top, for cross-references to it
    rtl: bool                # right to left: lines set from the right edge in display order (pdf/rtl.py)

    def __init__(self, leading: float, align: str = "left", left: float = 0.0, right: float = 0.0,
                 first: float = 0.0, label: tuple = (), label_x: float = 0.0, before: float = 0.0, after: float = 0.0,
                 autospace: float = 0.0, outline: tuple | None = None, size: float = 11.0, anchor: str = "",
                 rtl: bool = False):
        self.__dict__.update(leading=leading, align=align, left=left, right=right, first=first, label=label,
                             label_x=label_x, before=before, after=after, autospace=autospace, outline=outline,
                             size=size, anchor=anchor, rtl=rtl)


class TextBlock(Flowable):
    """A paragraph, or a piece of one after a page split, laid out from its Setting."""

    def __init__(self, runs, style: TextStyle, setting: Setting | None = None, span=None,
                 head: bool = True, tail: bool = True):
        super().__init__()
        self.style = style
        self.setting = setting or measured(tuple(runs), style.autospace)
        self.span = span or (0, len(self.setting.text))
        self.head, self.tail = head, tail
        self.lines: list = []

    # -- what the page layout asks -------------------------------------------------------------

    @property
    def marks(self) -> list[str]:
        """The footnote labels whose marks this piece carries, in order."""
        if not self.setting.marks:
            return []
        a, b = self.span
        return [label for pos, label in sorted(self.setting.marks.items()) if a <= pos < b]

    def getSpaceBefore(self):
        return self.style.before if self.head else 0.0

    def getSpaceAfter(self):
        return self.style.after if self.tail else 0.0

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.lines = self.layout(availWidth)
        self.height = len(self.lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        lines = self.layout(availWidth)
        fit = int((availHeight + FUZZ) // self.style.leading)
        if fit >= len(lines):
            return [self]
        fit = min(fit, len(lines) - 2)
        return list(self.split_lines(availWidth, fit)) if fit >= 2 else []

    def split_lines(self, width: float, count: int) -> tuple[TextBlock, TextBlock]:
        """The first `count` lines at `width` and the rest, as two pieces. The rest's lines at `width` are this
        block's from `count` on (a line after the first starts at the left indent whatever came before it, and
        greedy breaking from one place gives the same lines): kept for it, so a paragraph running over many pages
        is broken into lines once, not again at each page (which grew with pages x lines)."""
        lines = self.layout(width)
        cut = lines[count][0]
        rest = TextBlock(None, self.style, self.setting, (cut, self.span[1]), False, self.tail)
        self.setting.layouts.setdefault(rest.layout_key(width), lines[count:])
        return TextBlock(None, self.style, self.setting, (self.span[0], cut), self.head, False), rest

    def min_width(self) -> float:
        """The width of the widest word with the indents: narrower columns would cut words."""
        st, (a, b) = self.setting, self.span
        points = [a] + st.breaks[bisect_right(st.breaks, a):bisect_left(st.breaks, b)] + [b]
        widest = max((st.width(p, st.trimmed(p, q)) for p, q in zip(points, points[1:])), default=0.0)
        return widest + self.style.left + self.style.right

    # -- line breaking -------------------------------------------------------------------------

    def first_x(self) -> float:
        """Where the first line's text starts: the first-line indent, pushed right of a wide label."""
        s = self.style
        x = s.left + s.first if self.head else s.left
        if self.head and s.label:
            label_w = label_width(s.label)
            x = max(x, s.label_x + label_w + 0.25 * s.size)
        return x

    def layout(self, width: float) -> list[tuple[int, int, float]]:
        """Lines as (start, next line's start, x of the text) for a column of `width` (kept in the Setting: the
        same lines are asked for at each wrap, split and draw)."""
        key = self.layout_key(width)
        if key not in self.setting.layouts:
            self.setting.layouts[key] = self.break_lines(width)
        return self.setting.layouts[key]

    def layout_key(self, width: float) -> tuple:
        """What this piece's lines at `width` depend on besides its Setting."""
        s = self.style
        return width, self.span, self.head, s.left, s.right, s.first, s.label, s.label_x, s.size

    def break_lines(self, width: float) -> list[tuple[int, int, float]]:
        """Greedy filling: each line ends at the last break opportunity that fits, or at the first line break;
        overlong words cut by characters. The rest of the text ends the line when it fits (a short text's only
        line, a paragraph's last). Else the break is found by bisection: the set width of a line grows with its end
        (with or without its trailing spaces), so the breaks are bisected in C on `Setting.reach`, the width with
        them, and the answer moved over the breaks on either side whose width without them (what is set) says
        otherwise: the break a bisection on the set width finds, with two or three widths worked out in Python
        rather than one a probe."""
        st, s = self.setting, self.style
        start, end = self.span
        breaks, forced, reach, prefix, space_before = st.breaks, st.forced, st.reach, st.prefix, st.space_before
        lines = []
        x = self.first_x()
        if self.head and s.label and start < end and width - s.right - x < s.size:
            lines.append((start, start, x))  # a label leaving the line less than an em: the text starts below it
            x = s.left
        while start < end:
            avail = width - s.right - x
            limit = avail + FUZZ
            lo, hi = bisect_right(breaks, start), bisect_left(breaks, end)
            nxt = bisect_right(forced, start)
            stop = bisect_right(breaks, forced[nxt], lo, hi) if nxt < len(forced) and forced[nxt] < end else None
            if stop is None and st.width(start, st.trimmed(start, end)) <= limit:
                lines.append((start, end, x))
                break
            top = hi if stop is None else stop
            fit = bisect_right(reach, limit + prefix[start] + space_before[start], lo, top)
            while fit > lo and st.width(start, st.trimmed(start, breaks[fit - 1])) > limit:
                fit -= 1
            while fit < top and st.width(start, st.trimmed(start, breaks[fit])) <= limit:
                fit += 1
            if fit > lo:
                best = breaks[fit - 1]
            else:
                best = self.cut(start, breaks[lo] if lo < hi else end, avail)
            lines.append((start, best, x))
            start, x = best, s.left
        return lines

    def cut(self, start: int, stop: int, avail: float) -> int:
        """Where to cut a word wider than the line: after the last character that fits, moved back so that
        no closing mark starts the next line (at least one character stays, even on a line narrower than it; the
        word's own end, `stop`, is always a place to cut)."""
        st = self.setting
        limit = st.prefix[start] + st.space_before[start] + avail
        end = max(start + 1, min(bisect_right(st.prefix, limit + FUZZ, start + 1, stop + 1) - 1, stop))
        for at in range(end, start, -1):
            if at == stop or st.text[at] not in NO_START and st.text[at - 1] not in NO_END:
                return at
        return end

    # -- drawing -------------------------------------------------------------------------------

    def drawOn(self, canvas, x, y, _sW=0):
        """Draw at (x, y) as reportlab's `Flowable.drawOn` does (`q`, the translation's `cm`, the drawing, `Q`),
        without its copy of the canvas's whole graphics state when the drawing changes none of it: a block whose
        runs do not link (underlines, annotations) only adds its text object (emboldened, with its line width
        between a `q` and a `Q`: `draw`). Bytes and the canvas's state after are reportlab's."""
        if not ENABLE_TRACKING or self._showBoundary or any(map(LINKED, self.setting.runs)):
            return super().drawOn(canvas, x, y, _sW)
        x = self._hAlignAdjust(x, _sW)
        matrix = a, b, c, d, e, f = canvas._currentMatrix
        canvas._code.append("q")
        canvas._code.append(f"1 0 0 1 {fp_str(x, y)} cm")  # canvas.translate(x, y) after a `q`
        canvas._currentMatrix = (a * 1 + c * 0, b * 1 + d * 0, a * 0 + c * 1, b * 0 + d * 1, a * x + c * y + e,
                                 b * x + d * y + f)
        self._drawOn(canvas)
        canvas._code.append("Q")
        canvas._currentMatrix = matrix

    def draw(self):
        canv, st, s = self.canv, self.setting, self.style
        pen = Pen(canv)
        emboldened = any(map(EMBOLDENED, st.runs))
        if emboldened:  # canv.saveState() without its copy of the whole graphics state: only the line width changes
            line_width = canv._lineWidth
            canv._code.append("q")
            canv.setLineWidth(EMBOLDEN * s.size)
        decorations = []
        note = canv.getNamedCB(NOTE_CALLBACK) if st.marks else None
        # what every line reads, looked up once (a long paragraph is drawn line by line in Python)
        width, leading, align = self.width - s.right, s.leading, s.align
        stretch = st.stretch if align == "justify" else ()
        top, baseline = self.height, (s.leading - s.size) / 2 + 0.82 * s.size
        for n, (start, nxt, x) in enumerate(self.lines):
            y = top - n * leading - baseline
            end = st.trimmed(start, nxt)
            free = width - x - st.width(start, end)
            gap = 0.0
            if align == "justify":
                last = nxt >= self.span[1] and self.tail or st.text[nxt - 1] == "\n"
                gaps = stretch[bisect_right(stretch, start):bisect_left(stretch, end)] if free > 0 and not last else ()
                if gaps:
                    gap = free / len(gaps)
                    gap = gap if gap <= MAX_GAP * s.size else 0.0  # a line that would gape (a long address next)
                    # is set ragged
            elif align == "right":
                x += free
            elif align == "center":
                x += free / 2
            if n == 0 and self.head and s.label:
                self.draw_label(pen, y)
            if start < end:
                self.draw_line(pen, start, end, x, y, gap, gaps if gap else [], decorations)
            if note is not None:
                for pos, label in st.marks.items():
                    if start <= pos < nxt:
                        note(canv, "note", label)
        pen.close()
        if emboldened:  # canv.restoreState()
            canv._code.append("Q")
            canv._lineWidth = line_width
        if decorations:
            self.decorate(decorations)
        if s.anchor and self.head:
            canv.bookmarkHorizontal(s.anchor, 0, self.height)
        if s.outline and self.head:
            key, title, level = s.outline
            canv.bookmarkHorizontal(key, 0, self.height + s.leading / 2)
            canv.addOutlineEntry(title, key, level)

    def draw_label(self, pen: Pen, y: float):
        """The label (paragraph number, list bullet) at its position on the first line."""
        if self.style.rtl:
            return rtl.draw_label(self, pen, y)
        x = self.style.label_x
        for run in self.style.label:
            width = run.face.advance(run.text) * run.size / 1000
            pen.show(run, run.text, x, y + run.rise, width)
            x += width

    def draw_line(self, pen: Pen, start: int, end: int, x0: float, y: float, gap: float, gaps: list,
                  decorations: list):
        """One line: a piece per run (and per auto-space), its glyphs after each of the stretch points `gaps`
        moved right by `gap` more, as justification spreads them."""
        if self.style.rtl or rtl.mixed(self.setting):  # in display order (UAX #9)
            return rtl.draw_line(self, pen, start, end, x0, y, gap, gaps, decorations)
        st = self.setting
        text, prefix, space_before, runs, run_of, joints = (st.text, st.prefix, st.space_before, st.runs, st.run_of,
                                                            st.joints)
        origin = prefix[start] + space_before[start]
        cuts = [start, *joints[bisect_right(joints, start):bisect_left(joints, end)], end]
        linked = False  # whether the piece drawn last belongs to a link
        show = pen.show
        for a, b in zip(cuts, cuts[1:]):
            if text[a] in UNDRAWN:  # a line break, default-ignorable characters (pieces of their own) show nothing
                if b == end and shown_hyphen(st, end):  # but a soft hyphen ending the line shows a hyphen
                    draw_hyphen(pen, st, a, x0 + prefix[b] - origin + (bisect_right(gaps, a) * gap if gaps else 0.0), y)
                continue
            run = runs[run_of[a]]
            before, inside = (bisect_right(gaps, a), bisect_left(gaps, b)) if gaps else (0, 0)
            x = x0 + prefix[a] + space_before[a] - origin + before * gap
            width = prefix[b] - prefix[a] - space_before[a]
            show(run, text[a:b], x, y + run.rise, width, gap, gaps[before:inside], a)
            if run.link:
                w = width + (inside - before) * gap
                last = decorations[-1] if decorations and linked else None
                if last and last[0].link == run.link and last[2] == y:  # one rectangle per link and line
                    decorations[-1] = (last[0], last[1], y, x + w - last[1])
                else:
                    decorations.append((run, x, y, w))
                linked = True
            else:
                linked = False

    def decorate(self, decorations):
        """Underlines and clickable rectangles of link runs; a cross-reference (a link `#name#n`, n counting the
        references) is one rectangle per line going to the destination `name` (`/GoTo`), printed as the text around
        it."""
        canv = self.canv
        joined: list = []  # a cross-reference's pieces on one line (words, numbers, faces) are one link
        for run, x, y, w in decorations:
            last = joined[-1] if joined else None
            if last and run.link.startswith("#") and last[0].link == run.link and last[2] == y:
                joined[-1] = (last[0], last[1], y, x + w - last[1])
            else:
                joined.append((run, x, y, w))
        for run, x, y, w in joined:
            rect = (x, y - 0.25 * run.size, x + w, y + 0.9 * run.size)
            if run.link.startswith("#"):
                go_to(canv, run.link[1:].rsplit("#", 1)[0], rect)
                continue
            canv.setStrokeColor(HexColor("#" + (run.color or "000000")))
            canv.setLineWidth(0.5)
            canv.line(x, y - 0.12 * run.size, x + w, y - 0.12 * run.size)
            canv.linkURL(run.link, rect, relative=1, thickness=0)
