"""Charts as vector drawings (reportlab.graphics): columns, bars, lines, pies and doughnuts, their texts set as text
(labels, legend and titles in the language's body face, values and ticks in the Latin face, as the body text sets
its figures), kept whole with their caption.

Layout of the drawing, from the bottom: the legend (one row, when there are several series or slices), the
category labels (wrapped to their share of the width), the plot; the axis title stands left of the value axis
(below it for bars). Colours are the theme's `chart.palette`, first series first (a pie's first slice first), then
its colours darker and lighter (charts.colours, as the DOCX's).
"""

from __future__ import annotations

import math
import unicodedata
from contextlib import contextmanager
from dataclasses import replace

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.doughnut import Doughnut
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Shape, String
from reportlab.graphics import widgetbase
from reportlab.graphics.widgetbase import PropHolder, TypedPropertyCollection
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.validators import Auto
from reportlab.lib.colors import HexColor
from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from ...charts.colours import chart_colours, label_colour, palette, too_few
from ...charts.axis import value_scale
from ...charts.look import AXIS_COLOUR, AXIS_LINE, GAP_WIDTH, GRID_COLOUR, GRID_LINE, KEY_SPACE, LABEL_ROOM, \
    LINE_KEY, MARKER, SERIES_LINE, SQUARE_KEY, label_role
from ...charts.spec import HEIGHT
from ...errors import InputError
from ...sources.memo import pure
from .captions import caption_flowables
from .chartroom import GAP, LABEL_LEADING, LEGEND_LINE, TITLE_LEADING, ChartRoom, bar_below, short_of_room
from .invisible import composed, read_as
from .rtl import drawn
from .runs import Look, Where

WHITE = HexColor("#FFFFFF")     # a slice's edge


@contextmanager
def unchecked():
    """reportlab's check of every value set on a shape or widget (`rl_config.shapeChecking`, read at each
    assignment) off inside, restored after: the values our charts set come from a chart spec already checked
    (charts/spec.py refuses a word in a figure, an unknown kind, a height out of range ...) and from our own code,
    and the checks took about a fifth of a chart's building and drawing (6,421 validator calls in a Chinese write
    of the sample, 214 without). What is drawn is the same: a check only refuses a value or lets it through."""
    saved = rl_config.shapeChecking
    rl_config.shapeChecking = 0
    try:
        yield
    finally:
        rl_config.shapeChecking = saved


class Hooks:
    """reportlab graphics' per-attribute hooks, replaced from a layout's first chart (`off`) to the layout's end
    (`close`, even on an error), nothing else drawing reportlab graphics meanwhile but SVG images, whose values
    were checked when their file was read (sources.images):

    - the assignment hooks reportlab, imported with its checks on, puts on its shapes' and widgets' base classes
      (their `__setattr__`, calling attrmap.validateSetattr), taken off: with the checks off (`unchecked`) a hook
      only sets the value as Python's own assignment does (a property's setter, else the instance's dict), at a
      Python call a value: some 2,000 in the sample's three charts, a quarter of their building and a fifth of
      their drawing;
    - the lookup of a property a collection's member leaves to the collection (`TypedPropertyCollection`: a bar
      label's font size, paddings …; 1,700 in the sample's Chinese charts), `inherited` in place of reportlab's,
      which first asks the member's own class for a `__getattr__` it has not, and catches the error it raises.

    Taking a hook off a class and putting it back costs about as much as three charts' calls (Python updates every
    subclass), hence once a layout, not once a chart."""

    CLASSES = (Shape, PropHolder)

    def __init__(self):
        self.taken: list = []   # (class, name, reportlab's function) while replaced

    def off(self) -> None:
        """Replace the hooks, unless they are already."""
        if self.taken:
            return
        self.taken = [(cls, "__setattr__", vars(cls)["__setattr__"]) for cls in self.CLASSES
                      if "__setattr__" in vars(cls)]
        for cls, name, _ in self.taken:
            delattr(cls, name)
        factory = TypedPropertyCollection.wKlassFactory
        self.taken.append((TypedPropertyCollection, "wKlassFactory", factory))
        TypedPropertyCollection.wKlassFactory = lambda collection, klass: self.quick(factory(collection, klass))
        for member in list(widgetbase._ItemWrapper.values()):  # the classes made before, by earlier layouts
            self.quick(member)

    def quick(self, member: type) -> type:
        """`member` (a collection's member class, as reportlab's `wKlassFactory` makes it), its inherited
        properties looked up by `inherited` when its own class has no `__getattr__` (reportlab's asks it first)."""
        if getattr(member.__bases__[0], "__getattr__", None) is None:
            self.taken.append((member, "__getattr__", vars(member)["__getattr__"]))
            member.__getattr__ = inherited
        return member

    def close(self) -> None:
        """Put reportlab's hooks back."""
        for cls, name, hook in reversed(self.taken):
            setattr(cls, name, hook)
        self.taken = []


