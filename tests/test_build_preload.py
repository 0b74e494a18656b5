"""What every job of a parallel build needs first is made once, in the parent, and inherited by the workers it forks:
each language's profile and toolkit catalog, read before the model workers are forked (`preload.read_languages`;
each worker would otherwise parse them again on its first resolve, and import babel's PO reader's email package to
read the catalog), and the line setting's first-use state, made before the writes are forked
(`preload.ready_line_setting`: the regex telling a CJK text, uniseg for a Chinese document).

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
from functools import cache
from pathlib import Path
from ccdocs.l10n import catalog, language
from ccdocs.writers.pdf import cjk

log = Path(sys.argv[1])

def noted(what, func):
    def read(*args, **kwargs):
        with log.open("a") as handle:
            handle.write(f"{os.getpid()} {what}\\n")
        return func(*args, **kwargs)
    return read

class Imported:
    def find_spec(self, name, path=None, target=None):
        if name == "uniseg.linebreak":
            noted("uniseg", lambda: None)()

language._Reader.language = noted("profile", language._Reader.language)
catalog.Catalog.read = classmethod(noted("catalog", catalog.Catalog.read.__func__))
cjk.cjk_char = cache(noted("regex", cjk.cjk_char.__wrapped__))
sys.meta_path.insert(0, Imported())
from ccdocs.build import build
build([Path(sys.argv[2])], Path(sys.argv[3]), ["en", "zh"], ("pdf",), workers=2)
print(os.getpid())
"""


@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")
def test_a_parallel_build_makes_what_each_job_needs_first_in_the_parent(tmp_path, make_doc):
    log = tmp_path / "reads.txt"
    done = subprocess.run([sys.executable, "-c", RECORDED, str(log), str(make_doc()), str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    parent = done.stdout.split()[-1]
    reads = [line.split() for line in log.read_text().splitlines()]
    assert {what for _, what in reads} == {"profile", "catalog", "regex", "uniseg"}  # each was made ...
    assert [f"{pid} {what}" for pid, what in reads if pid != parent] == []  # ... and none by a worker
    assert sorted(p.name for p in (tmp_path / "out").glob("*/*.pdf")) == ["wo_cc_86_inf_1.pdf"] * 2
