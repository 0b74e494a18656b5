"""DrawingML charts (ISO/IEC 29500-1 §21.2): the chart part's `c:chartSpace` with every value cached, and the
inline drawing of a WordprocessingML run that shows it.

The chart names its data in the embedded workbook (`Sheet1`: categories down column A from row 2, one series a
column from B, its label in row 1) and caches the same texts and numbers (`c:strCache`, `c:numCache` with the
format code), so Word and LibreOffice draw it as written and Word's "Edit Data" opens the workbook. Children are
made in the schema's order (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart …).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from docx.oxml.ns import nsdecls, nsmap
from docx.oxml.parser import parse_xml

from ..charts.axis import value_scale
from ..charts.colours import label_colour
from ..charts.look import AXIS_COLOUR, AXIS_LINE, GAP_WIDTH, GRID_COLOUR, GRID_LINE, MARKER, SERIES_LINE

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"c": C, "a": A, "r": R}
SHEET = "Sheet1"
CATEGORY_AXIS, VALUE_AXIS = "111111111", "222222222"
BAR_DIRECTIONS = {"column": "col", "bar": "bar"}
GROUPINGS = {"clustered": "clustered", "stacked": "stacked", "percent": "percentStacked"}
EMU_PER_PT = 12700


def format_code(number: str, places: int, francs: str) -> str:
    """The spreadsheet number format of a figure type, as the tables print it: `#,##0`, `0.0%`, and for `chf` the
    language's `francs` (`"CHF "#,##0`: l10n.formats.Formats.francs_code). `chf_thousands` values are cached in
    thousands, so print as whole numbers."""
    fraction = ("." + "0" * places) if places else ""
    if number == "percent":
        return f"0{fraction}%"
    if number == "percent_value":
        return f'0{fraction}"%"'
    if number == "decimal":
        return f"#,##0{fraction}"
    if number == "chf":
        return francs
    return "#,##0"


def column_name(index: int) -> str:
    """The spreadsheet column of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _number(value) -> str:
    """A Decimal as an `xsd:double` attribute writes it: plain digits, no exponent (`8000`, `0.2`, `-50`)."""
    return format(value, "f")


def _el(parent, tag: str, val=None, **attrs):
    """A child `prefix:name` of `parent` (None: a free element), with `val` and other plain attributes."""
    prefix, name = tag.split(":")
    qname = f"{{{NSMAP[prefix]}}}{name}"
    el = etree.SubElement(parent, qname) if parent is not None else etree.Element(qname, nsmap=NSMAP)
    if val is not None:
        el.set("val", str(val))
    for key, value in attrs.items():
        el.set(key, str(value))
    return el


def _fill(parent, colour: str, line: bool = False):
    """`c:spPr` with a solid fill (or, for a line chart's series, a solid line of charts.look's SERIES_LINE) in
    `colour` (RRGGBB)."""
    sp = _el(parent, "c:spPr")
    if line:
        ln = _el(sp, "a:ln", w=str(round(SERIES_LINE * EMU_PER_PT)), cap="rnd")
        _el(_el(ln, "a:solidFill"), "a:srgbClr", colour)
        _el(ln, "a:round")
    else:
        _el(_el(sp, "a:solidFill"), "a:srgbClr", colour)
    return sp


def _axis_line(axis, drawn: bool) -> None:
    """An axis' `c:spPr`: its line as the PDF draws it (charts.look: the category axis a thin black line at
    zero, the value axis none, its gridlines giving the scale). Written, not left to the application: without it
    Word draws both axes in its default style and LibreOffice neither."""
    sp = _el(axis, "c:spPr")
    if drawn:
        _el(_el(_el(sp, "a:ln", w=str(round(AXIS_LINE * EMU_PER_PT))), "a:solidFill"), "a:srgbClr", AXIS_COLOUR)
    else:
        _el(_el(sp, "a:ln"), "a:noFill")


