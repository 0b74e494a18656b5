"""A chart's Drawing kept across a watch's rounds (issue 19): `writers.pdf.charts.chart_drawing` is `sources.memo.pure`,
so a later round, with the same chart, width, faces, size, palette and language, draws the Drawing the first round
made (its widgets already expanded) and the PDF is the same bytes as a plain build's."""

from __future__ import annotations


def test_a_later_round_draws_the_charts_the_first_made_into_the_same_pdf(charts_sample, monkeypatch):
    from ccdocs.sources.memo import Memo
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import charts

    doc, theme = charts_sample
    write = writer("pdf")
    plain = write(doc, theme)
    made = []
    draw = charts._Drawer.draw
    monkeypatch.setattr(charts._Drawer, "draw", lambda drawer: made.append(drawer.chart.name) or draw(drawer))
    memo = Memo()
    rounds = []
    for _ in range(2):
        with memo.active():
            before = len(made)
            rounds.append((write(doc, theme), made[before:]))
        memo.next_round()
    (first, drawn_first), (second, drawn_second) = rounds
    assert len(drawn_first) == 3 and drawn_second == []
    assert first == plain and second == plain   # drawing a kept Drawing changes nothing in it
