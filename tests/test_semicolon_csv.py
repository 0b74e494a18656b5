"""A CSV separated by `;` (what Excel's "CSV" writes where a comma writes the decimals: French, German, Swiss
locales) is told once, at its header, what it is and how to save it (newcomer-12 N17): it was told "the header has
no `id` column" and a duplicate row id on every row, the header `id;region;applied` being read as one cell.
"""

from __future__ import annotations

import pytest

from refusals import Case

CSV = "data/applicants.csv"
SAID = ("data/applicants.csv:1:1: error: the header `id;region;applied` is one cell: this file is separated by `;`, "
        "as Excel saves a CSV where a comma writes the decimals (French, German, Swiss locales) (save it with commas "
        "between the cells: Excel writes a CSV with the list separator of the computer's region settings, so set that "
        "to `,` first; LibreOffice asks for the field delimiter)")


@pytest.mark.parametrize("data", [
    "id;region;applied\nafrica;Africa;100\ntotal;;100\n",
    "\ufeffid;region;applied\r\nafrica;Africa;100,5\r\ntotal;;100,5\r\n",  # Excel's "CSV UTF-8" of a French locale
], ids=["plain", "bom-crlf-decimal-comma"])
def test_a_semicolon_separated_csv_is_told_once_at_its_header(refuse, data):
    output = refuse(Case("semicolons", {CSV: data}, SAID, f"{CSV}:1"))
    assert output.count("error:") == 1 and "`id` column" not in output, output
