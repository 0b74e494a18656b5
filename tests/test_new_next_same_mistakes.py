"""`ccdocs new` and `ccdocs next` tell the same mistake of an option the same way: a usage error, exit 2,
`ccdocs: error: <option as typed>: <what is wrong> (<what to do>); nothing was written`. `next` told a value its
folder's check refused as an input error (exit 1, `--session 88: error: …`) where `new` said it as a usage error,
and a symbol it cannot read in other words than `new`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from conftest import write_doc


def told(tmp_path, monkeypatch, command: list[str]) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, command)
    assert "Traceback" not in done.output and not (tmp_path / "new").exists(), done.output
    return done.exit_code, done.output


@pytest.mark.parametrize("args", [
    ["--symbol", "WO/CC/87/INF/1", "--session", "88"],   # the check of the folder refuses the pair
    ["--symbol", "WO/CC/87/INF/1/Rev.1"],                # the option alone
    ["--symbol", "WO/CC/8O/INF/1"],                      # a letter O in the session's digits: exit 0 on 5f8802b
], ids=["checked", "symbol", "session-not-a-number"])
def test_the_same_option_mistake_is_told_alike(tmp_path, monkeypatch, args):
    write_doc(tmp_path / "old")
    new = told(tmp_path, monkeypatch, ["new", "new", "--kind", "information", *args])
    following = told(tmp_path, monkeypatch, ["next", "old", "new", *args])
    assert new[0] == following[0] == 2, (new, following)
    assert new[1] == following[1], (new, following)
    assert new[1].startswith(f"ccdocs: error: {args[-2]} "), new[1]


def test_a_session_typed_with_a_letter_is_told_at_the_symbol(tmp_path, monkeypatch):
    """WO/CC/1OO/INF/1 (letters O for zeros): `new` took the 1 of INF/1 as the session, `next` the session after the
    old one, and both papers checked ok with the symbol printed on every page."""
    code, output = told(tmp_path, monkeypatch, ["new", "new", "--kind", "information", "--symbol", "WO/CC/1OO/INF/1"])
    assert code == 2 and "its session `1OO` is not a number" in output, output


def test_a_symbol_of_another_body_is_told_at_the_option(tmp_path, monkeypatch):
    """The old folder checks ok: the clash is the option's (it was told at the old folder's `body:` line, exit 1)."""
    write_doc(tmp_path / "old")
    code, output = told(tmp_path, monkeypatch, ["next", "old", "new", "--symbol", "WO/PBC/100/1"])
    assert code == 2, output
    assert output.startswith("ccdocs: error: --symbol WO/PBC/100/1: the symbol is a paper of the "
                             "program-and-budget-committee, not of the coordination-committee"), output
