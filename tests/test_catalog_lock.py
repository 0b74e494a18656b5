"""Two translators' imports into one catalog: neither undoes the other's work.

(breaks-7 #7: two `i18n import`s of one catalog at once each renamed its result over the other's, the last one
winning, both saying `updated`; and one after the other, the second file, exported before the first import,
put back the translations the first had changed: one translator's work was gone either way.)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time

import pytest

from ccdocs.errors import Failure
from ccdocs.i18n.catalogs import po_path, read_catalog
from ccdocs.i18n.locking import held
from conftest import DOCS, ccdocs_here, run_ccdocs

pytest.importorskip("fcntl")

OURS = "品牌和外观设计部门的资源"  # a translation of the budget fixture's zh catalog, changed in the XLIFF
THEIRS = "品牌和外观设计：按支出用途开列的资源"  # another, changed meanwhile by "the other command"


@pytest.fixture
def exported(tmp_path):
    """(folder, xlf): the budget fixture and its zh catalog exported, one unit's target changed to `甲方的资源`."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    xlf = tmp_path / "zh.xlf"
    assert ccdocs_here("i18n", "export", folder, "--lang", "zh", "-o", xlf).returncode == 0
    text = xlf.read_text(encoding="utf-8")
    target = f'<target state="translated">{OURS}</target>'
    assert target in text
    xlf.write_text(text.replace(target, '<target state="translated">甲方的资源</target>'), encoding="utf-8")
    return folder, xlf


def test_an_import_waits_for_the_command_holding_the_catalog_and_merges_into_its_result(exported):
    folder, xlf = exported
    po = po_path(folder, "zh")
    assert THEIRS in po.read_text(encoding="utf-8")
    with held(folder):
        importing = subprocess.Popen([sys.executable, "-m", "ccdocs", "i18n", "import", str(folder), "--lang", "zh",
                                      str(xlf)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = importing.stderr.readline()  # the note comes while it waits; nothing is written meanwhile
        assert said.startswith("ccdocs: note: waiting for another ccdocs command writing a catalog of"), said
        # the other command's result, written while it holds the folder
        po.write_text(po.read_text(encoding="utf-8").replace(THEIRS, "乙方的资源"), encoding="utf-8")
        time.sleep(0.2)
        assert importing.poll() is None, "it waits while the folder is held"
    out, err = importing.communicate(timeout=120)
    assert importing.returncode == 0, err
    catalog = {message.id: message.string for message in read_catalog(po) if message.id}
    assert "甲方的资源" in catalog.values(), "the import's translation"
    assert "乙方的资源" in catalog.values(), "the other command's, kept"


def test_a_command_waits_a_bounded_time_then_writes_nothing(exported):
    folder, _ = exported
    with held(folder):
        with pytest.raises(Failure, match=r"another ccdocs command has been writing a catalog of .* for 0 s: "
                                          r"nothing was written \(run this command again once it has finished\)"):
            with held(folder, wait=0.2):
                pass
    with held(folder, wait=0.2):  # released when the first ends
        pass


def translations(folder) -> set[str]:
    return {message.string for message in read_catalog(po_path(folder, "zh")) if message.id}


def edited(xlf, changes: dict, name: str):
    """A copy of the export `xlf` named `name`, each target `old` of `changes` made `new`."""
    text = xlf.read_text(encoding="utf-8")
    for old, new in changes.items():
        target = f'<target state="translated">{old}</target>'
        assert target in text
        text = text.replace(target, f'<target state="translated">{new}</target>')
    copy = xlf.with_name(name)
    copy.write_text(text, encoding="utf-8")
    return copy


def test_a_second_translators_file_exported_before_the_first_import_keeps_the_first_ones_work(exported):
    """Both exported the catalog, each translated other units: the second import keeps what the first changed
    where its own file still holds the translation as exported, and says so."""
    folder, first = exported  # 甲方的资源 for OURS
    second = edited(first, {"甲方的资源": OURS, THEIRS: "乙方的资源"}, "second.xlf")  # its OURS as exported
    assert ccdocs_here("i18n", "import", folder, "--lang", "zh", first).returncode == 0
    done = run_ccdocs("i18n", "import", folder, "--lang", "zh", second)
    assert done.returncode == 0, done.stderr
    assert {"甲方的资源", "乙方的资源"} <= translations(folder)
    assert ": the catalog's translation changed since this file was exported (another import or an edit: “甲方的资源”)" \
           ", and this file's is as exported: the catalog's is kept" in done.stderr
    assert done.stdout.strip().endswith("content.po: updated (1 newer translation of the catalog kept, listed above)")


def test_a_unit_both_translators_changed_is_skipped_with_a_warning(exported):
    folder, first = exported
    second = edited(first, {"甲方的资源": "乙方的资源"}, "second.xlf")
    assert ccdocs_here("i18n", "import", folder, "--lang", "zh", first).returncode == 0
    done = run_ccdocs("i18n", "import", folder, "--lang", "zh", second)
    assert done.returncode == 0, done.stderr
    assert "甲方的资源" in translations(folder) and "乙方的资源" not in translations(folder)
    assert re.search(r"second\.xlf:\d+:1: warning: unit 1: the catalog's translation changed since this file was "
                     r"exported \(another import or an edit: “甲方的资源”\), and this file changed it too: skipped, its "
                     r"translation not imported \(compare the two and keep one", done.stderr), done.stderr


def test_a_file_without_the_exported_translation_is_imported_as_it_says(exported):
    """A file another tool exported (or whose CAT tool dropped `extradata`) cannot tell what its translator
    changed: its targets are imported as they stand."""
    folder, first = exported
    plain = first.with_name("plain.xlf")
    plain.write_text(re.sub(r' extradata="[^"]*"', "", first.read_text(encoding="utf-8")), encoding="utf-8")
    po = po_path(folder, "zh")
    po.write_text(po.read_text(encoding="utf-8").replace(THEIRS, "乙方的资源"), encoding="utf-8")
    assert ccdocs_here("i18n", "import", folder, "--lang", "zh", plain).returncode == 0
    assert THEIRS in translations(folder) and "乙方的资源" not in translations(folder)
