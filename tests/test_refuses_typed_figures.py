"""A figure `{{ … }}` or statement `{% … %}` typed in a text printed as typed (the cover's texts, a data table's
headings, cells, notes and source) is refused at the line it was typed on (breaks-6 #16: each printed its braces,
`REPORT ON {{ D.YEAR }} DATA`, unchecked, exit 0): only the text's paragraphs, headings, captions, lists and
footnotes fill figures in. A reference typed there is found in time linear in the text."""

from __future__ import annotations

import pytest

from bounded import within
from conftest import MINIMAL
from refusals import Case

FRAGMENT = "would print as typed, braces and all: a figure `{{ … }}` is filled in only in the text"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


TITLE = MINIMAL.replace("en: Annual Report on Human Resources", "en: 'Report on {{ workforce.year }} staff'")
HEADING = MINIMAL.replace("heading: Applications", "heading: 'Applications {% if x %}'")
NOTED = MINIMAL.replace("    total: total\n", "    total: total\n    notes: ['Total {{ workforce.staff | number }}']\n"
                        "    source: 'HR {{ workforce.source }}'\n")
UNIT = MINIMAL.replace("    total: total\n", "    total: total\n    unit: '(in {{ workforce.unit }} francs)'\n")


@pytest.mark.parametrize("case", [
    Case("cover-title", {"document.yaml": TITLE}, f"`{{{{ workforce.year }}}} staff` in the cover's `title` {FRAGMENT}",
         f"document.yaml:{line_of(TITLE, 'title:')}"),
    Case("column-heading", {"document.yaml": HEADING}, f"`{{% if x %}}` in this table's column headings {FRAGMENT}",
         f"document.yaml:{line_of(HEADING, 'heading:')}"),
    Case("csv-cell", {"data/applicants.csv": "id,region,applied\nafrica,Africa {{ x }},100\ntotal,,100\n"},
         f"`{{{{ x }}}}` in this table's cells {FRAGMENT}", "data/applicants.csv:2"),
    Case("table-note", {"document.yaml": NOTED}, f"in this table's notes {FRAGMENT}",
         f"document.yaml:{line_of(NOTED, 'notes:')}"),
    Case("table-source", {"document.yaml": NOTED}, f"in this table's source {FRAGMENT}",
         f"document.yaml:{line_of(NOTED, 'source:')}"),
    Case("table-unit", {"document.yaml": UNIT}, f"in this table's unit {FRAGMENT}",  # was told at `::: table`
         f"document.yaml:{line_of(UNIT, 'unit:')}"),
], ids=lambda case: case.id)
def test_a_figure_typed_where_text_prints_as_typed_is_refused_at_its_line(refuse, case):
    refuse(case)


def test_a_reference_typed_where_text_prints_as_typed_is_found_in_linear_time():
    from ccdocs.transforms.references import TYPED

    cell = "[" * 131_072  # the most a CSV cell holds; each took 22 s when the search ran from every `[` to the end
    found = within(lambda: [TYPED.search(cell) for _ in range(10)] + [TYPED.search(cell + "a](#b)").group()], 120,
                   "10 cells of `[` not searched")
    assert found == [None] * 10 + ["[a](#b)"]
