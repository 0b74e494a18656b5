"""The Unicode line-breaking classes (UAX #14) of the Basic Multilingual Plane, read from uniseg once and kept in the
per-user cache.

uniseg carries the Unicode data, but importing it reads its own version through `importlib.metadata`, whose import
alone is some 30 ms of CPU: paid by a Chinese build's parent as it readies the line setting (before its first
write can start), by a worker meeting a dash in any language (`l10n.ambiguous`), by `check` on a Chinese paper.
`line_break(ch)` reads a BMP character's class from one cache entry instead: a byte per code point (65,536), the
index of its class in the entry's list of names (~0.2 ms to read and verify); the entry is made at the first call
without it (some 0.1 s: every BMP code point asked of uniseg) and named by uniseg's installed data files, so
another uniseg (another Unicode version) makes its own. A character beyond the BMP, or any character when the
per-user cache is not used, is asked of uniseg as before.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

from .. import cache as kept

BMP = 0x10000
DATA = ("linebreak.py", "db.py", "db_lookups.py")  # uniseg's files the classes come from: the entry's name
LAYOUT = 1  # the entry's layout (a byte a code point, then the names joined by `,`): raise when `_table` changes it


def line_break(ch: str) -> str:
    """The UAX #14 line-breaking class of the character `ch` ("AL", "ID", "CL"... as uniseg's `line_break`
    gives it).

    >>> line_break("a"), line_break("。"), line_break("中"), line_break("\\U00020000")
    ('AL', 'CL', 'ID', 'ID')
    """
    o = ord(ch)
    table = _table() if o < BMP else None
    if table is None:
        return _uniseg(ch)
    names, codes = table
    return names[codes[o]]


def _uniseg(ch: str) -> str:
    from uniseg.linebreak import line_break as uax14

    return str(uax14(ch).value)


@cache
def _table() -> tuple[tuple[str, ...], bytes] | None:
    """This process's (class names, a byte a BMP code point), from the cache entry or made and kept; None when the
    per-user cache is not used (a table made for one process would cost more than the characters it asks)."""
    if not kept.used():
        return None
    path = kept.entry("uax14", LAYOUT, *_installed())
    data = kept.read(path)
    if data is not None and len(data) > BMP:
        names = data[BMP:].decode("ascii").split(",")
        return tuple(names), data[:BMP]
    index: dict[str, int] = {}
    codes = bytes(index.setdefault(_uniseg(chr(o)), len(index)) for o in range(BMP))
    kept.write(path, codes + ",".join(index).encode("ascii"))
    return tuple(index), codes


def _installed() -> list:
    """What names the entry: the path, size and modification time of each of uniseg's data files (found without
    importing uniseg)."""
    spec = importlib.util.find_spec("uniseg")
    if spec is None or not spec.submodule_search_locations:
        return [None]  # no uniseg to read: `_uniseg` raises where a class is asked
    folder = list(spec.submodule_search_locations)[0]
    found = []
    for name in DATA:
        path = os.path.join(folder, name)
        try:
            facts = os.stat(path)
        except OSError:
            facts = None
        found.append((path, facts and facts.st_size, facts and facts.st_mtime_ns))
    return found