def inherited(member, name: str):
    """The property `name` a member of a `TypedPropertyCollection` does not hold itself: from the member of the
    nearest shorter index that the collection holds (`labels[(2, 3)]` → `labels[(2,)]`), else from the collection,
    as reportlab's member `__getattr__` finds it."""
    collection = member.__propholder_parent__()
    members, index = collection._children, member.__propholder_index__
    while index:
        if index in members:
            return getattr(members[index], name)
        index = index[:-1]
    return getattr(collection, name)


@pure
def chart_drawing(chart, width: float, faces: tuple, size: float, colours: tuple, language) -> Drawing:
    """The Drawing of `chart` (a model Chart) `width` points wide, in `faces` (text, figures: registered names) of
    `size` points, series coloured by `colours` (hex strings), labels formatted for `language`; its widgets already
    expanded into shapes (Group.expandUserNodes: what the renderer would expand at each draw), so a watch's later
    rounds, which get the same Drawing back, draw it without building or expanding it again. Drawing it changes
    nothing in it (reportlab fills only derived values, which none of its shapes holds)."""
    with unchecked():
        drawing = _Drawer(chart, width, faces, size, [HexColor("#" + c) for c in colours], language).draw()
        expanded = drawing.expandUserNodes()   # a new Drawing of the same size and shapes: no other attribute
    expanded.initialFontName, expanded.initialFontSize = drawing.initialFontName, drawing.initialFontSize
    expanded._widgets = drawing  # kept alive: the labels the widgets provided read their properties from them
    return expanded


