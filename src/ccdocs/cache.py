"""The per-user cache (parsed fonts, compiled figures): its folder, and entries read safely and written whole.

An entry is named by a digest of everything it depends on, so it is never stale; a missing, foreign or
damaged entry reads as None, and one that cannot be written is skipped: the caller works it out again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path


def cache_folder(environ=os.environ) -> Path:
    """Where the cache is kept: $CCDOCS_CACHE, else $XDG_CACHE_HOME/ccdocs, else ~/.cache/ccdocs."""
    if environ.get("CCDOCS_CACHE"):
        return Path(environ["CCDOCS_CACHE"]).expanduser()
    home = Path(environ["HOME"]) if environ.get("HOME") else Path.home()
    return Path(environ.get("XDG_CACHE_HOME") or home / ".cache").expanduser() / "ccdocs"


def entry(kind: str, *key, folder: Path | None = None) -> Path:
    """The cache file of a `kind` of entry (`face`, `figures`) for `key`, the things it depends on."""
    digest = hashlib.sha1("\0".join(map(str, key)).encode()).hexdigest()[:24]
    return (cache_folder() if folder is None else folder) / f"{kind}-{digest}"


def read(path: Path) -> bytes | None:
    """The bytes of a cache entry, or None when it is missing, unreadable, not a regular file (a pipe is opened
    without waiting for a writer) or not the user's own."""
    try:
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode) or hasattr(os, "getuid") and found.st_uid != os.getuid():
                return None
            return handle.read()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Store a cache entry whole (a temporary file renamed into place) or, when that fails, not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
