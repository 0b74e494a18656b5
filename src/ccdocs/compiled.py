"""What a build compiles as it starts, kept in the per-user cache: regular expressions, dataclasses' methods.

The parent of a build, on its way to its first write (importing our readers and writers, markdown-it, Jinja,
PyYAML, reportlab, python-docx), compiles some 280 regular expressions (about 0.1 s of its CPU: reportlab's URL
pattern alone, case-insensitive over the whole BMP, 30-50 ms) and, through `dataclasses`, the source of some 340
methods (`__init__`, a frozen class's `__setattr__`...: 60-90 ms). Both are made again by every process, and all of
it comes before any write can start. `keep()` makes this process read them from two per-user cache entries:

- `re`: each compiled program (what `re._compiler.compile` hands `_sre.compile`: flags, code, groups and their
  names), by pattern and flags, in an entry named by the Python version and `_sre`'s MAGIC and CODESIZE. A pattern
  read back is the Pattern `re` would compile: `_sre.compile` is given the same values, worked out as
  `re._compiler.compile` works them out (with its own `_parser` and `_code`).
- `dataclasses`: the code object of each method source it writes, by its text, in an entry named by the Python
  version and its bytecode's magic number (marshalled: code objects do not pickle). `dataclasses` runs the code
  compiled from the same text as it would (its module's `exec` is given the code instead of the text).

What a process compiled anew is added to the entry when it ends (see `keep`), and so is what a build's forked
worker compiled anew (`store`, called by `workers`): a model worker imports what the parent does not (the
translation's checks import Jinja2 and markdown-it), and would compile their patterns anew at every build. Cache
entries are signed (`cache`): an entry another user or program wrote is never read.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import pickle
import re
import sys
import time
from importlib.util import MAGIC_NUMBER
from re import _compiler, _parser

import _sre

from . import cache

MOST = 2000  # of each kind kept: after a build's own (~300), a document's patterns (glossary terms...) come later
WORTH = 0.01  # seconds of compiling anew for which an entry is written again (~3 ms): not for the few patterns
#               built from a set's iteration order (reportlab's names of builtins), new in every process (~2 ms)


class _Kept:
    """The compiled things of one kind this process used, read from its cache entry (`loads`) or compiled anew,
    written back with `dumps`."""

    def __init__(self, path, loads, dumps):
        self.path, self.loads, self.dumps = path, loads, dumps
        self.read, self.used, self.spent = _read(path, loads), {}, 0.0
        os.register_at_fork(after_in_child=self.forked)

    def get(self, key, compile):
        """The compiled thing of `key`: read, or made by `compile()` (timed); kept among those used (at most MOST)."""
        made = self.read.get(key) or self.used.get(key)
        if made is None:
            start = time.process_time()
            made = compile()
            self.spent += time.process_time() - start
        if len(self.used) < MOST:  # bounded: a process compiling many patterns of its own keeps its first MOST
            self.used[key] = made
        return made

    def forked(self) -> None:
        """In a forked child: only what the child itself compiles anew counts towards writing the entry."""
        self.spent = 0.0

    def store(self) -> None:
        """When compiling anew took `WORTH` or more in this process, write to the entry what it holds now (another
        process of the build may have added to it meanwhile) and those used here, at most `MOST`."""
        if self.spent >= WORTH:
            kept = {**_read(self.path, self.loads), **self.used}
            cache.write(self.path, self.dumps(dict(list(kept.items())[-MOST:])))  # the newest: this process's
            self.spent = 0.0


def keep() -> None:
    """Make `re` and `dataclasses` in this process read what they compile from the per-user cache (see the module),
    once per process; what they compiled anew is written when this process ends, if it took `WORTH` or more. A part
    whose library is not built as this module expects is left alone."""
    original = _compiler.compile
    if not getattr(original, "kept", False) and hasattr(_compiler, "_code") and hasattr(_parser, "parse"):
        path = cache.entry("regexes", sys.version, _sre.MAGIC, _sre.CODESIZE)
        programs = _Kept(path, pickle.loads, lambda used: pickle.dumps(used, protocol=pickle.HIGHEST_PROTOCOL))

        def compile(p, flags=0):  # re._compiler.compile, reading and keeping the program
            if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
                return original(p, flags)
            return _sre.compile(p, *programs.get((type(p), p, flags), lambda: _program(p, flags)))

        compile.kept = programs
        _compiler.compile = compile
        atexit.register(programs.store)
    if "exec" not in vars(dataclasses) and hasattr(dataclasses, "_create_fn"):
        path = cache.entry("dataclass-methods", sys.version, MAGIC_NUMBER)
        methods = _Kept(path, marshal.loads, marshal.dumps)

        def run(source, globals=None, locals=None):  # the `exec` of `dataclasses._create_fn`
            if not isinstance(source, str):
                return builtins.exec(source, globals, locals)
            code = methods.get(source, lambda: builtins.compile(source, "<string>", "exec", dont_inherit=True))
            return builtins.exec(code, globals, locals)

        run.kept = methods
        dataclasses.exec = run
        atexit.register(methods.store)


def store() -> None:
    """Write now what this process compiled anew since it started (or was forked), as `keep` makes a process do when
    it ends: for a forked worker, which ends without running `atexit`. Nothing when `keep` was not called."""
    for patched in (_compiler.compile, vars(dataclasses).get("exec")):
        kept = getattr(patched, "kept", None)
        if isinstance(kept, _Kept):
            kept.store()


def _program(pattern: str | bytes, flags: int) -> tuple:
    """The arguments `re._compiler.compile` hands `_sre.compile` after the pattern: flags, code, the number of groups
    less one, the group index by name and the group names by index."""
    parsed = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(parsed, flags)))  # its opcodes are int subclasses, kept as plain ints
    index = parsed.state.groupdict
    names = [None] * parsed.state.groups
    for name, number in index.items():
        names[number] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, index, tuple(names)


def _read(path, loads) -> dict:
    """What the cache entry at `path` keeps, read by `loads`; nothing when it is missing or damaged."""
    data = cache.read(path)
    try:
        kept = loads(data) if data is not None else {}
    except Exception:  # noqa: BLE001 - a damaged entry (reading raises many kinds): compiled again
        return {}
    return kept if isinstance(kept, dict) else {}
