"""A chart's data labels stay inside its drawing in the PDF: a line chart's label at the top of its value axis was
set 14 points above its point (reportlab's lineLabelNudge of 10 and a dy of 4), beyond the room the drawing leaves
above the plot, and printed over the caption above the chart (verify-11 V9); a column's label stands 2 points
beyond its bar, within that room."""

from __future__ import annotations

import pytest

from ccdocs.l10n.language import as_language
from ccdocs.model.nodes import Chart, ChartSeries
from ccdocs.writers.pdf.charts import chart_drawing


@pytest.mark.parametrize("kind", ["line", "column"])
@pytest.mark.parametrize("size", [9, 14])   # the theme's chart.font_size: a label of 14 points took more room too
def test_a_data_label_at_the_top_of_the_value_axis_stays_inside_the_drawing(kind, size):
    chart = Chart("ch", kind, (), ("Alpha", "Beta", "Gamma"),
                  (ChartSeries("A", (10.0, 15.0, 5.0), ("10", "15", "5")),
                   ChartSeries("B", (20.0, 20.0, 15.0), ("20", "20", "15"))), data_labels=True)
    drawing = chart_drawing(chart, 400, ("Helvetica", "Helvetica"), size, ("1F4E79", "9DC3E6"), as_language("en"))
    assert drawing.getBounds()[3] <= drawing.height, (drawing.getBounds(), drawing.height)  # the labels' tops too
