"""A document folder's files are read up to a bound per kind (`sources.bounds`): a data file, a YAML file, a
catalog, a content file, a cover-note template or an image beyond it is refused unread, at the file (an image at
the line showing it), by every command that reads it, in one message: "`<file>` holds X MB, more than the Y MB
ccdocs reads for <kind> (what to do)"; a file within it is read.

Without the bound a 23 MB CSV took 1.2 GB and 42 s to check, a 6 MB YAML file 714 MB and 41 s, a 26 MB catalog of
obsolete entries 544 MB and 36 s (breaks-4 item 7).
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import MINIMAL
from refusals import Case, made_later
from ccdocs.errors import InputError
from ccdocs.errors import Collector
from ccdocs.sources.bounds import CATALOG, CONTENT, CONTENTS, CSV, DATA, IMAGE, YAML, Beyond, Bound, read_bounded, read_within
from ccdocs.sources.content import read_content
from ccdocs.testing.synthetic import make_document
from test_refuses_catalogs import PO, catalog

ROW = "r{},Region {},1\n"


def rows_beyond(bound: Bound) -> str:
    """The applicants CSV, its header then rows until it holds more than `bound` allows."""
    count = bound.most // len(ROW.format(0, 0)) + 1
    return "id,region,applied\n" + "".join(ROW.format(n, n) for n in range(count))


def obsolete_beyond(bound: Bound) -> str:
    """The minimal document's complete Chinese catalog followed by obsolete entries beyond `bound`."""
    entry = '#~ msgid "An obsolete entry number {} kept by a CAT tool"\n#~ msgstr "过时条目{}"\n\n'
    count = bound.most // len(entry.format(0, 0).encode()) + 1
    return catalog() + "\n" + "".join(entry.format(n, n) for n in range(count))


