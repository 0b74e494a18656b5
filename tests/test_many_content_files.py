"""A paper of many small content files is assessed in a translated language in time linear in its files
(breaks-7 #2: the structure check walked every segment of the paper for each content file, so `check` of a
bilingual paper of 3,000 one-paragraph files took 13 s, of 6,000 45 s, of 12,000 more than 120 s, every file
within the bounds). A paper of many one-line files is assessed in
a forked child bounded far above the honest cost: 24,000 files, where the quadratic walk takes minutes."""

from __future__ import annotations

from functools import partial

from bounded import within
from conftest import CATALOG, MINIMAL, write_doc

FILES = 24_000  # one line each: the walk of every segment per file takes some 3 min here (12,000: 44 s), now
BOUND = 90      # some 20 s; at the content bound (50,000 lines) some 6 min against 40 s


def _assess(folder) -> tuple:
    from ccdocs.pipeline import assessed, read_sources

    items = assessed(read_sources(folder), "zh")
    return len(items), sorted({item.status for item in items})


def test_a_paper_of_as_many_files_as_lines_is_assessed_within_a_bound(tmp_path):
    names = [f"content/p{n}.md" for n in range(FILES)]
    document = MINIMAL.replace("files: [content/report.md]", "files: [" + ", ".join(["content/report.md", *names])
                               + "]")
    texts = {name: f"Paragraph {n}." for n, name in enumerate(names)}   # one line each: no line end
    folder = write_doc(tmp_path / "doc", {"document.yaml": document, CATALOG: None, **texts})
    count, statuses = within(partial(_assess, folder), BOUND, f"{FILES:,} content files were not assessed")
    assert count > FILES and statuses == ["untranslated"]   # no catalog: every segment untranslated