class _Drawer(ChartRoom):
    """Draws one Chart into a Drawing of `width` × `height` points in the face `font` of `size` points, its parts
    where its ChartRoom lays them out."""

    def __init__(self, chart, width: float, faces: tuple, size: float, colours: list, language):
        super().__init__(chart, width, faces, size, language)
        self.colours = colours
        self.drawing = Drawing(self.width, self.height)
        # the renderer's initial state names a font even where nothing is set in it: the body's face, embedded,
        # never reportlab's standard Helvetica
        self.drawing.initialFontName, self.drawing.initialFontSize = self.font, size

    def colour(self, index: int):
        return self.colours[index]     # as many as the series or slices: `too_few` refuses a chart with more

    def legend(self) -> float:
        """A legend in one row (more when it is wider than the drawing: `legend_rows`), centred at the bottom, each
        entry's text in its lines (`legend_entries`), its key beside the first; its height."""
        labels = [self.line(label) for label in self.legend_labels()]
        if not labels:
            return 0.0
        if self.chart.kind == "line":   # a line with its circle, as Word and LibreOffice key a line chart's series
            styled, key = HorizontalLineChart(), LINE_KEY * self.size
            self.series_lines(styled)
            items = [Auto(obj=styled, index=i) for i in range(len(labels))]
        else:   # a colour square
            items, key = [self.colour(i) for i in range(len(labels))], SQUARE_KEY * self.size
        high, space = SQUARE_KEY * self.size, KEY_SPACE * self.size
        rows = self.legend_rows()
        line = self.size * LEGEND_LINE
        top = sum(lines for _, _, lines in rows) * line
        for row, used, lines in rows:
            x = (self.width - used) / 2
            for index, w in row:
                legend = Legend()
                # the key's middle at the first line's, the text's capitals centred on it (reportlab's Legend), its
                # later lines a legend line below each other
                legend.x, legend.y, legend.dx, legend.dy = x, top - line / 2 + high / 2, key, high
                legend.fontName, legend.fontSize, legend.alignment = self.face(labels[index]), self.size, "right"
                legend.colorNamePairs = [(items[index], "\n".join(self.legend_entries[index]))]
                legend.strokeWidth, legend.strokeColor = 0, None
                legend.deltay, legend.dxTextSpace = line, space
                legend.subCols.leading = line
                self.drawing.add(legend)
                x += w
            top -= lines * line
        return self.legend_height(sum(lines for _, _, lines in rows))

    def order(self) -> list[int]:
        """The series' indices in the order reportlab is given them: a clustered bar chart's reversed, for reportlab
        draws a category's first series at the bottom of its row, where Word, whose category axis runs top-down
        (`c:orientation maxMin`), draws it on top, as it is read (reportlab's own reversePlotOrder moves the rows
        off their categories); else the series' order."""
        indices = list(range(len(self.chart.series)))
        return indices[::-1] if self.chart.kind == "bar" and self.chart.grouping == "clustered" else indices

    def values(self) -> list[list]:
        """The series' values as drawn, in `order`: shares of each category's sum in a 100% stacked chart; 0 for an
        empty cell of a bar (reportlab draws no gap in a bar), None (a gap) in a line."""
        series = [self.chart.series[i] for i in self.order()]
        if self.chart.kind == "line":
            return [list(s.values) for s in series]   # an empty cell: a gap in the line
        data = [[v or 0.0 for v in s.values] for s in series]
        if self.chart.grouping != "percent":
            return data
        sums = [sum(column) for column in zip(*data)]
        return [[v / total if total else 0.0 for v, total in zip(row, sums)] for row in data]

    def axes(self, plot) -> None:
        """Fonts, ticks and labels of a plot with a category and a value axis."""
        chart = self.chart
        for axis in (plot.categoryAxis, plot.valueAxis):
            axis.labels.fontName, axis.labels.fontSize = self.font, self.size
            axis.visibleTicks = False   # no tick marks, as the DOCX's `c:majorTickMark none`
        # the category axis a thin line at zero, the value axis none, its gridlines giving the scale (charts.look;
        # the DOCX's axes' `c:spPr`)
        plot.categoryAxis.strokeWidth, plot.categoryAxis.strokeColor = AXIS_LINE, HexColor("#" + AXIS_COLOUR)
        plot.valueAxis.visibleAxis = False
        plot.valueAxis.labels.fontName = self.figures
        plot.valueAxis.labelTextFormat = self.tick
        plot.valueAxis.visibleGrid, plot.valueAxis.gridStrokeWidth = True, GRID_LINE
        plot.valueAxis.gridStrokeColor = HexColor("#" + GRID_COLOUR)
        # the scale ccdocs computes, the DOCX's too (`c:min`, `c:max`, `c:majorUnit`), never reportlab's own steps
        scale = value_scale(chart)
        plot.valueAxis.valueMin, plot.valueAxis.valueMax = float(scale.low), float(scale.high)
        plot.valueAxis.valueSteps = scale.ticks()   # its gridlines, each at low + n × step exactly
        if chart.grouping != "clustered":
            plot.categoryAxis.style = "stacked"
        # the category labels at the value axis' low end, below (left of) a negative bar, never over it at zero:
        # as the DOCX's `tickLblPos low` (the same place when no figure is negative)
        plot.categoryAxis.labelAxisMode = "low"

    def names(self, plot, wrapped: list[str]) -> None:
        """The category axis' names (`wrapped`: as drawn), each in its face (`face`)."""
        plot.categoryAxis.categoryNames = wrapped
        for i, name in enumerate(wrapped):
            plot.categoryAxis.labels[i].fontName = self.face(name)

    def printed(self) -> list[list[str]]:
        """The series' data labels, in `order`."""
        return [list(self.chart.series[i].printed) for i in self.order()]

    def column_or_line(self, bottom: float) -> None:
        """Columns (VerticalBarChart) or lines (HorizontalLineChart): categories below, values at the left."""
        chart, data = self.chart, self.values()
        room = self.column_axes(bottom)
        wrapped, angle, beyond = room.wrapped, room.angle, room.beyond
        plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()
        plot.x, plot.y, plot.width, plot.height = room.x, room.y, room.width, room.height
        plot.data = data
        self.axes(plot)
        self.names(plot, wrapped)
        plot.categoryAxis.labels.boxAnchor, plot.categoryAxis.labels.dy = "n", -GAP / 2
        plot.categoryAxis.labels.textAnchor = "middle"   # each line of a wrapped label centred, as Word's and LO's
        if angle:
            plot.categoryAxis.labels.angle, plot.categoryAxis.labels.boxAnchor = angle, "ne" if angle < 90 else "e"
        if chart.kind == "line":
            self.series_lines(plot)
            if chart.data_labels:
                plot.lineLabelArray, plot.lineLabelFormat = self.printed(), "values"
                plot.lineLabels.fontName, plot.lineLabels.fontSize = self.figures, self.size
                # `beyond` its point: within the room left above the plot (reportlab's lineLabelNudge of 10 and a
                # dy of GAP set it over the caption)
                plot.lineLabelNudge, plot.lineLabels.boxAnchor = beyond, "s"
        else:
            self.bars(plot)
        self.drawing.add(plot)
        # the title's lines turned a quarter left (a String at (x, y) drawn at (-y, x)): the first at the left, each
        # centred on the plot's height, within the drawing's
        for index, (middle, line) in enumerate(self.title_placed(plot.y + plot.height / 2)):
            title = String(middle, -self.size * (1 + index * TITLE_LEADING), line,
                           fontName=self.face(chart.axis_title), fontSize=self.size, textAnchor="middle")
            self.drawing.add(_rotated(title))

    def series_lines(self, plot) -> None:
        """A line chart's (`plot`, a HorizontalLineChart) lines joined, each series' in its colour with a filled
        circle at each point (charts.look, as the DOCX's `c:marker`)."""
        plot.joinedLines = 1
        for i in range(len(self.chart.series)):
            plot.lines[i].strokeColor, plot.lines[i].strokeWidth = self.colour(i), SERIES_LINE
            plot.lines[i].symbol = makeMarker("FilledCircle", size=MARKER, fillColor=self.colour(i),
                                              strokeColor=None)

    def bars(self, plot) -> None:
        """The bars' colours, widths and data labels (inside a stacked bar, beyond a clustered one)."""
        chart = self.chart
        plot.barSpacing, plot.groupSpacing = 0, plot.barWidth * GAP_WIDTH / 100   # as the DOCX's `c:gapWidth`
        for i, series in enumerate(self.order()):
            plot.bars[i].fillColor, plot.bars[i].strokeColor = self.colour(series), None
        if chart.data_labels:
            plot.barLabelArray, plot.barLabelFormat = self.printed(), "values"
            plot.barLabels.fontName, plot.barLabels.fontSize = self.figures, self.size
            if chart.grouping == "clustered":   # beyond the bar's end, starting there; a negative bar's below (left
                # of) its end, as Word and LibreOffice draw the DOCX's `outEnd` label: reportlab's "normal" target
                # with its anchor turned for a negative figure (PMVLabel); its "hi" put the label at zero
                plot.barLabels.boxTarget, plot.barLabels.nudge = "normal", GAP / 2
                plot.barLabels.boxAnchor = "w" if chart.kind == "bar" else "s"
            else:   # inside its bar: in the colour that reads on it
                plot.barLabels.boxTarget = "mid"
                for i, series in enumerate(self.order()):
                    plot.barLabels[i].fillColor = HexColor("#" + label_colour(self.colour(series).hexval()[2:]))

    def bar(self, bottom: float) -> None:
        """Bars (HorizontalBarChart): categories at the left (top category first), values below."""
        chart = self.chart
        room = self.bar_axes(bottom)
        wrapped = room.wrapped
        plot = HorizontalBarChart()
        plot.x, plot.y, plot.width, plot.height = room.x, room.y, room.width, room.height
        plot.data = self.values()
        self.axes(plot)
        self.names(plot, wrapped)
        plot.categoryAxis.reverseDirection = True   # the first category on top, as it is read
        plot.categoryAxis.labels.boxAnchor, plot.categoryAxis.labels.dx = "e", -GAP / 2
        plot.categoryAxis.labels.textAnchor = "end"          # each line of a wrapped label flush right
        self.bars(plot)
        self.drawing.add(plot)
        lines = self.title_placed(plot.x + plot.width / 2)   # under the plot, centred on it within the drawing
        for index, (middle, line) in enumerate(lines):
            self.drawing.add(String(middle, bottom + GAP / 2 + (len(lines) - 1 - index) * self.size * TITLE_LEADING,
                                    line, fontName=self.face(chart.axis_title), fontSize=self.size,
                                    textAnchor="middle"))

    def title_placed(self, middle: float) -> list[tuple[float, str]]:
        """The value axis' title lines (`title_lines`), each with the middle it is centred on along its side: the
        plot's `middle`, moved so that the longest line stands within the drawing (`short` refuses a line longer
        than the side)."""
        lines = self.title_lines
        half = max((self.text_width(line, within=self.chart.axis_title) for line in lines), default=0.0) / 2
        return [(min(max(middle, half), self.title_side - half), line) for line in lines]

    def round(self, bottom: float) -> None:
        """A pie or doughnut, centred above the legend of its categories, its values printed on the slices."""
        chart = self.chart
        series = chart.series[0]
        side = self.side(bottom)
        plot = Doughnut() if chart.kind == "doughnut" else Pie()
        plot.x, plot.y = (self.width - side) / 2, bottom + GAP
        plot.width = plot.height = side
        plot.data = [v or 0.0 for v in series.values]
        plot.startAngle, plot.direction = 90, "clockwise"
        plot.slices.strokeColor, plot.slices.strokeWidth = WHITE, 0.75
        plot.slices.fontName, plot.slices.fontSize = self.figures, self.size
        if chart.kind == "doughnut":
            plot.innerRadiusFraction = 0.5
        for i in range(len(plot.data)):
            plot.slices[i].fillColor = self.colour(i)
        if chart.data_labels:
            plot.labels = list(series.printed)
            plot.slices.labelRadius = 0.78   # a doughnut's: the middle of its ring, as LibreOffice sets it
            if chart.kind == "pie":   # each label's box centred on its radius (a simple label stands on it)
                plot.simpleLabels, plot.slices.label_boxAnchor = 0, "c"
                for i, radius in enumerate(self.rim(plot.data, list(series.printed), side / 2)):
                    plot.slices[i].labelRadius = radius
            for i in range(len(plot.data)):   # on its slice: in the colour that reads on it
                plot.slices[i].fontColor = HexColor("#" + label_colour(self.colour(i).hexval()[2:]))
        else:
            plot.labels = None
        self.drawing.add(plot)

    def rim(self, data: list, printed: list, radius: float) -> list[float]:
        """Each slice's label radius (a share of the pie's `radius`): the label inside its slice near the rim, as
        Word and LibreOffice set the DOCX's `inEnd` labels, its farthest corner GAP short of the rim (reportlab
        centres a slice's label on that radius, along the slice's middle)."""
        total, start, radii = sum(data) or 1.0, 0.0, []
        for value, text in zip(data, printed):
            middle = math.radians(90 - 360 * (start + value / 2) / total)   # clockwise from the top
            start += value
            half = (self.text_width(text, figure=True) / 2, LABEL_LEADING * self.size / 2)   # the label's box
            along = half[0] * abs(math.cos(middle)) + half[1] * abs(math.sin(middle))
            # the farthest corner, |centre + corner|² = r² + 2·r·along + |corner|², at radius - GAP
            reach = along ** 2 - half[0] ** 2 - half[1] ** 2 + (radius - GAP) ** 2
            radii.append(max(math.sqrt(max(reach, 0.0)) - along, 0.0) / radius)
        return radii

    def draw(self) -> Drawing:
        """The drawing; an InputError for a chart whose plot would not have its room (`ChartRoom.short`: a
        negative height or width would draw it inside out over the text), which `chart_flowables` never draws."""
        chart = self.chart
        short = self.short(chart.source)
        if short:
            raise InputError([short])
        bottom = self.legend()
        if self.sliced:
            self.round(bottom)
        elif chart.kind == "bar":
            self.bar(bottom)
        else:
            self.column_or_line(bottom)
        return self.drawing


