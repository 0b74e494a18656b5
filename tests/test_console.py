"""`ccdocs` as a command (`cli.console`, the console script and `python -m ccdocs`) ends with its command's exit
status, its exit handlers run and its output flushed, and skips the interpreter's teardown (issue 19: some 200 M
instructions after a build, done while nothing is left to do). What is asserted is what the process did, never a
duration."""

from __future__ import annotations

import subprocess
import sys

import pytest

CONSOLE = """
import atexit, sys


class Held:
    def __del__(self):  # run by the interpreter's teardown, which frees every module's objects
        print("torn down", flush=True)


held = Held()
atexit.register(lambda: print("exit handler ran"))  # e.g. compiled.store, keeping what the build compiled
sys.argv = ["ccdocs", *sys.argv[1:]]
from ccdocs.cli import console
console()
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CONSOLE, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("args", "status"), [(["--version"], 0), (["build"], 2), (["no-such-command"], 2)])
def test_the_command_ends_with_its_status_its_exit_handlers_run_and_no_teardown(args, status):
    done = run(*args)
    assert done.returncode == status
    assert "exit handler ran" in done.stdout
    assert "torn down" not in done.stdout
    if status == 0:
        assert done.stdout.startswith("ccdocs, version")   # flushed before the process ended
    else:
        assert "Usage:" in done.stderr


def test_an_input_error_ends_with_status_1_and_its_message(tmp_path):
    done = run("check", str(tmp_path))
    assert done.returncode == 1
    assert "document.yaml" in done.stderr and "exit handler ran" in done.stdout


def test_python_m_ccdocs_is_the_console():
    done = subprocess.run([sys.executable, "-m", "ccdocs", "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("ccdocs, version")
    # ccdocs/__main__.py runs the console, not main: the interpreter is not torn down after it
    torn = ("import runpy, sys\n"
            "class Held:\n    def __del__(self):\n        print('torn down', flush=True)\n"
            "held = Held()\nsys.argv = ['ccdocs', '--version']\nrunpy.run_module('ccdocs', run_name='__main__')\n")
    done = subprocess.run([sys.executable, "-c", torn], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "torn down" not in done.stdout


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["new", "--help"]])
def test_output_that_cannot_be_written_is_told_exit_1_never_an_internal_error(args):
    """A full disk under standard output (`ccdocs … > /dev/full`): said on standard error, exit 1, whether the output
    fails as it is written or only at the last flush (it was an internal error, exit 70, a traceback for --help, or
    exit 0 with nothing written)."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "ccdocs", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 1
    assert "ccdocs: error: cannot write to standard output: No space left on device" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
def test_a_commands_output_that_cannot_be_written_is_told_exit_1(make_doc):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "ccdocs", "dump", str(make_doc()), "--lang", "en"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == "ccdocs: error: cannot write to standard output: No space left on device"
