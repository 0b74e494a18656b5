"""Snapshots of built documents and their unified diffs."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import UsageError
from .docx_snapshot import docx_snapshot
from .pdf_snapshot import pdf_snapshot

READERS = {".docx": docx_snapshot, ".pdf": pdf_snapshot}
KINDS = {".docx": "DOCX", ".pdf": "PDF"}


def snapshot(path: Path) -> str:
    """The canonical text of a DOCX or PDF file, or the file itself when it is already a snapshot.

    A file that cannot be read as what its name says (random bytes, an empty file, a zip without
    `word/document.xml`, a truncated PDF, text that is not UTF-8) is a UsageError, exit 2: like diff(1),
    `ccdocs diff` keeps exit 1 for "they differ".
    """
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    try:
        if reader is None:
            return path.read_text(encoding="utf-8")
        return reader(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file makes the readers raise
        kind = KINDS.get(suffix, "snapshot (UTF-8 text)")
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise UsageError(f"{path} is not a readable {kind} ({reason}); give a file ccdocs or Word wrote, "
                         "whole") from exc


def unified(old: str, new: str, old_name: str = "a", new_name: str = "b") -> str:
    """A unified diff of two snapshots; empty when they are equal."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        old_name, new_name))
