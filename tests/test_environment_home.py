"""A `~user` in the environment that names no home folder here (a user this system does not know) is bad input like
any other, never an internal error (breaks-5 #8: pathlib's expanduser raised RuntimeError, exit 70). The cache's
places then get the warning every unusable cache place gets and the build goes on; a font override is refused as a
font file that does not exist, exit 2. Nothing is made in the working folder under the name `~nouser`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

UNKNOWN = "~ccdocs-no-such-user/x"


def check(folder, cwd, **environ):
    return subprocess.run([sys.executable, "-m", "ccdocs", "check", str(folder)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **environ})


@pytest.mark.parametrize("variable", ["CCDOCS_CACHE", "XDG_CACHE_HOME", "XDG_STATE_HOME", "HOME"])
def test_a_cache_place_under_an_unknown_users_home_is_not_used(make_doc, tmp_path, variable):
    folder = make_doc()
    environ = {variable: UNKNOWN}
    if variable != "CCDOCS_CACHE":
        environ["CCDOCS_CACHE"] = ""  # the XDG places and HOME are asked only without it
    if variable == "HOME":
        environ.update(XDG_CACHE_HOME="", XDG_STATE_HOME="")
    done = check(folder, tmp_path, **environ)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert "ccdocs: warning: the per-user cache is not used" in done.stderr, done.stderr
    assert "which names no home folder here" in done.stderr and "as an absolute path" in done.stderr, done.stderr
    assert not list(tmp_path.glob("~*")), "a folder named after the ~user was made in the working folder"


def test_a_font_override_under_an_unknown_users_home_is_refused(make_doc, tmp_path):
    done = check(make_doc(), tmp_path, CCDOCS_FONT_LATIN_REGULAR=f"{UNKNOWN}.ttf")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert f"CCDOCS_FONT_LATIN_REGULAR={UNKNOWN}.ttf" in done.stderr and "does not exist" in done.stderr, done.stderr
