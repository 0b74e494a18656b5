"""Importing an unchanged export changes nothing, the entries' fuzzy flags included.

(breaks-8 #6: the export named each unit's translation by a digest of the msgstr alone, so a reviewer's `#, fuzzy`
set in the catalog after the export was cleared by any later import of that export, `updated`, nothing said, and
the final build printed the entry it refused before; the other way round, an entry confirmed in the catalog since
the export was made fuzzy again.) Now the digest covers the translation and its state as exported: a unit whose
target and state are as exported keeps the catalog's entry, with a note; a translator's own change of state in the
CAT tool is imported as before. An export of an older ccdocs (its digest of the translation alone) never clears a
fuzzy flag the catalog holds where its unit's text is as exported: who set it cannot be told.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from lxml import etree

from ccdocs.i18n.catalogs import po_path, read_catalog
from ccdocs.i18n.xliff import NAMESPACE
from conftest import DOCS, ccdocs_here

SOURCE = "Resources of the Brands and Designs Sector"  # the budget fixture's first entry (its heading)
OURS = "品牌和外观设计部门的资源"  # its translation, confirmed in the fixture's zh catalog


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], copy, ignore=shutil.ignore_patterns("expected"))
    return copy


def fuzzy(folder) -> bool:
    """Whether the entry of SOURCE is fuzzy in the zh catalog."""
    return read_catalog(po_path(folder, "zh")).get(SOURCE).fuzzy


def flag(folder, fuzzy: bool) -> None:
    """Mark the entry of SOURCE fuzzy in the catalog (as a reviewer does in Poedit), or confirm it."""
    po = po_path(folder, "zh")
    text = po.read_text(encoding="utf-8")
    entry = f'msgid "{SOURCE}"\n'
    text = text.replace(f"#, fuzzy\n{entry}", entry)
    po.write_text(text.replace(entry, f"#, fuzzy\n{entry}") if fuzzy else text, encoding="utf-8")


def export(folder):
    xlf = folder.parent / "zh.xlf"
    done = ccdocs_here("i18n", "export", folder, "--lang", "zh", "-o", xlf)
    assert done.returncode == 0, done.stderr
    return xlf


def imported(folder, xlf):
    done = ccdocs_here("i18n", "import", folder, "--lang", "zh", xlf)
    assert done.returncode == 0, done.stderr
    return done


def test_a_fuzzy_flag_set_in_the_catalog_since_the_export_is_kept_and_told(folder):
    xlf = export(folder)
    flag(folder, True)  # the reviewer: "needs rework", the translation unchanged
    done = imported(folder, xlf)
    assert fuzzy(folder), "the reviewer's flag is kept"
    assert ": the catalog's entry was marked fuzzy since this file was exported (a review or an edit), and this " \
           "file's is as exported: the catalog's is kept (fuzzy: a final build refuses it until it is confirmed)" \
           in done.stderr, done.stderr
    assert done.stdout.strip().endswith("content.po: unchanged (1 newer translation of the catalog kept, "
                                        "listed above)"), done.stdout


def test_an_entry_confirmed_in_the_catalog_since_the_export_stays_confirmed_and_it_is_told(folder):
    flag(folder, True)
    xlf = export(folder)
    assert 'state="needs-review-translation">' + OURS in xlf.read_text(encoding="utf-8")
    flag(folder, False)  # the reviewer confirms it in the catalog
    done = imported(folder, xlf)
    assert not fuzzy(folder), "the reviewer's confirmation is kept"
    assert ": the catalog's entry was confirmed (its fuzzy flag removed) since this file was exported, and this " \
           "file's is as exported (`needs-review-translation`): the catalog's is kept" in done.stderr, done.stderr


@pytest.mark.parametrize("exported_fuzzy", [False, True], ids=["flagged-in-the-cat-tool", "confirmed-in-the-cat-tool"])
def test_a_state_the_translator_changed_in_the_cat_tool_is_imported(folder, exported_fuzzy):
    """The catalog unchanged since the export: the unit's state is the translator's word, as before."""
    flag(folder, exported_fuzzy)
    xlf = export(folder)
    states = ('"translated"', '"needs-review-translation"')
    old, new = (f"state={s}>{OURS}" for s in (states[::-1] if exported_fuzzy else states))
    text = xlf.read_text(encoding="utf-8")
    assert old in text
    xlf.write_text(text.replace(old, new), encoding="utf-8")
    done = imported(folder, xlf)
    assert fuzzy(folder) is not exported_fuzzy
    assert "catalog's is kept" not in done.stderr


def _older(xlf) -> None:
    """Make `xlf` what a ccdocs before this change exported: each unit's digest of its translation alone."""
    tree = etree.parse(str(xlf))
    for unit in tree.iter(f"{{{NAMESPACE}}}trans-unit"):
        target = unit.find(f"{{{NAMESPACE}}}target")
        text = "".join(target.itertext()) if target is not None else ""
        unit.set("extradata", "ccdocs-exported:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16])
    tree.write(str(xlf), encoding="UTF-8", xml_declaration=True)


def test_an_older_export_never_clears_a_fuzzy_flag_the_catalog_holds_where_its_text_is_as_exported(folder):
    xlf = export(folder)
    _older(xlf)
    flag(folder, True)
    done = imported(folder, xlf)
    assert fuzzy(folder)
    assert "this file, exported by an older ccdocs, does not record the state its units were exported in" \
           in done.stderr, done.stderr


def test_an_older_export_still_imports_a_changed_translation(folder):
    xlf = export(folder)
    _older(xlf)
    text = xlf.read_text(encoding="utf-8")
    xlf.write_text(text.replace(f">{OURS}<", ">甲方的资源<"), encoding="utf-8")
    imported(folder, xlf)
    assert read_catalog(po_path(folder, "zh")).get(SOURCE).string == "甲方的资源"
