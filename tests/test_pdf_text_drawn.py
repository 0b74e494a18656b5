"""A text block draws itself as reportlab's `Flowable.drawOn` would (writers/pdf/text.py `TextBlock.drawOn`): the same
operators on the page and the same canvas state after, whether it takes the short way (runs that neither link nor
embolden: no copy of the graphics state) or reportlab's."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from ccdocs.theme import load_theme
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.setting import Run
from ccdocs.writers.pdf.text import TextBlock, TextStyle


def drawn(draw_on, runs, tmp_path, name: str) -> tuple[list, dict]:
    """The page's operators and the canvas state after drawing a justified block of `runs` twice, the canvas
    translated and scaled first."""
    canv = Canvas(str(tmp_path / f"{name}.pdf"))
    canv.translate(12.5, 700.25)
    canv.scale(0.75, 0.75)
    block = TextBlock(runs, TextStyle(leading=15.0, align="justify", size=11.0))
    block.wrap(200.0, 1000.0)
    draw_on(block, canv, 30.0, 100.5)
    draw_on(block, canv, 31.25, -40.0)
    state = {name: getattr(canv, name) for name in canv.STATE_ATTRIBUTES}
    state["_extgstate"] = vars(state["_extgstate"])  # an object of each canvas: what it holds
    return list(canv._code), state


def test_a_block_draws_as_reportlabs_flowable_draws(tmp_path):
    fonts = FontSet(load_theme(), "zh")
    latin, chinese = fonts.face("latin_regular"), fonts.face("zh_body")
    plain = [Run("The Organization continued to strengthen its workforce planning in ", latin, 11.0),
             Run("2025年，本组织继续加强员工队伍规划，共有", chinese, 11.0), Run("1,735", latin, 11.0),
             Run("名工作人员参加审查。", chinese, 11.0)]
    linked = plain[:1] + [Run("WIPO Lex", latin, 11.0, link="https://www.wipo.int/wipolex", color="0000FF")]
    bold = plain[:1] + [Run("加强员工队伍规划", chinese, 11.0, emboldened=True)]
    for name, runs in (("plain", plain), ("linked", linked), ("bold", bold)):
        ours = drawn(TextBlock.drawOn, runs, tmp_path, name + "-ours")
        reportlabs = drawn(Flowable.drawOn, runs, tmp_path, name + "-reportlab")
        assert ours == reportlabs, name
