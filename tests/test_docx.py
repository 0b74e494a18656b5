"""The DOCX writer, read back with lxml: styles, cover, Word's own numbers, footnotes, sections, headers, fonts."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ccdocs.pipeline import read_sources, resolve
from ccdocs.theme import load_theme
from ccdocs.writers.docx import write

KEYS = [("86", "en"), ("86", "zh"), ("84", "en"), ("84", "zh")]

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}


def w(name: str) -> str:
    """The Clark name of `w:name`."""
    return f"{{{NS['w']}}}{name}"


def text(el) -> str:
    """The text Word shows for an element: w:t, tabs as \\t, breaks as \\n; field instructions left out."""
    out = []
    for node in el.iter(w("t"), w("tab"), w("br")):
        if node.tag == w("t"):
            out.append(node.text or "")
        elif node.getparent().tag == w("r"):
            out.append("\t" if node.tag == w("tab") else "\n")
    return "".join(out)


class Docx:
    """A DOCX file opened as XML parts."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    def xml(self, name: str):
        """The parsed part `name` (`word/document.xml`)."""
        return etree.fromstring(self.parts[name])

    def rels(self, name: str) -> dict:
        """The relationships of part `name`: id -> (type, target)."""
        folder, base = posixpath.split(name)
        root = self.xml(f"{folder}/_rels/{base}.rels")
        return {r.get("Id"): (r.get("Type").rsplit("/", 1)[-1], r.get("Target"))
                for r in root.findall("rel:Relationship", NS)}

    @property
    def body(self):
        """The w:body element."""
        return self.xml("word/document.xml").find("w:body", NS)

    def styles(self) -> dict:
        """styleId -> w:style element."""
        return {s.get(w("styleId")): s for s in self.xml("word/styles.xml").findall("w:style", NS)}

    def shown_numbers(self) -> list[tuple[str, str]]:
        """(numId, label) of every numbered body paragraph, counted the way Word counts a list."""
        numbering = self.xml("word/numbering.xml")
        abstracts = {a.get(w("abstractNumId")): a for a in numbering.findall("w:abstractNum", NS)}
        nums = {n.get(w("numId")): n for n in numbering.findall("w:num", NS)}
        counters, shown = {}, []
        for num_id in self.body.xpath(".//w:p/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS):
            num = nums[num_id]
            level = abstracts[num.find("w:abstractNumId", NS).get(w("val"))].find("w:lvl", NS)
            if num_id in counters:
                counters[num_id] += 1
            else:
                override = num.find("w:lvlOverride/w:startOverride", NS)
                start = override if override is not None else level.find("w:start", NS)
                counters[num_id] = int(start.get(w("val")))
            pattern = level.find("w:lvlText", NS).get(w("val"))
            shown.append((num_id, pattern.replace("%1", str(counters[num_id]))))
        return shown

    def shown_footnotes(self) -> list[tuple[str, str]]:
        """(mark, text after the mark) of every note in the order of its reference; Word numbers the others."""
        notes = {n.get(w("id")): n for n in self.xml("word/footnotes.xml").findall("w:footnote", NS)}
        shown, number = [], 0
        for ref in self.body.iter(w("footnoteReference")):
            note = notes[ref.get(w("id"))]
            if ref.get(w("customMarkFollows")) == "1":
                mark = text(ref.getparent())
            else:
                number += 1
                mark = str(number)
            paragraphs = ["".join(text(child) for child in p if child.tag in (w("r"), w("hyperlink")))
                          for p in note.findall("w:p", NS)]
            paragraphs[0] = paragraphs[0].removeprefix(mark if ref.get(w("customMarkFollows")) else "")
            shown.append((mark, "\n".join(paragraphs)))
        return shown


@pytest.fixture(scope="module")
def opened(built):
    """A function `opened(key, lang) -> Docx`, each sample's DOCX read once."""
    cache: dict = {}

    def get(key: str, lang: str) -> Docx:
        if (key, lang) not in cache:
            cache[(key, lang)] = Docx(built(key, lang, "docx"))
        return cache[(key, lang)]

    return get


def style_names(doc: Docx) -> set[str]:
    """The names of a document's styles, lower case (Word stores its own styles' names so)."""
    return {s.find("w:name", NS).get(w("val")).lower() for s in doc.styles().values()}


STYLES = ["Normal", "Heading 1", "Heading 2", "Heading 3", "Numbered Paragraph", "Marker", "Cover Letter",
          "Cover Symbol", "Cover Body", "Cover Session", "Cover Place", "Cover Title", "Cover Author", "Header",
          "Footnote Text", "Footnote Reference", "Hyperlink", "List Item", "Quote", "Quote Attribution",
          "Box Title", "Box Text", "Key Figure", "Table Caption", "Table Heading", "Table Text", "Table Note",
          "Table Source", "Ruled Table"]


@pytest.mark.parametrize("key,lang", KEYS)
def test_every_named_style_exists(opened, key, lang):
    assert {name.lower() for name in STYLES} <= style_names(opened(key, lang))


@pytest.mark.parametrize("key,lang", KEYS)
def test_word_shows_the_models_paragraph_numbers_one_list_per_part(opened, dumped, key, lang):
    labelled = [(b["part"], b["label"]) for b in dumped(key, lang)["blocks"] if b["label"]]
    shown = opened(key, lang).shown_numbers()
    assert len(shown) == len(labelled)
    assert [label for _, label in shown] == [label for _, label in labelled]
    lists = {}
    for (num_id, _), (part, _) in zip(shown, labelled):
        lists.setdefault(part, set()).add(num_id)
    assert all(len(ids) == 1 for ids in lists.values())
    assert len(set.union(*lists.values())) == len(lists) >= 3


@pytest.mark.parametrize("key,lang", KEYS)
def test_numbered_paragraphs_have_the_number_then_a_tab_to_the_theme_tab(opened, key, lang):
    doc = opened(key, lang)
    numbered = doc.body.xpath(".//w:p[w:pPr/w:numPr]", namespaces=NS)
    assert {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in numbered} == {"NumberedParagraph"}
    level = doc.xml("word/numbering.xml").find("w:abstractNum/w:lvl", NS)
    assert level.find("w:suff", NS).get(w("val")) == "tab"
    tab = round(load_theme().pt("numbered_paragraph.tab") * 20)
    assert level.find("w:pPr/w:tabs/w:tab", NS).get(w("pos")) == str(tab)
    assert level.find("w:pPr/w:ind", NS).get(w("left")) == "0"  # wrapped lines return to the margin


@pytest.mark.parametrize("key,lang", KEYS)
def test_every_footnote_reference_has_the_models_mark_and_text(opened, dumped, key, lang):
    expected = [(n["number"], "\t" + n["text"]) for n in dumped(key, lang)["footnotes"]]
    assert opened(key, lang).shown_footnotes() == expected
    assert expected[0][0] == "*" and expected[1][0] == "1"


@pytest.mark.parametrize("key,lang", KEYS)
def test_footnotes_part_has_separators_and_styles(opened, key, lang):
    doc = opened(key, lang)
    notes = doc.xml("word/footnotes.xml").findall("w:footnote", NS)
    assert [n.get(w("type")) for n in notes[:2]] == ["separator", "continuationSeparator"]
    paragraphs = [p for n in notes[2:] for p in n.findall("w:p", NS)]
    assert {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paragraphs} == {"FootnoteText"}
    refs = doc.body.iter(w("footnoteReference"))
    assert {r.getparent().find("w:rPr/w:rStyle", NS).get(w("val")) for r in refs} == {"FootnoteReference"}
    assert doc.xml("word/settings.xml").find("w:footnotePr", NS) is not None


@pytest.mark.parametrize("key,lang", KEYS)
def test_links_in_text_and_footnotes_resolve_to_their_targets(opened, key, lang):
    doc = opened(key, lang)
    for name in ("word/document.xml", "word/footnotes.xml"):
        rels = doc.rels(name)
        ids = doc.xml(name).xpath(".//w:hyperlink/@r:id", namespaces=NS)
        assert all(rels[i][0] == "hyperlink" and rels[i][1].startswith(("http", "mailto")) for i in ids)
    assert doc.xml("word/footnotes.xml").xpath(".//w:hyperlink", namespaces=NS)


def section_headers(doc: Docx):
    """Per section: its sectPr and {type: [paragraph texts]} of its own headers."""
    rels = doc.rels("word/document.xml")
    out = []
    for sect in doc.body.iter(w("sectPr")):
        headers = {}
        for ref in sect.findall("w:headerReference", NS):
            root = doc.xml("word/" + rels[ref.get(f"{{{NS['r']}}}id")][1])
            headers[ref.get(w("type"))] = ([text(p) for p in root.findall("w:p", NS)],
                                           root.xpath(".//w:instrText/text()", namespaces=NS))
        out.append((sect, headers))
    return out


@pytest.mark.parametrize("key,lang", KEYS)
def test_sections_headers_and_page_number_restart(opened, dumped, key, lang):
    data = dumped(key, lang)
    symbol = data["meta"]["symbol"]
    parts = {p["id"]: p for p in data["parts"]}
    annexes = [p for p in data["parts"] if p["kind"] == "annex"]
    sections = section_headers(opened(key, lang))
    assert len(sections) == 1 + len(annexes)
    first_sect, first = sections[0]
    assert first_sect.find("w:titlePg", NS) is not None
    assert first_sect.find("w:pgNumType", NS) is None
    assert first["first"] == ([""], [])
    assert first["default"][0] == [symbol, parts["report"]["header"].replace("{page}", "1")]
    assert [i.strip() for i in first["default"][1]] == ["PAGE"]
    for (sect, headers), annex in zip(sections[1:], annexes):
        assert sect.find("w:titlePg", NS) is not None
        assert sect.find("w:pgNumType", NS).get(w("start")) == "1"
        kind = sect.find("w:type", NS)
        assert kind is None or kind.get(w("val")) == "nextPage"  # absent means a new page
        assert headers["first"][0] == [symbol, annex["first_header"]]
        assert headers["default"][0] == [symbol, annex["header"].replace("{page}", "1")]
        assert [i.strip() for i in headers["default"][1]] == ["PAGE"]


@pytest.mark.parametrize("key,lang", KEYS)
def test_a4_with_the_theme_margins(opened, key, lang):
    theme = load_theme()
    for sect, _ in section_headers(opened(key, lang)):
        size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
        assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
        for side in ("top", "left", "right", "bottom"):
            assert abs(int(margins.get(w(side))) - theme.pt(f"page.margins.{side}") * 20) <= 1


COVER_STYLES = ["CoverLetter", "CoverSymbol", "CoverSymbol", "CoverSymbol", "CoverBody", "CoverSession",
                "CoverPlace", "CoverTitle", "CoverAuthor"]
COVER_FIELDS = ["language_letter", "symbol", "original", "date", "body", "session", "place_dates", "title",
                "author"]


@pytest.mark.parametrize("key,lang", KEYS)
def test_cover_block_right_then_left_with_caps_as_formatting(opened, dumped, key, lang):
    doc, meta = opened(key, lang), dumped(key, lang)["meta"]
    paragraphs = doc.body.findall("w:p", NS)[:len(COVER_STYLES)]
    assert [p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paragraphs] == COVER_STYLES
    styles = doc.styles()
    for style_id, align in (("CoverLetter", "right"), ("CoverSymbol", "right")):
        assert styles[style_id].find("w:pPr/w:jc", NS).get(w("val")) == align
    assert styles["CoverBody"].find("w:pPr/w:jc", NS) is None
    for p, field in zip(paragraphs, COVER_FIELDS):
        shown = text(p)
        capped = all(r.find("w:rPr/w:caps", NS) is not None for r in p.findall("w:r", NS))
        assert (shown.upper() if capped else shown) == meta[field]
        if field in ("symbol", "original", "date", "title"):
            assert capped
    if lang == "en":
        session = paragraphs[5]
        sup = [text(r) for r in session.findall("w:r", NS)
               if r.find("w:rPr/w:vertAlign", NS) is not None]
        assert sup == ["th"]


@pytest.mark.parametrize("key,lang", KEYS)
def test_report_starts_a_new_page(opened, key, lang):
    body = opened(key, lang).body
    # the report's first paragraph: its first heading, or the title of the contents table before it (84)
    first_heading = body.xpath("./w:p[w:pPr/w:pStyle/@w:val='Heading1' or w:pPr/w:pStyle/@w:val='TOCHeading']",
                               namespaces=NS)[0]
    assert first_heading.find("w:pPr/w:pageBreakBefore", NS) is not None


@pytest.fixture(scope="module")
def model():
    """A function `model(key, lang) -> Document`, resolved once."""
    from conftest import DOCS

    cache: dict = {}

    def get(key: str, lang: str):
        if (key, lang) not in cache:
            cache[(key, lang)] = resolve(read_sources(DOCS[key]), lang)
        return cache[(key, lang)]

    return get


def model_tables(doc) -> list:
    from ccdocs.model import Table

    return [b for part in doc.parts for b in part.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("key,lang", KEYS)
def test_tables_repeat_their_header_keep_rows_whole_and_mark_totals_groups_members(opened, model, key, lang):
    body = opened(key, lang).body
    tables = body.xpath(".//w:tbl[w:tblPr/w:tblStyle/@w:val='RuledTable']", namespaces=NS)
    expected = model_tables(model(key, lang))
    assert len(tables) == len(expected) >= 1
    for table, spec in zip(tables, expected):
        rows = table.findall("w:tr", NS)
        assert len(rows) == 1 + len(spec.rows)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
        for row, model_row in zip(rows[1:], spec.rows):
            cells = row.findall("w:tc", NS)
            assert [text(c) for c in cells] == list(model_row.cells)
            assert [c.find("w:p/w:pPr/w:jc", NS).get(w("val")) for c in cells] == [c.align for c in spec.columns]
            bold = [r.find("w:rPr/w:b", NS) is not None for r in row.iter(w("r"))]
            assert all(bold) if model_row.kind in ("total", "group") else not any(bold)
            indent = cells[0].find("w:p/w:pPr/w:ind", NS)
            assert (indent is not None) == (model_row.kind == "member")


@pytest.mark.parametrize("key,lang", KEYS)
def test_fonts_per_script_and_language_on_the_styles(opened, key, lang):
    doc = opened(key, lang)
    root = doc.xml("word/styles.xml")
    defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    styles = doc.styles()
    fonts = defaults.find("w:rFonts", NS)
    heading = styles["Heading1"].find("w:rPr/w:rFonts", NS)
    normal_lang = styles["Normal"].find("w:rPr/w:lang", NS)
    assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) == "Arial"
    assert normal_lang.get(w("val")) == "en-US"
    if lang == "zh":
        assert (fonts.get(w("eastAsia")), heading.get(w("eastAsia"))) == ("SimSun", "SimHei")
        assert heading.get(w("ascii")) == "Arial"
        for el in (defaults, styles["Normal"].find("w:rPr", NS), styles["Heading1"].find("w:rPr", NS)):
            assert el.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"
        assert styles["Normal"].find("w:pPr/w:autoSpaceDE", NS).get(w("val")) == "1"
        assert styles["Normal"].find("w:pPr/w:autoSpaceDN", NS).get(w("val")) == "1"
        assert doc.xml("word/settings.xml").find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"
    else:
        assert normal_lang.get(w("eastAsia")) is None
        assert styles["Normal"].find("w:pPr/w:autoSpaceDE", NS) is None


@pytest.mark.parametrize("key,lang", KEYS)
def test_document_properties_without_volatile_values(opened, dumped, key, lang):
    core = opened(key, lang).xml("docProps/core.xml")
    meta = dumped(key, lang)["meta"]
    found = {etree.QName(el).localname: el.text for el in core}
    assert found["subject"] == meta["symbol"]
    assert found["title"].upper() == meta["title"].upper()
    assert found["language"] == {"en": "en-US", "zh": "zh-CN"}[lang]
    assert found["creator"] == meta["author"] and "lastModifiedBy" not in found   # the PDF's Author, not python-docx
    assert found["created"] == found["modified"]


def _scratch_doc(make_doc, lang="en"):
    return resolve(read_sources(make_doc()), lang)


def test_two_writes_are_byte_identical_with_fixed_entry_times(make_doc, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc, theme = _scratch_doc(make_doc), load_theme()
    first, second = write(doc, theme), write(doc, theme)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
        core = archive.read("docProps/core.xml").decode()
    assert "2026-05-21T00:00:00Z" in core


def test_source_date_epoch_sets_the_dates_and_entry_times(make_doc, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    data = write(_scratch_doc(make_doc), load_theme())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert "2026-01-01T00:00:00Z" in archive.read("docProps/core.xml").decode()


def test_a_label_that_breaks_the_sequence_gets_its_own_list(make_doc, tmp_path):
    from dataclasses import replace

    from ccdocs.model import Para

    doc = _scratch_doc(make_doc)
    report = next(p for p in doc.parts if p.kind == "report")
    blocks = tuple(replace(b, label="7.") if isinstance(b, Para) and b.label == "2." else b for b in report.blocks)
    doc = replace(doc, parts=tuple(replace(p, blocks=blocks) if p is report else p for p in doc.parts))
    path = tmp_path / "jump.docx"
    path.write_bytes(write(doc, load_theme()))
    assert [label for _, label in Docx(path).shown_numbers()] == ["1.", "2.", "1.", "7.", "1."]


def test_chinese_scratch_document_keeps_full_width_labels_in_lists(make_doc, tmp_path):
    folder = make_doc({"content/report.md": "# 导言\n\n正文。\n\n1. 第一项\n2. 第二项\n"})
    path = tmp_path / "zh.docx"
    path.write_bytes(write(resolve(read_sources(folder), "zh"), load_theme()))
    items = Docx(path).body.xpath(".//w:p[w:pPr/w:pStyle/@w:val='ListItem']", namespaces=NS)
    assert [text(p).split("\t")[0] for p in items] == ["（a）", "（b）"]


def test_tables_in_a_row_stay_apart_and_the_text_after_them_has_air(make_doc, tmp_path):
    report = ("# Title\n\n::: keyfigures\n- **1,735** staff\n:::\n\n::: box\n### Spotlight\n\nInside.\n:::\n\n"
              "After.\n")
    path = tmp_path / "tables.docx"
    path.write_bytes(write(resolve(read_sources(make_doc({"content/report.md": report})), "en"), load_theme()))
    body = Docx(path).body
    children = [etree.QName(el).localname for el in body]
    first = children.index("tbl")
    assert children[first:first + 4] == ["tbl", "p", "tbl", "p"]
    after = body[first + 3]
    assert text(after) == "After." and after.find("w:pPr/w:spacing", NS).get(w("before")) == "240"


def test_a_title_longer_than_a_core_property_is_printed_whole_and_cut_in_the_properties(make_doc, tmp_path):
    from conftest import MINIMAL

    title = "Annual Report on Human Resources " * 10  # 330 characters: Word's properties keep 255
    folder = make_doc({"document.yaml": MINIMAL.replace("en: Annual Report on Human Resources", f"en: {title.strip()}")})
    data = write(resolve(read_sources(folder), "en"), load_theme())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
        body = package.read("word/document.xml").decode()
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == title.strip()[:255]
    assert title.strip().upper() in body.upper()
