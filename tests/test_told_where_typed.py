"""A mistake is told where it was typed (newcomer-12 N18, N5): an undefined footnote mark at its own line and
column, with the note defined under a close label suggested; a value of the data or of `variables:` that a filter
cannot format at the value's own line, with what to write, as well as at the figure."""

from __future__ import annotations

from conftest import REPORT
from refusals import invoke


def _built_en(folder, tmp_path) -> tuple[int, str]:
    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert not escaped, output
    return code, output


def test_an_undefined_footnote_mark_is_told_at_its_column_with_the_unused_note_of_a_close_label(make_doc, tmp_path):
    report = REPORT.replace("Second paragraph.", "Second paragraph,\nwith staff counted by grade[^grad] here.")
    report = report.replace("[^staff]: As at", "[^grade]: Grades P and G.\n\n[^staff]: As at")
    folder = make_doc({"content/report.md": report})
    code, output = _built_en(folder, tmp_path)
    assert code == 1, output
    assert (f"{folder}/content/report.md:6:28: error: footnote `[^grad]` is not defined (did you mean `[^grade]`? "
            "A note the file defines and never marks; or add a line `[^grad]: text of the note`)") in output, output
    assert f"{folder}/content/report.md:8:1: error: footnote `[^grade]` is never used" in output, output


def test_an_undefined_footnote_mark_with_no_close_note_is_told_to_be_written(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT.replace("Second paragraph.", "Second[^x] paragraph.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:7: error: footnote `[^x]` is not defined (add a line "
                          "`[^x]: text of the note`)") in output, output
