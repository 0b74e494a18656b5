"""PDF charts built and drawn with reportlab's attribute checks off (issue 19): `rl_config.shapeChecking`, read at each
value set on a shape or widget, is turned off by `writers.pdf.charts.unchecked` while a chart is built and drawn,
and turned back after, even when the drawing fails; the assignment hooks reportlab put on its shapes and widgets
when imported with the checks on (a Python call per value set, checks off or not) are off from the first chart to
the layout's end (`charts.Hooks`), and put back then, also when it fails. The values come from a chart spec checked before
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
    hooks = _hooks()
    assert hooks                                # reportlab was imported with its checks on: every value set is hooked
    seen = []

    def state():
        return rl_config.shapeChecking, _hooks()

    build, render = charts._Drawer.draw, charts.renderPDF.draw
    monkeypatch.setattr(charts._Drawer, "draw", lambda drawer: seen.append(state()) or build(drawer))
    monkeypatch.setattr(charts.renderPDF, "draw", lambda *args: seen.append(state()) or render(*args))
    plain = writer("pdf")(doc, theme)
    assert seen == [(0, {})] * 6                # three charts built, three drawn, each unchecked and unhooked
    assert state() == (before, hooks)           # and the process' setting and hooks given back
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
    hooks = _hooks()
    with pytest.raises(RuntimeError):
        writer("pdf")(doc, theme)
    assert rl_config.shapeChecking == before
    assert _hooks() == hooks


def _hooks() -> dict:
    """The assignment hooks on reportlab's shape and widget base classes, by class."""
    from reportlab.graphics.shapes import Shape
    from reportlab.graphics.widgetbase import PropHolder

    return {cls: vars(cls)["__setattr__"] for cls in (Shape, PropHolder) if "__setattr__" in vars(cls)}


def test_a_members_inherited_properties_are_looked_up_as_reportlab_does_while_hooked_off():
    """`charts.inherited`: a property a collection's member leaves unset comes from the member of the nearest shorter
    index the collection holds, else from the collection; the member classes reportlab makes while a layout's hooks
    are off, and those it made before, look them up so until `close`, then with reportlab's own again."""
    from reportlab.graphics.charts.textlabels import Label
    from reportlab.graphics.widgetbase import TypedPropertyCollection, _ItemWrapper

    from ccdocs.writers.pdf.charts import Hooks, inherited

    def labels():
        made = TypedPropertyCollection(Label)
        made.fontSize, made.fontName = 7, "Helvetica"
        made[2].fontSize = 9
        made[(2, 3)].leftPadding = 1
        return made

    hooks = Hooks()
    hooks.off()
    try:
        quick = labels()
        member = type(quick[(2, 3)])
        assert vars(member)["__getattr__"] is inherited
        assert (quick[(2, 3)].fontSize, quick[(2, 3)].fontName, quick[(2, 3)].leftPadding) == (9, "Helvetica", 1)
        assert (quick[(4, 1)].fontSize, quick[5].fontSize) == (7, 7)
        with pytest.raises(AttributeError):
            quick[(2, 3)].no_such_property
    finally:
        hooks.close()
    assert vars(member)["__getattr__"] is not inherited and _ItemWrapper[Label] is member
    plain = labels()
    assert (plain[(2, 3)].fontSize, plain[(2, 3)].fontName, plain[(4, 1)].fontSize) == (9, "Helvetica", 7)
    hooks.off()   # a class made by an earlier layout is looked up quickly in the next
    try:
        assert vars(member)["__getattr__"] is inherited
    finally:
        hooks.close()


def test_the_pdf_is_the_same_bytes_with_reportlabs_lookups(charts_sample, monkeypatch):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import charts

    doc, theme = charts_sample
    quick = writer("pdf")(doc, theme)
    monkeypatch.setattr(charts.Hooks, "quick", lambda hooks, member: member)
    assert writer("pdf")(doc, theme) == quick
