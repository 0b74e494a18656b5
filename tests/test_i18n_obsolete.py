"""Obsolete entries as GNU gettext writes them are read as it reads them (breaks-5 #3).

`msgmerge --previous` writes an obsolete entry that was fuzzy as `#, fuzzy`, `#~| msgid "…"` (the English its
translation was made from), `#~ msgid`, `#~ msgstr`; `msgfmt -c` accepts it. babel's reader refused such a
catalog whole at the `#~|` line ("unknown or misformatted keyword `|`"); it is now read as gettext reads it.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from babel.messages.catalog import Catalog

from ccdocs.i18n.catalogs import read_catalog
from ccdocs.i18n.extract import po_bytes
from refusals import invoke
from test_refuses_catalogs import PO, catalog

GNU = shutil.which("msgmerge") and shutil.which("msgfmt") and shutil.which("msgattrib")
gettext_tools = pytest.mark.skipif(not GNU, reason="GNU gettext's tools are not installed")


def zh_catalog() -> Catalog:
    found = Catalog(locale="zh", fuzzy=False)
    found.add("Kept", "留", locations=[("content/report.md", 1)])
    return found


MSGMERGED = '\n#, fuzzy\n#~| msgctxt "data"\n#~| msgid "Old"\n#~ msgctxt "data"\n#~ msgid "Gone"\n#~ msgstr "去"\n'


@gettext_tools
def test_msgmerge_previous_output_is_read_as_gettext_reads_it(tmp_path):
    """What `msgmerge --previous` writes for a fuzzy entry whose msgid left the template is read, its flag and
    previous msgid kept."""
    (tmp_path / "old.po").write_text(po_bytes(zh_catalog()).decode() + '#, fuzzy\n#| msgctxt "data"\n'
                                     '#| msgid "Old"\nmsgctxt "data"\nmsgid "Gone"\nmsgstr "去"\n', encoding="utf-8")
    (tmp_path / "new.pot").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                      'msgid "Kept"\nmsgstr ""\n', encoding="utf-8")
    merged = subprocess.run(["msgmerge", "--previous", "-q", str(tmp_path / "old.po"), str(tmp_path / "new.pot")],
                            check=True, capture_output=True, text=True).stdout
    assert merged.endswith(MSGMERGED), merged
    path = tmp_path / "content.po"
    path.write_text(merged, encoding="utf-8")
    back = read_catalog(path, "zh")
    gone = back.obsolete[("Gone", "data")]
    assert (gone.flags, gone.previous_id, gone.string) == ({"fuzzy"}, ["Old"], "去")


def test_a_catalog_with_obsolete_previous_lines_is_read(make_doc):
    """The sample's catalog with msgmerge's obsolete entries appended: `check` reads it (it refused it whole at
    the `#~|` line: "unknown or misformatted keyword `|`")."""
    folder = make_doc({PO: catalog() + MSGMERGED + '\n#~| msgid ""\n#~| "two\\n"\n#~| "lines"\n#~ msgid "Gone2"\n'
                                                  '#~ msgstr "去2"\n'})
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (0, False), output
    back = read_catalog(folder / PO, "zh")
    assert back.obsolete["Gone2"].previous_id == ["two\nlines"]
