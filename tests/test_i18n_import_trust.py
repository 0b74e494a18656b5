"""`ccdocs i18n import` says what it does to the catalog, and refuses what the build would refuse.

- A blanked `<target>` (spaces, or characters that print nothing) is the translator taking a translation out: the
  entry is cleared (untranslated, not fuzzy), and the import names the unit in a note at its XLIFF line and counts it
  in its summary; it was kept unchanged and unsaid before. A unit with no `<target>` still changes nothing.
- A target the catalog's checkers pass but the build refuses (an entity naming a control character or nothing
  visible, a mark the PDF prints apart from its letter) is refused at its unit's XLIFF line: the import builds the
  document in the language, unwritten, from the catalog as it would write it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from ccdocs.i18n.catalogs import po_path, read_catalog
from refusals import Case, in_one_process, invoke
from test_i18n_xliff import IMPORT, X, _raw, units


def _heading_unit(xlf: Path):
    return next(u for u in units(xlf) if u.findtext(f"{X}source") == "Introduction")


def _import(folder: Path, xlf: Path) -> tuple[int, str]:
    with in_one_process():
        code, output, escaped = invoke(["i18n", "import", str(folder), str(xlf), "--lang", "zh"])
    assert not escaped, output
    return code, output


def _with_heading_target(folder: Path, out: Path, write) -> Path:
    """The minimal document's zh catalog with its heading translated `导言`, exported again to out/again.xlf, the
    heading unit's `<target>` then changed by `write(target)`; the file's path."""
    out.mkdir(exist_ok=True)
    _raw("导言")(folder, out)
    assert _import(folder, out / "doc.xlf")[0] == 0
    with in_one_process():
        code, output, _ = invoke(["i18n", "export", str(folder), "--lang", "zh", "-o", str(out / "again.xlf")])
    assert code == 0, output
    tree = etree.parse(str(out / "again.xlf"))
    unit = next(u for u in tree.iter(f"{X}trans-unit") if u.findtext(f"{X}source") == "Introduction")
    write(unit, unit.find(f"{X}target"))
    tree.write(str(out / "again.xlf"), xml_declaration=True, encoding="UTF-8")
    return out / "again.xlf"


def _blank(text: str):
    def write(unit, target) -> None:
        target.text = text
    return write


@pytest.mark.parametrize("blank", ["", "   ", "\u3164", "\u200b\u00a0"], ids=["empty", "spaces", "hangul-filler",
                                                                          "invisible"])
def test_a_blanked_target_clears_the_translation_and_the_import_says_so_at_its_line(make_doc, tmp_path, blank):
    folder = make_doc()
    xlf = _with_heading_target(folder, tmp_path / "out", _blank(blank))
    assert read_catalog(po_path(folder, "zh"), "zh").get("Introduction").string == "导言"
    code, output = _import(folder, xlf)
    assert code == 0, output
    line = _heading_unit(xlf).sourceline
    assert re.search(rf"again\.xlf:{line}:1: note: unit \d+ \(heading: report, before ¶1\): its target is blank, so "
                     "its translation was cleared: the entry is untranslated now", output), output
    assert output.rstrip().endswith("content.po: updated (1 translation cleared, listed above)"), output
    message = read_catalog(po_path(folder, "zh"), "zh").get("Introduction")
    assert message.string == "" and not message.fuzzy and not message.previous_id


def test_a_unit_without_a_target_keeps_the_translation_and_says_nothing(make_doc, tmp_path):
    folder = make_doc()
    xlf = _with_heading_target(folder, tmp_path / "out", lambda unit, target: unit.remove(target))
    code, output = _import(folder, xlf)
    assert code == 0 and "note:" not in output and output.rstrip().endswith("unchanged"), output
    assert read_catalog(po_path(folder, "zh"), "zh").get("Introduction").string == "导言"


def test_a_blank_target_of_an_untranslated_entry_is_no_change(make_doc, tmp_path):
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _raw("  ")(folder, out)
    code, output = _import(folder, out / "doc.xlf")
    assert code == 0 and "note:" not in output and output.rstrip().endswith("unchanged"), output


BUILD_REFUSES = [  # (id, raw target of the heading unit, what the build says)
    ("entity-of-nothing", "&amp;ZeroWidthSpace;", "a heading without text"),
    ("control-entity", "导&amp;#0;言", "`&#0;` names a control character U+0000"),
    ("bidi-entity", "导&amp;#x202E;言", "`&#x202E;` names a bidirectional embedding"),
    ("mark-apart", "导x&#x304;言", "'x' + U+0304 COMBINING MACRON, which no single character writes"),
    ("tab-reference", "导&#x9;言", "a tab U+0009 in the translation"),
]


@pytest.mark.parametrize("raw, fragment", [case[1:] for case in BUILD_REFUSES], ids=[case[0] for case in BUILD_REFUSES])
def test_what_the_build_refuses_in_a_translation_is_refused_at_its_unit(refuse, tmp_path, raw, fragment):
    output = refuse(Case("build-refuses", {}, fragment, "doc.xlf:", setup=_raw(raw), command=IMPORT, check=False))
    line = _heading_unit(tmp_path / "out" / "doc.xlf").sourceline
    assert re.search(rf"doc\.xlf:{line}:1: error: .*{re.escape(fragment)}", output), output
