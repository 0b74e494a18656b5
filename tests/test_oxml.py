"""The thin OOXML wrappers, each checked on a small XML snippet."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tbl
from docx.shared import Twips
from lxml import etree

from ccdocs.oxml import (add_field, add_footnotes_part, add_hyperlink, add_sequence, cant_split, cell_margins,
                         cell_width, continue_page_numbers, fixed_layout, fixed_table, mark_run, number_paragraph,
                         reference_run, repeat_header, restart_page_numbers, set_borders, set_caps,
                         set_east_asian_spacing, set_fonts, set_lang, set_shading)

W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def xml(snippet: str):
    """A snippet in the w: namespace as a python-docx element."""
    return parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w', 'r')}", snippet))


def names(el) -> list[str]:
    """The local names of an element's children, in order."""
    return [etree.QName(child).localname for child in el]


def val(el, path: str, attr: str = "val"):
    """The `w:attr` of the element at `path` below `el`, or None."""
    found = el.find(path, W)
    return None if found is None else found.get(qn(f"w:{attr}"))


def test_east_asian_font_sets_every_script_slot():
    rpr = xml("<w:rPr><w:b/><w:sz w:val='21'/></w:rPr>")
    set_fonts(rpr, "Arial", "SimSun")
    fonts = rpr.find("w:rFonts", W)
    assert names(rpr) == ["rFonts", "b", "sz"]
    assert [fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")] == \
        ["Arial", "Arial", "SimSun", "Arial"]


def test_language_has_an_east_asian_part_only_in_chinese():
    rpr = xml("<w:rPr><w:rFonts w:ascii='Arial'/><w:sz w:val='21'/></w:rPr>")
    set_lang(rpr, "en-US", "zh-CN")
    assert names(rpr)[-1] == "lang"
    assert (val(rpr, "w:lang"), val(rpr, "w:lang", "eastAsia")) == ("en-US", "zh-CN")
    set_lang(rpr, "en-US")
    assert len(rpr.findall("w:lang", W)) == 1 and val(rpr, "w:lang", "eastAsia") is None


def test_all_caps_goes_before_size_and_keeps_the_text():
    run = xml("<w:r><w:rPr><w:b/><w:sz w:val='22'/></w:rPr><w:t>Original: English</w:t></w:r>")
    set_caps(run.find("w:rPr", W))
    assert names(run.find("w:rPr", W)) == ["b", "caps", "sz"]
    assert run.find("w:t", W).text == "Original: English"


def test_east_asian_spacing_sits_before_spacing_and_indent():
    ppr = xml("<w:pPr><w:pStyle w:val='Normal'/><w:spacing w:after='240'/><w:ind w:left='0'/></w:pPr>")
    set_east_asian_spacing(ppr)
    assert names(ppr) == ["pStyle", "autoSpaceDE", "autoSpaceDN", "spacing", "ind"]
    assert val(ppr, "w:autoSpaceDE") == "1" and val(ppr, "w:autoSpaceDN") == "1"


def test_borders_and_shading_in_schema_order():
    tcpr = xml("<w:tcPr><w:tcW w:w='100' w:type='dxa'/><w:vAlign w:val='top'/></w:tcPr>")
    set_shading(tcpr, "D9D9D9")
    set_borders(tcpr, "w:tcBorders", {"bottom": (0.5, "000000", 0), "top": None})
    assert names(tcpr) == ["tcW", "tcBorders", "shd", "vAlign"]
    borders = tcpr.find("w:tcBorders", W)
    assert names(borders) == ["top", "bottom"]
    assert val(borders, "w:top") == "nil" and val(borders, "w:bottom", "sz") == "4"
    assert val(tcpr, "w:shd", "fill") == "D9D9D9"


def test_numbering_sequences_restart_with_their_own_definitions():
    numbering = xml("<w:numbering/>")
    first = add_sequence(numbering, 1, 567)
    second = add_sequence(numbering, 1, 567)
    later = add_sequence(numbering, 14, 567)
    assert (first, second, later) == (1, 2, 3)
    assert names(numbering) == ["abstractNum"] * 3 + ["num"] * 3
    abstract = numbering.find("w:abstractNum", W)
    level = abstract.find("w:lvl", W)
    assert [val(level, f"w:{t}") for t in ("start", "numFmt", "suff", "lvlText")] == ["1", "decimal", "tab", "%1."]
    assert val(level, "w:pPr/w:tabs/w:tab", "pos") == "567"
    assert (val(level, "w:pPr/w:ind", "left"), val(level, "w:pPr/w:ind", "firstLine")) == ("0", "0")
    nums = numbering.findall("w:num", W)
    assert [val(n, "w:abstractNumId") for n in nums] == ["0", "1", "2"]
    assert val(nums[2], "w:lvlOverride/w:startOverride") == "14"
    nsids = {val(a, "w:nsid") for a in numbering.findall("w:abstractNum", W)}
    assert len(nsids) == 3


def test_number_paragraph_puts_numpr_after_the_style():
    ppr = xml("<w:pPr><w:pStyle w:val='NumberedParagraph'/><w:jc w:val='left'/></w:pPr>")
    number_paragraph(ppr, 2)
    assert names(ppr) == ["pStyle", "numPr", "jc"]
    assert (val(ppr, "w:numPr/w:ilvl"), val(ppr, "w:numPr/w:numId")) == ("0", "2")


def test_page_field_is_a_complete_complex_field():
    p = xml("<w:p><w:r><w:t>page </w:t></w:r></w:p>")
    add_field(p, "PAGE", "2")
    kinds = [r.find("w:fldChar", W).get(qn("w:fldCharType")) for r in p.findall("w:r", W)
             if r.find("w:fldChar", W) is not None]
    assert kinds == ["begin", "separate", "end"]
    assert p.find("w:r/w:instrText", W).text.strip() == "PAGE"
    assert [t.text for t in p.findall("w:r/w:t", W)] == ["page ", "2"]


def test_hyperlink_points_at_its_relationship():
    p = xml("<w:p/>")
    link = add_hyperlink(p, "rId9")
    assert link.getparent() is p
    assert link.get(qn("r:id")) == "rId9"


def test_page_numbers_restart_in_schema_order():
    sect = xml("<w:sectPr><w:pgSz w:w='11906' w:h='16838'/><w:pgMar w:top='1134'/><w:titlePg/></w:sectPr>")
    restart_page_numbers(sect, 1)
    assert names(sect) == ["pgSz", "pgMar", "pgNumType", "titlePg"]
    assert val(sect, "w:pgNumType", "start") == "1"
    continue_page_numbers(sect)
    assert names(sect) == ["pgSz", "pgMar", "titlePg"]


def test_table_rows_repeat_as_header_and_do_not_split():
    tr = xml("<w:tr><w:tc><w:p/></w:tc></w:tr>")
    repeat_header(tr)
    cant_split(tr)
    assert names(tr) == ["trPr", "tc"]
    assert names(tr.find("w:trPr", W)) == ["cantSplit", "tblHeader"]


def test_cell_margins_sit_after_borders_in_table_properties():
    tbl_pr = xml("<w:tblPr><w:tblStyle w:val='RuledTable'/><w:tblW w:w='0' w:type='auto'/>"
                 "<w:tblLook w:val='04A0'/></w:tblPr>")
    cell_margins(tbl_pr, 60, 60, 60, 60)
    assert names(tbl_pr) == ["tblStyle", "tblW", "tblCellMar", "tblLook"]
    assert [m.get(qn("w:w")) for m in tbl_pr.find("w:tblCellMar", W)] == ["60"] * 4


def test_fixed_layout_and_cell_width_in_twips():
    tbl = xml("<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>")
    fixed_layout(tbl, 9354)
    cell_width(tbl.find("w:tr/w:tc", W), 9354)
    assert (val(tbl, "w:tblPr/w:tblW", "w"), val(tbl, "w:tblPr/w:tblW", "type")) == ("9354", "dxa")
    assert val(tbl, "w:tblPr/w:tblLayout", "type") == "fixed"
    assert names(tbl.find("w:tr/w:tc", W)) == ["tcPr", "p"]
    assert val(tbl, "w:tr/w:tc/w:tcPr/w:tcW", "w") == "9354"


def test_fixed_table_is_python_docx_table_laid_out_fixed():
    """`fixed_table` parses at once (three times faster than making its cells) the markup python-docx's table, its
    columns given their widths, then `fixed_layout` and `cell_width` on every cell make."""
    widths = [2000, 1500, 1234]
    made = CT_Tbl.new_tbl(3, len(widths), Twips(sum(widths)))
    for col, width in zip(made.tblGrid.findall("w:gridCol", W), widths):
        col.set(qn("w:w"), str(width))
    fixed_layout(made, sum(widths))
    for tr in made.findall("w:tr", W):
        for tc, width in zip(tr.findall("w:tc", W), widths):
            cell_width(tc, width)
    assert etree.tostring(fixed_table(3, widths)) == etree.tostring(made)


def test_footnote_reference_with_custom_mark_takes_no_number():
    numbered = reference_run(3, "FootnoteReference")
    starred = reference_run(1, "FootnoteReference", "*")
    assert numbered.find("w:footnoteReference", W).get(qn("w:customMarkFollows")) is None
    assert starred.find("w:footnoteReference", W).get(qn("w:customMarkFollows")) == "1"
    assert starred.find("w:t", W).text == "*"
    assert val(numbered, "w:rPr/w:rStyle") == "FootnoteReference"
    assert names(mark_run("FootnoteReference")) == ["rPr", "footnoteRef"]
    assert mark_run("FootnoteReference", "*").find("w:t", W).text == "*"


def test_footnotes_part_has_separators_and_is_named_in_the_settings():
    document = docx.Document()
    part = add_footnotes_part(document.part, document.settings.element)
    notes = part.notes
    assert [(n.get(qn("w:type")), n.get(qn("w:id"))) for n in notes] == \
        [("separator", "-1"), ("continuationSeparator", "0")]
    assert notes[0].find(".//w:separator", W) is not None
    assert notes[1].find(".//w:continuationSeparator", W) is not None
    first, second = notes.add_note(), notes.add_note()
    assert (first.id, second.id) == (1, 2)
    pr = document.settings.element.find("w:footnotePr", W)
    assert [f.get(qn("w:id")) for f in pr.findall("w:footnote", W)] == ["-1", "0"]
    rid = part.relate_to("https://www.wipo.int/", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                         is_external=True)
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        assert "https://www.wipo.int/" in archive.read("word/_rels/footnotes.xml.rels").decode()
        assert "footnotes+xml" in archive.read("[Content_Types].xml").decode()
    assert rid.startswith("rId")
