"""A document folder's files are read up to a bound per kind (`sources.bounds`): a data file, a YAML file or a
catalog beyond it is refused unread, at the file, by every command that reads it; a file within it is read.

Without the bound a 23 MB CSV took 1.2 GB and 42 s to check, a 6 MB YAML file 714 MB and 41 s, a 26 MB catalog of
obsolete entries 544 MB and 36 s (breaks-4 item 7).
"""

from __future__ import annotations

import os

import pytest

from conftest import MINIMAL
from refusals import Case
from ccdocs.errors import InputError
from ccdocs.errors import Collector
from ccdocs.sources.bounds import CATALOG, CONTENT, CONTENTS, CSV, DATA, YAML, Bound, read_bounded
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


BIG_CSV = {"data/applicants.csv": rows_beyond(CSV)}
BIG_YAML = {"document.yaml": MINIMAL + "#" * (YAML.most + 1) + "\n"}
BIG_PO = {PO: obsolete_beyond(CATALOG)}
# a content file: 20 MB of short paragraphs took 106 s and 2.9 GB to check (verify-9 V14); beyond its bytes, or
# beyond its lines in a few bytes (one-letter paragraphs: each a node of the model)
PARAGRAPH = "A paragraph of the report, with words enough to make it a line.\n\n"
BIG_CONTENT = {"content/report.md": "# Intro\n\n" + PARAGRAPH * (CONTENT.most // len(PARAGRAPH) + 1)}
# data files each within its bound, too many together: six CSV files of 3.4 MB took 846 MB and 28 s (verify-9 V8)
MANY_DATA = {"document.yaml": MINIMAL.replace("data:\n", "data:\n" + "".join(
    f"  big{k}: data/big{k}.csv\n" for k in range(3))),
    **{f"data/big{k}.csv": rows_beyond(Bound(DATA.most // 3, "", "")) for k in range(3)}}
LONG_CONTENT = {"content/annex.md": "# Annex title\n\n" + "x\n\n" * (CONTENT.lines // 2)}
# content files each within CONTENT, too many together (verify-9 V19: ten files of 1.96 MB, 102 s and 2.8 GB)
HALF = PARAGRAPH * (CONTENTS.most // 2 // len(PARAGRAPH) + 1)
BIG_CONTENTS = {"content/report.md": "# Intro\n\n" + HALF, "content/annex.md": "# Annex title\n\n" + HALF}
LONG_CONTENTS = {"content/report.md": "# Intro\n\n" + "x\n\n" * (CONTENTS.lines // 3),
                 "content/annex.md": "# Annex title\n\n" + "x\n\n" * (CONTENTS.lines // 3)}
PARTS = f"document.yaml:{next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line.startswith('parts:'))}"

CASES = [
    Case("csv", BIG_CSV, "CSV data file is larger than 4 MB", "data/applicants.csv:"),
    Case("yaml", BIG_YAML, "YAML file (document.yaml, a theme, a language profile or a data file) is larger than 1 MB",
         "document.yaml:"),
    Case("catalog-build", BIG_PO, "catalog is larger than 4 MB", "content.po:", args=("--lang", "zh")),
    Case("catalog-update", BIG_PO, "msgattrib --no-obsolete", "content.po:",
         command=("i18n", "update", "{doc}", "--lang", "zh")),
    Case("content", BIG_CONTENT, "content file is larger than 2 MB", "content/report.md:"),
    Case("content-lines", LONG_CONTENT, "content file has more than 50,000 lines", "content/annex.md:"),
    Case("content-together", BIG_CONTENTS, "content files of the paper together hold 2.0 MB", PARTS),
    Case("content-lines-together", LONG_CONTENTS, "content files of the paper together hold more than 50,000 lines",
         PARTS),
    Case("data-together", MANY_DATA, "data files of the document together (`big", f"document.yaml:{MINIMAL.splitlines().index('data:') + 1}"),
    Case("catalog-stats", BIG_PO, "catalog is larger than 4 MB", "content.po:", command=("i18n", "stats", "{doc}")),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_file_beyond_its_kind_bound_is_refused_unread(refuse, case):
    refuse(case)


def test_a_file_of_exactly_the_bound_is_read_and_one_byte_more_is_not(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, Bound(10, "CSV data file", "hint")) == b"x" * 10
    with pytest.raises(InputError, match="this CSV data file is larger than"):
        read_bounded(path, Bound(9, "CSV data file", "hint"))


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
    with pytest.raises(InputError, match="larger than"):
        read_bounded(fifo, Bound(16, "CSV data file", "hint"))
    os.wait()


def test_the_5000_paragraph_synthetic_papers_content_is_within_the_bound(tmp_path):
    """The 313-page synthetic paper, far above any real one, is read whole."""
    make_document(tmp_path, 5000)
    out = Collector()
    texts = [read_content(path, out) for path in sorted((tmp_path / "content").glob("*.md"))]
    assert not out.problems and all(texts)
    assert max(len(t.encode()) for t in texts) > CONTENT.most // 2  # the bound is not far below it either
