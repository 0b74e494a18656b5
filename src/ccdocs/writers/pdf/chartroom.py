"""A chart's room: its texts measured and its drawing's parts laid out (legend, category names, value axis, plot),
the one computation the PDF's drawing (charts.py) takes its sizes from and both writers check a chart against
(`short_of_room`): Word and LibreOffice lay out the DOCX's chart themselves, from the same parts and sizes, so a
chart whose plot the PDF would have to crush (or turn inside out) is refused in both formats at its `::: chart`
line, with what takes the room and what to do. Imports no reportlab graphics (the DOCX writer reads it)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property

from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from ...charts.axis import axis_text, value_scale
from ...charts.look import ENTRY_SPACE, KEY_SPACE, LABEL_ROOM, LINE_KEY, MARKER, SQUARE_KEY, label_angle
from ...charts.spec import HEIGHT
from ...errors import Problem, problem
from ...l10n.formats import Formats
from ...sources.memo import pure
from .cjk import break_positions
from .invisible import read_as
from .rtl import drawn, has_arabic, shaped

GAP = 4.0               # points between the parts of the drawing (labels, plot, legend)
LABEL_LEADING = 1.2     # the height of a data label, in lines of its size (reportlab's Label: its leading)
TICK = 5.0              # reportlab's value-axis labels stand this far from the axis (`labels.dx`)
LABEL_SHARE = 0.35      # the widest a bar chart's category labels may be, as a share of the drawing's width
LEGEND_LINE = 1.4       # a legend row's height, in lines of the labels' size
PLOT_SHARE = 1 / 4      # the least share of the chart's height (and width) its plot is given: less is refused
# the longest line of a value axis' title, as a share of the chart's side it stands along (its height beside columns
# and lines, its width under bars): LibreOffice's wrapping width for an axis title (chart2's ChartView,
# lcl_createTitle: 0.8 of the chart's height for a y axis', of its width for an x axis'); Word wraps its own
TITLE_SHARE = 0.8
TITLE_LEADING = 1.2     # a line of a wrapped axis title, in lines of its size


@dataclass(frozen=True)
class Axes:
    """The layout of a chart with a category and a value axis: its category names as drawn (`wrapped`, turned by
    `angle` degrees), the room below the plot (`below`: the names, or a bar chart's value axis), left of it (`left`:
    the value axis' labels and title, or a bar chart's names), above it (`above`) and beyond a bar's end (`beyond`),
    and the plot's place and size (points)."""

    wrapped: list
    angle: int
    below: float
    left: float
    above: float
    beyond: float
    x: float
    y: float
    width: float
    height: float
    named: bool = True     # whether `left` is the category names' room (else the value axis')


