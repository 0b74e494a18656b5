"""What a chart's drawing looks like, the same in both formats: the PDF's reportlab drawing
(writers/pdf/charts.py) and the DOCX's chart part (oxml/charts.py), which Word and LibreOffice draw. A WIPO paper's
charts are plain: light gridlines giving the scale, the category axis a thin line at zero, no value axis line and
no tick marks, no border, the legend below."""

from __future__ import annotations

AXIS_LINE, AXIS_COLOUR = 0.5, "000000"      # the category axis' line (points, RRGGBB); the value axis has none
GRID_LINE, GRID_COLOUR = 0.25, "BFBFBF"     # the value axis' gridlines
SERIES_LINE, MARKER = 1.5, 5.0              # a line chart's lines and their circles' diameter (points)
# the legend's keys, in the labels' size, as LibreOffice draws them (a chart part cannot set them; measured for 8 pt
# labels: a 4.8 pt square, a 24 pt line with its circle; 2 to 3 pt from the text, 6 pt between the entries)
SQUARE_KEY, LINE_KEY = 0.6, 3.0
KEY_SPACE, ENTRY_SPACE = 0.3, 0.75
GAP_WIDTH = 80      # the room between two categories' bars, in percent of a bar's width (bars of a cluster touch)
