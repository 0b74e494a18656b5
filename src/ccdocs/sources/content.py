"""Content files: read as UTF-8 text, control characters refused with their position."""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector
from .characters import HINT, refused


def read_content(path: Path, out: Collector) -> str | None:
    """The text of `path`, or None with the problem recorded in `out`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        out.add(path, line, f"this file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        return None
    bad = False
    for line, col, what in refused(text):
        out.add(path, line, f"{what} cannot stand in a document", HINT, col)
        bad = True
    return None if bad else text.lstrip("\ufeff")
