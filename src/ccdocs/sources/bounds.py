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

A content Markdown file costs by its blocks more than by its bytes (each paragraph a model node, its checks, its
place in both writers: 20,000 one-letter paragraphs, 60 KB, took 6.5 s and 152 MB to check), so it is bounded by
its lines too. The largest real papers' content files are under 100 KB and 1,000 lines; the 313-page synthetic
paper (`ccdocs.testing.synthetic`, 5,000 paragraphs) 1.2 MB and 11,499 lines. Read at its bounds (worst shapes
measured with `ccdocs check`: one-letter paragraphs up to the line bound; 80-character paragraphs up to both)
a content file takes 6.3 s of CPU and 174 MB, and 8.4 s and 350 MB to check (a 20 MB file of 250,000 paragraphs
took 106 s and 2.9 GB).
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
    lines: int | None = None  # at most so many lines as well (None: any)


YAML = Bound(2**20, "YAML file (document.yaml, a theme, a language profile or a data file)",
             "document.yaml and a theme take a few kilobytes: keep only what the paper uses")
CSV = Bound(4 * 2**20, "CSV data file", "keep only the rows and columns the paper shows, in a file of its own")
CONTENT = Bound(2 * 2**20, "content file", "split the paper's text into several content files (one a chapter or "
                                           "annex, listed under the part's `files:` in document.yaml)", lines=50_000)
# a paper's content files together: each within CONTENT, their costs add up (verify-9 V19: ten files of 1.96 MB took
# 102 s and 2.8 GB to check); the whole text of the longest paper ccdocs makes (313 pages) is 1.2 MB, 11,499 lines
CONTENTS = Bound(2 * 2**20, "content files of the paper together", "a paper's text takes some hundreds of kilobytes: "
                 "attach a long document as its own folder (a `type: document` part)", lines=50_000)
# a folder's data files together: each within CSV or YAML, their costs add up (six CSV files of 3.4 MB took 846 MB
# and 28 s to check); twice the CSV bound, some four thousand times the fixtures' data (all under 2 KB)
DATA = Bound(8 * 2**20, "data files of the document together",
             "keep only the rows and columns the paper shows; a paper's tables take a few kilobytes")
CATALOG = Bound(4 * 2**20, "catalog", "drop its obsolete entries (`#~`), e.g. with GNU gettext's "
                                      "`msgattrib --no-obsolete`, and keep one catalog per document")


def read_bounded(path: Path, bound: Bound) -> bytes:
    """The bytes of the file at `path`, read only up to `bound.most` (a FIFO or a device endless as a file's size
    cannot tell is cut there too), and with at most `bound.lines` lines. Raises InputError at the file when it
    holds more; OSError as reading raises."""
    with path.open("rb") as stream:
        data = stream.read(bound.most + 1)
    if len(data) > bound.most:
        raise InputError([problem(path, None, f"this {bound.what} is larger than {bound.most // 2**20} MB, the most "
                                  "ccdocs reads", bound.hint)])
    if bound.lines is not None and data.count(b"\n") >= bound.lines:
        raise InputError([problem(path, None, f"this {bound.what} has more than {bound.lines:,} lines, the most "
                                  "ccdocs reads", bound.hint)])
    return data