class ChartRoom:
    """One Chart's texts measured and its parts laid out in a drawing `width` points wide, its labels in `faces`
    (text, figures: registered names) of `size` points, for `language`."""

    def __init__(self, chart, width: float, faces: tuple, size: float, language):
        self.chart, self.width, self.height = chart, width, chart.height * cm
        (self.font, self.figures), self.size = faces, size
        self.language, self.formats = language, Formats(language)
        self.rtl = language.script.direction == "rtl"   # labels joined and in display order (pdf/rtl.py)

    def lines(self, text: str, width: float) -> list[str]:
        """`text` broken at its spaces to lines of at most `width` (a word longer stays whole), each as drawn
        (`line`); broken on the logical text as read (`invisible.read_as`), its Arabic letters joined."""
        logical = read_as(text)
        logical = shaped(logical) if has_arabic(logical) else logical
        return [self.line(line) for line in simpleSplit(logical, self.face(text), self.size, max(width, self.size))] \
            or [""]

    def line(self, text: str) -> str:
        """A label on one line (a legend's, an axis title) as the PDF draws every text outside its own lines
        (`rtl.drawn`): composed, without invisible characters, in display order when it holds a right-to-left
        letter or the paper is right to left."""
        return drawn(text, self.rtl)

    def face(self, text: str) -> str:
        """The face a label (a category's, a legend's, the axis title) is drawn in: the Latin face when it is all
        ASCII (`2021`, an English name left untranslated), as Word and LibreOffice set the DOCX's ASCII letters and
        digits in its `a:latin` face; else the language's body face (`a:ea`, `a:cs`)."""
        return self.figures if text.isascii() else self.font

    def text_width(self, text: str, figure: bool = False, within: str | None = None) -> float:
        """`text`'s width in the face of the label it is part of (`within`, else itself), or of the figures."""
        return stringWidth(text, self.figures if figure else self.face(within or text), self.size)

    @cached_property
    def title_lines(self) -> list[str]:
        """The value axis' title broken into lines of at most TITLE_SHARE of the side it stands along (`title_side`,
        `broken`); none without a title. A piece no place breaks stays whole, however long (`short` refuses one
        longer than the side)."""
        text = self.chart.axis_title
        return self.broken(text, TITLE_SHARE * self.title_side) if text and not self.sliced else []

    def broken(self, text: str, room: float) -> list[str]:
        """`text` broken into lines of at most `room` points at the places a line may start
        (`cjk.break_positions`: after spaces, between Chinese characters), each as drawn (`line`) and measured in
        the face of `text`. A piece no place breaks stays whole, however long. Each piece measured once: linear in
        the text."""
        logical = read_as(text)
        logical = shaped(logical) if has_arabic(logical) else logical
        breaks = break_positions(logical)
        pieces = [logical[a:b] for a, b in zip([0] + breaks, breaks + [len(logical)])]
        lines, line, used = [], "", 0.0
        for piece in pieces:
            if line and used + self.text_width(piece.rstrip(), within=text) > room:
                lines.append(line)
                line, used = "", 0.0
            line, used = line + piece, used + self.text_width(piece, within=text)
        return [self.line(line.strip()) for line in lines + [line]]

    @property
    def title_side(self) -> float:
        """The length (points) of the side the value axis' title stands along: the chart's height beside columns
        and lines, its width under bars."""
        return self.width if self.chart.kind == "bar" else self.height

    def title_room(self) -> float:
        """The room (points) the value axis' title takes across its side: its lines, and a gap (none without)."""
        return title_room(self.size, len(self.title_lines))

    def tick(self, value: float) -> str:
        """A value of the value axis as its label prints it."""
        if self.chart.grouping == "percent":
            return self.formats.percent(value, 0)
        places = self.chart.places if self.chart.number == "decimal" else 0   # the axis' round steps
        return axis_text(value, self.chart.number, places, self.formats)

    @property
    def sliced(self) -> bool:
        return self.chart.kind in ("pie", "doughnut")

    def legend_labels(self) -> list[str]:
        """The legend's labels: a pie's categories, the series' when there are several, else none."""
        chart = self.chart
        return list(chart.categories) if self.sliced else [s.label for s in chart.series] \
            if len(chart.series) > 1 else []

    @property
    def legend_room(self) -> float:
        """The widest (points) a legend entry's text may be: the drawing's width less its key and the spaces beside
        it, so that an entry alone on its row stands within the chart."""
        key = LINE_KEY if self.chart.kind == "line" else SQUARE_KEY
        return self.width - (key + KEY_SPACE + ENTRY_SPACE) * self.size

    @cached_property
    def legend_entries(self) -> list[list[str]]:
        """Each legend label (`legend_labels`) broken into lines of at most `legend_room` (`broken`), as LibreOffice
        and Word wrap a legend entry wider than the chart; a piece no place breaks stays whole (`short` refuses one
        wider than the room)."""
        return [self.broken(label, self.legend_room) for label in self.legend_labels()]

    def legend_rows(self) -> list[tuple[list[tuple[int, float]], float, int]]:
        """The legend's rows, as many as its entries (`legend_entries`) need side by side in the drawing's width:
        each a list of (index of the entry, width of the entry), its width used and its height in lines (its
        entry of most lines)."""
        key = (LINE_KEY if self.chart.kind == "line" else SQUARE_KEY) * self.size
        space, apart = KEY_SPACE * self.size, ENTRY_SPACE * self.size
        rows, row, used, high = [], [], 0.0, 1
        for index, (label, lines) in enumerate(zip(self.legend_labels(), self.legend_entries)):
            w = key + space + max(self.text_width(line, within=self.line(label)) for line in lines) + apart
            if row and used + w > self.width:
                rows.append((row, used, high))
                row, used, high = [], 0.0, 1
            row.append((index, w))
            used, high = used + w, max(high, len(lines))
        rows.append((row, used, high))
        return rows

    def legend_height(self, lines: int) -> float:
        """The room `lines` lines of legend take at the bottom of the drawing (none without a legend)."""
        return lines * self.size * LEGEND_LINE + GAP if lines else 0.0

    def legend_overlong(self) -> Problem | None:
        """The problem of a legend entry holding a piece no place breaks (`legend_entries`) wider than the room an
        entry's text has (`legend_room`): it would be drawn past the chart, off the page; told at the chart's
        `::: chart` line, with what to do. None when every entry fits."""
        chart = self.chart
        for label, lines in zip(self.legend_labels(), self.legend_entries):
            widths = [self.text_width(line, within=self.line(label)) for line in lines]
            if max(widths) <= self.legend_room:
                continue
            longest = lines[widths.index(max(widths))]
            entry = f"`{shortened(longest)}` is" if len(lines) == 1 else \
                f"`{shortened(read_as(label))}` holds `{shortened(longest)}`,"
            names = "category names" if self.sliced else "series labels"
            return problem(*((chart.source.file, chart.source.line) if chart.source else ("document", None)),
                           f"chart {chart.name}: its legend entry {entry} "
                           f"{max(widths) / cm:.1f} cm long with no space to break it at, wider than the "
                           f"{self.legend_room / cm:.1f} cm its chart gives an entry: it would be drawn past the chart",
                           f"shorter {names}, or {names} written as words a line may break between" +
                           (", or give the chart a greater `width:`" if chart.width < 1 else ""))
        return None

    def column_axes(self, bottom: float) -> Axes:
        """A column or line chart's layout above a legend `bottom` points high: categories below, values left."""
        chart = self.chart
        slot = self.width / max(len(chart.categories), 1)
        angle = label_angle(slot, self.size, [self.text_width(w, within=c) for c in chart.categories
                                              for w in c.split()])
        if angle:  # a word wider than its slot: the labels turned, each on one line, as Word turns them
            wrapped = [self.line(c) for c in chart.categories]
            turn = math.radians(angle)
            below = max(map(self.text_width, wrapped)) * math.sin(turn) + self.size * math.cos(turn) + GAP
        else:
            wrapped = ["\n".join(self.lines(c, slot * 0.9)) for c in chart.categories]
            below = max(len(w.split("\n")) for w in wrapped) * self.size * 1.2 + GAP
        ticks = [self.tick(v) for v in value_scale(chart).ticks()]
        left = max(self.text_width(t, figure=True) for t in ticks) + TICK + GAP + self.title_room()
        first = self.text_width(wrapped[0]) * math.cos(math.radians(angle)) - slot / 2 + GAP if angle else 0.0
        named = first > left   # room for the first label, turned down to the left of its category
        left = max(left, first)
        # a data label stands GAP / 2 beyond its column's end, or beyond its point's circle, as Word and LibreOffice
        # set the DOCX's `outEnd` and `t` labels; that of the top one (a line of the figures' leading) within the
        # drawing, as a tick's
        beyond = GAP / 2 + (MARKER / 2 if chart.kind == "line" else 0)
        above = max(self.size, LABEL_LEADING * self.size + beyond - GAP) if chart.data_labels else self.size
        return Axes(wrapped, angle, below, left, above, beyond, left, bottom + below, self.width - left - GAP,
                    self.height - bottom - below - above - GAP, named)

    def bar_axes(self, bottom: float) -> Axes:
        """A bar chart's layout above a legend `bottom` points high: categories at the left, values below."""
        chart = self.chart
        below = bar_below(self.size, len(self.title_lines))
        slot = (self.height - bottom - below - GAP) / max(len(chart.categories), 1)    # a category's row
        wrapped = ["\n".join(self.lines(c, self.width * LABEL_SHARE)) for c in chart.categories]
        if max((w.count("\n") + 1 for w in wrapped), default=1) * self.size * LABEL_ROOM > slot:
            wrapped = [self.line(c) for c in chart.categories]   # wrapped they would overrun their rows: one line
        left = max(self.text_width(line) for w in wrapped for line in w.split("\n")) + GAP
        labelled = chart.data_labels and chart.grouping == "clustered"
        beyond = max(self.text_width(t, figure=True) for s in chart.series for t in s.printed) + GAP if labelled else 0
        width = self.width - left - 2 * GAP - max(beyond, self.size * 2)   # room for a label beyond a bar
        return Axes(wrapped, 0, below, left, 0.0, beyond, left, bottom + below, width,
                    slot * max(len(chart.categories), 1))

    def side(self, bottom: float) -> float:
        """A pie's or doughnut's diameter above a legend `bottom` points high."""
        return min(self.width, self.height - bottom) - 2 * GAP

    def short(self, source) -> Problem | None:
        """The problem of a chart whose plot would get less than PLOT_SHARE of the chart's height or width (less
        than nothing, drawn inside out over the text, when its legend or names take more than the chart), told at
        `source` (its `::: chart` line) with what takes the room and what to do; None when the plot has its room."""
        chart = self.chart
        overlong = self.title_overlong() or self.legend_overlong()
        if overlong is not None:
            return overlong
        labels = self.legend_labels()
        highs = [high for _, _, high in self.legend_rows()] if labels else []
        rows, lines = len(highs), sum(highs)
        bottom = self.legend_height(lines)
        # what takes the chart's height from its plot, and what makes it take less
        takers = [(f"its legend of {len(labels):,} {'slices' if self.sliced else 'series'} ({rows:,} "
                   f"row{'s' if rows != 1 else ''}{f', {lines:,} lines' if lines != rows else ''}) takes", bottom,
                   "shorter category names, or fewer slices" if self.sliced else
                   "shorter series labels, or fewer series")] if labels else []
        if self.sliced:
            high, wide, axes = self.side(bottom), None, None
        else:
            axes = self.bar_axes(bottom) if chart.kind == "bar" else self.column_axes(bottom)
            high, wide = axes.height, axes.width
            takers.append(("its value axis' labels" + (" and title" if chart.axis_title else "") + " take", axes.below,
                           self.title_remedy())
                          if chart.kind == "bar" else
                          (f"its category names{', turned,' if axes.angle else ''} take", axes.below,
                           "shorter category names, or draw it as `kind: bar`"))
        at = (source.file, source.line) if source else ("document", None)
        if high < (min(self.width, self.height) if self.sliced else self.height) * PLOT_SHARE:
            need = math.ceil((self.height - high) / (1 - PLOT_SHARE) / cm * 10) / 10
            remedy = max(takers, key=lambda taker: taker[1])[2]
            hint = ", ".join(([f"give it `height: {need:g}` or more"] if need <= HEIGHT[1] else []) +
                             ([remedy] if remedy else [])) or "give the figures in a table"
            return problem(*at, f"chart {chart.name}: its plot would be {high / cm:.1f} cm high, less than a quarter "
                           f"of the chart's {chart.height:g} cm: " +
                           ", ".join(f"{what} {room / cm:.1f} cm" for what, room, _ in takers if room > 0), hint)
        if wide is None or wide >= self.width * PLOT_SHARE:
            return None
        names = "its category names take" if chart.kind == "bar" else "its first category name, turned, takes" \
            if axes.named else "its value axis' labels" + (" and title" if chart.axis_title else "") + " take"
        hint = "shorten the category names, or draw the chart as `kind: bar`" if axes.named else \
            ", or ".join(filter(None, ["give the chart a greater `width:`", self.title_remedy()]))
        if chart.kind == "bar":
            hint = self.wrapping(bottom) or "shorten the category names"
        return problem(*at, f"chart {chart.name}: its plot would be {wide / cm:.1f} cm wide, less than a quarter of "
                       f"the chart's {self.width / cm:.1f} cm: {names} {axes.left / cm:.1f} cm", hint)

    def title_remedy(self) -> str:
        """What makes a value axis' title of several lines take less room (nothing for one of a line or none)."""
        lines = len(self.title_lines)
        return f"a shorter `axis_title` (it takes {lines} lines)" if lines > 1 else ""

    def title_overlong(self) -> Problem | None:
        """The problem of a value axis' title holding a piece no place breaks (`title_lines`) longer than the side
        it stands along: drawn past the chart, over the text above it or off the page; told at its `axis_title:`
        line (its translation's, in a catalog), with what to do. None when every line fits its side."""
        chart, lines = self.chart, self.title_lines
        widths = [self.text_width(line, within=chart.axis_title) for line in lines]
        if not lines or max(widths) <= self.title_side:
            return None
        shown = shortened(lines[widths.index(max(widths))])
        side, need = ("width", None) if chart.kind == "bar" else ("height", math.ceil(max(widths) / cm * 10) / 10)
        source = chart.axis_title_typed or chart.source
        return problem(*((source.file, source.line) if source else ("document", None)),
                       f"chart {chart.name}: its `axis_title` holds `{shown}`, {max(widths) / cm:.1f} cm long with no "
                       f"space to break it at, longer than the chart's {side} of {self.title_side / cm:.1f} cm it "
                       "stands along: it would be drawn past the chart",
                       "shorten it, or write it as words a line may break between" +
                       (f", or give the chart `height: {need:g}` or more" if need and need <= HEIGHT[1] else ""))

    def wrapping(self, bottom: float) -> str:
        """What to do about a bar chart whose names, on one line each, leave its plot too narrow: the height
        whose rows give them room to wrap (`bar_axes`), when that leaves the plot its room and is allowed."""
        chart = self.chart
        lines = max(len(self.lines(c, self.width * LABEL_SHARE)) for c in chart.categories)
        need = math.ceil((len(chart.categories) * lines * self.size * LABEL_ROOM + bottom +
                          bar_below(self.size, len(self.title_lines)) + GAP) / cm * 10) / 10
        if need <= chart.height or need > HEIGHT[1]:
            return ""
        room = ChartRoom(replace(chart, height=need), self.width, (self.font, self.figures), self.size, self.language)
        if room.bar_axes(bottom).width < self.width * PLOT_SHARE:
            return ""
        return f"give it `height: {need:g}` or more, where its category names wrap, or shorten them"

def shortened(text: str) -> str:
    """`text` as a message quotes it: whole up to 40 characters, else its first 20 and last 19 about an ellipsis."""
    return text if len(text) <= 40 else f"{text[:20]}…{text[-19:]}"


def bar_below(size: float, lines: int) -> float:
    """The height (points) below a bar chart's plot, above its legend: the value axis' labels and its title of
    `lines` lines."""
    return size * 1.2 + GAP + title_room(size, lines)


def title_room(size: float, lines: int) -> float:
    """The room (points) across its side a value axis' title of `lines` lines takes, a gap included (none without
    a title)."""
    return size * 1.4 + (lines - 1) * size * TITLE_LEADING if lines else 0.0


@pure  # kept across a watch's rounds with the chart's drawing (`charts.chart_drawing`)
def short_of_room(chart, width: float, faces: tuple, size: float, language) -> Problem | None:
    """The problem of `chart` (a model Chart) `width` points wide whose plot its legend, names or axis labels
    leave too little room (`ChartRoom.short`), at its `::: chart` line; None when it has the room."""
    return ChartRoom(chart, width, faces, size, language).short(chart.source)
