"""Charts as native Word charts: a chart part (`word/charts/chartN.xml`) with its values cached, the workbook Word's
"Edit Data" opens embedded beside it (`word/embeddings/`), an inline drawing in a paragraph of its own under the
caption, kept with it."""

from __future__ import annotations

import io
import zlib
from datetime import date, datetime
from importlib.util import find_spec
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import OxmlElement

from ...charts.colours import chart_colours, palette, too_few
from ...charts.look import label_angle, label_role
from ...errors import InputError
from ...i18n.cached import code, kept
from ...l10n.formats import Formats
from ...model import Chart
from ...oxml.charts import SHEET, ChartXml, format_code, inline_chart, link_workbook, stored
from ...parse.inlines import plain
from ...sources.memo import pure
from ..pdf.chartroom import short_of_room
from .captions import write_caption
from .inlines import add_inlines
from .parts import chart_partname, relate, shape_id
from .state import Where, WriterState
from .tables import fonts

EMU_PER_TWIP = 635
EMU_PER_CM = 360000


@pure  # bytes: kept across a watch's rounds while the chart is as it was
def workbook(chart: Chart, francs: str, day: date) -> bytes:
    """The chart's data as an .xlsx: categories down column A from row 2, each series a column from B with its
    label in row 1, the values as the chart caches them in the same number format; dated `day` (reproducible).

    Kept in the per-user cache (`i18n.cached.kept`), named by what the bytes are made of (the texts, the values,
    the number format, the day), the code's digest (`cached.code`), xlsxwriter's installed `__init__.py` (its path,
    size and modification time: its version) and zlib's (the entries' deflated bytes): a build whose charts are
    unchanged neither imports xlsxwriter (as long to import as python-docx) nor makes the workbooks again."""
    cells = (tuple(chart.categories), tuple((series.label, tuple(series.values)) for series in chart.series),
             format_code(chart.number, chart.places, francs), day.isoformat())
    return kept("workbook", (repr(cells), *_xlsxwriter(), zlib.ZLIB_RUNTIME_VERSION), lambda: _workbook(*cells),
                code())


def _xlsxwriter() -> tuple:
    """What names the installed xlsxwriter without importing it: its `__init__.py`'s path, size and modification
    time (nothing when it cannot be looked at: the workbook is then kept under that)."""
    spec = find_spec("xlsxwriter")
    try:
        found = Path(spec.origin).stat()
    except (AttributeError, TypeError, OSError):
        return ()
    return spec.origin, found.st_size, found.st_mtime_ns


def _workbook(categories: tuple, series: tuple, number_format: str, day: str) -> bytes:
    """The workbook `workbook` describes, made with xlsxwriter (imported here, on a cache miss only)."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    made = date.fromisoformat(day)
    book.set_properties({"created": datetime(made.year, made.month, made.day)})
    sheet = book.add_worksheet(SHEET)
    figure = book.add_format({"num_format": number_format})
    sheet.set_column(0, 0, max([len(c) for c in categories] + [10]))
    for column, (label, values) in enumerate(series, 1):
        sheet.write_string(0, column, label)
        for row, value in enumerate(values, 1):
            if value is not None:
                sheet.write_number(row, column, value, figure)
    for row, category in enumerate(categories, 1):
        sheet.write_string(row, 0, category)
    book.close()
    return out.getvalue()


def _chart_part(state: WriterState, chart: Chart) -> str:
    """Add the chart part and its workbook to the package; the document part's relationship id of the chart.
    Raises InputError for a chart with more series or slices than distinct colours (`colours.too_few`), or whose
    legend, names or axis labels leave its plot too little room as the PDF lays it out (`chartroom.short_of_room`:
    Word and LibreOffice crush it, or draw the legend alone)."""
    theme, lang = state.theme, state.lang
    body = theme.font(lang, "body")
    faces = (theme.font(lang, "latin"), body, body if state.language.script.direction == "rtl" else None)
    size = float(theme.get("chart.font_size", theme.size(lang, "table")))
    colours = palette(theme)
    wrong = too_few(chart, colours) or short_of_room(
        chart, state.text_width / 20 * chart.width, tuple(fonts(state).face(role).name for role in
                                                         (label_role(state.language), "latin_regular")),
        size, state.language)
    if wrong:
        raise InputError([wrong])
    francs = Formats(state.language).francs_code()
    space = ChartXml(chart, list(chart_colours(colours)), faces, size, state.doc.meta.locale_tag, francs,
                     _turned(state, chart, size)).build()
    package = state.document.part.package
    part = XmlPart(chart_partname(state), CT.DML_CHART, space, package)
    number = part.partname.idx
    day = date.fromisoformat(state.doc.meta.issued) if state.doc.meta.issued else date(1980, 1, 1)
    book = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), CT.SML_SHEET,
                workbook(stored(chart), francs, day), package)   # its rows as the chart part names them
    link_workbook(space, part.relate_to(book, RT.PACKAGE))
    return relate(state, state.document.part, part, RT.CHART)


def _turned(state: WriterState, chart: Chart, size: float) -> int:
    """How far the PDF turns `chart`'s category labels (charts.look.label_angle: a column or line chart's words
    measured in their label's face, as the PDF writer measures them, the Latin face for an all-ASCII label, against
    a category's share of the chart's width); a bar chart's are level."""
    if chart.kind not in ("column", "line") or not chart.categories:
        return 0
    latin, body = (fonts(state).face(role) for role in ("latin_regular", label_role(state.language)))
    slot = state.text_width / 20 * chart.width / len(chart.categories)
    return label_angle(slot, size, [(latin if c.isascii() else body).advance(word) * size / 1000
                                    for c in chart.categories for word in c.split()])


def write_chart(state: WriterState, where: Where, block: Chart):
    """Caption (numbered when a transform gave it a prefix), the chart centred in a paragraph of its own, kept with
    its caption and never split; its notes below. The drawing's alternative text is the caption."""
    write_caption(state, where, block.caption, block.prefix, block.anchor)
    p = state.paragraph(where, where.style)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_together = True
    p.paragraph_format.first_line_indent = 0
    rid = _chart_part(state, block)
    width = round(state.text_width * block.width) * EMU_PER_TWIP
    height = round(block.height * EMU_PER_CM)
    shape = shape_id(state)
    described = (block.prefix + plain(block.caption)).strip() or block.name
    drawing = OxmlElement("w:drawing")
    drawing.append(inline_chart(rid, width, height, shape, f"Chart {shape}", described))
    p.add_run()._r.append(drawing)
    for note in block.notes:
        add_inlines(state, state.paragraph(where, "Table Note"), note)
    return p
