"""The largest input files of a document folder ccdocs reads, by kind, and the reading that keeps to them.

Reading a file costs time and memory many times its size (a number, a dict entry and a line record per CSV
cell; every YAML node's position, kept for the messages; babel's catalog entries). A folder is untrusted input: a
data file that is a whole HR export, or a catalog carrying years of obsolete entries, took gigabytes and minutes
(a 23 MB CSV 1.2 GB and 42 s to check; a 6 MB YAML file 714 MB; a 26 MB catalog 544 MB and 36 s). A paper's own
files are small (the sample's document.yaml 5 KB, the fixtures' largest data file 2 KB, the sample's zh catalog
143 KB), so each kind is read up to a bound far above them and a file beyond it is refused unread. Read at their
bound (worst shapes measured: rows of two short cells, one key or list item a line, one-word entries), a CSV takes
2.7 s of CPU and 213 MB, a YAML file 4.0 s and 129 MB, a catalog 5.2 s and 202 MB. XLIFF, glossaries and images have
their own bounds (`i18n.xliff`, `i18n.glossary`, `sources.images`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, problem


@dataclass(frozen=True)
class Bound:
    """At most `most` bytes for a file of a kind (`what`, as a message names it), and what to do beyond it."""

    most: int
    what: str
    hint: str


YAML = Bound(2**20, "YAML file (document.yaml, a theme, a language profile or a data file)",
             "document.yaml and a theme take a few kilobytes: keep only what the paper uses")
CSV = Bound(4 * 2**20, "CSV data file", "keep only the rows and columns the paper shows, in a file of its own")
CATALOG = Bound(4 * 2**20, "catalog", "drop its obsolete entries (`#~`), e.g. with GNU gettext's "
                                      "`msgattrib --no-obsolete`, and keep one catalog per document")


def read_bounded(path: Path, bound: Bound) -> bytes:
    """The bytes of the file at `path`, read only up to `bound.most` (a FIFO or a device endless as a file's size
    cannot tell is cut there too). Raises InputError at the file when it holds more; OSError as reading raises."""
    with path.open("rb") as stream:
        data = stream.read(bound.most + 1)
    if len(data) > bound.most:
        raise InputError([problem(path, None, f"this {bound.what} is larger than {bound.most // 2**20} MB, the most "
                                  "ccdocs reads", bound.hint)])
    return data
