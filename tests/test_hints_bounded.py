"""A "did you mean" is worked out for the first few mistakes of one reading, never for each (verify-11 V7, V8): each
compares its word with every choice, so a `rows:` list of 400 ids missing from 100,000 rows took a minute, and 5,000
references to missing anchors among 5,000 anchors another. Every mistake is still told at its place."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from bounded import within
from ccdocs.charts.spec import read_chart_spec
from ccdocs.errors import HINTED, Collector
from ccdocs.sources.data import Dataset
from conftest import MINIMAL
from refusals import invoke

ROWS = 100_000
MISSING = 400


def _missing_rows() -> list[str]:
    dataset = Dataset(Path("c.csv"), ("id", "cat", "a"),
                      tuple({"id": f"r{i}", "cat": f"C{i}", "a": i} for i in range(ROWS)),
                      {f"r{i}": i + 2 for i in range(ROWS)})
    raw = {"kind": "column", "data": "c", "category": "cat", "series": [{"key": "a", "label": "A"}],
           "rows": [f"r{i}x" for i in range(MISSING)]}
    out = Collector()
    told = SimpleNamespace(problem=lambda keys, message, hint=None: SimpleNamespace(message=message, hint=hint))
    read_chart_spec("ch", raw, told, {"c": dataset}, out)  # told: document.yaml's problems, at their keys
    return [problem.message + " | " + str(problem.hint) for problem in out.problems]


def test_a_charts_rows_missing_from_the_data_are_each_told_and_the_first_few_hinted():
    told = within(_missing_rows, 30, f"{MISSING} missing rows of a {ROWS:,}-row chart told")
    assert len(told) == MISSING and all("is not in c.csv" in line for line in told)
    assert sum("did you mean" in line for line in told) == HINTED
    assert "did you mean `r0`?" in told[0] and "did you mean" not in told[HINTED]


def test_references_to_missing_anchors_are_each_told_and_the_first_few_hinted(make_doc):
    count = 5_000
    report = "# Intro\n\n" + "".join(f"{{#sec{i}}}\nPara {i}.\n\n" for i in range(count)) + \
        "See " + " ".join(f"[](#sez{i})" for i in range(count)) + ".\n"
    english = MINIMAL.split("tables:\n")[0].replace("languages: [en, zh]", "languages: [en]")  # each told once
    folder = make_doc({"content/report.md": report, "document.yaml": english})
    code, output, escaped = within(lambda: invoke(["check", str(folder)]), 60,
                                   f"{count:,} references to missing anchors checked")
    assert code == 1 and not escaped
    assert "there is no anchor `{#sez0}`" in output and f"{count} errors" in output
    assert output.count("did you mean") == HINTED
