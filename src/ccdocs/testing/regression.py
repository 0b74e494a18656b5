"""Regression of document folders: build, snapshot, compare with `expected/`, or update it on purpose."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build import build
from ..pipeline import read_sources
from .snapshot import snapshot, unified

EXPECTED = "expected"


@dataclass(frozen=True)
class Difference:
    """One snapshot that differs from its expected file (or has none yet)."""

    name: str
    diff: str

    def __str__(self) -> str:
        return self.diff or (f"{self.name}: no expected snapshot yet (record it with `pytest --update-fixtures`, "
                             "or `check_folder(folder, update=True)`, after looking at the outputs)")


def snapshot_name(lang: str, fmt: str) -> str:
    """The expected file's name of one output: `en.docx.txt`."""
    return f"{lang}.{fmt}.txt"


def current_snapshots(folder: str | Path, formats=("docx", "pdf")) -> dict[str, str]:
    """Build `folder` in every language and format and return the snapshots by expected file name."""
    folder = Path(folder)
    spec = read_sources(folder).spec
    with tempfile.TemporaryDirectory(prefix="ccdocs-regress-") as tmp:
        out = Path(tmp)
        build([folder], out, None, formats)
        return {snapshot_name(lang, fmt): snapshot(out / lang / f"{spec.slug}.{fmt}")
                for lang in spec.languages for fmt in formats}


def check_folder(folder: str | Path, update: bool = False, formats=("docx", "pdf")) -> list[Difference]:
    """Build `folder` (a str or a Path) and compare its outputs with `folder/expected/` (or rewrite them, with
    `update`)."""
    return compare_snapshots(folder, current_snapshots(folder, formats), update)


def compare_snapshots(folder: str | Path, snapshots: dict[str, str], update: bool = False) -> list[Difference]:
    """Compare snapshots by name with `folder/expected/` (a str or a Path); with `update`, rewrite the expected
    files."""
    expected = Path(folder) / EXPECTED
    differences = []
    for name, text in snapshots.items():
        path = expected / name
        if update:
            expected.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            differences.append(Difference(name, unified(old or "", text, f"expected/{name}", f"built/{name}")
                                          if old is not None else ""))
    return differences
