"""What a translated build reads off its sources, kept in the per-user cache (`ccdocs.cache`): a content file's
segments (`segments.extract`), which translations change its blocks (`structure.breaking`), a catalog as
`catalogs.read_catalog` reads it (the document's content catalog, the toolkit's catalogs and template), and which
translations pass every check (`policy.assess`).

Each build's model worker is a fresh process: without these entries it parses the source file (for its segments)
and the file with its translations applied (for its shape) again, twice the Markdown a build in the source language
parses, and every catalog with babel's parser (which imports the email package to read a header), for the same
answers while neither the files nor the code has changed. An entry is named by what it is read from (texts, the
file's name, the translations; a catalog's path, language and bytes) and a digest of the code (`code`: every
module of the package, the libraries' and Python's versions), so it is never read by other code; a missing or
damaged entry is worked out again and written, and what raises is never kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from .. import cache as user_cache

T = TypeVar("T")


def package_digest(root: Path, versions: tuple[str, ...]) -> str:
    """A SHA-1 hex digest of every Python module under `root` (its path there and its bytes, in a fixed order)
    and of the texts `versions`. Read with plain strings and open files (pathlib's objects took a third of the
    time), `__pycache__` folders not walked (they hold no module)."""
    digest = hashlib.sha1()
    start = len(str(root)) + 1
    for top, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(top, name)
                with open(path, "rb") as handle:
                    digest.update(path[start:].replace(os.sep, "/").encode() + b"\0" + handle.read() + b"\0")
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()


@cache
def code() -> str:
    """The digest of the code whose answers the cache keeps: every module of the ccdocs package, and the versions of
    markdown-it-py, mdit-py-plugins, mdurl, babel, Jinja2 (its lexer reads a translation's placeholders) and Python.
    Any change of ccdocs's code names other entries (a change in a module a reader only calls, or in a class it
    returns, is one), so an answer is never read by other code than the code that made it. About 5-10 ms, once per
    process (a build's parent, whose workers inherit it). A library's version is read off its package's
    `__init__.py` (which sets `__version__`), found without importing the library: a model whose content files'
    blocks are all kept needs neither markdown-it nor Jinja2."""
    libraries = ("markdown_it", "mdit_py_plugins", "mdurl", "babel", "jinja2")
    versions = tuple(Path(find_spec(name).origin).read_text(encoding="utf-8") for name in libraries)
    return package_digest(Path(__file__).resolve().parents[1], (*versions, sys.version))


def kept(kind: str, key: tuple, compute: Callable[[], T], code: str) -> T:
    """`compute()`, read from the per-user cache entry of `kind` named by `key` (what the answer depends on
    besides the code) and `code` (the code's digest) when there is one, else computed and stored there (not when
    it raises). The answer must pickle, and not be None (that one is worked out each time); each call gives an
    object of its own."""
    value = read_kept(kind, key, code)
    if value is None:
        value = compute()
        write_kept(kind, key, value, code)
    return value


def read_kept(kind: str, key: tuple, code: str):
    """The answer kept in the per-user cache entry of `kind` named by `key` and `code` (see `kept`); None when
    there is none or it is damaged."""
    data = user_cache.read(user_cache.entry(kind, code, *key))
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # a damaged entry (unpickling raises many kinds): worked out again by the caller
            pass
    return None


def write_kept(kind: str, key: tuple, value, code: str) -> None:
    """Keep `value` (not None; it must pickle) in the per-user cache entry of `kind` named by `key` and `code`."""
    user_cache.write(user_cache.entry(kind, code, *key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
