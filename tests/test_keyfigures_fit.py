"""Specification: a key figure is read at a glance, whole: one that cannot stand on one line of its panel cell is
refused at the panel's line, with the width it needs and the cell's (breaks-4 #18).

A 40-digit figure in a panel of four was cut by the PDF into three lines of digits (Word cuts it likewise), which
read as three numbers. Both writers measure a figure's widest unit at the panel's figure size with the PDF engine's
metrics (`writers/keyfigures.too_wide`) against its cell less the padding; a figure may still break between words.
"""

from __future__ import annotations

import pytest

from conftest import REPORT, write_doc
from refusals import Case, run

LONG = "1234567890" * 4
PANEL = (REPORT + "\n::: keyfigures\n- **1,735** staff\n- **" + LONG + "** francs\n- **57** sessions\n"
         "- **12.5%** share\n:::\n")
LINE = len(REPORT.splitlines()) + 2          # the panel's ::: line
SAID = (f"key figure 2 `12345678901…01234567890` needs 12.56cm on one line at the panel's 16 pt, more than its "
        "cell's 3.7cm (4 figures a row): it would be broken over lines")
CASES = [Case(f"{fmt}-{lang}", {"content/report.md": PANEL}, SAID, f"content/report.md:{LINE}",
              args=("--format", fmt, "--lang", lang))
         for fmt in ("pdf", "docx") for lang in ("en", "zh")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_figure_wider_than_its_cell_is_refused_at_the_panel(refuse, case):
    assert "write it shorter" in refuse(case)


def test_a_figure_of_several_words_may_take_two_lines(tmp_path):
    panel = PANEL.replace(LONG, "CHF 1,234.5 million")
    code, said, escaped = run(["check", str(write_doc(tmp_path / "doc", {"content/report.md": panel}))])
    assert (code, escaped) == (0, False), said
