"""One command at a time reading, merging and writing a document's catalogs.

`i18n update` and `i18n import` each read a catalog, merge into it and replace the file whole (`extract.
write_catalog`, an atomic rename). Two of them on one catalog at once (two translators importing their XLIFF into a
shared folder, a CAT tool's import while an editor updates) each replaced the other's result: the last rename won
and the other's translations were gone, both saying `updated`. Each now holds the document folder (an advisory
`flock(2)` lock on it, which no file is made for and nothing but ccdocs's catalog commands takes) from before it
reads the catalog until it has written it: the second waits, then merges into what the first wrote.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import Failure, display_path

WAIT = 120.0  # seconds a command waits for another's catalog work (an update of a long paper takes a few)
POLL = 0.05   # seconds between two tries


@contextmanager
def held(folder: Path, wait: float = WAIT):
    """Hold the document `folder` for a read-merge-write of one of its catalogs: another command holding it is
    waited for (a note says so once), at most `wait` seconds, then Failure (nothing written). Where the platform has
    no `flock` (Windows), nothing is held."""
    try:
        import fcntl
    except ImportError:  # no advisory locks: commands run one at a time as before
        yield
        return
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Failure(f"another ccdocs command has been writing a catalog of {display_path(folder)} for "
                                  f"{wait:.0f} s: nothing was written (run this command again once it has finished)"
                                  ) from None
                if not told:
                    print(f"ccdocs: note: waiting for another ccdocs command writing a catalog of "
                          f"{display_path(folder)}", file=sys.stderr)
                    told = True
                time.sleep(POLL)
        yield
    finally:
        os.close(handle)  # releases the lock
