"""What a build compiles as it starts, kept in the per-user cache (`ccdocs.compiled`): a later process reads the
regular expression's program and the dataclass's methods a first one compiled, and gets the very Pattern `re`
compiles and a dataclass that behaves as `dataclasses` makes it."""

from __future__ import annotations

import os
import subprocess
import sys

# reportlab's URL pattern (platypus/paragraph.py): case-insensitive over the BMP, ~30-50 ms to compile.
SLOW = ("(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|"
        "2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}"
        "[a-z\xa1-\uffff0-9])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|"
        "xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z")

CLASS = """
from dataclasses import FrozenInstanceError, dataclass, field

@dataclass(frozen=True)
class Paper:
    symbol: str
    pages: int = 1
    notes: tuple = field(default_factory=tuple)

paper = Paper("WO/CC/86/INF/1", notes=("a",))
assert (paper.symbol, paper.pages, paper.notes) == ("WO/CC/86/INF/1", 1, ("a",))
assert paper == Paper(paper.symbol, 1, ("a",))
try:
    paper.pages = 2
except FrozenInstanceError:
    pass
else:
    raise AssertionError("a frozen dataclass was changed")
assert repr(paper) == "Paper(symbol='WO/CC/86/INF/1', pages=1, notes=('a',))"
"""

FIRST = f"""
import re
from ccdocs import compiled
compiled.WORTH = 0  # written whatever compiling took
compiled.keep()
assert re.compile({SLOW!r}, re.I).match("https://wipo.int/x")
assert re.compile(rb"(?P<id>[a-z]+)-(\\d+)").fullmatch(b"cc-86").group("id") == b"cc"
{CLASS}
"""

SECOND = f"""
import builtins, dataclasses, re
from re import _compiler
from ccdocs import compiled

as_re = _compiler.compile  # as re compiles
expected = [as_re({SLOW!r}, re.I), as_re(rb"(?P<id>[a-z]+)-(\\d+)", 0)]
re.purge()

def fails(*args, **kwargs):
    raise AssertionError("compiled anew")

compiled.keep()
_compiler._code = fails  # what keep() would compile with: every pattern must come from the cache
builtins.compile = fails  # and every dataclass method
found = [re.compile({SLOW!r}, re.I), re.compile(rb"(?P<id>[a-z]+)-(\\d+)")]
assert found == expected, "the same code, flags and pattern"
assert [(p.groups, dict(p.groupindex)) for p in found] == [(p.groups, dict(p.groupindex)) for p in expected]
assert found[1].fullmatch(b"cc-86").group("id") == b"cc"
{CLASS}
print("read back")
"""


def run(code: str, cache) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "CCDOCS_CACHE": str(cache)})


def test_patterns_and_dataclass_methods_are_read_back_by_the_next_process_as_compiled(tmp_path):
    first = run(FIRST, tmp_path / "cache")
    assert first.returncode == 0, first.stderr
    assert [len(list((tmp_path / "cache").glob(kind))) for kind in ("regexes-*", "dataclass-methods-*")] == [1, 1]
    second = run(SECOND, tmp_path / "cache")
    assert second.returncode == 0 and "read back" in second.stdout, second.stderr


def test_without_an_entry_they_are_compiled_as_before(tmp_path):
    done = run(SECOND, tmp_path / "empty")
    assert done.returncode != 0 and "compiled anew" in done.stderr


WORKER = f"""
import re
from functools import partial
from ccdocs import compiled, workers
compiled.WORTH = 0  # written whatever compiling took
compiled.keep()

def job(pattern, spawn):
    return bool(re.compile(pattern, re.I).match("https://wipo.int/x"))

outcomes = workers.run_all([partial(job, {SLOW!r}), partial(job, "x")], workers=2)
assert [result for result, _ in outcomes] == [True, False], outcomes
"""

READ_BACK = f"""
import re
from re import _compiler
from ccdocs import compiled
compiled.keep()
def fails(*args, **kwargs):
    raise AssertionError("compiled anew")
_compiler._code = fails
assert re.compile({SLOW!r}, re.I).match("https://wipo.int/x")
print("read back")
"""


def test_what_a_forked_worker_compiled_is_read_back_by_the_next_process(tmp_path):
    """A build's workers end without running atexit: each writes what it compiled anew as its job ends, added to the
    entry rather than replacing it (two workers, then the parent, each add theirs)."""
    first = run(WORKER, tmp_path / "cache")
    assert first.returncode == 0, first.stderr
    second = run(READ_BACK, tmp_path / "cache")
    assert second.returncode == 0 and "read back" in second.stdout, second.stderr
