"""Content files: read as UTF-8 text, control characters refused with their position."""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector, InputError
from .bounds import CONTENT, read_bounded
from .characters import HINT, refused


def read_content(path: Path, out: Collector) -> str | None:
    """The text of `path`, or None with the problem recorded in `out` (a file beyond `bounds.CONTENT` unread)."""
    try:
        data = read_bounded(path, CONTENT)
    except InputError as exc:
        out.extend(exc.problems)
        return None
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.add(path, line, f"this file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        return None
    bad = False
    for line, col, what in refused(text):
        out.add(path, line, f"{what} cannot stand in a document", HINT, col)
        bad = True
    return None if bad else text.lstrip("\ufeff")
