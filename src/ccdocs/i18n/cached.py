"""What a translated build reads off its sources, kept in the per-user cache (`ccdocs.cache`): a content file's
segments (`segments.extract`), which translations change its blocks (`structure.breaking`), and a catalog as
`catalogs.read_catalog` reads it (the document's content catalog, the toolkit's catalogs and template).

Each build's model worker is a fresh process: without these entries it parses the source file (for its segments)
and the file with its translations applied (for its shape) again, twice the Markdown a build in the source language
parses, and every catalog with babel's parser (which imports the email package to read a header), for the same
answers while neither the files nor the code has changed. An entry is named by what it is read from (texts, the
file's name, the translations; a catalog's path, language and bytes) and a digest of the code that reads it
(`markdown_code`, `catalog_code`: the modules' bytes, the libraries' and Python's versions), so it is never read by
other code; a missing or damaged entry is worked out again and written, and what raises is never kept.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from .. import cache as user_cache

T = TypeVar("T")


def _digest(files, versions) -> str:
    """A digest of the bytes of `files` (this module's too) and the texts `versions`."""
    digest = hashlib.sha1(Path(__file__).read_bytes())
    for path in map(Path, files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update("\0".join((*versions, sys.version)).encode())
    return digest.hexdigest()


@cache
def markdown_code() -> str:
    """The digest of the code reading segments and shapes: the parse package, `segments`, `structure`, and the
    versions of markdown-it-py, mdit-py-plugins and mdurl."""
    import markdown_it
    import mdit_py_plugins
    import mdurl

    from .. import parse
    from . import segments, structure

    files = sorted(Path(parse.__file__).parent.glob("*.py")) + [segments.__file__, structure.__file__]
    return _digest(files, (markdown_it.__version__, mdit_py_plugins.__version__, mdurl.__version__))


@cache
def catalog_code() -> str:
    """The digest of the code reading a catalog: `catalogs`, the characters a paper refuses
    (`sources.characters`), and babel's version."""
    import babel

    from ..sources import characters
    from . import catalogs

    return _digest((catalogs.__file__, characters.__file__), (babel.__version__,))


def kept(kind: str, key: tuple, compute: Callable[[], T], code: str) -> T:
    """`compute()`, read from the per-user cache entry of `kind` named by `key` (what the answer depends on
    besides the code) and `code` (the code's digest) when there is one, else computed and stored there (not when
    it raises). The answer must pickle; each call gives an object of its own."""
    path = user_cache.entry(kind, code, *key)
    data = user_cache.read(path)
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # a damaged entry (unpickling raises many kinds): worked out again below
            pass
    value = compute()
    user_cache.write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
