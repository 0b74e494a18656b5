"""Section properties python-docx lacks: page-number restart."""

from __future__ import annotations

from .xml import place, qn


def restart_page_numbers(sect_pr, start: int = 1):
    """Number this section's pages from `start` (`w:pgNumType w:start`)."""
    return place(sect_pr, "w:pgNumType", start=start)


def continue_page_numbers(sect_pr):
    """Number this section's pages on from the previous section's (no `w:start`)."""
    for found in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(found)
    return sect_pr


__all__ = ["restart_page_numbers", "continue_page_numbers"]
