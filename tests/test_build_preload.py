"""What every job of a parallel build needs first is made once and inherited by the workers forked after: in a batch,
each language's profile and toolkit catalog, read in the parent before the model workers are forked
(`preload.read_languages`; each worker would otherwise parse them again on its first resolve, and import babel's PO
reader's email package to read the catalog); for a single folder, read by the one worker that reads the folder and
makes every model (`build._build_alone`); and the line setting's first-use state, made in the parent before the
writes are forked (`preload.ready_line_setting`: the regex telling a CJK text, the line-breaking classes for a Chinese document).

The build runs in a fresh interpreter (this one has read every profile already), two workers asked for, every read
of a profile or a catalog recorded with the process that made it. What is asserted is where the reads happen,
never a duration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ccdocs.workers import can_fork
from conftest import MINIMAL

RECORDED = """
import os, sys
from functools import cache
from pathlib import Path
from ccdocs.l10n import catalog, language, uax14
from ccdocs.writers.pdf import cjk

log = Path(sys.argv[1])

def noted(what, func):
    def read(*args, **kwargs):
        with log.open("a") as handle:
            handle.write(f"{os.getpid()} {what}\\n")
        return func(*args, **kwargs)
    return read

language._Reader.language = noted("profile", language._Reader.language)
catalog.Catalog.read = classmethod(noted("catalog", catalog.Catalog.read.__func__))
cjk.cjk_char = cache(noted("regex", cjk.cjk_char.__wrapped__))
uax14._table = cache(noted("classes", uax14._table.__wrapped__))
if os.environ.get("CCDOCS_TEST_DIGEST"):
    from ccdocs.i18n import cached
    cached.package_digest = noted("digest", cached.package_digest)
from ccdocs import build as building
if os.environ.get("CCDOCS_TEST_ALONE_TEXT"):
    building.ALONE_TEXT = int(os.environ["CCDOCS_TEST_ALONE_TEXT"])
building.build([Path(folder) for folder in sys.argv[3:]], Path(sys.argv[2]), ["en", "zh"],
               tuple(os.environ.get("CCDOCS_TEST_FORMATS", "pdf").split(",")), workers=2)
print(os.getpid())
"""


def recorded(tmp_path, *folders, alone_text: int | None = None, formats: str = "pdf", digest: bool = False
             ) -> tuple[str, list[list[str]]]:
    """The parent's pid and each (pid, what) read of a parallel build of `folders` in `formats` in a fresh
    interpreter (`alone_text`: the build's ALONE_TEXT there; `digest`: each working out of the code's digest
    recorded too)."""
    log = tmp_path / "reads.txt"
    env = {**os.environ, "CCDOCS_TEST_FORMATS": formats}
    if alone_text is not None:
        env["CCDOCS_TEST_ALONE_TEXT"] = str(alone_text)
    if digest:
        env["CCDOCS_TEST_DIGEST"] = "yes"
    done = subprocess.run([sys.executable, "-c", RECORDED, str(log), str(tmp_path / "out"), *map(str, folders)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-1], [line.split() for line in log.read_text().splitlines()]


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_a_parallel_batch_makes_what_each_job_needs_first_in_the_parent(tmp_path, make_doc):
    first = make_doc()
    second = shutil.copytree(first, tmp_path / "second")
    (second / "document.yaml").write_text(MINIMAL.replace("WO/CC/86/INF/1", "WO/CC/86/INF/2"), encoding="utf-8")
    parent, reads = recorded(tmp_path, first, second)
    assert {what for _, what in reads} == {"profile", "catalog", "regex", "classes"}  # each was made ...
    assert [f"{pid} {what}" for pid, what in reads if pid != parent] == []  # ... and none by a worker
    assert len(list((tmp_path / "out").glob("*/*.pdf"))) == 4


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_a_single_folders_models_read_the_languages_once_and_its_writes_nothing(tmp_path, make_doc):
    """The folder's worker reads each language's profile and catalog once (it makes both models); the parent
    reads the profiles its writes need (their scripts, the fonts, the CLDR data) and makes the line setting's state;
    the writes, forked from it, make nothing of it again."""
    parent, reads = recorded(tmp_path, make_doc())
    assert {what for _, what in reads} == {"profile", "catalog", "regex", "classes"}
    others = {pid for pid, _ in reads if pid != parent}
    assert len(others) == 1, reads  # the folder's worker alone: no write
    worker = [what for pid, what in reads if pid in others]
    assert sorted(worker) == ["catalog", "catalog", "profile", "profile"], reads  # en and zh, once each
    assert {what for pid, what in reads if pid == parent} == {"profile", "regex", "classes"}
    assert sorted(p.name for p in (tmp_path / "out").glob("*/*.pdf")) == ["wo_cc_86_inf_1.pdf"] * 2


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_the_code_digest_the_docx_writes_read_is_worked_out_once_in_the_parent(tmp_path, make_doc):
    """The code's digest names the styles and chart workbooks a DOCX write reads from the per-user cache
    (`i18n.cached.code`, ~10 ms): worked out in the parent as it readies the DOCX writes, and by the folder's worker
    for the models' kept blocks, never again by a write (each DOCX write worked it out, once per language)."""
    parent, reads = recorded(tmp_path, make_doc(), formats="docx,pdf", digest=True)
    digests = [pid for pid, what in reads if what == "digest"]
    assert digests.count(parent) == 1 and len(digests) == 2, reads  # the parent, and the folder's worker
    assert sorted(p.name for p in (tmp_path / "out").glob("*/*")) == ["wo_cc_86_inf_1.docx"] * 2 + ["wo_cc_86_inf_1.pdf"] * 2


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_a_long_single_folder_is_modelled_a_language_a_worker_as_a_batch(tmp_path, make_doc):
    """A paper of more Markdown than `build.ALONE_TEXT` (512 KB: its models outweigh one worker's head start) is
    built as a batch's folder is: the languages read in the parent, a model worker per language. Here the bound is
    lowered under the small document's text, which is then read as a long paper's."""
    folder = make_doc()
    parent, reads = recorded(tmp_path, folder, alone_text=10)
    assert [f"{pid} {what}" for pid, what in reads if pid != parent] == []
    assert {what for _, what in reads} == {"profile", "catalog", "regex", "classes"}


def test_the_text_a_folder_holds_is_counted_in_its_markdown_files(tmp_path):
    from ccdocs.build import ALONE_TEXT, _text_size

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("x" * 1000)
    (tmp_path / "data.csv").write_text("y" * 5000)   # not Markdown
    (tmp_path / "elsewhere").symlink_to(tmp_path / "content")   # a link is not followed
    assert _text_size(tmp_path) == 1000
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.md").write_text("w" * 2000)   # a hidden folder is not looked in
    assert _text_size(tmp_path) == 1000
    (tmp_path / "content" / "b.md").write_text("z" * ALONE_TEXT)
    assert _text_size(tmp_path) > ALONE_TEXT


def test_a_folder_of_many_entries_is_not_walked_through(tmp_path):
    """review-12 R18: the walk had no bound (a folder of 200,000 unrelated files: 3.35 s before every build): past
    WALKED entries it stops, the folder taken as a long paper's (modelled a language a worker, as a batch's)."""
    from ccdocs.build import ALONE_TEXT, WALKED, _text_size

    many = tmp_path / "scans"
    many.mkdir()
    for n in range(WALKED + 1):
        (many / f"{n}.png").touch()
    assert _text_size(tmp_path) == ALONE_TEXT + 1