def _text_props(parent, size: float, faces: tuple, lang: str, bold: bool = False, colour: str | None = None,
                turned: int | None = None):
    """`c:txPr`: the default run properties of a chart's texts (size in points, `faces` as `ChartXml` has them,
    language; `colour` RRGGBB, else the theme's); `turned`: the texts' rotation in degrees (a category axis'
    labels, as the PDF turns them: 0 keeps them level, wrapped, where Word and LibreOffice would turn them on
    their own), else the application's."""
    tx = _el(parent, "c:txPr")
    if turned is None:
        _el(tx, "a:bodyPr")
    else:   # DrawingML's angles are 60,000ths of a degree, clockwise: a label read upwards turns negatively
        _el(tx, "a:bodyPr", rot=-turned * 60000, vert="horz")
    _el(tx, "a:lstStyle")
    p = _el(tx, "a:p")
    rpr = _el(_el(p, "a:pPr"), "a:defRPr", sz=round(size * 100), b=int(bold))
    if colour:
        _el(_el(rpr, "a:solidFill"), "a:srgbClr", colour)
    _typefaces(rpr, faces)
    _el(p, "a:endParaRPr", lang=lang)
    return tx


def _typefaces(rpr, faces: tuple) -> None:
    """A run's typefaces (`a:latin`, `a:ea`, `a:cs` in their order): Word sets each script's text in its own slot's
    face, the Arabic letters in the complex-script one (`a:cs`), which a chart of a right-to-left language names."""
    latin, body, complex_script = faces
    _el(rpr, "a:latin", typeface=latin)
    _el(rpr, "a:ea", typeface=body)
    if complex_script:
        _el(rpr, "a:cs", typeface=complex_script)


def _str_ref(parent, formula: str, texts) -> None:
    ref = _el(parent, "c:strRef")
    _el(ref, "c:f").text = formula
    cache = _el(ref, "c:strCache")
    _el(cache, "c:ptCount", len(texts))
    for index, text in enumerate(texts):
        _el(_el(cache, "c:pt", idx=index), "c:v").text = text


def _num_ref(parent, formula: str, values, code: str) -> None:
    ref = _el(parent, "c:numRef")
    _el(ref, "c:f").text = formula
    cache = _el(ref, "c:numCache")
    _el(cache, "c:formatCode").text = code
    _el(cache, "c:ptCount", len(values))
    for index, value in enumerate(values):
        if value is not None:   # an empty cell has no point: a gap
            _el(_el(cache, "c:pt", idx=index), "c:v").text = repr(float(value))


def _labels(parent, chart, code: str, position: str | None, style, points: tuple = ()) -> None:
    """`c:dLbls`: the values shown (in the series' format) or, without data labels, none; `style(parent, colour)`
    gives their text properties, each of `points` ((index, colour): a pie's slice whose label reads in another
    colour than the series') its own `c:dLbl`."""
    labels = _el(parent, "c:dLbls")
    for index, colour in points if chart.data_labels else ():
        point = _el(labels, "c:dLbl")
        _el(point, "c:idx", index)
        _label_body(point, chart, code, position, lambda parent, colour=colour: style(parent, colour))
    if chart.data_labels:
        _label_body(labels, chart, code, position, lambda parent: style(parent, None))
    else:
        _label_flags(labels, chart)


def _label_body(parent, chart, code: str, position: str | None, style) -> None:
    """A `c:dLbls`' or `c:dLbl`'s format, no fill, text properties, position and what is shown."""
    _el(parent, "c:numFmt", formatCode=code, sourceLinked=0)
    _el(_el(parent, "c:spPr"), "a:noFill")
    style(parent)
    if position:
        _el(parent, "c:dLblPos", position)
    _label_flags(parent, chart)


def _label_flags(parent, chart) -> None:
    for flag, on in (("showLegendKey", 0), ("showVal", int(chart.data_labels)), ("showCatName", 0),
                     ("showSerName", 0), ("showPercent", 0), ("showBubbleSize", 0)):
        _el(parent, f"c:{flag}", on)


