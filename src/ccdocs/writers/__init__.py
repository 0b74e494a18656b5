"""Writers: one entry point per format, `write(doc, theme) -> bytes`."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

WRITERS = {"docx": "ccdocs.writers.docx", "pdf": "ccdocs.writers.pdf", "json": "ccdocs.writers.json"}


def available() -> list[str]:
    """The formats whose writer is installed in this package, found without importing it (a PDF-only build
    never imports python-docx)."""
    return [name for name, module in WRITERS.items() if find_spec(module) is not None]


def writer(fmt: str):
    """The `write(doc, theme) -> bytes` function of format `fmt`."""
    return import_module(WRITERS[fmt]).write


def ready_writer(fmt: str) -> None:
    """Ready this process for writes of format `fmt` made in workers forked later: its writer imported whole (the
    PDF writer's package imports its layout when `write` is asked for), and what each of its writes would work out
    first made here once (the writer package's `ready()`, where it has one)."""
    writer(fmt)
    ready = vars(import_module(WRITERS[fmt])).get("ready")
    if ready is not None:
        ready()
