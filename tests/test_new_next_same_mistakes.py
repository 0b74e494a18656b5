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
], ids=["checked", "symbol"])
def test_the_same_option_mistake_is_told_alike(tmp_path, monkeypatch, args):
    write_doc(tmp_path / "old")
    new = told(tmp_path, monkeypatch, ["new", "new", "--kind", "information", *args])
    following = told(tmp_path, monkeypatch, ["next", "old", "new", *args])
    assert new[0] == following[0] == 2, (new, following)
    assert new[1] == following[1], (new, following)
    assert new[1].startswith(f"ccdocs: error: {args[-2]} "), new[1]
