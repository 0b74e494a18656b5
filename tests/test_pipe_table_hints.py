"""Specification: a refusal hints only what can be done for the table refused (verify-9: a pipe table whose figures
cannot stand side by side was told to take `landscape: true` "in its spec", which a pipe table does not have).

A pipe table is written in the text: it has no spec, no `landscape:` nor `width:`; what prints it on landscape pages
is its part's `landscape: true` under `parts:` in document.yaml. A data table's hint names its entry in `tables:`.
"""

from __future__ import annotations

import pytest

from conftest import REPORT
from refusals import Case



def pipe(digits: int) -> str:
    """The minimal report with a pipe table whose figure has `digits` digits."""
    return REPORT + "\n| Figure | Other |\n|---:|---|\n| " + "1" * digits + " | x |\n"


LINE = len(REPORT.splitlines()) + 2
PART = "`landscape: true` on that part under `parts:` in document.yaml"
CASES = [Case(f"pipe-{digits}-{lang}", {"content/report.md": pipe(digits)}, "a figure is never broken across lines",
              f"content/report.md:{LINE}", args=("--format", "pdf", "--lang", lang))
         for digits in (120, 400) for lang in ("en", "zh")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_pipe_table_is_told_what_can_be_done_for_it(refuse, case):
    """120 digits (some 600 pt) fit a landscape page: its part's landscape is named; 400 (2,009 pt) do not."""
    said = refuse(case)
    assert (PART in said) == ("-120-" in case.id), said
    assert "split the table in two" in said or "-120-" in case.id, said
    assert "in its spec" not in said and "larger `width`" not in said, said
