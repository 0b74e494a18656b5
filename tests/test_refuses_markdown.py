"""Markdown content: nothing typed is dropped, hidden, printed unseen or read twice; no traceback.

Each row adds lines to the minimal report (its 11 lines, then a blank line 12): `line(n)` is the n-th added line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccdocs.errors import Collector
from ccdocs.parse.markdown import parse_markdown
from conftest import MINIMAL, REPORT
from refusals import Case, run

FILE = "content/report.md"


ENGLISH = MINIMAL.replace("languages: [en, zh]", "languages: [en]")  # the minimal document in English alone


def report(*lines: str) -> dict:
    """The minimal report with `lines` added after a blank line (the first of them is line 13)."""
    return {FILE: REPORT + "\n" + "".join(f"{text}\n" for text in lines)}


def line(n: int) -> str:
    """The location of the n-th added line (from 1)."""
    return f"{FILE}:{12 + n}"


def nested_list(levels: int) -> list[str]:
    return [f"{'  ' * level}- level {level + 1}" for level in range(levels)]


LOST = [
    # Beyond markdown-it's nesting limit, lines are dropped: refused at the first line it would not read.
    Case("list-12-levels", report(*nested_list(12), "", "Later paragraph."), "nested", line(3)),
    Case("list-30-levels-then-text", report(*nested_list(30), "", "Later."), "nested", line(3)),
    Case("quote-25", report(">" * 25 + " deep", "", "Later."), "a quotation cannot stand in a quotation", line(1)),
    Case("quote-25-lost", report(">" * 25 + " deep", "", "Later."), "too deeply", line(1)),
    Case("ordered-12-levels", report(*[f"{'   ' * n}1. level" for n in range(12)]), "list levels", line(3)),
    Case("box-in-box-deep", report(*["::: box"] * 25, "deep", *[":::"] * 25), "box cannot stand in a box",
         line(2)),
    Case("list-3-levels", report(*nested_list(3)), "a list nested 3 levels deep", line(3)),
    Case("mixed-3-levels", report("1. one", "   - two", "     1. three"), "list levels", line(3)),
    Case("heading-in-list", report("- # heading"), "a heading cannot stand in a list item", line(1)),
    Case("heading-in-quote", report("> ## heading"), "a heading cannot stand in a quotation", line(1)),
    Case("heading-in-note", report("Text[^h].", "", "[^h]: note", "", "    ## heading"),
         "a heading cannot stand in a footnote", line(5)),
    Case("list-in-quote", report("> - item"), "a list cannot stand in a quotation", line(1)),
    Case("box-in-list", report("- item", "", "  ::: box", "  text", "  :::"), "a box cannot stand in a list",
         line(3)),
    Case("table-in-box", report("::: box", "::: table applicants", "cap", ":::", ":::"),
         "a table cannot stand in a box", line(2)),
    Case("heading-after-box-title", report("::: box", "### Title", "text", "### Second", ":::"),
         "a heading cannot stand in a box", line(4)),
    Case("heading-7", report("#### four"), "a heading has at most 3 levels", line(1)),
    Case("heading-6", report("###### six"), "a heading has at most 3 levels", line(1)),
    Case("heading-empty", report("#", "", "Text."), "a heading without text", line(1)),
    Case("heading-empty-closed", report("## ##"), "a heading without text", line(1)),
    Case("item-empty", report("- one", "-", "- three"), "an empty list item", line(2)),
    Case("quote-empty", report(">"), "an empty quotation", line(1)),
    Case("box-empty", report("::: box", ":::"), "an empty box", line(1)),
    Case("box-words", report("::: box Key facts", "Text.", ":::"), "`Key facts` after `::: box` would not be printed",
         line(1)),
    Case("keyfigures-words", report("::: keyfigures 2025", "- **1** staff", ":::"), "would not be printed", line(1)),
    Case("box-unclosed", report("::: box", "Boxed.", "", "Not boxed, surely."), "`::: box` is never closed",
         line(1)),
    Case("unknown-container", report("::: warning", "Text.", ":::"), "`::: warning` is not a container",
         line(1)),
    Case("unknown-container-late", report("Text.", "::: sidebar"), "`::: sidebar` is not a container",
         line(2)),
    Case("pipe-table-extra-cells", report("| a | b |", "|---|---|", "| 1 | 2 | 3 |"),
         "the cells beyond would not be printed", line(3)),  # a pipe table is a plain table (test_pipe_tables.py)
    Case("rule", report("Text.", "", "***", "", "More."), "a horizontal rule", line(3)),
    Case("attribute-unknown", report("{.centered}", "Text."), "`{.centered}` means nothing", line(1)),
    Case("attribute-on-heading", report("{.unnumbered}", "## Heading"), "`{.unnumbered}` means nothing",
         line(1)),
    Case("attribute-key", report("{lang=fr}", "Texte."), "means nothing", line(1)),
    Case("attribute-in-list", report("- item", "", "  {.unnumbered}", "  more"), "means nothing", line(3)),
]

HTML = [
    # A comment is never printed: an error in a final build. Raw HTML is not part of a paper.
    Case("comment-block", report("<!-- private note -->", "", "After."), "an HTML comment would be printed",
         line(1)),
    Case("comment-inline", report("Text <!-- hidden --> more."), "an HTML comment would be printed", line(1) + ":6"),
    Case("comment-multiline", report("<!--", "", "secret", "", "-->", "", "After."),
         "an HTML comment would be printed", line(1)),
    Case("comment-in-list", report("- item <!-- x -->"), "an HTML comment", line(1)),
    Case("comment-in-note", report("Text[^c].", "", "[^c]: note <!-- x -->"), "an HTML comment", line(3)),
    Case("comment-in-box", report("::: box", "<!-- x -->", "Boxed.", ":::"), "an HTML comment", line(2)),
    Case("comment-unclosed", report("Text.", "", "<!-- private", "", "The rest of the paper."),
         "never closed", line(3)),
    Case("comment-unclosed-inline", report("Text <!-- private."), "never closed", line(1)),
    Case("comment-then-text", report("<!-- x --> visible text"), "an HTML comment", line(1)),
    Case("html-inline", report("Some <b>bold</b> text."), "HTML is not part of a WO/CC document", line(1) + ":6"),
    Case("html-block", report("<div>", "block", "</div>"), "HTML is not part of a WO/CC document", line(1)),
    Case("html-script", report("<script>alert(1)</script>"), "HTML is not part of", line(1)),
    Case("html-in-heading", report("## Head <br>"), "HTML is not part of", line(1)),
    Case("html-cdata", report("<![CDATA[ x ]]>"), "HTML is not part of", line(1)),
    Case("html-processing", report("<?php echo 1; ?>"), "HTML is not part of", line(1)),
]

NOTES = [
    Case("note-twice", report("Text[^a].", "", "[^a]: one", "", "[^a]: two"), "defined twice", line(5)),
    Case("note-twice-names-first", report("Text[^a].", "", "[^a]: one", "", "[^a]: two"), f"line {12 + 3}",
         line(5)),
    Case("note-in-note", report("1. one", "[^m]: see", "    - sub", "      [^n]: note"), "defined inside another block",
         line(4)),
    Case("note-in-list", report("X[^n].", "", "- item", "  [^n]: note"), "defined inside another block", line(4)),
    Case("note-in-box", report("X[^n].", "", "::: box", "[^n]: note", ":::"), "defined inside another block",
         line(4)),
    Case("note-empty", report("Text[^e].", "", "[^e]:"), "footnote `[^e]` has no text", line(3)),
    Case("note-thrice", report("Text[^a].", "", "[^a]: one", "[^a]: two", "[^a]: three"), "on line 15", line(5)),
    Case("note-twice-unused", report("[^z]: one", "", "[^z]: two"), "defined twice", line(3)),
    Case("note-cites-itself", report("Text[^a].", "", "[^a]: see [^a]"), "a footnote may not carry a footnote mark",
         line(3) + ":11"),
    Case("note-cites-other", report("X[^a] Y[^b].", "", "[^a]: see [^b]", "", "[^b]: bee"),
         "a footnote may not carry a footnote mark", line(3)),
    Case("note-cites-later", report("X[^a].", "", "[^a]: see [^b]", "", "[^b]: bee"),
         "a footnote may not carry a footnote mark", line(3)),
    Case("note-cites-in-second-para", report("X[^a].", "", "[^a]: one", "", "    two[^a]"),
         "a footnote may not carry a footnote mark", line(5)),
    Case("quote-in-note", report("X[^a].", "", "[^a]: note", "", "    > quoted"),
         "a quotation cannot stand in a footnote", line(5)),
    Case("mark-in-note-list", report("X[^a].", "", "[^a]: note", "", "    - item[^b]", "", "[^b]: b"),
         "a footnote may not carry a footnote mark", line(5)),
]

LINKS = [
    Case("link-javascript", report("[x](javascript:alert(1))"), "http(s) or mailto", line(1) + ":5"),
    Case("link-file", report("[x](file:///etc/passwd)"), "http(s) or mailto", line(1)),
    Case("link-title", report('[WIPO](https://www.wipo.int "a hidden title")'),
         'the link title "a hidden title" would not be printed', line(1)),
    Case("link-reference-title", report('[WIPO][w]\n\n[w]: https://www.wipo.int (hidden)'),
         'the link title "hidden" would not be printed', line(1)),
    Case("link-vbscript", report("[x](VBScript:msgbox)"), "http(s) or mailto", line(1)),
    Case("link-data", report("[x](data:text/html,hi)"), "http(s) or mailto", line(1)),
    Case("link-relative", report("[x](other.md)"), "http(s) or mailto", line(1)),
    Case("link-empty", report("[x]()"), "http(s) or mailto", line(1)),
    Case("autolink-javascript", report("<javascript:alert(1)>"), "http(s) or mailto", line(1)),
    Case("autolink-file", report("<file:///etc/passwd>"), "http(s) or mailto", line(1)),
    Case("link-in-note", report("X[^a].", "", "[^a]: [x](ftp://example.org)"), "http(s) or mailto", line(3)),
    Case("reference-missing", report("See [the site][w]."), "link `[w]` is not defined", line(1)),
    Case("reference-collapsed-missing", report("See [the site][]."), "link `[the site]` is not defined",
         line(1)),
    Case("reference-twice", report("See [the site][w].", "", "[w]: https://a.org", "[W]: https://b.org"),
         "link `[W]` is defined twice", line(4)),
    Case("reference-unused", report("Text.", "", "[x]: https://example.org"), "link `[x]` is never used",
         line(3)),
    Case("reference-bad-scheme", report("See [y].", "", "[y]: javascript:alert(1)"), "http(s) or mailto",
         line(1)),
]

CHARACTERS = [
    Case("entity-nul", report("A &#0; B"), "`&#0;`", line(1)),
    Case("entity-surrogate", report("A &#xD800; B"), "`&#xD800;`", line(1)),
    Case("entity-override", report("A &#x202E; B"), "`&#x202E;`", line(1)),
    Case("typed-isolate", report("A \u2066B\u2069 C"), "bidirectional embedding, override or isolate U+2066",
         line(1)),
    Case("entity-control", report("A &#1; B"), "control character U+0001", line(1) + ":3"),
    Case("entity-c1", report("A &#x85; B"), "control character U+0085", line(1)),
    Case("entity-nonchar", report("A &#xFFFE; B"), "non-character U+FFFE", line(1)),
    Case("entity-beyond-unicode", report("A &#x110000; B"), "`&#x110000;` names a number beyond", line(1)),
    Case("entity-in-heading", report("## A &#8; B"), "control character U+0008", line(1)),
    Case("entity-in-note", report("X[^a].", "", "[^a]: &#11;"), "control character U+000B", line(3)),
    Case("entity-second-line", report("First line", "then &#127; here"), "control character U+007F", line(2)),
]

UNENDED = [
    # The file's last line has no line break, inside a quotation (markdown-it and its container plugin read past
    # the end of such a text): refused at its line like any other, never an internal error.
    Case("quote-box-unended", {FILE: REPORT + "\n> ::: box\n>"}, "a box cannot stand in a quotation", line(1)),
    Case("quote-list-unended", {FILE: REPORT + "\n> - <!--:::\n>"}, "a list cannot stand in a quotation", line(1)),
]

ATTRIBUTES = [
    # An attribute block `{…}` keeps one value per name (mdit_py_plugins' dict): an attribute given again, in the
    # same block or in blocks stacked above one block, would lose the other silently; refused where it stands.
    Case("two-anchors", report("{#a #b}", "Text."), "`#b` gives a second anchor after `#a`", line(1) + ":5"),
    Case("two-anchors-spaced", report("{ #a #b }", "## Heading"), "`#b` gives a second anchor", line(1) + ":6"),
    Case("anchor-and-id", report('{#a id="b"}', "Text."), '`id="b"` gives a second anchor', line(1) + ":5"),
    Case("stacked-anchors", report("{#a}", "{#b .unnumbered}", "Text."),
         f"`#b` gives a second anchor after `#a` on line {12 + 1}", line(2) + ":2"),
    Case("key-twice", report("{.unnumbered lang=fr lang=en}", "Text."), "`lang=en` gives `lang` a second time",
         line(1) + ":22"),
    Case("anchor-twice-before-table", report('{ #t id="u" }', "| a | b |", "|---|---|", "| 1 | 2 |"),
         '`id="u"` gives a second anchor', line(1) + ":6"),
    Case("anchor-twice-in-quote", report("> {#q #r}", "> Quoted."), "`#r` gives a second anchor", line(1) + ":7"),
    # a line's block ends at its first `}`: what follows on the line was left out
    Case("block-then-block", report("{.unnumbered} {.x}", "Text."),
         "`{.x}` after the attribute block `{.unnumbered}` would be lost", line(1) + ":15"),
    Case("anchor-then-block", report("{#a} {.unnumbered}", "Text."),
         "`{.unnumbered}` after the attribute block `{#a}` would be lost", line(1) + ":6"),
    Case("anchor-then-anchor", report("{#a}{#b}", "Text."), "`{#b}` after the attribute block `{#a}`", line(1) + ":5"),
    # the plugin drops an event attribute without a trace
    Case("event-attribute", report('{onclick="x"}', "Text."), "the attribute `onclick=\"x\"` means nothing in a paper",
         line(1) + ":2"),
    # `{#` opens a template comment, but a line holding one attribute block is the block (the Markdown reader tells
    # what it holds); a real comment is still refused as one
    Case("comment-shaped-like-anchor", report("{#a .unnumbered #}", "Text."), "`{# … #}` comments", line(1) + ":1"),
    Case("comment-unended", report("{# a note", "Text."), "`{# … #}` comments", line(1) + ":1"),
    # Pandoc's heading attribute (`# Title {#t}`): a well-made anchor in the wrong place, told once and truly (the
    # Markdown reader added "`{#t}` would print: it is no anchor (an id is a letter…)" at the same place)
    Case("heading-attribute", report("## Title {#t}", "", "See [](#t)."), "the anchor `{#t}` would print here "
         "(write it alone on the line before the block it names)", line(1) + ":10"),
    Case("heading-attribute-told-once", report("## Title {#t}", "", "See [](#t)."), "\n1 error; nothing was written.",
         line(1) + ":10"),
    Case("anchor-ending-a-paragraph", {**report("Text.", "{#t}", "", "See [](#t)."), "document.yaml": ENGLISH},
         "\n1 error; nothing was written.", line(2) + ":1"),  # told once (a translation would hold it again)
    Case("anchor-ending-a-paragraph-named", report("Text.", "{#t}"), "the anchor `{#t}` would print here", line(2)),
]

CASES = LOST + HTML + NOTES + LINKS + CHARACTERS + UNENDED + ATTRIBUTES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)


UNHARMED = [
    # Inputs that must build (exit 0) without a traceback: they lose nothing.
    # a heading right under a line of text (an underlined one, `-------`, is refused: test_markdown_misread)
    ("heading-under-text", ["Text.", "## Heading", "", "Text."]),
    ("hard-breaks", ["line one\\", "line two\\", "three"]),  # two spaces at a line's end: test_markdown_misread
    ("backslash-at-end", ["text\\"]),
    ("entity-named", ["A &amp; B &eacute; &#169; &#x4E2D;"]),
    ("code-span-comment", ["Write `<!-- x -->` and `&#0;` literally."]),
    ("escaped-html", ["Values \\<b\\> and a < b > c."]),
    ("mailto", ["<mailto:a@b.org>, <a@b.org> and [here](https://wipo.int)."]),
    ("reference-link", ["See [the site][w] and [w].", "", "[w]: https://wipo.int"]),
    ("two-levels", ["- one", "  - two", "", "1. a", "   1. b"]),
    ("unnumbered", ["{.unnumbered}", "Text."]),
    ("class-repeated", ["{.unnumbered .unnumbered}", "Text.", "", "{.unnumbered}", "{.unnumbered}", "More."]),
    ("anchor-with-class", ["{#a .unnumbered}", "Text.", "", "{ #b }", "See [these words](#a) and [](#b)."]),
    ("long-line", ["word " * 20000]),
]


@pytest.mark.parametrize("lines", [lines for _, lines in UNHARMED], ids=[name for name, _ in UNHARMED])
def test_unharmed(make_doc, tmp_path, lines):
    folder = make_doc(report(*lines))
    code, output, escaped = run(["check", str(folder)])
    assert (code, escaped) == (0, False), output


def test_many_stars_end(make_doc):
    """10,000 lone `*` (empty list items) are refused at once, without a traceback or a hang."""
    folder = make_doc({FILE: REPORT + "\n*\n" * 10000})
    code, output, escaped = run(["check", str(folder)], timeout=120)
    assert code == 1 and not escaped and "Traceback" not in output, output[-2000:]
    assert f"{FILE}:13:" in output and "an empty list item" in output


def _texts(node) -> list[str]:
    """Every string in a dumped JSON value."""
    if isinstance(node, dict):
        return [text for value in node.values() for text in _texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return [node] if isinstance(node, str) else []


def test_draft_drops_comments_with_a_warning(make_doc, tmp_path):
    """`--draft` builds, leaves every comment out of the paper and says where each one was."""
    folder = make_doc(report("Kept <!-- inline secret --> text.", "", "<!-- block secret -->", "",
                             "<!--", "multi-line secret", "-->", "", "After."))
    out = tmp_path / "out"
    code, output, escaped = run(["build", str(folder), "--format", "json", "--out", str(out), "--lang", "en",
                                 "--draft"])
    assert (code, escaped) == (0, False), output
    for where in (line(1), line(3), line(5)):
        assert f"{where}:" in output and "warning: an HTML comment was left out of the draft" in output, output
    text = " ".join(_texts(json.loads((out / "en" / "wo_cc_86_inf_1.json").read_text(encoding="utf-8"))))
    assert "secret" not in text and "<!--" not in text
    assert "Kept text." in text and "After." in text


def test_draft_still_refuses_html(make_doc, tmp_path):
    """A draft drops comments only: raw HTML and an unclosed comment are errors in a draft too."""
    folder = make_doc(report("Some <b>bold</b>.", "", "<!-- never closed"))
    code, output, escaped = run(["build", str(folder), "--format", "json", "--out", str(tmp_path / "out"),
                                 "--draft"])
    assert code == 1 and not escaped, output
    assert "HTML is not part of" in output and "never closed" in output


CONSTRUCTS = [
    "# H", "#### H", "Text", "*x* **b** `c`", "[l](https://a.org)", "[l][r]", "[r]: https://b.org", "- item",
    "  - sub", "    - deeper", "1. one", "   1. two", "> q", "> > qq", "> — Name", "::: box", "::: keyfigures",
    "::: table applicants", "::: other", ":::", "{.unnumbered}", "{.x}", "<!-- c -->", "<!--", "-->", "<b>", "&#0;",
    "&amp;", "    code", "***", "---", "| a |", "|---|", "\\", "", "<javascript:x>", "- **1** staff", "    more",
    "\t- tab", ">", "> ::: box", "> - <!--"]
NOTES_LINES = ["X[^n]", "Y[^m]", "[^n]: note", "[^m]: see [^n]", "[^n]:", "[^m]: see [^m]"]
LINES = st.one_of(st.sampled_from(CONSTRUCTS), st.sampled_from(NOTES_LINES))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(LINES, min_size=1, max_size=14), st.lists(st.integers(0, 6), min_size=14, max_size=14),
       st.sampled_from(["\n", ""]))
def test_generated_markdown_gives_blocks_or_located_problems(lines, indents, end):
    """Lines of every construct, in any order and indentation, the last one ended by a line break or not: blocks
    or problems with a line, never a crash."""
    text = "\n".join(" " * indent + item for indent, item in zip(indents, lines)) + end
    out = Collector()
    parse_markdown(text, Path(FILE), FILE, out, lambda *args: None)
    assert all(problem.line is None or 1 <= problem.line <= text.count("\n") + 1 for problem in out.problems)