def bottom_up(chart) -> bool:
    """Whether `chart`'s part holds its rows last first and its series last first, on a category axis running
    bottom-up (`minMax`): a clustered bar chart of several series. Its rows and series are drawn as the PDF draws
    them either way (the first category on top, a category's first series on top of its cluster), but LibreOffice
    lists the legend of such a chart last series first whatever the axis' direction (its VSeriesPlotter reverses
    the entries of a chart with swapped axes and unstacked series, the axis' direction left to do), where Word
    lists them as the bars stand, first series on top (Excel's rule for unstacked bar charts): written bottom-up,
    both list the first series first, as the PDF does. Any other chart keeps its rows in reading order on a
    top-down bar axis (`maxMin`), which LibreOffice's legend of stacked bars follows."""
    return chart.kind == "bar" and chart.grouping == "clustered" and len(chart.series) > 1


def stored(chart):
    """`chart` with its rows in the order its part and workbook hold them (`bottom_up`: last first)."""
    if not bottom_up(chart):
        return chart
    return replace(chart, categories=chart.categories[::-1], series=tuple(
        replace(s, values=s.values[::-1], printed=s.printed[::-1]) for s in chart.series))


class ChartXml:
    """Builds the `c:chartSpace` of one model Chart: `palette` the series colours (RRGGBB, one at least for each
    series, or each slice of a pie: charts.colours.chart_colours), `faces` the typefaces (Latin, the language's
    body face, named as East Asian, and the complex-script face of a right-to-left language, else None),
    `size` the type size in points, `lang` the language tag (`en-US`, `zh-CN`), `turned` how far the category
    labels turn (degrees)."""

    def __init__(self, chart, palette: list, faces: tuple, size: float, lang: str, francs: str, turned: int = 0):
        self.chart, self.palette, self.faces, self.size, self.lang = stored(chart), palette, faces, size, lang
        self.turned = turned    # the category labels' rotation, degrees (charts.look.label_angle: as the PDF's)
        self.top_down = chart.kind == "bar" and not bottom_up(chart)   # a bar axis from the first category on top
        self.francs = francs
        self.code = format_code(chart.number, chart.places, francs)
        self.rows = len(chart.categories)

    def colour(self, index: int) -> str:
        return self.palette[index]     # as many as the series or slices (charts.colours.too_few)

    def style(self, parent, bold: bool = False, colour: str | None = None, turned: int | None = None):
        return _text_props(parent, self.size, self.faces, self.lang, bold, colour, turned)

    def range(self, column: int) -> str:
        letter = column_name(column)
        return f"{SHEET}!${letter}$2:${letter}${self.rows + 1}"

    def series(self, parent, place: int, index: int, series) -> None:
        """The `c:ser` of the chart's series `index` (its colour, its column of the workbook), the `place`th of its
        part (`c:idx`, `c:order`: `bottom_up` writes the last series first)."""
        chart = self.chart
        ser = _el(parent, "c:ser")
        _el(ser, "c:idx", place)
        _el(ser, "c:order", place)
        _str_ref(_el(ser, "c:tx"), f"{SHEET}!${column_name(index + 1)}$1", [series.label])
        if chart.kind == "line":   # its line, and a filled circle at each point, as the PDF's (charts.look)
            _fill(ser, self.colour(index), line=True)
            marker = _el(ser, "c:marker")
            _el(marker, "c:symbol", "circle")
            _el(marker, "c:size", round(MARKER))
            _el(_el(_fill(marker, self.colour(index)), "a:ln"), "a:noFill")   # no outline: its diameter as drawn
        elif chart.kind in ("column", "bar"):
            _fill(ser, self.colour(index))
            _el(ser, "c:invertIfNegative", 0)
        else:
            for point in range(self.rows):      # a pie's slices: the palette, first slice first
                dpt = _el(ser, "c:dPt")
                _el(dpt, "c:idx", point)
                _el(dpt, "c:bubble3D", 0)
                sp = _fill(dpt, self.colour(point))
                _el(_el(_el(sp, "a:ln", w=str(round(0.75 * EMU_PER_PT))), "a:solidFill"), "a:srgbClr", "FFFFFF")
        position = {"column": "outEnd", "bar": "outEnd", "line": "t", "pie": "inEnd", "doughnut": None}
        where = position[chart.kind] if chart.grouping == "clustered" else "ctr"
        inside, points = chart.kind in ("pie", "doughnut") or chart.grouping != "clustered", ()  # set on their fill
        colour = (label_colour(self.colour(index)) if chart.kind in ("column", "bar") else "FFFFFF") if inside else None
        if chart.kind in ("pie", "doughnut"):  # each slice's label in the colour that reads on it
            points = tuple((point, label_colour(self.colour(point))) for point in range(self.rows)
                           if label_colour(self.colour(point)) != colour)
        _labels(ser, chart, self.code, where, lambda parent, given: self.style(parent, colour=given or colour),
                points)
        _str_ref(_el(ser, "c:cat"), self.range(0), list(chart.categories))
        _num_ref(_el(ser, "c:val"), self.range(index + 1), series.values, self.code)
        if chart.kind == "line":
            _el(ser, "c:smooth", 0)

    def plot(self, area) -> None:
        chart = self.chart
        if chart.kind in ("column", "bar"):
            plot = _el(area, "c:barChart")
            _el(plot, "c:barDir", BAR_DIRECTIONS[chart.kind])
            _el(plot, "c:grouping", GROUPINGS[chart.grouping])
            _el(plot, "c:varyColors", 0)
        elif chart.kind == "line":
            plot = _el(area, "c:lineChart")
            _el(plot, "c:grouping", "standard")
            _el(plot, "c:varyColors", 0)
        else:
            plot = _el(area, "c:doughnutChart" if chart.kind == "doughnut" else "c:pieChart")
            _el(plot, "c:varyColors", 1)
        written = list(enumerate(chart.series))
        for place, (index, series) in enumerate(written[::-1] if bottom_up(chart) else written):
            self.series(plot, place, index, series)
        if chart.kind in ("column", "bar"):
            _el(plot, "c:gapWidth", GAP_WIDTH)
            _el(plot, "c:overlap", 0 if chart.grouping == "clustered" else 100)   # a cluster's bars touch
        elif chart.kind == "line":
            _el(plot, "c:marker", 1)
        if chart.kind in ("pie", "doughnut"):
            _el(plot, "c:firstSliceAng", 0)
            if chart.kind == "doughnut":
                _el(plot, "c:holeSize", 50)
            return
        _el(plot, "c:axId", CATEGORY_AXIS)
        _el(plot, "c:axId", VALUE_AXIS)
        self.axes(area)

    def axes(self, area) -> None:
        chart = self.chart
        bar = chart.kind == "bar"
        cat = _el(area, "c:catAx")
        _el(cat, "c:axId", CATEGORY_AXIS)
        _el(_el(cat, "c:scaling"), "c:orientation", "maxMin" if self.top_down else "minMax")  # the first on top
        _el(cat, "c:delete", 0)
        _el(cat, "c:axPos", "l" if bar else "b")
        _el(cat, "c:numFmt", formatCode="General", sourceLinked=0)
        _el(cat, "c:majorTickMark", "none")
        _el(cat, "c:minorTickMark", "none")
        _el(cat, "c:tickLblPos", "low")   # at the value axis' low end: below a negative column, not over it
        _axis_line(cat, drawn=True)
        self.style(cat, turned=self.turned)
        _el(cat, "c:crossAx", VALUE_AXIS)
        _el(cat, "c:crosses", "autoZero")
        _el(cat, "c:auto", 1)
        _el(cat, "c:lblAlgn", "ctr")
        _el(cat, "c:lblOffset", 100)
        _el(cat, "c:noMultiLvlLbl", 0)
        val = _el(area, "c:valAx")
        _el(val, "c:axId", VALUE_AXIS)
        # the PDF's scale (charts.axis.value_scale), never Word's or LibreOffice's own: CT_Scaling's children in
        # the schema's order (orientation, max, min), the step (`c:majorUnit`) after `c:crossBetween`
        scale = value_scale(chart)
        scaling = _el(val, "c:scaling")
        _el(scaling, "c:orientation", "minMax")
        _el(scaling, "c:max", _number(scale.high))
        _el(scaling, "c:min", _number(scale.low))
        _el(val, "c:delete", 0)
        _el(val, "c:axPos", "b" if bar else "l")
        grid = _el(val, "c:majorGridlines")
        line = _el(_el(grid, "c:spPr"), "a:ln", w=str(round(GRID_LINE * EMU_PER_PT)))
        _el(_el(line, "a:solidFill"), "a:srgbClr", GRID_COLOUR)
        if chart.axis_title:
            self.title(val, chart.axis_title, rotated=not bar)
        places = chart.places if chart.number == "decimal" else 0     # the axis' round steps
        code = "0%" if chart.grouping == "percent" else format_code(chart.number, places, self.francs)
        _el(val, "c:numFmt", formatCode=code, sourceLinked=0)
        _el(val, "c:majorTickMark", "none")
        _el(val, "c:minorTickMark", "none")
        _el(val, "c:tickLblPos", "nextTo")
        _axis_line(val, drawn=False)
        self.style(val)
        _el(val, "c:crossAx", CATEGORY_AXIS)
        _el(val, "c:crosses", "max" if self.top_down else "autoZero")   # the value axis below the bars
        _el(val, "c:crossBetween", "between")
        _el(val, "c:majorUnit", _number(scale.step))

    def title(self, parent, text: str, rotated: bool) -> None:
        """An axis title (`c:title` with rich text), turned a quarter left on a vertical axis."""
        title = _el(parent, "c:title")
        rich = _el(_el(title, "c:tx"), "c:rich")
        _el(rich, "a:bodyPr", rot=-5400000 if rotated else 0, vert="horz")
        _el(rich, "a:lstStyle")
        p = _el(rich, "a:p")
        rpr = _el(_el(p, "a:pPr"), "a:defRPr", sz=round(self.size * 100), b=0)
        _typefaces(rpr, self.faces)
        run = _el(p, "a:r")
        _el(run, "a:rPr", lang=self.lang, sz=round(self.size * 100), b=0)
        _el(run, "a:t").text = text
        _el(title, "c:overlay", 0)

    def build(self):
        """The `c:chartSpace` element; its `c:externalData` r:id is set by `link_workbook`."""
        chart = self.chart
        space = _el(None, "c:chartSpace")
        _el(space, "c:date1904", 0)
        _el(space, "c:lang", self.lang)
        _el(space, "c:roundedCorners", 0)
        body = _el(space, "c:chart")
        _el(body, "c:autoTitleDeleted", 1)
        area = _el(body, "c:plotArea")
        _el(area, "c:layout")
        self.plot(area)
        if len(chart.series) > 1 or chart.kind in ("pie", "doughnut"):
            legend = _el(body, "c:legend")
            _el(legend, "c:legendPos", "b")
            _el(legend, "c:overlay", 0)
            self.style(legend)
        _el(body, "c:plotVisOnly", 1)
        _el(body, "c:dispBlanksAs", "gap")
        sp = _el(space, "c:spPr")
        _el(sp, "a:noFill")
        _el(_el(sp, "a:ln"), "a:noFill")
        self.style(space)
        _el(_el(space, "c:externalData", **{f"{{{R}}}id": ""}), "c:autoUpdate", 0)
        return space


def link_workbook(space, rid: str) -> None:
    """Point the chart's `c:externalData` at the relationship `rid` of its embedded workbook."""
    space.find(f"{{{C}}}externalData").set(f"{{{R}}}id", rid)


def inline_chart(rid: str, width: int, height: int, shape_id: int, name: str, description: str):
    """A `wp:inline` of `width` × `height` EMU showing the chart part related as `rid`; `description` is its
    alternative text (`wp:docPr/@descr`)."""
    xml = (f'<wp:inline {nsdecls("wp", "a", "c", "r")} distT="0" distB="0" distL="0" distR="0">'
           f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
           f'<wp:docPr id="{shape_id}" name=""/><wp:cNvGraphicFramePr/>'
           f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic>'
           f'</wp:inline>')
    inline = parse_xml(xml)
    doc_pr = inline.find(f"{{{nsmap['wp']}}}docPr")
    doc_pr.set("name", name)
    doc_pr.set("descr", description)
    return inline
