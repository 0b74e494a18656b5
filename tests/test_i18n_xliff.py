"""`ccdocs i18n export --format xliff` / `i18n import`: the catalog as XLIFF 1.2 for CAT tools, and back.

The sample WO/CC/86/INF/1 (a copy) has one paragraph edited in English and updated, so one entry is fuzzy; its
XLIFF is validated against the OASIS XLIFF 1.2 strict schema (tests/xliff/), translated there, and imported.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from ccdocs.i18n.catalogs import po_path, read_catalog
from conftest import DOCS, run_ccdocs
from refusals import Case

SCHEMAS = Path(__file__).parent / "xliff"
X = "{urn:oasis:names:tc:xliff:document:1.2}"
EDITED = ("The Organization chose to treat these pressures", "The Organization decided to treat these pressures")


class _LocalSchemas(etree.Resolver):
    """The strict schema imports W3C's xml.xsd by its URL: read the copy stored beside it (no network)."""

    def resolve(self, url, public_id, context):
        return self.resolve_filename(str(SCHEMAS / Path(url).name), context)


def schema() -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """(folder, xlf): a copy of the sample with report ¶2 edited and updated (fuzzy), exported as XLIFF."""
    folder = tmp_path_factory.mktemp("xliff") / "doc"
    shutil.copytree(DOCS["86"], folder, ignore=shutil.ignore_patterns("expected"))
    intro = folder / "content" / "01-introduction.md"
    intro.write_text(intro.read_text(encoding="utf-8").replace(*EDITED), encoding="utf-8")
    assert run_ccdocs("i18n", "update", folder, "--lang", "zh").returncode == 0
    xlf = folder.parent / "doc.xlf"
    result = run_ccdocs("i18n", "export", folder, "--lang", "zh", "--format", "xliff", "-o", xlf)
    assert result.returncode == 0, result.stderr
    return folder, xlf


def units(xlf: Path) -> list:
    return list(etree.parse(str(xlf)).iter(f"{X}trans-unit"))


def fuzzy_unit(xlf: Path):
    return next(u for u in units(xlf) if u.findtext(f"{X}source").startswith(EDITED[1]))


def test_the_export_is_valid_xliff_1_2_strict(exported):
    valid = schema()
    assert valid.validate(etree.parse(str(exported[1]))), valid.error_log


def test_every_active_entry_is_a_unit_and_table_texts_keep_their_msgctxt_as_resname(exported):
    folder, xlf = exported
    catalog = read_catalog(po_path(folder, "zh"), "zh")
    active = [m for m in catalog if m.id]
    found = units(xlf)
    sample = [m for m in read_catalog(po_path(DOCS["86"], "zh"), "zh") if m.id]  # one paragraph edited: as many
    assert len(found) == len(active) == len(sample)
    tables = [u for u in found if u.get("resname") == "data"]
    assert len(tables) == sum(m.context == "data" for m in active) == sum(m.context == "data" for m in sample) > 0
    assert all(u.find(f"{X}target").get("state") == "translated" for u in tables if u.find(f"{X}target") is not None)
    assert [u.get("id") for u in found] == [str(n) for n in range(1, len(active) + 1)]


def test_a_fuzzy_entry_needs_review_and_carries_its_previous_source_and_place(exported):
    unit = fuzzy_unit(exported[1])
    assert unit.find(f"{X}target").get("state") == "needs-review-translation"
    alt = unit.find(f"{X}alt-trans")
    assert alt.get("alttranstype") == "previous-version"
    assert alt.findtext(f"{X}source").startswith(EDITED[0])
    assert unit.findtext(f"{X}note").startswith("paragraph: report ¶2; content/01-introduction.md:5")


def test_what_must_be_kept_is_a_protected_inline_code_with_the_same_id_on_both_sides(exported):
    unit = next(u for u in units(exported[1]) if u.findtext(f"{X}note").startswith("paragraph: cover-note ¶2;"))
    codes = [{ph.text: ph.get("id") for ph in unit.find(f"{X}{side}").iter(f"{X}ph")} for side in ("source", "target")]
    assert codes[0] == codes[1] == {"{{ report.period_start | daterange(report.period_end) }}": "1",
                                    "[^cc-topics]": "2", "{{ report.year }}": "3", "[](#gdap)": "4"}
    assert "{{" not in "".join(unit.find(f"{X}source").xpath("text()"))  # no code left in the editable text
    link = next(u for u in units(exported[1]) if u.findtext(f"{X}note").startswith("footnote *;"))
    ids = [[ph.get("id") for ph in link.find(f"{X}{side}").iter(f"{X}ph")] for side in ("source", "target")]
    assert ids[0] == ids[1] == ["1", "2"]  # the localized link target (/en/ → /zh/) is the same code


