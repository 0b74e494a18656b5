"""A problem of the data (a stated total that is not the sum of its rows, a figure computing with a text) is found
by every language's build; the translated builds' were moved to the msgstr of the translation covering its line
(the row's label, the paragraph), as if the translation caused it, and told twice: it is told once, where the
source language's build tells it (`i18n.locations.relocated`)."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES
from refusals import invoke

BUDGET = FIXTURES / "budget-table"


@pytest.mark.parametrize("row, changed, told", [
    ("other_staff,Other staff costs,0,0,0", "other_staff,Other staff costs,100,500,0",
     ["data/budget.csv:35:1: error: row `total`, column `approved`: stated 80,430, computed 80,431"]),
    ("temporary,Temporary staff,1193055,2004140,2359808", "temporary,Temporary staff,1193055,x,2359808",
     ["data/budget.csv:4:35: error: row `temporary`, column `approved`: `x` is not a number"]),  # at its cell, not
    # again where a figure computes with it (breaks-8 #12)
], ids=["wrong-total", "text-in-a-figure"])
def test_a_problem_of_the_data_is_told_once_at_the_data(tmp_path, row, changed, told):
    folder = tmp_path / "doc"
    shutil.copytree(BUDGET, folder, ignore=shutil.ignore_patterns("expected"))
    csv = folder / "data" / "budget.csv"
    text = csv.read_text(encoding="utf-8")
    assert row in text
    csv.write_text(text.replace(row, changed), encoding="utf-8")
    code, output, escaped = invoke(["check", str(folder)])
    assert code == 1 and not escaped, output
    errors = re.findall(r"^\S+: error: .*$", output, re.M)
    assert len(errors) == len(told) and f"{len(told)} error" in output, output
    for line, expected in zip(errors, told):
        assert line.startswith(f"{folder}/{expected}"), output
    assert "content.po" not in output