BIG_CSV = {"data/applicants.csv": made_later(rows_beyond, CSV)}
BIG_YAML = {"document.yaml": MINIMAL + "#" * (YAML.most + 1) + "\n"}
BIG_PO = {PO: made_later(obsolete_beyond, CATALOG)}
# a content file: 20 MB of short paragraphs took 106 s and 2.9 GB to check (verify-9 V14); beyond its bytes, or
# beyond its lines in a few bytes (one-letter paragraphs: each a node of the model)
PARAGRAPH = "A paragraph of the report, with words enough to make it a line.\n\n"
BIG_CONTENT = {"content/report.md": "# Intro\n\n" + PARAGRAPH * (CONTENT.most // len(PARAGRAPH) + 1)}
# data files each within its bound, too many together: six CSV files of 3.4 MB took 846 MB and 28 s (verify-9 V8)
MANY_DATA = {"document.yaml": MINIMAL.replace("data:\n", "data:\n" + "".join(
    f"  big{k}: data/big{k}.csv\n" for k in range(3))),
    **dict.fromkeys((f"data/big{k}.csv" for k in range(3)), made_later(rows_beyond, Bound(DATA.most // 3, "", "")))}
LONG_CONTENT = {"content/annex.md": "# Annex title\n\n" + "x\n\n" * (CONTENT.lines // 2)}
# content files each within CONTENT, too many together (verify-9 V19: ten files of 1.96 MB, 102 s and 2.8 GB)
HALF = PARAGRAPH * (CONTENTS.most // 2 // len(PARAGRAPH) + 1)
BIG_CONTENTS = {"content/report.md": "# Intro\n\n" + HALF, "content/annex.md": "# Annex title\n\n" + HALF}
LONG_CONTENTS = {"content/report.md": "# Intro\n\n" + "x\n\n" * (CONTENTS.lines // 3),
                 "content/annex.md": "# Annex title\n\n" + "x\n\n" * (CONTENTS.lines // 3)}
# a cover-note template: the toolkit's take 380-505 bytes; 64 KB of one-letter paragraphs took 7.5 s and 83 MB more to
# check than the minimal document, and nothing bounded the template a build reads
BIG_TEMPLATE = {"templates/cover-notes/information.en.md.j2": "x\n\n" * 5461 + "yz"}
BIG_TEMPLATE_ZH = {"templates/cover-notes/information.zh.md.j2": "x\n\n" * 5461 + "yz"}
BIG_IMAGE = {"content/annex.md": "# Annex title\n\n![A figure](figures/big.png)\n",
             "figures/big.png": b"\x89PNG\r\n\x1a\n" + bytes(IMAGE.most - 7)}
PARTS = f"document.yaml:{next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line.startswith('parts:'))}"

CASES = [
    Case("csv", BIG_CSV, "`applicants.csv` holds 6.6 MB, more than the 4 MB ccdocs reads for a CSV data file (keep", "data/applicants.csv:"),
    Case("yaml", BIG_YAML, "`document.yaml` holds 1,049,278 bytes, more than the 1 MB ccdocs reads for a YAML file", "document.yaml:"),
    Case("catalog-build", BIG_PO, "`content.po` holds 8.7 MB, more than the 8 MB ccdocs reads for a catalog", "content.po:", args=("--lang", "zh")),
    Case("catalog-update", BIG_PO, "msgattrib --no-obsolete", "content.po:",
         command=("i18n", "update", "{doc}", "--lang", "zh")),
    Case("content", BIG_CONTENT, "`report.md` holds 2,097,169 bytes, more than the 2 MB ccdocs reads for a content file", "content/report.md:"),
    Case("content-lines", LONG_CONTENT, "`annex.md` holds 50,002 lines, more than the 50,000 lines ccdocs reads for a "
         "content file (split", "content/annex.md:"),
    Case("content-together", BIG_CONTENTS, "the content files of the paper hold 2,097,184 bytes, more than the 2 MB ccdocs reads", PARTS),
    Case("content-lines-together", LONG_CONTENTS, "lines or more, more than the 50,000 lines ccdocs reads for a paper's "
         "content files together (a paper's text", PARTS),
    Case("data-together", MANY_DATA, "the data files of the document (`big",
         f"document.yaml:{MINIMAL.splitlines().index('data:') + 1}"),
    Case("catalog-stats", BIG_PO, "more than the 8 MB ccdocs reads for a catalog (drop", "content.po:",
         command=("i18n", "stats", "{doc}")),
    Case("catalog-export", BIG_PO, "more than the 8 MB ccdocs reads for a catalog (drop", "content.po:",
         command=("i18n", "export", "{doc}", "--lang", "zh", "-o", "{out}/zh.xlf")),
    Case("catalog-review", BIG_PO, "more than the 8 MB ccdocs reads for a catalog (drop", "content.po:",
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "{out}/review.html")),
    Case("csv-two-folders", BIG_CSV, "more than the 4 MB ccdocs reads for a CSV data file", "data/applicants.csv:",
         setup=lambda folder, out: shutil.copytree(folder, folder.parent / "second"),
         command=("build", "{doc}/../second", "{doc}", "--format", "json", "--out", "{out}")),
    Case("cover-note-template", BIG_TEMPLATE, "`information.en.md.j2` holds 16,385 bytes, more than the 16 KB ccdocs "
         "reads for a cover-note template", "templates/cover-notes/information.en.md.j2:"),
    Case("cover-note-template-zh-build", BIG_TEMPLATE_ZH, "more than the 16 KB ccdocs reads for a cover-note template",
         "templates/cover-notes/information.zh.md.j2:", args=("--lang", "zh")),
    Case("image", BIG_IMAGE, "image `figures/big.png` holds 20,971,521 bytes, more than the 20 MB ccdocs reads for an "
         "image (save it at the size it prints", "content/annex.md:3"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_file_beyond_its_kind_bound_is_refused_unread(refuse, case):
    refuse(case)


def test_a_file_of_exactly_the_bound_is_read_and_one_byte_more_is_not(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, Bound(10, "CSV data file", "hint")) == b"x" * 10
    with pytest.raises(InputError, match="`d.csv` holds 10 bytes, more than the 9 bytes ccdocs reads for a CSV"):
        read_bounded(path, Bound(9, "a CSV data file", "hint"))


@pytest.mark.parametrize("ending", ["\n", ""])
def test_a_file_of_exactly_its_lines_is_read_and_one_line_more_is_not(tmp_path, ending):
    """50,000 lines are within a bound of 50,000 lines, with or without a last line break (a file of exactly the
    bound, its last line ended, was refused: the line breaks were counted, not the lines)."""
    path = tmp_path / "annex.md"
    path.write_text("x\n" * 4 + "x" + ending)
    assert read_within(path, Bound(100, "a content file", "hint", lines=5))
    with pytest.raises(Beyond, match="`annex.md` holds 5 lines, more than the 4 lines ccdocs reads for a content file"):
        read_within(path, Bound(100, "a content file", "hint", lines=4))


def test_an_endless_file_is_cut_at_the_bound(tmp_path):
    """A FIFO whose size the file system cannot tell: read up to the bound plus one byte, then refused."""
    fifo = tmp_path / "endless.csv"
    os.mkfifo(fifo)
    if os.fork() == 0:  # the writer: more than the bound, then the pipe closes as the reader leaves
        try:
            with open(fifo, "wb") as stream:
                stream.write(b"y" * 64)
        finally:
            os._exit(0)
    with pytest.raises(InputError, match="`endless.csv` holds 17 bytes or more, more than the 16 bytes ccdocs reads"):
        read_bounded(fifo, Bound(16, "a CSV data file", "hint"))
    os.wait()


def test_the_5000_paragraph_synthetic_papers_content_is_within_the_bound(tmp_path):
    """The 313-page synthetic paper, far above any real one, is read whole."""
    make_document(tmp_path, 5000)
    out = Collector()
    texts = [read_content(path, out) for path in sorted((tmp_path / "content").glob("*.md"))]
    assert not out.problems and all(texts)
    assert max(len(t.encode()) for t in texts) > CONTENT.most // 2  # the bound is not far below it either
