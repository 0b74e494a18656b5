"""Obsolete entries keep what makes them unfinished, written and read as GNU gettext does (breaks-5 #2, #3).

An entry whose English is removed turns obsolete (`#~ msgid`); it comes back when the English returns. babel's
writer gave it neither its fuzzy flag nor its previous msgid, so an unreviewed translation came back final and a
final build printed it. It is now written as `msgmerge --previous` writes it (`#, fuzzy`, `#~| msgid "…"`, `#~
msgid`, `#~ msgstr`), and such a catalog, which babel's reader refused whole at the `#~|` line ("keyword `|`"),
is read as gettext reads it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from ccdocs.i18n.catalogs import read_catalog
from ccdocs.i18n.extract import UNWRAPPED, po_bytes
from refusals import Case, invoke
from test_refuses_catalogs import HEADING, PO, catalog, po, zh
from test_refuses_markdown import FILE

GNU = shutil.which("msgmerge") and shutil.which("msgfmt") and shutil.which("msgattrib")
gettext_tools = pytest.mark.skipif(not GNU, reason="GNU gettext's tools are not installed")
FUZZY_HEADING = catalog().replace(f'msgid "{HEADING}"', f'#, fuzzy\n#| msgid "Introductions"\nmsgid "{HEADING}"')


def update(folder: Path) -> str:
    code, output, escaped = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0 and not escaped, output
    return output


def heading_removed_then_restored(folder: Path, out: Path) -> None:
    """The report's heading rewritten and `i18n update` run (its fuzzy entry turns obsolete), then the heading
    written back and `i18n update` run again (the entry comes back)."""
    report = folder / FILE
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace(f"# {HEADING}\n", "# Something else entirely\n", 1), encoding="utf-8")
    assert "1 obsolete" in update(folder)
    report.write_text(text, encoding="utf-8")
    update(folder)


CASES = [
    # the revived entry is fuzzy, with its previous msgid: refused by a final build as before it turned obsolete
    zh("fuzzy-made-obsolete-comes-back-fuzzy", po(FUZZY_HEADING), f'{FILE}:1 (report, before ¶1): "{HEADING}"',
       "content.po:", setup=heading_removed_then_restored),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    assert "error: fuzzy segment of" in refuse(case)


def zh_catalog() -> Catalog:
    found = Catalog(locale="zh", fuzzy=False)
    found.add("Kept", "留", locations=[("content/report.md", 1)])
    return found


def test_an_obsolete_fuzzy_entry_is_written_as_msgmerge_writes_it(tmp_path):
    written = zh_catalog()
    written.obsolete["Gone"] = Message("Gone", "去", flags=["fuzzy"], previous_id=["Old"], user_comments=["note"])
    written.obsolete[("Two\nlines", "data")] = Message("Two\nlines", "两行", context="data",
                                                      flags=["fuzzy"], previous_id=["Old\nlines"])
    text = po_bytes(written).decode()
    assert text.endswith('\n# note\n#, fuzzy\n#~| msgid "Old"\n#~ msgid "Gone"\n#~ msgstr "去"\n\n'
                         '#, fuzzy\n#~| msgid "" "Old\\n" "lines"\n#~ msgctxt "data"\n#~ msgid ""\n#~ "Two\\n"\n'
                         '#~ "lines"\n#~ msgstr "两行"\n\n'), text
    path = tmp_path / "content.po"
    path.write_bytes(po_bytes(written))
    back = read_catalog(path, "zh")
    assert {key: (m.flags, m.previous_id, m.user_comments) for key, m in back.obsolete.items()} == {
        "Gone": ({"fuzzy"}, ["Old"], ["note"]), ("Two\nlines", "data"): ({"fuzzy"}, ["Old\nlines"], [])}


@gettext_tools
def test_gettext_reads_the_written_obsolete_entry_as_fuzzy(tmp_path):
    """msgfmt -c accepts the catalog; msgattrib sees the obsolete entry fuzzy, its previous msgid kept."""
    written = zh_catalog()
    written.obsolete["Gone"] = Message("Gone", "去", flags=["fuzzy"], previous_id=["Old"])
    path = tmp_path / "content.po"
    path.write_bytes(po_bytes(written))
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True, capture_output=True)
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--only-obsolete", str(path)], check=True,
                           capture_output=True, text=True).stdout
    assert '#~| msgid "Old"\n#~ msgid "Gone"' in fuzzy


def test_an_obsolete_entry_without_flags_is_written_as_babel_wrote_it():
    written = zh_catalog()
    written.obsolete["Gone"] = Message("Gone", "去", user_comments=["note"])
    written.obsolete[("Two\nlines", "data")] = Message("Two\nlines", "两\n行", context="data")
    babel = io.BytesIO()
    write_po(babel, written, width=UNWRAPPED, include_previous=True)
    assert po_bytes(written) == babel.getvalue()


MSGMERGED = '\n#, fuzzy\n#~| msgctxt "data"\n#~| msgid "Old"\n#~ msgctxt "data"\n#~ msgid "Gone"\n#~ msgstr "去"\n'


@gettext_tools
def test_msgmerge_previous_output_is_read_as_gettext_reads_it(tmp_path):
    """What `msgmerge --previous` writes for a fuzzy entry whose msgid left the template is read, its flag and
    previous msgid kept, and written back as msgmerge wrote it."""
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
    assert MSGMERGED + "\n" in po_bytes(back).decode()  # written back as msgmerge wrote it, previous msgctxt too


def test_update_keeps_an_obsolete_entry_s_previous_msgctxt(make_doc):
    """`i18n update` wrote msgmerge's obsolete entry back without its `#~| msgctxt "data"` (the previous msgid's
    context), keeping its `#~| msgid`; a previous msgctxt of two lines, or an empty one, is kept as written."""
    entries = (MSGMERGED + '\n#, fuzzy\n#~| msgctxt ""\n#~| "da\\n"\n#~| "ta"\n#~| msgid "Older"\n#~ msgid "Gone3"\n'
               '#~ msgstr "去3"\n' + '\n#, fuzzy\n#~| msgctxt ""\n#~| msgid "Oldest"\n#~ msgid "Gone4"\n#~ msgstr "去4"\n')
    folder = make_doc({PO: catalog() + entries})
    update(folder)
    assert entries.replace('#~| msgctxt ""\n#~| "da', '#~| msgctxt "" "da').replace('\n#~| "ta"', ' "ta"') \
        in (folder / PO).read_text(encoding="utf-8")


def test_a_catalog_with_obsolete_previous_lines_is_read(make_doc):
    """The sample's catalog with msgmerge's obsolete entries appended: `check` reads it (it refused it whole at
    the `#~|` line: "unknown or misformatted keyword `|`")."""
    folder = make_doc({PO: catalog() + MSGMERGED + '\n#~| msgid ""\n#~| "two\\n"\n#~| "lines"\n#~ msgid "Gone2"\n'
                                                  '#~ msgstr "去2"\n'})
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (0, False), output
    back = read_catalog(folder / PO, "zh")
    assert back.obsolete["Gone2"].previous_id == ["two\nlines"]