def test_an_unchanged_round_trip_changes_nothing(exported):
    folder, xlf = exported
    before = po_path(folder, "zh").read_bytes()
    result = run_ccdocs("i18n", "import", folder, xlf, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("unchanged")
    assert po_path(folder, "zh").read_bytes() == before


def test_a_translation_done_in_the_cat_tool_comes_back_translated_and_not_fuzzy(exported, tmp_path):
    folder, xlf = exported
    tree = etree.parse(str(xlf))
    unit = next(u for u in tree.iter(f"{X}trans-unit") if u.findtext(f"{X}source").startswith(EDITED[1]))
    target = unit.find(f"{X}target")
    target.text = target.text.replace("选择", "决定")
    target.set("state", "translated")
    done = tmp_path / "done.xlf"
    tree.write(str(done), xml_declaration=True, encoding="UTF-8")
    tables_before = {(m.id, m.string) for m in read_catalog(po_path(folder, "zh"), "zh") if m.context == "data"}

    result = run_ccdocs("i18n", "import", folder, done, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    catalog = read_catalog(po_path(folder, "zh"), "zh")
    message = next(m for m in catalog if m.id.startswith(EDITED[1]))
    assert message.string == target.text and "决定" in message.string
    assert not message.fuzzy and not message.previous_id
    assert {(m.id, m.string) for m in catalog if m.context == "data"} == tables_before
    assert "#| msgid" not in po_path(folder, "zh").read_text(encoding="utf-8")


def _changed_source(folder: Path, out: Path) -> None:
    """Make the zh catalog, export it to out/doc.xlf, then change the English of unit 2 there."""
    assert run_ccdocs("i18n", "update", folder, "--lang", "zh").returncode == 0
    assert run_ccdocs("i18n", "export", folder, "--lang", "zh", "-o", out / "doc.xlf").returncode == 0
    text = (out / "doc.xlf").read_text(encoding="utf-8")
    (out / "doc.xlf").write_text(text.replace("<source>Second paragraph.</source>",
                                              "<source>Second paragraph, edited.</source>\n<target>第二段。</target>"),
                                 encoding="utf-8")


def _unit_line(out: Path) -> int:
    lines = (out / "doc.xlf").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "Second paragraph, edited." in line) - 1


def _translating(source: str, text: str):
    """A setup exporting the minimal document, then translating the unit whose source begins with `source` as
    `text`, as confirmed (lxml writes a carriage return as `&#13;`, which the XML reader keeps)."""
    def setup(folder: Path, out: Path) -> None:
        assert run_ccdocs("i18n", "update", folder, "--lang", "zh").returncode == 0
        assert run_ccdocs("i18n", "export", folder, "--lang", "zh", "-o", out / "doc.xlf").returncode == 0
        tree = etree.parse(str(out / "doc.xlf"))
        unit = next(u for u in tree.iter(f"{X}trans-unit") if "".join(u.find(f"{X}source").itertext()).startswith(
            source))
        target = etree.Element(f"{X}target", state="translated")
        target.text = text
        unit.find(f"{X}source").addnext(target)
        tree.write(str(out / "doc.xlf"), xml_declaration=True, encoding="UTF-8")
    return setup


@pytest.mark.parametrize("case", [
    Case("source-changed", {}, "its source is not an entry of the catalog", "doc.xlf:", setup=_changed_source,
         command=("i18n", "import", "{doc}", "{out}/doc.xlf", "--lang", "zh"), check=False),
    Case("check-fails", {}, "placeholder `{{ workforce.staff | number }}` is missing", "doc.xlf:",
         setup=_translating("We count", "我们有员工。[^staff]"),
         command=("i18n", "import", "{doc}", "{out}/doc.xlf", "--lang", "zh"), check=False),
    Case("line-break-in-heading", {}, "the first a carriage return U+000D", "doc.xlf:",
         setup=_translating("Introduction", "导\r言"),
         command=("i18n", "import", "{doc}", "{out}/doc.xlf", "--lang", "zh"), check=False),
], ids=lambda case: case.id)
def test_import_refuses_at_the_xliff_line_and_writes_nothing(refuse, case):
    output = refuse(case)
    assert re.search(r"doc\.xlf:\d+:1: error:", output)


def test_the_refused_unit_is_named_at_its_own_line(make_doc, tmp_path):
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _changed_source(folder, out)
    result = run_ccdocs("i18n", "import", folder, out / "doc.xlf", "--lang", "zh")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"doc.xlf:{_unit_line(out)}:1: error: unit " in result.stderr
