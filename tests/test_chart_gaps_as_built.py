"""The empty cells a chart draws are told of the paper as built, from the data the build read, not from the files
read again after it (review-13 R13: `charts.gaps` read each charted file again once the build was done: twice the
reading, and a file saved during a build was told of as it was after, not as it was printed).

A data file changed between the build's reading and the warnings: a gap the printed chart has is still told (at its
row's line, the file's cells having moved), and a gap only the new file has is not (the next build tells it).
"""

from __future__ import annotations

from unittest import mock

import pytest

from refusals import invoke
from test_chart_gaps_told import FILES

GAP = "row `asia`, column `applied` is empty: the column chart `regions` draws nothing there"


def _changed_after_reading(make_doc, command: str, before: str, after: str) -> str:
    """What `command` (check or build) prints of the folder whose data/applicants.csv holds `before` while the
    build reads it and `after` once it is done (saved by the editor during the build)."""
    from ccdocs import build

    folder = make_doc({**FILES, "data/applicants.csv": before})
    real = build.build

    def saved_meanwhile(*args, **kwargs):
        made = real(*args, **kwargs)
        (folder / "data" / "applicants.csv").write_text(after, encoding="utf-8")
        return made

    args = [command, str(folder)] + (["--lang", "en", "--format", "json", "--out", str(folder.parent / "out")]
                                     if command == "build" else [])
    with mock.patch.object(build, "build", saved_meanwhile):
        code, output, escaped = invoke(args)
    assert (code, escaped) == (0, False), output
    return output


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_gap_the_printed_chart_has_is_told_though_the_file_was_filled_since(make_doc, command):
    output = _changed_after_reading(make_doc, command, FILES["data/applicants.csv"],
                                    'id,region,applied\nafrica,Africa,100\nasia,Asia,20\ntotal,,120\n')
    assert f"/data/applicants.csv:3:1: warning: {GAP}" in output, output   # the row, as read


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_gap_only_the_file_saved_since_has_is_not_told(make_doc, command):
    output = _changed_after_reading(make_doc, command, 'id,region,applied\nafrica,Africa,100\nasia,Asia,20\n'
                                    'total,,120\n', FILES["data/applicants.csv"])
    assert "warning" not in output, output
