"""`ccdocs new --dates` refused as written says how it is written, FIRST/LAST with an example (newcomer-12 N15): an
interval typed `2026-07-07..2026-07-15` was told 'is not a date; write it as YYYY-MM-DD', of an option that takes
two dates."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ccdocs.cli import main


@pytest.mark.parametrize("dates", ["2026-07-07..2026-07-15", "2026-07-07 - 2026-07-15", "7-15 July 2026",
                                   "2026-07-07/2026-07-32"])
def test_dates_not_written_first_slash_last_are_told_the_form_with_an_example(tmp_path, dates):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "doc"), "--symbol", "WO/PBC/40/5", "--kind",
                                       "information", "--dates", dates])
    assert result.exit_code == 2 and not (tmp_path / "doc").exists(), result.output
    assert (f"ccdocs: error: --dates `{dates}` is not the session's days; write FIRST/LAST, e.g. "
            "2026-07-07/2026-07-15, or one day, 2026-07-07") in result.output, result.output
