"""A `difference` of amounts typed as a percentage is refused at its column's line of document.yaml, as a `sum_of`
one is (newcomer-12 N1): `{key: change, type: percent, difference: [proposed, approved]}` printed 4,800 as
`480,000.0%` and passed check. A difference of two percentage columns (a change in percentage points) stays one.
"""

from __future__ import annotations

import pytest
from refusals import Case, invoke
from test_row_sums import CODED, WIDE, at_sum, files



@pytest.mark.parametrize("kind", ["percent", "percent_value"])
def test_a_percentage_difference_of_amounts_is_refused_once_at_its_spec_line(refuse, kind):
    table = WIDE.replace("sum_of: [women, men]", f"type: {kind}, difference: [women, men]")
    output = refuse(Case(f"difference-{kind}", files(CODED, table),
                         "a `difference` of amounts is an amount (`women` is integer): its type is one of integer, "
                         f"decimal, chf, chf_thousands, not `{kind}`, which would print it as a percentage (give it "
                         "`women`'s type; a percentage change is a further column `ratio: [total, men]`)",
                         at_sum(table, "difference")))
    assert output.count("error:") == 1, output


def test_a_difference_of_percentages_is_one(make_doc):
    table = WIDE.replace("      - {key: code, heading: Code, type: text}\n",
                         "      - {key: code, heading: Code, type: text}\n"
                         "      - {key: wshare, heading: Women, type: percent, ratio: [women, total]}\n"
                         "      - {key: mshare, heading: Men, type: percent, ratio: [men, total]}\n"
                         "      - {key: gap, heading: Gap, type: percent, difference: [wshare, mshare]}\n")
    folder = make_doc(files(CODED, table))
    code, output, _ = invoke(["check", str(folder)])
    assert code == 0, output
