"""What a chart's drawing looks like, the same in both formats: the PDF's reportlab drawing
(writers/pdf/charts.py) and the DOCX's chart part (oxml/charts.py), which Word and LibreOffice draw. A WIPO paper's
charts are plain: light gridlines giving the scale, the category axis a thin line at zero, no value axis line and
no tick marks, no border, the legend below."""

from __future__ import annotations

import math

AXIS_LINE, AXIS_COLOUR = 0.5, "000000"      # the category axis' line (points, RRGGBB); the value axis has none
GRID_LINE, GRID_COLOUR = 0.25, "BFBFBF"     # the value axis' gridlines
SERIES_LINE, MARKER = 1.5, 5.0              # a line chart's lines and their circles' diameter (points)
# the legend's keys, in the labels' size, as LibreOffice draws them (a chart part cannot set them; measured for 8 pt
# labels: a 4.8 pt square, a 24 pt line with its circle; 2 to 3 pt from the text, 6 pt between the entries)
SQUARE_KEY, LINE_KEY = 0.6, 3.0
KEY_SPACE, ENTRY_SPACE = 0.3, 0.75
GAP_WIDTH = 80      # the room between two categories' bars, in percent of a bar's width (bars of a cluster touch)
LABEL_ROOM = 1.2    # lines of a label a category's room along the axis must give, turned labels to stand apart


def label_angle(slot: float, size: float, words: list[float]) -> int:
    """How far (degrees) a column or line chart turns its category labels, in the PDF and in the DOCX (the
    category axis' text rotation, so that Word and LibreOffice turn or wrap them as the PDF does): 0 when every word
    (`words`: their widths, points) fits in 90% of a category's `slot` (the labels are wrapped at spaces), else 45,
    or 90 when a slot is too narrow for turned lines of `size` points to stand apart at 45 (LABEL_ROOM: the PDF
    writer's `check_room` refuses narrower)."""
    if max(words, default=0.0) <= slot * 0.9:
        return 0
    return 45 if slot * math.sin(math.radians(45)) >= size * LABEL_ROOM else 90


def label_role(language) -> str:
    """The font role (writers.pdf.faces) of a chart's labels in `language`: the paper's body face."""
    return "zh_body" if language.script.east_asian else "arabic_regular" \
        if language.script.direction == "rtl" else "latin_regular"
