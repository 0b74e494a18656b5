"""`ccdocs i18n export --format xliff` / `i18n import`: the catalog as XLIFF 1.2 for CAT tools, and back.

The sample WO/CC/86/INF/1 (a copy) has one paragraph edited in English and updated, so one entry is fuzzy; its
XLIFF is validated against the OASIS XLIFF 1.2 strict schema (tests/xliff/), translated there, and imported.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from ccdocs.i18n.catalogs import po_path, read_catalog
from conftest import DOCS, ccdocs_here, run_ccdocs
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
    assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0
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


def _made(folder: Path) -> None:
    """The minimal document's zh catalog made by `ccdocs i18n update`, every entry untranslated (in place of the one
    translating the text as written that `conftest.write_doc` gives it)."""
    po_path(folder, "zh").unlink(missing_ok=True)
    assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0


def _changed_source(folder: Path, out: Path) -> None:
    """Make the zh catalog (`_made`), export it to out/doc.xlf, then change the English of unit 2 there."""
    _made(folder)
    assert ccdocs_here("i18n", "export", folder, "--lang", "zh", "-o", out / "doc.xlf").returncode == 0
    text = (out / "doc.xlf").read_text(encoding="utf-8")
    (out / "doc.xlf").write_text(text.replace("<source>Second paragraph.</source>",
                                              "<source>Second paragraph, edited.</source>\n<target>第二段。</target>"),
                                 encoding="utf-8")


def _unit_line(out: Path) -> int:
    lines = (out / "doc.xlf").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "Second paragraph, edited." in line) - 1


def _translated(out: Path, source: str, text: str) -> None:
    """Give the unit of out/doc.xlf whose source begins with `source` the confirmed target `text`."""
    tree = etree.parse(str(out / "doc.xlf"))
    unit = next(u for u in tree.iter(f"{X}trans-unit") if "".join(u.find(f"{X}source").itertext()).startswith(source))
    target = etree.Element(f"{X}target", state="translated")
    target.text = text
    unit.find(f"{X}source").addnext(target)
    tree.write(str(out / "doc.xlf"), xml_declaration=True, encoding="UTF-8")


def _translating(source: str, text: str):
    """A setup exporting the minimal document, then translating the unit whose source begins with `source` as
    `text`, as confirmed (lxml writes a carriage return as `&#13;`, which the XML reader keeps)."""
    def setup(folder: Path, out: Path) -> None:
        _made(folder)
        assert ccdocs_here("i18n", "export", folder, "--lang", "zh", "-o", out / "doc.xlf").returncode == 0
        _translated(out, source, text)
    return setup


@pytest.mark.parametrize("case", [
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


def test_stale_units_are_skipped_each_told_at_its_line_and_the_others_imported(make_doc, tmp_path):
    """A unit whose English changed since the export (newcomer #16: the whole file was refused for two) is skipped
    with a warning at its line saying what to do; the units that match are imported, exit 0 (the entry the English
    now has stays untranslated, which a final build refuses: nothing lost unseen)."""
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _changed_source(folder, out)
    (out / "doc.xlf").write_text((out / "doc.xlf").read_text(encoding="utf-8").replace(
        "<source>Annex paragraph.</source>", "<source>Annex paragraph, edited.</source>\n<target>附件段落。</target>"),
        encoding="utf-8")
    _translated(out, "Introduction", "导言")
    lines = (out / "doc.xlf").read_text(encoding="utf-8").splitlines()
    stale = [n for n, line in enumerate(lines, 1) if ", edited.</source>" in line]
    result = run_ccdocs("i18n", "import", folder, out / "doc.xlf", "--lang", "zh")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    told = result.stderr.splitlines()
    assert [line.split(": unit ")[0] for line in told] == [f"{out / 'doc.xlf'}:{n - 1}:1: warning" for n in stale]
    assert all("skipped, its translation not imported" in line and "export again with `ccdocs i18n export`" in line
               for line in told), told
    assert result.stdout.strip().endswith("content.po: updated (2 stale units skipped, listed above)")
    catalog = read_catalog(po_path(folder, "zh"), "zh")
    assert catalog.get("Introduction").string == "导言" and not catalog.get("Introduction").fuzzy
    assert not catalog.get("Second paragraph.").string and not catalog.get("Annex paragraph.").string


def test_a_stale_unit_is_refused_with_the_others_when_the_import_is_refused(make_doc, tmp_path):
    """Where another unit is refused, nothing is written and the stale units are errors among them, in order."""
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _changed_source(folder, out)
    _translated(out, "We count", "我们有员工。[^staff]")  # its placeholder left out: fails a check
    before = po_path(folder, "zh").read_bytes()
    result = run_ccdocs("i18n", "import", folder, out / "doc.xlf", "--lang", "zh")
    assert result.returncode == 1 and "nothing was written" in result.stderr
    told = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(told) == 2 and any(f"doc.xlf:{_unit_line(out)}:1: error: unit " in line and "not an entry of the "
                                  "catalog" in line for line in told), told
    assert not any("skipped" in line for line in told), told   # review-12 R7: nothing is skipped, all is refused
    assert po_path(folder, "zh").read_bytes() == before


# What ccdocs reads from an XLIFF file (an import, a memory) before translate-toolkit builds it: a character a
# paper may not hold in a unit, a DOCTYPE, more units or bytes than a catalog has; each refused at its line and
# column, nothing written. The setups run ccdocs in this process (`refusals.invoke`), as the refusals do.

IMPORT = ("i18n", "import", "{doc}", "{out}/doc.xlf", "--lang", "zh")
MEMORY = ("i18n", "update", "{doc}", "--lang", "zh", "--memory", "{out}/doc.xlf")
NEXT = ("next", "{doc}", "{out}/next", "--memory", "{out}/doc.xlf")
MARK = "\u2063"  # where the test's raw XML goes in the exported file (INVISIBLE SEPARATOR: no target holds it)


def _exported(folder: Path, out: Path, source: str = "Introduction") -> Path:
    """The minimal document's zh catalog made (every entry untranslated: `_made`) and exported to out/doc.xlf, the
    unit whose source begins with `source` given the confirmed target MARK; its path."""
    from refusals import invoke

    po_path(folder, "zh").unlink(missing_ok=True)
    for argv in (["i18n", "update", str(folder), "--lang", "zh"],
                 ["i18n", "export", str(folder), "--lang", "zh", "-o", str(out / "doc.xlf")]):
        code, output, _ = invoke(argv)
        assert code == 0, output
    _translated(out, source, MARK)
    return out / "doc.xlf"


def _raw(target: str = "", prolog: str = "", source: str = "Introduction"):
    """A setup exporting the minimal document with the target of the unit whose source begins with `source` (its
    heading) written as the raw XML `target` (character and entity references as they stand), and `prolog` after
    the XML declaration's line."""
    def setup(folder: Path, out: Path) -> None:
        xlf = _exported(folder, out, source)
        head, rest = xlf.read_text(encoding="utf-8").split("\n", 1)
        xlf.write_text(f"{head}{prolog}\n{rest}".replace(MARK, target), encoding="utf-8")
    return setup


def _at(xlf: Path, text: str, offset: int = 0) -> str:
    """`doc.xlf:LINE:COL` of the character `offset` characters into the first `text` of the file."""
    for number, line in enumerate(xlf.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return f"doc.xlf:{number}:{line.index(text) + offset + 1}:"
    raise AssertionError(f"{text} is not in {xlf}")


CHARACTER_CASES = [  # (id, raw target, where the refused character stands in it, what it is)
    ("bidi-override", "导\u202e言", 1, "bidirectional embedding, override or isolate U+202E"),
    ("bidi-isolate-reference", "导&#x2067;言", 1, "bidirectional embedding, override or isolate U+2067"),
    ("c1-control-reference", "导言&#x85;", 2, "control character U+0085"),
    ("delete", "\x7f导言", 0, "control character U+007F"),
    ("noncharacter-reference", "导&#xFDD0;言", 1, "non-character U+FDD0"),
    ("astral-noncharacter", "导言&#x1FFFF;", 2, "non-character U+1FFFF"),
    ("in-cdata", "<![CDATA[导\u202a言]]>", 10, "bidirectional embedding, override or isolate U+202A"),
]


@pytest.mark.parametrize("command", [IMPORT, MEMORY, NEXT], ids=["import", "memory", "next-memory"])
@pytest.mark.parametrize("raw, offset, what", [case[1:] for case in CHARACTER_CASES],
                         ids=[case[0] for case in CHARACTER_CASES])
def test_a_character_every_build_refuses_is_refused_at_its_xliff_line_and_column(refuse, tmp_path, command, raw,
                                                                                  offset, what):
    """The catalog would hold it (import: the translation; memory: the exact match's) and no build would read the
    catalog again; written as itself or as a character reference, it is refused where it stands."""
    output = refuse(Case("character", {}, f"error: a {what} in this unit's target", "doc.xlf:", setup=_raw(raw),
                         command=command, check=False))
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', raw, offset)} error: a {what}" in output, output
    assert "(delete it [it often comes from copying out of another program])" in output


DOCTYPES = [  # (id, what follows the XML declaration, the raw target)
    ("internal-entity", '\n<!DOCTYPE xliff [<!ENTITY e "言">]>', "导&e;"),
    ("external-entity", '\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/hostname">]>', "导&e;"),
    ("no-subset", "\n<!DOCTYPE xliff>", "导言"),
    ("on-the-declarations-line", '<!DOCTYPE xliff [<!ENTITY e "言">]>', "导&e;"),
]


@pytest.mark.parametrize("command", [IMPORT, MEMORY], ids=["import", "memory"])
@pytest.mark.parametrize("prolog, raw", [case[1:] for case in DOCTYPES], ids=[case[0] for case in DOCTYPES])
def test_an_xliff_with_a_doctype_is_refused_at_it_before_it_is_parsed(refuse, tmp_path, monkeypatch, command,
                                                                       prolog, raw):
    """translate-toolkit's parser would leave `&e;` in the target as literal text (the paper printing `导&e;`);
    CAT tools write no DOCTYPE, so none is read: refused at its `<!DOCTYPE`, translate-toolkit never called."""
    parsed = _counting(monkeypatch)
    output = refuse(Case("doctype", {}, "this file has a document type declaration (DOCTYPE)", "doc.xlf:",
                         setup=_raw(raw, prolog), command=command, check=False))
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', '<!DOCTYPE')} error:" in output, output
    assert "export the file again from the CAT tool" in output and parsed == []


def _counting(monkeypatch) -> list:
    """The XLIFF files with units translate-toolkit is given to parse from now on (its parser wrapped; an export
    parses an empty skeleton)."""
    from translate.storage import xliff

    given: list = []
    real = xliff.xlifffile.__dict__["parsestring"].__func__  # a classmethod its subclass PoXliffFile calls too

    def parsestring(cls, data):
        if b"<trans-unit" in data:
            given.append(data)
        return real(cls, data)

    monkeypatch.setattr(xliff.xlifffile, "parsestring", classmethod(parsestring))
    return given


@pytest.mark.parametrize("command", [IMPORT, MEMORY], ids=["import", "memory"])
def test_more_units_than_a_catalog_has_are_refused_at_the_first_one_too_many_unparsed(refuse, tmp_path,
                                                                                      monkeypatch, command):
    """Bounded to the 5 units the minimal document's 7 overflow once it is exported (the export refuses what the
    import would: the real bound, 50,000, is what a paper within the content bound exports); a file of 300,000
    units took 1 GB and 2.5 minutes in translate-toolkit."""
    from ccdocs.i18n import xliff

    def setup(folder: Path, out: Path) -> None:
        _raw("导言")(folder, out)
        monkeypatch.setattr(xliff, "MAX_UNITS", 5)

    parsed = _counting(monkeypatch)
    said = ("this translation memory has more than 5 units, the most ccdocs reads of one XLIFF file (export from "
            "the CAT tool's memory only the units close to this paper" if command == MEMORY else
            "this file has more than 5 units, more than `ccdocs i18n export` writes for one document")
    output = refuse(Case("units", {}, said, "doc.xlf:", setup=setup, command=command, check=False))
    sixth = [u.sourceline for u in units(tmp_path / "out" / "doc.xlf")][5]
    assert re.search(rf"doc\.xlf:{sixth}:\d+: error: {re.escape(said[:40])}", output), output
    assert parsed == []


@pytest.mark.parametrize("command", [IMPORT, MEMORY], ids=["import", "memory"])
def test_more_elements_than_a_catalog_has_are_refused_at_the_first_one_too_many_unparsed(refuse, tmp_path,
                                                                                         monkeypatch, command):
    """Bounded to 40 elements, which a target of 50 inline `<g>` codes overflows (the real bound, 400,000, is 8 a
    unit at the units' bound, the sample's export 6.4); 19,500 units of 100 `<g>` each, 31.8 MB, took 2 GB and 13 s
    in translate-toolkit."""
    from ccdocs.i18n import xliff

    monkeypatch.setattr(xliff, "MAX_ELEMENTS", 40)
    parsed = _counting(monkeypatch)
    said = ("this translation memory has more than 40 XML elements, the most ccdocs reads of one XLIFF file (a "
            "unit's history and alternative translations count) (export from the CAT tool's memory only the units "
            "close to this paper" if command == MEMORY else "this file has more than 40 XML elements, more than "
            "`ccdocs i18n export` writes")
    output = refuse(Case("elements", {}, said, "doc.xlf:", setup=_raw('<g id="9">导言</g>' * 50), command=command,
                         check=False))
    xlf = tmp_path / "out" / "doc.xlf"
    first_too_many = list(etree.parse(str(xlf)).iter())[40]
    assert etree.QName(first_too_many).localname == "g"
    assert re.search(rf"doc\.xlf:{first_too_many.sourceline}:\d+: error: {re.escape(said[:40])}", output), output
    assert parsed == []


def test_a_file_larger_than_the_bound_is_refused_unread(refuse, tmp_path, monkeypatch):
    from ccdocs.i18n import xliff

    monkeypatch.setattr(xliff, "XLIFF", replace(xliff.XLIFF, most=2**20))
    parsed = _counting(monkeypatch)

    def padded(folder: Path, out: Path) -> None:
        _raw("导言")(folder, out)
        with (out / "doc.xlf").open("a", encoding="utf-8") as handle:
            handle.write("<!-- history -->\n" * 70_000)

    output = refuse(Case("bytes", {}, "more than the 1 MB ccdocs reads for an XLIFF file", "doc.xlf", setup=padded,
                         command=IMPORT, check=False))
    assert "doc.xlf: error: `doc.xlf` holds 1.1 MB" in output and parsed == []
    assert "have the CAT tool save it without its translation history" in output
    told = refuse(Case("bytes", {}, "more than the 1 MB ccdocs reads for an XLIFF file (export from the CAT tool's "
                       "memory only the units close to this paper", "doc.xlf", setup=padded, command=MEMORY,
                       check=False))
    assert "doc.xlf: error: `doc.xlf` holds 1.1 MB" in told and parsed == []


def test_whatever_the_survey_lets_through_the_catalog_reads_back_as_written(tmp_path):
    """Every character XML 1.0 can carry that `sources.characters` does not refuse, written into a catalog's
    msgstr as an import writes it (`po_bytes`), is read back by the catalog's strict reader unchanged: with the
    survey refusing the others, an import never leaves a catalog that builds refuse."""
    from ccdocs.i18n.catalogs import ContentCatalog, _read
    from ccdocs.i18n.extract import po_bytes
    from ccdocs.sources.characters import REFUSED

    xml_char = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    chars = [chr(c) for c in [*range(0x10000), *range(0x10000, 0x110000, 0x3FF)]
             if xml_char.match(chr(c)) and not REFUSED.match(chr(c))]
    path = tmp_path / "content.po"
    for start in range(0, len(chars), 2000):
        text = "前" + "".join(chars[start:start + 2000]) + "后"
        catalog = ContentCatalog(path, locale="zh")
        catalog.add("Source", text)
        assert _read(path, "zh", po_bytes(catalog)).get("Source").string == text


def test_a_translation_changing_the_blocks_of_its_file_is_refused_at_its_unit_as_check_would(refuse, tmp_path):
    """`check` parses each content file with its translations (the structure check of `i18n.policy`): `- 第二段。`
    for a paragraph makes a list. The checkers of one entry cannot see it; the import runs the same check."""
    output = refuse(Case("structure", {}, "Markdown reads it as a list, where the source is one paragraph",
                         "doc.xlf:", setup=_raw("- 第二段。", source="Second paragraph"), command=IMPORT, check=False))
    unit = next(u for u in units(tmp_path / "out" / "doc.xlf") if u.findtext(f"{X}source") == "Second paragraph.")
    assert f"doc.xlf:{unit.sourceline}:1: error: translation fails a check: " in output


@pytest.mark.parametrize("encoding, fragment", [
    ("windows-1252", "a bidirectional embedding, override or isolate U+202E in this unit's target"),
    ("Shift_JIS", "cannot read this file as XLIFF: multi-byte encodings are not supported"),
])
def test_an_xliff_in_another_encoding_is_surveyed_or_refused_never_read_unsurveyed(refuse, encoding, fragment):
    """lxml reads encodings expat does not: a file the survey cannot read is refused (save it as UTF-8), one it
    can (a single-byte encoding) is surveyed as a UTF-8 one."""
    def setup(folder: Path, out: Path) -> None:
        _raw("导&#x202E;言")(folder, out)
        text = (out / "doc.xlf").read_text(encoding="utf-8").replace("UTF-8", encoding, 1)
        (out / "doc.xlf").write_bytes(text.encode(encoding, "xmlcharrefreplace"))

    refuse(Case("encoding", {}, fragment, "doc.xlf:", setup=setup, command=IMPORT, check=False))


NOT_XLIFF_1_2 = [  # (id, the file, where it is refused, what is said)
    ("xliff-2.0", '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
     'srcLang="en" trgLang="zh"><file id="f"><unit id="1"><segment><source>Introduction</source><target>导言'
     "</target></segment></unit></file></xliff>", "1:22", "this is XLIFF 2.0; ccdocs reads XLIFF 1.2"),
    ("version-2.1", '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="2.1">'
     '<file original="a" source-language="en" target-language="zh" datatype="po"><body/></file></xliff>', "2:1",
     "this is XLIFF 2.1; ccdocs reads XLIFF 1.2"),
    ("no-file", '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
     "</xliff>", "2:1", "this XLIFF file has no `<file>`"),
    ("another-root", '<?xml version="1.0"?><foo/>', "1:22", "not an XLIFF 1.2 file: its root element is `<foo>`"),
    ("no-namespace", '<?xml version="1.0"?>\n<xliff version="1.2"><file original="a"/></xliff>', "2:1",
     "not an XLIFF 1.2 file: its root element is `<xliff>` (no namespace)"),
]


@pytest.mark.parametrize("command", [IMPORT, MEMORY, NEXT], ids=["import", "memory", "next-memory"])
@pytest.mark.parametrize("text, at, said", [case[1:] for case in NOT_XLIFF_1_2],
                         ids=[case[0] for case in NOT_XLIFF_1_2])
def test_a_file_that_is_not_xliff_1_2_is_refused_at_its_root_element(refuse, command, text, at, said):
    """XLIFF 2 (what a CAT tool saves when asked for "XLIFF 2"), another XML or an XLIFF holding no `<file>`: an
    input error at the root element saying what to give, never translate-toolkit's ValueError or StopIteration as
    an internal error (exit 70)."""
    def setup(folder: Path, out: Path) -> None:
        assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0
        (out / "doc.xlf").write_text(text, encoding="utf-8")

    output = refuse(Case("not-xliff-1.2", {}, said, "doc.xlf:", setup=setup, command=command, check=False))
    assert f"doc.xlf:{at}: error: {said}" in output, output


@pytest.mark.parametrize("command", [IMPORT, MEMORY], ids=["import", "memory"])
@pytest.mark.parametrize("kind", ["target", "source"])
def test_a_unit_with_a_second_target_or_source_is_refused_at_it(refuse, tmp_path, command, kind):
    """translate-toolkit reads a unit's first `<target>` (`<source>`): a second one, which no CAT tool writes, was
    passed over without a word (breaks-7, noticed)."""
    second = f'<{kind} xml:lang="zh">另一个</{kind}>'
    output = refuse(Case("second", {}, f"error: this unit has a second `<{kind}>`: one of the two would be read, the "
                                       "other passed over", "doc.xlf:",
                         setup=_raw('导言</target><target xml:lang="zh">另一个' if kind == "target"
                                    else f"导言</target>{second}<target>导言"),
                         command=command, check=False))
    shown = second if kind == "source" else '<target xml:lang="zh">另一个'
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', shown)} error: this unit has a second `<{kind}>`" in output, output
    assert f"(keep one `<{kind}>` in the unit [the CAT tool writes one" in output


def test_a_catalog_given_for_its_xliff_is_told_so(copy_fixture):
    """newcomer-12 N16: the catalog given to `i18n import` by mistake was "not well-formed XML: not well-formed
    (invalid token)" at 1:2."""
    folder = copy_fixture("budget")
    po = po_path(folder, "zh")
    before = po.read_bytes()
    result = run_ccdocs("i18n", "import", folder, po, "--lang", "zh")
    assert result.returncode == 1
    assert ":1: error: this is a gettext catalog (it begins with a `#` comment or `msgid`), not an XLIFF file (give " \
           "the .xlf file the CAT tool saved" in result.stderr, result.stderr
    assert po.read_bytes() == before