def check_room(builder, c, width: float, size: float, where, faces: tuple) -> bool:
    """Record a chart whose categories leave each less room along the axis than a line of its labels (`size`
    points, LABEL_ROOM): a column or line chart's `width` points across, a bar chart's plot down its height (its
    categories one above the other; a legend of one row counted): their labels would print over one another,
    turned or not. The hint gives the height a bar chart would need, when a chart may be that high. Whether the
    chart has the room (False: recorded), told from the number of categories alone, before anything is drawn."""
    if c.kind not in ("column", "line", "bar") or not c.categories:
        return True
    n, line = len(c.categories), size * LABEL_ROOM
    legend = size * 1.4 + GAP if len(c.series) > 1 else 0.0
    title = len(ChartRoom(c, width, faces, size, builder.language).title_lines) if c.kind == "bar" else 0
    outside = legend + bar_below(size, title) + GAP
    slot = (c.height * cm - outside) / n if c.kind == "bar" else width / n
    if slot >= line:
        return True
    high = math.ceil((n * line + outside) / cm * 10) / 10    # cm: a bar chart giving each row a line
    if c.kind == "bar":
        hint = f"give it `height: {high:g}` cm or more, " if high <= HEIGHT[1] else ""
    else:
        hint = f"draw it as `kind: bar` with `height: {high:g}` cm, a line for each row; " \
            if high <= HEIGHT[1] else ""
    source = where.source
    builder.maker.problems.add(
        source.file if source else "document", source.line if source else None,
        f"{where.what}: its {n:,} categories leave {slot:.1f} pt each along the axis, less than a line of its labels "
        f"({line:.1f} pt): they would print over one another",
        hint + "draw fewer rows, or give the figures in a table")
    return False


