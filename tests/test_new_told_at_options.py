"""`ccdocs new`: a value the new document's check refuses is told at the option that gave it, as typed, never at
a line of a document.yaml that was not written (it said `arn/document.yaml:9:11: error: …`, exit 1, and nothing
was written: the file it named does not exist)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from ccdocs.errors import InputError, problem
from ccdocs.scaffold.new import Options, new_folder

ARABIC = ["--kind", "information", "--ordinary", "57", "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-01",
          "--languages", "ar,en", "--title", "ورقة عمل"]


@pytest.mark.parametrize("args, told", [
    (["--symbol", "WO/CC/250/INF/3"], "--symbol WO/CC/250/INF/3 (the session number 250 told from it): "
                                      "`session.number` is 250: the ar cover spells it"),
    (["--symbol", "WO/CC/250/INF/3", "--session", "250"], "--session 250: `session.number` is 250: the ar cover "
                                                          "spells it"),
], ids=["told-from-the-symbol", "given"])
def test_a_refused_value_is_told_at_its_option_and_nothing_is_written(tmp_path, monkeypatch, args, told):
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["new", "arn", *args, *ARABIC])
    assert done.exit_code == 2 and "Traceback" not in done.output, done.output
    assert done.output.startswith(f"ccdocs: error: {told}"), done.output
    assert done.output.rstrip().endswith("; nothing was written"), done.output
    assert "document.yaml" not in done.output, done.output
    assert list(tmp_path.iterdir()) == []


def test_a_problem_at_no_option_names_its_file_in_the_folder_not_written(tmp_path, monkeypatch):
    def refuse(folder, drafts):
        raise InputError([problem(folder / "content" / "report.md", 3, "refused", "do this")])

    monkeypatch.chdir(tmp_path)
    with pytest.raises(Exception) as caught:
        new_folder(tmp_path / "doc", Options("WO/CC/86/INF/1", "information"), check=refuse)
    assert str(caught.value) == ("doc/content/report.md:3 (in the folder not written): refused (do this); nothing "
                                 "was written")
    assert list(tmp_path.iterdir()) == []
