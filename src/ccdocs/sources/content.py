"""Content files: read as UTF-8 text, control characters refused with their position."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Collector

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def read_content(path: Path, out: Collector) -> str | None:
    """The text of `path`, or None with the problem recorded in `out`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        out.add(path, line, f"this file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        return None
    bad = False
    for number, line in enumerate(text.split("\n"), 1):
        for match in CONTROL.finditer(line):
            out.add(path, number, f"control character U+{ord(match.group()):04X} cannot stand in a document",
                    "delete it (it often comes from copying out of another program)", match.start() + 1)
            bad = True
    return None if bad else text.lstrip("\ufeff")
