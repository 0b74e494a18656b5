"""Importing an unchanged export changes nothing (docs/document-format.md): the catalog's entries are compared, not
its bytes, so a catalog written by another babel (its `Generated-By`) or with a blank line at its end is left as
it is and said `unchanged`; a changed translation is still written."""

from __future__ import annotations

import re

from conftest import ccdocs_here

PO = "locales/zh/LC_MESSAGES/content.po"


def written_elsewhere(copy_fixture):
    """The sample, its zh catalog as another babel writes it (`Generated-By: Babel 2.18.0`, a blank line at its
    end), and its export; (folder, export, the catalog's bytes)."""
    folder = copy_fixture("86")
    catalog = folder / PO
    catalog.write_text(re.sub(r"Generated-By: Babel [\d.]+", "Generated-By: Babel 2.18.0",
                              catalog.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    export = folder.parent / "zh.xlf"
    assert ccdocs_here("i18n", "export", folder, "--lang", "zh", "-o", export).returncode == 0
    return folder, export, catalog.read_bytes()


def test_an_unchanged_export_imported_leaves_the_catalog_as_it_is(copy_fixture):
    folder, export, before = written_elsewhere(copy_fixture)
    result = ccdocs_here("i18n", "import", folder, export, "--lang", "zh")
    assert result.returncode == 0 and result.stdout.strip().endswith(f"{PO}: unchanged"), result.stdout
    assert (folder / PO).read_bytes() == before


def test_a_changed_translation_is_still_written(copy_fixture):
    folder, export, before = written_elsewhere(copy_fixture)
    export.write_text(export.read_text(encoding="utf-8").replace("成果落地之年", "成果之年", 1), encoding="utf-8")
    result = ccdocs_here("i18n", "import", folder, export, "--lang", "zh")
    assert result.returncode == 0 and result.stdout.strip().endswith(f"{PO}: updated"), result.stdout
    assert 'msgstr "成果之年"' in (folder / PO).read_text(encoding="utf-8")
