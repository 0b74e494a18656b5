"""A batch refused for what it asks as a whole (two folders whose symbols make the same file name, a language some
folders do not list) still prints the problems of its folders read before (breaks-9 #1): the progress line said
`g2: 1 error` and the error itself was never shown."""

from __future__ import annotations

import re

from conftest import run_ccdocs
from test_batch import copies


def test_a_batch_whose_folders_collide_prints_every_folders_errors_and_the_collision(tmp_path):
    first, bad, twin = copies(tmp_path, 3)
    for folder in (bad, twin):   # the same symbol as budget-1: the same file names
        spec = folder / "document.yaml"
        spec.write_text(re.sub(r"WO/PBC/35/INF/\d", "WO/PBC/35/INF/1", spec.read_text(encoding="utf-8")),
                        encoding="utf-8")
    spec = bad / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("date: 2023-05-12", "date: 2023-05-32"),
                    encoding="utf-8")
    done = run_ccdocs("build", "budget-1", "budget-2", "budget-3", "--lang", "en", "--out", "out", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert any(re.match(r"budget-2/document\.yaml:\d+:\d+: error: `2023-05-32` is not a date", line)
               for line in lines), lines
    assert lines[-1].startswith("ccdocs: error: out/en/wo_pbc_35_inf_1.") and \
        "would be written by budget-1 and budget-3" in lines[-1], lines
    assert not (tmp_path / "out").exists()


def test_a_batch_asking_a_language_some_folders_lack_prints_the_others_errors_too(tmp_path):
    _, bad, lacking = copies(tmp_path, 3)
    spec = lacking / "document.yaml"
    spec.write_text(re.sub(r"(?m)^languages:.*$", "languages: [en]", spec.read_text(encoding="utf-8")),
                    encoding="utf-8")
    spec = bad / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("date: 2023-05-12", "date: 2023-05-32"),
                    encoding="utf-8")
    done = run_ccdocs("build", "budget-1", "budget-2", "budget-3", "--lang", "zh", "--out", "out", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert any(re.match(r"budget-2/document\.yaml:\d+:\d+: error: `2023-05-32` is not a date", line)
               for line in lines), lines
    assert lines[-1].startswith("ccdocs: error: --lang zh: budget-3 does not list zh"), lines