class ChartFlowable(Flowable):
    """A chart's Drawing as one flowable: drawn as vectors where it stands, never split (it moves whole to the
    next page when it does not fit)."""

    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        with unchecked():   # the widgets left in the drawing are expanded (and their labels made) here
            renderPDF.draw(self.drawing, self.canv, 0, 0)


def _rotated(string: String):
    """`string` turned a quarter left (read bottom to top), as a value axis' title stands."""
    group = Group(string)
    group.rotate(90)
    return group


def chart_flowables(builder, c) -> list:
    """The caption (numbered when a transform gave it a prefix), the chart as one Drawing that never splits, kept
    with its caption; its notes below in the table's size. A chart refused for its room (`check_room`), its
    colours (`colours.too_few`) or its plot's room (`chartroom.short_of_room`) is not drawn: the build writes
    nothing, and drawing a point and a label for each of 100,000 categories took minutes."""
    lang = builder.lang
    builder.hooks.off()
    figures = builder.fonts.face("latin_regular")       # values and ticks: the body's digits
    label = builder.fonts.face(label_role(builder.language))
    faces = (label.name, figures.name)
    size = float(builder.theme.get("chart.font_size", builder.theme.size(lang, "table")))
    where = Where(c.source, f"chart {c.name}")
    check_labels(builder, c, label, where)
    roomy = check_room(builder, c, builder.width * c.width, size, where, faces)
    colours = palette(builder.theme)
    wrong = too_few(c, colours) or (short_of_room(c, builder.width * c.width, faces, size, builder.language)
                                    if roomy else None)
    builder.maker.problems.extend([wrong] if wrong else [])
    drawing = ChartFlowable(chart_drawing(c, builder.width * c.width, faces, size, chart_colours(colours),
                                          builder.language) if roomy and not wrong else Drawing(0, 0))
    drawing.hAlign = "CENTER"
    after = builder.pt("spacing.paragraph_after")
    out = caption_flowables(builder, c.caption, c.prefix, c.anchor, where.at(c.caption_typed))
    out.append(drawing)
    small = builder.style(size, align="left", after=2.0)
    notes = [builder.text(n, Look(size), small, where.at(at))
             for n, at in zip(c.notes, c.notes_typed or (None,) * len(c.notes))]
    drawing.spaceAfter = 4.0 if notes else after
    if notes:
        notes[-1].style = replace(notes[-1].style, after=after)
    return out + notes


