"""A content file opens at most `MOST_OPENINGS` links, references, images or footnote marks (`[`, `![`): the next is
refused at its line and column, and the parse reads the rest as text (breaks-6 #19: 600,000 `![a` never closed,
1.8 MB within the file bounds, took check 134 s; markdown-it scans the label after each, nesting 20 deep). A
paper's content files hold at most `BRACKETS` `[` together, and a catalog's translations as many: the cost is the
same spread over forty files or a catalog's entries."""

from __future__ import annotations

import pytest

from ccdocs.parse.survey import MOST_OPENINGS
from ccdocs.sources.content import BRACKETS
from conftest import CATALOG
from refusals import Case

TABLE = "\n::: table applicants\nApplicants by region\n:::\n"   # the minimal document.yaml's table, placed


def report(paragraph: str) -> dict:
    return {"content/report.md": "# Intro\n\n" + paragraph + "\n" + TABLE}   # the paragraph on line 3


@pytest.mark.parametrize("case", [
    Case("images", report("X " + "![a" * (MOST_OPENINGS + 1)), "this `![` is the file's opening number 20,001 of a "
         "link, reference, image or footnote mark: a content file holds at most 20,000",
         f"content/report.md:3:{2 + 3 * MOST_OPENINGS + 1}"),
    Case("brackets-indented-line", report("X\n  " + "[a " * (MOST_OPENINGS + 1)), "this `[` is the file's opening "
         "number 20,001", f"content/report.md:4:{3 + 3 * MOST_OPENINGS}"),
    Case("brackets-list-item", report("- item " + "[a " * (MOST_OPENINGS + 1)), "this `[` is the file's opening "
         "number 20,001", f"content/report.md:3:{8 + 3 * MOST_OPENINGS}"),   # the inline text lacks the `- `
    Case("brackets-quote", report("X\n\n> item " + "[a " * (MOST_OPENINGS + 1)), "this `[` is the file's opening "
         "number 20,001", f"content/report.md:5:{8 + 3 * MOST_OPENINGS}"),
    Case("paper-brackets", {**report("[a " * MOST_OPENINGS),
                            "content/annex.md": "# Annex title\n\n" + "[a " * (BRACKETS - MOST_OPENINGS + 1) + "\n"},
         "this `[` is number 40,001 of the content files of the paper, which hold at most 40,000",
         f"content/annex.md:3:{3 * (BRACKETS - MOST_OPENINGS) + 1}"),
], ids=lambda case: case.id)
def test_a_file_opening_more_than_its_links_and_images_is_refused_at_the_first_beyond(refuse, case):
    output = refuse(case)
    assert f"{case.where}: error:" in output


def test_a_file_of_exactly_its_openings_is_read_as_before():
    from ccdocs.errors import Collector
    from ccdocs.model import Link
    from ccdocs.parse.markdown import parse_markdown
    from pathlib import Path

    out = Collector()
    text = "# Intro\n\nX " + "![a" * (MOST_OPENINGS - 1) + " [a link](https://example.org).\n"
    blocks = parse_markdown(text, Path("report.md"), "report.md", out, None)
    assert not out.problems, out.problems[:3]
    assert [type(node) for node in blocks[-1].children if isinstance(node, Link)] == [Link]


def test_a_catalog_whose_translations_hold_more_brackets_than_a_paper_is_refused_at_the_entry(tmp_path):
    from ccdocs.errors import InputError
    from ccdocs.i18n.catalogs import bounded, read_catalog

    path = tmp_path / "content.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "One."\nmsgstr "{"[" * BRACKETS}"\n\nmsgid "Two."\nmsgstr "一["\n', encoding="utf-8")
    catalog = read_catalog(path, "zh")  # read as a translation memory: its entries are copied, never parsed
    with pytest.raises(InputError) as raised:
        bounded(path, catalog)          # read for a paper (pipeline.assessed, check_catalogs)
    assert [(p.line, p.message[:60]) for p in raised.value.problems] == [
        (8, "with this translation the catalog's translations hold more t")]


def test_a_translation_memory_holding_more_brackets_than_a_paper_fills_a_catalog(make_doc, tmp_path):
    """review-11 R9: the bound is a paper's; a memory of past papers' references and marks passes it at some 14,000
    entries, and only the entries it fills land in the paper's catalog (then bounded there)."""
    from refusals import invoke

    folder = make_doc({CATALOG: None})  # the catalog `i18n update` makes, its entries offered the memory's
    memory = tmp_path / "memory.po"
    memory.write_text('msgid ""\nmsgstr ""\n"Language: zh\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      'msgid "Second paragraph."\nmsgstr "第二段。"\n\n'
                      + "".join(f'msgid "Old {i} [a]."\nmsgstr "旧{i}[a]。"\n\n' for i in range(BRACKETS + 1)),
                      encoding="utf-8")
    code, output, escaped = invoke(["i18n", "update", str(folder), "--lang", "zh", "--memory", str(memory)])
    assert (code, escaped) == (0, False), output
    assert "1 from memory (1 exact, 0 fuzzy)" in output, output
