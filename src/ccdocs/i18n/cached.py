"""What a translated build reads off a content file's Markdown, kept in the per-user cache (`ccdocs.cache`): its
segments (`segments.extract`) and which translations change its blocks (`structure.breaking`).

Each build's model worker is a fresh process: without these entries it parses the source file (for its segments)
and the file with its translations applied (for its shape) again, twice the Markdown a build in the source language
parses, for the same answer while neither the text, the translations nor the code has changed. An entry is named by
the text, the file's name, the translations, and a digest of the code that reads them (`code_version`: the parse
package, `segments`, `structure`, this module, and the versions of markdown-it-py, mdit-py-plugins, mdurl and
Python), so it is never read by other code; a missing or damaged entry is worked out again and written.
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


@cache
def code_version() -> str:
    """A digest of the code deciding what `kept` keeps: the modules' bytes and the Markdown libraries' versions."""
    import markdown_it
    import mdit_py_plugins
    import mdurl

    from .. import parse
    from . import segments, structure

    files = sorted(Path(parse.__file__).parent.glob("*.py")) + [Path(m.__file__) for m in (segments, structure)]
    digest = hashlib.sha1(Path(__file__).read_bytes())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    versions = (markdown_it.__version__, mdit_py_plugins.__version__, mdurl.__version__, sys.version)
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()


def kept(kind: str, key: tuple, compute: Callable[[], T]) -> T:
    """`compute()`, read from the per-user cache entry of `kind` named by `key` (texts, names: what the answer
    depends on besides the code) when there is one, else computed and stored there. The answer must pickle."""
    path = user_cache.entry(kind, code_version(), *key)
    data = user_cache.read(path)
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # a damaged entry (unpickling raises many kinds): worked out again below
            pass
    value = compute()
    user_cache.write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
