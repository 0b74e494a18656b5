"""A paper's data tables print at most `MOST_ROWS` rows in all (per language), the placement that passes the bound
refused at its `::: table` line, in build and check alike (breaks-7 #3: nothing bounded a table's placements, each
printing every row again, so three lines of content reprinted a whole CSV file: a table of 100,000 rows placed four
times took check 147 s and 3.2 GB; 2,000 specs of one table's data, 37 s and 790 MB). A content file whose blocks
come from the cache counts its tables' rows again."""

from __future__ import annotations

import time
from unittest import mock

from conftest import MINIMAL, REPORT, ccdocs_here, write_doc
from ccdocs.sources.memo import CLOCK_TICK
from ccdocs.tables import place
from refusals import Case, made_later

ROWS = 5_000   # 4 placements pass the bound with the minimal document's table of 2 rows: 2 + 4 x 5,000 > 20,000
SPEC = "    data: big\n    label: label\n    columns: [{key: v, heading: Value, type: integer}]\n"
PLACED = "\n::: table {}\nTable {}\n:::\n"   # each 4 lines: the `::: table` line is the second
FOURTH = REPORT.count("\n") + 2 + 3 * 4      # the line of the fourth placement after the minimal report
HINT = "more than the 20,000 ccdocs prints in all"


def _big() -> str:
    return "id,label,v\n" + "".join(f"r{i},Row {i},{i}\n" for i in range(ROWS))


def _document(*names: str) -> str:
    """The minimal document.yaml with the data file `big` and a table spec over it for each of `names`."""
    specs = "".join(f"  {name}:\n{SPEC}" for name in names)
    return (MINIMAL.replace("  applicants: data/applicants.csv\n", "  applicants: data/applicants.csv\n"
                            "  big: data/big.csv\n").replace("tables:\n", "tables:\n" + specs))


def _placing(*names: str) -> str:
    return REPORT + "".join(PLACED.format(name, n) for n, name in enumerate(names))


def test_a_table_placed_again_and_again_is_refused_where_the_paper_passes_its_rows(refuse):
    # 200 placements of 5,000 rows: a million rows, hours of work before; refused at the fourth, in a child bounded
    output = refuse(Case("placed-again", {"document.yaml": _document("big"), "data/big.csv": made_later(_big),
                                          "content/report.md": _placing(*["big"] * 200)}, HINT,
                         f"content/report.md:{FOURTH}", timeout=90))
    assert f"content/report.md:{FOURTH}:1: error: this table's 5,000 rows would make the paper's tables print " \
           "20,002 rows" in output
    assert output.count(HINT) == 1, output   # the placements after it are not told one by one


def test_tables_over_the_same_data_count_together(refuse):
    names = [f"big{n}" for n in range(5)]
    refuse(Case("several-specs", {"document.yaml": _document(*names), "data/big.csv": made_later(_big),
                                  "content/report.md": _placing(*names)}, HINT, f"content/report.md:{FOURTH}"))


def test_a_file_whose_blocks_are_kept_counts_its_rows_again(tmp_path):
    # the bound made 3 rows: the report's table (2 rows) is kept in the cache by the first check; the annex placing
    # it again passes the bound, which the second check, reading the report's blocks from the cache, must see
    folder = write_doc(tmp_path / "doc")
    time.sleep(2 * CLOCK_TICK / 1e9)  # the files older than the reading by more than a clock tick: blocks are kept
    with mock.patch.object(place, "MOST_ROWS", 3):
        first = ccdocs_here("check", folder)
        assert first.returncode == 0, first.stdout + first.stderr
        (folder / "content/annex.md").write_text("# Annex title\n\n::: table applicants\nAgain\n:::\n")
        time.sleep(2 * CLOCK_TICK / 1e9)
        second = ccdocs_here("check", folder)
    assert second.returncode == 1, second.stdout + second.stderr
    assert "content/annex.md:3:1: error: this table's 2 rows would make the paper's tables print 4 rows, more " \
           "than the 3 ccdocs prints" in second.stdout + second.stderr
