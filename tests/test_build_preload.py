"""What every model job of a parallel build needs is read once, in the parent, before the model workers are forked:
each language's profile and toolkit catalog (`preload.read_languages`). Each worker would otherwise parse them
again on its first resolve (and import babel's PO reader's email package to read the catalog).

The build runs in a fresh interpreter (this one has read every profile already), two workers asked for, every read
of a profile or a catalog recorded with the process that made it. What is asserted is where the reads happen,
never a duration.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from ccdocs.workers import can_fork

RECORDED = """
import os, sys
from pathlib import Path
from ccdocs.l10n import catalog, language

log = Path(sys.argv[1])

def noted(what, func):
    def read(*args, **kwargs):
        with log.open("a") as handle:
            handle.write(f"{os.getpid()} {what}\\n")
        return func(*args, **kwargs)
    return read

language._Reader.language = noted("profile", language._Reader.language)
catalog.Catalog.read = classmethod(noted("catalog", catalog.Catalog.read.__func__))
from ccdocs.build import build
build([Path(sys.argv[2])], Path(sys.argv[3]), ["en", "zh"], ("docx",), workers=2)
print(os.getpid())
"""


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_a_parallel_build_reads_each_profile_and_catalog_in_the_parent_before_forking(tmp_path, make_doc):
    log = tmp_path / "reads.txt"
    done = subprocess.run([sys.executable, "-c", RECORDED, str(log), str(make_doc()), str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    parent = done.stdout.split()[-1]
    reads = [line.split() for line in log.read_text().splitlines()]
    assert {what for _, what in reads} == {"profile", "catalog"}  # both kinds were read ...
    assert [f"{pid} {what}" for pid, what in reads if pid != parent] == []  # ... and none by a worker
    assert sorted(p.name for p in (tmp_path / "out").glob("*/*.docx")) == ["wo_cc_86_inf_1.docx"] * 2