def check_labels(builder, c, face, where) -> None:
    """Record, as the body's text records a character no face holds (`RunMaker.problems`), each of the chart's
    texts (categories, series' labels, axis title) holding characters its one label `face` lacks as drawn
    (`rtl.drawn`): reportlab draws a chart's labels in one face, and would draw a box for each (an Arabic word in
    an English chart's legend); and, as the body's text does (`RunMaker.unplaced`), each combining mark a text
    leaves apart from its letter once composed (x + U+0304): reportlab would draw it beside the letter. Each is
    told where the text was typed (a data row, document.yaml), so that a translation's is told at its catalog line."""
    typed: dict = {}  # each text once, at the first place it was typed
    for text, at in [*zip(c.categories, c.categories_typed or (None,) * len(c.categories)),
                     *((s.label, s.source) for s in c.series), (c.axis_title or "", c.axis_title_typed)]:
        typed.setdefault(text, where.at(at))
    for text, at in typed.items():
        source = at.source
        if not text.isascii():
            builder.maker.marks_apart(composed(text), at)
        if face.holds(drawn(text, builder.rtl)):
            continue
        read = read_as(text)
        lacking = [ch for ch in dict.fromkeys(read) if not face.holds(drawn(ch, builder.rtl))] or [read[0]]
        named = ", ".join(f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')})"
                          for ch in lacking[:3]) + (f" and {len(lacking) - 3} more" if len(lacking) > 3 else "")
        builder.maker.problems.add(
            source.file if source else "document", source.line if source else None,
            f"{at.what}: the label `{read}` holds {named}, which its face ({face.family}) lacks: a chart's "
            "labels are drawn in one face, the paper's body face", "write the label in the paper's script, or "
            "name a body font that has it")
