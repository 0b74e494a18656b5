"""PDF charts built and drawn with reportlab's attribute checks off (issue 19): `rl_config.shapeChecking`, read at each
value set on a shape or widget, is turned off by `writers.pdf.charts.unchecked` while a chart is built and drawn,
and turned back after, even when the drawing fails. The values come from a chart spec checked before
(tests/test_charts_refusals.py: a word in a figure, a negative slice, an unknown kind, a height out of range are
refused at their line of document.yaml), and the PDF is the same bytes as with the checks on."""

from __future__ import annotations

from contextlib import nullcontext

import pytest
from reportlab import rl_config


def test_charts_are_built_and_drawn_unchecked_into_the_pdf_the_checks_give(charts_sample, monkeypatch):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import charts

    doc, theme = charts_sample
    before = rl_config.shapeChecking
    seen = []
    build, render = charts._Drawer.draw, charts.renderPDF.draw
    monkeypatch.setattr(charts._Drawer, "draw", lambda drawer: seen.append(rl_config.shapeChecking) or build(drawer))
    monkeypatch.setattr(charts.renderPDF, "draw", lambda *args: seen.append(rl_config.shapeChecking) or render(*args))
    plain = writer("pdf")(doc, theme)
    assert seen == [0] * 6                      # three charts built, three drawn, each with the checks off
    assert rl_config.shapeChecking == before    # and the process' setting given back
    monkeypatch.setattr(charts, "unchecked", nullcontext)
    assert before and writer("pdf")(doc, theme) == plain   # every value checked: the same bytes


def test_the_checks_are_turned_back_when_a_chart_fails(charts_sample, monkeypatch):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import charts

    doc, theme = charts_sample
    before = rl_config.shapeChecking

    def fails(drawer):
        raise RuntimeError("a chart that cannot be drawn")

    monkeypatch.setattr(charts._Drawer, "draw", fails)
    with pytest.raises(RuntimeError):
        writer("pdf")(doc, theme)
    assert rl_config.shapeChecking == before
