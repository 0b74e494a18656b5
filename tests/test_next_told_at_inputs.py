"""`ccdocs next`: a value the new folder's check refuses is told at its input, never at a line of the folder that
was not written (it said `new/document.yaml:8:11: error: …`, exit 1, and nothing was written): at the option it
came from as typed, at the value ccdocs next proposed (a usage error, exit 2, as `new` tells it), or at the same place
of the old folder it was copied from (an input error, exit 1)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from conftest import write_doc


@pytest.mark.parametrize("args, told", [
    (["--session", "250", "--symbol", "WO/CC/87/INF/1"],
     "ccdocs: error: --session 250: the symbol WO/CC/87/INF/1 is of session 87, not 250"),
    (["--symbol", "WO/CC/250/INF/1"], "ccdocs: error: `session.number: 87`, proposed by ccdocs next (the next "
                                      "number; an extraordinary session may come between (--session)): the symbol "
                                      "WO/CC/250/INF/1 is of session 250, not 87"),
], ids=["option", "proposed"])
def test_a_refused_value_is_told_where_it_came_from(tmp_path, monkeypatch, args, told):
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "old")
    done = CliRunner().invoke(main, ["next", "old", "new", *args])
    assert done.exit_code == 2 and "Traceback" not in done.output, done.output
    assert done.output.startswith(told), done.output
    assert "new/" not in done.output and not (tmp_path / "new").exists(), done.output


def test_a_copied_text_the_check_refuses_is_told_in_the_old_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "old", {"content/report.md": "# Introduction\n\nWe count {{ nosuch.staff }} staff.\n"})
    done = CliRunner().invoke(main, ["next", "old", "new"])
    assert done.exit_code == 1, done.output
    assert done.output.startswith("old/content/report.md:3:"), done.output
    assert "new/" not in done.output and not (tmp_path / "new").exists(), done.output


def test_an_input_the_old_folders_check_refuses_is_refused_not_left_behind(tmp_path, monkeypatch):
    """A zh glossary linked out of the folder: check refuses it; next dropped it without a word and the new paper
    passed (verify-11 V17). A language begun early (not built, check ok) keeps its link behind with a note."""
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "old")   # languages: [en, zh]
    outside = tmp_path / "terms.csv"
    outside.write_text("source,target,note\nStaff,工作人员,\n", encoding="utf-8")
    (tmp_path / "old" / "locales" / "fr").mkdir(parents=True)
    (tmp_path / "old" / "locales" / "fr" / "glossary.csv").symlink_to(outside)
    done = CliRunner().invoke(main, ["next", "old", "new", "--symbol", "WO/CC/87/INF/1"])
    assert done.exit_code == 0, done.output
    assert "old/locales/fr/glossary.csv: note: the fr glossary leaves the document folder: not copied" in done.output
    shutil.rmtree(tmp_path / "new")
    (tmp_path / "old" / "locales" / "zh").mkdir(exist_ok=True)
    (tmp_path / "old" / "locales" / "zh" / "glossary.csv").symlink_to(outside)
    done = CliRunner().invoke(main, ["next", "old", "new", "--symbol", "WO/CC/87/INF/1"])
    assert done.exit_code == 1 and "Traceback" not in done.output, done.output
    assert done.output.startswith("old/locales/zh/glossary.csv: error: the zh glossary leaves the document folder")
    assert not (tmp_path / "new").exists()
