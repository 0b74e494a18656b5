"""Snapshots of built documents and their unified diffs."""

from __future__ import annotations

import difflib
from pathlib import Path

from .docx_snapshot import docx_snapshot
from .pdf_snapshot import pdf_snapshot

READERS = {".docx": docx_snapshot, ".pdf": pdf_snapshot}


def snapshot(path: Path) -> str:
    """The canonical text of a DOCX or PDF file, or the file itself when it is already a snapshot."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return path.read_text(encoding="utf-8")
    return reader(path.read_bytes())


def unified(old: str, new: str, old_name: str = "a", new_name: str = "b") -> str:
    """A unified diff of two snapshots; empty when they are equal."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        old_name, new_name))
