"""Tables' texts measured once a layout (issue 19): the column widths read the widest unit of every heading and
cell (`columns.minimums`), and the same texts come back across a document's tables; the layout's measure
(`flowables.TableMeasure`) finds each text's widest unit once, by text, weight and heading look, and gives the same
width again (the column widths, so the PDF, unchanged: compare.sh)."""

from __future__ import annotations

from collections import Counter


def test_each_text_of_the_tables_is_measured_once_a_layout(charts_sample, monkeypatch):
    from ccdocs.model import Table
    from ccdocs.transforms.walk import walk
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import measure

    doc, theme = charts_sample
    measured = Counter()
    widest = measure.Measure.widest

    def counted(self, text, bold=False, heading=False):
        measured[text, bold, heading] += 1
        return widest(self, text, bold, heading)

    monkeypatch.setattr(measure.Measure, "widest", counted)
    writer("pdf")(doc, theme)
    tables = list(walk(doc, Table))
    asked = sum(len(t.columns) * (1 + len(t.rows)) + len(t.spans) for t in tables)   # each heading and cell
    assert len(tables) == 4 and set(measured.values()) == {1}
    assert len(measured) < asked     # the texts asked again (a region's name, `Total`, a heading) not measured again
