"""The PDF writer: a WO/CC paper laid out with reportlab, footnotes at the foot of their pages (`paper.py`).

The package itself imports nothing: the DOCX writer measures with its faces and line setting (`measure.py`) without
importing the page layout; the names of `paper.py` below are imported on first use.
"""

from importlib import import_module

PAPER = frozenset({"write", "heading_pages", "has_contents", "passes", "layout", "story", "PASSES"})


def __getattr__(name: str):  # PEP 562: `from ccdocs.writers.pdf import write` imports the layout only then
    if name not in PAPER:  # a submodule being imported (`from . import rtl`) is not the paper's
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.paper"), name)
