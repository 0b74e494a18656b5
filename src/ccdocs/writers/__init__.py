"""Writers: one entry point per format, `write(doc, theme) -> bytes`."""

from __future__ import annotations

from importlib import import_module

WRITERS = {"docx": "ccdocs.writers.docx", "pdf": "ccdocs.writers.pdf", "json": "ccdocs.writers.json"}


def available() -> list[str]:
    """The formats whose writer is installed in this package."""
    found = []
    for name, module in WRITERS.items():
        try:
            import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        found.append(name)
    return found


def writer(fmt: str):
    """The `write(doc, theme) -> bytes` function of format `fmt`."""
    return import_module(WRITERS[fmt]).write
