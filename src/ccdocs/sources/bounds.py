"""Every bound on the size of an input file ccdocs reads, by kind, with the measurement that chose it; the one
reading that keeps to them (`read_within`, `read_bounded`) and the one message that refuses a file beyond them
(`beyond`: "`data.csv` holds 4.1 MB, more than the 4 MB ccdocs reads for a CSV data file (what to do)").

Reading a file costs time and memory many times its size (a number, a dict entry and a line record per CSV
cell; every YAML node's position, kept for the messages; babel's catalog entries). A folder is untrusted input: a
data file that is a whole HR export, or a catalog carrying years of obsolete entries, took gigabytes and minutes
(a 23 MB CSV 1.2 GB and 42 s to check; a 6 MB YAML file 714 MB; a 26 MB catalog 544 MB and 36 s). A paper's own
files are small (the sample's document.yaml 5 KB, the fixtures' largest data file 2 KB, the sample's zh catalog
143 KB), so each kind is read up to a bound far above them and a file beyond it is refused unread, at its path
(a file a content file shows, at the line showing it). Each bound was measured at its worst shape, read at the
bound (CPU seconds and peak memory of `ccdocs check`, or of the reader alone where said; `+`: more than the
minimal document's check, 2.1-2.5 s and 96-98 MB):

| bound      | most              | worst shape measured                                   | cost at the bound        |
| YAML       | 1 MB              | one key or list item a line                            | 4.0 s, 129 MB            |
| CSV        | 4 MB              | rows of two short cells                                | 2.7 s, 213 MB            |
| DATA       | 8 MB together     | six CSV files of 3.4 MB took 28 s, 846 MB              | (twice CSV)              |
| CATALOG    | 8 MB (4 CONTENTS) | obsolete one-word entries                              | 6.7 s, 390 MB            |
| CONTENT    | 2 MB, 50,000 lines | one-letter paragraphs to the lines; 80-character ones | 8.4 s, 350 MB            |
| CONTENTS   | 2 MB, 50,000 lines together | ten files of 1.96 MB took 102 s, 2.8 GB       | (as CONTENT)             |
| TEMPLATE   | 16 KB             | one-letter paragraphs                                  | +1.5 s, +15 MB           |
| XLIFF      | 32 MB             | within its units and elements bounds (`i18n.xliff`)    | about 4 s, 570 MB        |
| GLOSSARY   | 64 MB             | 100,000 terms (`i18n.glossary.MAX_TERMS`), long notes  | reader 1.4 s, 388 MB     |
| IMAGE      | 20 MB             | a PNG, noise or flat 40 Mpx, Exif-turned (2026-12-01)  | +5.4 s, +540 MB          |
| FONT       | 64 MB             | DejaVu Sans padded to the bound (`build`)              | +0.1-0.5 s, +68 MB       |

A content Markdown file costs by its blocks more than by its bytes (each paragraph a model node, its checks, its
place in both writers: 20,000 one-letter paragraphs, 60 KB, took 6.5 s and 152 MB to check), so it is bounded by
its lines too. The largest real papers' content files are under 100 KB and 1,000 lines; the 313-page synthetic
paper (`ccdocs.testing.synthetic`, 5,000 paragraphs) 1.2 MB and 11,499 lines (a 20 MB file of 250,000 paragraphs
took 106 s and 2.9 GB). Other bounds on what a file holds, not its size, stay with their readers, each with its
measurement (YAML depth and repeats, a figure's digits, XLIFF units, glossary terms, image pixels; an SVG's
`<style>` text and selectors, `svg.MAX_STYLE_TEXT` and `svg.MAX_SELECTORS`: 1.5 s to read at the bound where 1,000
rules took 5.8 s; the pixels of a paper's pictures together, `images.MOST_PIXELS`, 400 million: check 17.1 s of CPU
and 442 MB at the bound, where 2,000 distinct 40 Mpx PNGs took some 55 minutes).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, problem

MB = 2**20


@dataclass(frozen=True)
class Bound:
    """At most `most` bytes (and `lines` lines, None: any) for a file of a kind; `what` names the kind as the
    message ends ("… ccdocs reads for `what`"), `hint` says what to do beyond it."""

    most: int
    what: str
    hint: str
    lines: int | None = None


YAML = Bound(MB, "a YAML file (document.yaml, a theme, a language profile or a data file)",
             "document.yaml and a theme take a few kilobytes: keep only what the paper uses")
CSV = Bound(4 * MB, "a CSV data file", "keep only the rows and columns the paper shows, in a file of its own")
CONTENT = Bound(2 * MB, "a content file", "split the paper's text into several content files (one a chapter or "
                                          "annex, listed under the part's `files:` in document.yaml)", lines=50_000)
# a paper's content files together: each within CONTENT, their costs add up (verify-9 V19: ten files of 1.96 MB took
# 102 s and 2.8 GB to check); the whole text of the longest paper ccdocs makes (313 pages) is 1.2 MB, 11,499 lines
CONTENTS = Bound(2 * MB, "a paper's content files together", "a paper's text takes some hundreds of kilobytes: "
                 "attach a long document as its own folder (a `type: document` part)", lines=50_000)
# a folder's data files together: each within CSV or YAML, their costs add up (six CSV files of 3.4 MB took 846 MB
# and 28 s to check); twice the CSV bound, some four thousand times the fixtures' data (all under 2 KB)
DATA = Bound(8 * MB, "a document's data files together",
             "keep only the rows and columns the paper shows; a paper's tables take a few kilobytes")
# a document's catalog, derived from CONTENTS: it holds the paper's English (msgids, at most CONTENTS), its
# translation and, a paragraph, its place and references (`#.`, `#:`, some 70 bytes). Fully translated into Chinese
# (3-byte characters, about a third as many: 0.74 of the English's bytes, measured), a paper at CONTENTS of
# 140-character paragraphs makes 2.3 times CONTENTS (breaks-8 #14: 1.81 MB of English, a 4.1 MB catalog, beyond the
# 4 MB this bound was), of 80-character one-line paragraphs to the 50,000 lines 2.8 times; into Russian or Arabic
# (2-byte letters, a text some 10% longer: estimated) 3.7 times, 4.1 for one-line paragraphs to the line bound. So
# four times CONTENTS: the translated catalog of a paper within CONTENTS is read, its content files at paths of
# common length (the one-line Russian or Arabic paper at the line bound aside). At the bound, obsolete one-word
# entries took the minimal document's check 5.3 s of CPU and 262 MB more (6.7 s, 390 MB). What else fills a
# catalog (obsolete entries kept, a path of hundreds of characters repeated by every entry's `#:`) is told by the
# hint (`i18n.catalogs.too_large`), and a catalog a command is about to write beyond the bound is refused unwritten
# (`i18n.extract.write_catalogs`)
CATALOG = Bound(4 * CONTENTS.most, "a catalog", "make a long annex or chapter a document of its own (a `type: "
                                                "document` part, translated in its own folder)")
# a cover-note template (the toolkit's take 380-505 bytes): each `{{ … }}` is parsed by Jinja2 when document.yaml is
# checked (`cover_notes.needs`), then the whole is rendered and read as a content file, its paragraphs counted in no
# other bound. Over the minimal document's check (2.1 s of CPU, 96 MB), a template of one-letter paragraphs took
# 1.5 s and 15 MB more at 16 KB, 7.5 s and 83 MB at 64 KB; of one `{{ doc.symbol }}` a paragraph, 0.3 s at 16 KB,
# 1.8 s and 29 MB at 64 KB. It was read within YAML's 1 MB when checked and unbounded when built.
TEMPLATE = Bound(16 * 2**10, "a cover-note template", "a cover note takes a few hundred bytes: keep the note's "
                                                      "own words in the template, the paper's text in content files")
# an XLIFF file to import (or a memory): some 170 times the sample's export; within it and `i18n.xliff`'s units and
# elements bounds (derived from CONTENTS: what a paper within it exports), at most about 4 s of CPU and 570 MB to
# read (49,990 units of 8 elements, 20 MB); `ccdocs i18n export` writes no file beyond them
XLIFF = Bound(32 * MB, "an XLIFF file", "have the CAT tool save it without its translation history and alternative "
                                        "translations (`ccdocs i18n export` writes no file beyond this bound)")
# a glossary: 100,000 terms (`i18n.glossary.MAX_TERMS`, three whole termbase exports) take some 4 MB and 294 MB to
# check (300,000 rows, 10.8 MB: 770 MB); bytes beyond the terms are notes: at the bound, 100,000 terms with notes of
# 645 characters took `read_glossary` 1.4 s of CPU and 388 MB
GLOSSARY = Bound(64 * MB, "a glossary", "keep the terms the document's texts use, or split the termbase by subject")
# an image a content file shows: a full A4 page at 300 dpi is far less; its pixels are bounded apart
# (`images.MAX_PIXELS`, 40 million) before it is decoded. At the bound, a PNG of noise (2,640 x 2,640 RGB, the
# bytes' worst: nothing compresses) shown at `{width="100%"}` took the minimal document's check 5.0 s of CPU (4.3-5.8)
# and 250 MB more (its own 0.7 s, 72 MB): medians of 7 runs each, 2026-12-01, the machine busy (load 5-7 on 2 CPUs;
# 7.3 s at the table's first measurement, an earlier ccdocs). An Exif Orientation that turns it (`images.upright`:
# decoded, turned, written again as PNG, decoded again) costs more, and the pixels' bound weighs more than the
# bytes': measured again 2026-12-01 (user CPU, medians of 5 runs in turns, load 4-5 on 2 CPUs; the minimal document
# 0.53 s, 72 MB): the noise PNG +3.9 s and +249 MB upright, +5.3 s and +249 MB turned (Orientation 6); a flat
# 6,320 x 6,320 RGBA PNG (40 Mpx in 170 KB) +3.4 s and +540 MB upright, +5.4 s and +540 MB turned (the worst).
# A faster zlib level for the turned PNG saves nothing on noise (1.17 s against 1.16 to write it) and 0.4 s on the
# flat one at four times its bytes in the Word document, so the turn keeps Pillow's default.
IMAGE = Bound(20 * MB, "an image", "save it at the size it prints (300 dpi at most)")
# a font file, whoever names it (CCDOCS_FONT_<ROLE>, a theme's `pdf_fonts.files`, a known path, fontconfig): read
# whole to examine its faces (`l10n.fonts.examined`, reportlab's parser), then loaded whole by reportlab to embed it.
# The largest font files installed here are collections of Chinese faces (AR PL UMing's uming.ttc 20 MB, WenQuanYi
# Zen Hei 16 MB): the bound leaves three times that. At the bound, DejaVu Sans padded to 64 MB took the budget-table
# fixture's build (en and zh, DOCX and PDF) 0.1-0.5 s of CPU and 68 MB more (1.7 s, 136 MB), its check no more CPU
# and 68 MB more. The faces of a collection are bounded apart (`l10n.fonts.MOST_FACES`).
FONT = Bound(64 * MB, "a font file", "give a font file of the faces the paper uses: a .ttf holds one, a .ttc a "
                                     "few; a whole Chinese collection takes some 20 MB")


class Beyond(ValueError):
    """A file holds more than its bound; `str()` is the message (`beyond`)."""


def read_within(path: Path, bound: Bound, subject: str | None = None) -> bytes:
    """The bytes of the file at `path`, read only up to `bound.most` + 1 (a FIFO, a device or a file still growing,
    endless as a file's size cannot tell, is cut there too), with at most `bound.lines` lines. Raises Beyond when
    it holds more (the message naming the file as `subject`, by default its name in backquotes); OSError as opening
    or reading raises."""
    subject = f"`{path.name}`" if subject is None else subject
    with path.open("rb") as stream:
        data = stream.read(bound.most + 1)
        if len(data) > bound.most:
            found = os.fstat(stream.fileno())
            held = (size_held(max(found.st_size, len(data)), bound.most) if stat.S_ISREG(found.st_mode)
                    else f"{len(data):,} bytes or more")
            raise Beyond(beyond(subject, held, bound))
    if bound.lines is not None:
        lines = data.count(b"\n") + (not data.endswith(b"\n") and bool(data))
        if lines > bound.lines:
            raise Beyond(beyond(subject, f"{lines:,} lines", bound, lines=True))
    return data


def read_bounded(path: Path, bound: Bound) -> bytes:
    """`read_within`, a file beyond the bound refused: InputError at `path`. Raises OSError as reading raises."""
    try:
        return read_within(path, bound)
    except Beyond as exc:
        raise InputError([problem(path, None, str(exc), bound.hint)]) from None


def beyond(subject: str, held: str, bound: Bound, *, lines: bool = False, verb: str = "holds") -> str:
    """The message refusing `subject` that `verb` `held` ("4.1 MB", "50,001 lines"), beyond `bound`'s bytes (or
    its `lines`)."""
    most = f"{bound.lines:,} lines" if lines else amount(bound.most)
    return f"{subject} {verb} {held}, more than the {most} ccdocs reads for {bound.what}"


def amount(size: int) -> str:
    """`size` bytes as a bound says it: "4 MB", "64 KB", else "1,000 bytes"."""
    for unit, name in ((MB, "MB"), (2**10, "KB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size:,} bytes"


def size_held(size: int, most: int) -> str:
    """`size` bytes, found beyond `most`, said so that it reads as more: "4.1 MB", else "4,194,305 bytes"."""
    said = f"{size / MB:.1f} MB"
    return said if size >= MB and said != f"{most / MB:.1f} MB" else f"{size:,} bytes"
