"""What a translated build computes once gives what computing it each time gives: the content catalog shared by
its readers, the block tokens read with fewer inline parses, a message used twice checked once, the markup of a
text without Markdown's marks and the parts of a text without Jinja2's known without parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccdocs.i18n.catalogs import ContentCatalog, po_path, read_catalog, shared_catalog
from ccdocs.i18n.checkers import MISSING_HINT, Entry, check, inline_markup, jinja_parts
from ccdocs.i18n.policy import assess
from ccdocs.i18n.segments import Segment, alt_text, blocks
from ccdocs.i18n.structure import _signature
from ccdocs.parse.markdown import parser
from ccdocs.parse.pipe_tables import shield
from content_texts import content_texts

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "wo-cc-86-inf-1"
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Second paragraph."
msgstr "{0}"
"""


def test_shared_catalog_is_one_per_version_of_the_file(tmp_path):
    """Its readers share one catalog while the file is as it was; saved again (even to the same size), it is read
    again; read_catalog gives each caller a catalog of its own to change."""
    path = tmp_path / "content.po"
    path.write_text(PO.format("第二段。"), encoding="utf-8")
    first = shared_catalog(path, "zh")
    assert shared_catalog(path, "zh") is first
    assert read_catalog(path, "zh") is not read_catalog(path, "zh")
    path.write_text(PO.format("第三段。"), encoding="utf-8")  # the same number of bytes
    assert shared_catalog(path, "zh").get("Second paragraph.").string == "第三段。"
    assert first.get("Second paragraph.").string == "第二段。"


@pytest.mark.parametrize("source", content_texts())
def test_blocks_are_the_full_parse_blocks(source):
    """The block tokens segments and shapes read (inline tokens parsed only where a `^` or `![` stands) are the
    full parse's: the same signatures at the same lines, and the same alt-text segments."""
    text = source()
    full = parser().parse(shield(text), {})
    read = blocks(text)
    assert [(_signature(t), t.map) for t in read] == [(_signature(t), t.map) for t in full]
    assert [alt_text(t) for t in read if t.type == "inline"] == [alt_text(t) for t in full if t.type == "inline"]


def test_a_message_used_twice_is_told_at_each_place():
    """A failing translation of a text standing in two places is a problem at each, named by each."""
    catalog = ContentCatalog(locale="zh")
    catalog.add("We count {{ staff }} staff.", "我们有员工。")
    segments = [Segment("We count {{ staff }} staff.", "content/a.md", line, line, "paragraph") for line in (3, 9)]
    items = assess(segments, catalog, "zh")
    assert [item.problems for item in items] == [
        (f"content/a.md:3: placeholder `{{{{ staff }}}}` is missing from the translation ({MISSING_HINT})",),
        (f"content/a.md:9: placeholder `{{{{ staff }}}}` is missing from the translation ({MISSING_HINT})",)]


@pytest.mark.parametrize("translation, message", [
    ("我们有&#42;员工。", "a `**` or `*` in the translation opens or closes nothing"),   # an entity printing `*`
    ("我们有&lt;!-- 员工。", "HTML `<!--` is in the translation but not in the source"),  # one printing `<!--`
    ("我们有\\*员工。", "a `**` or `*` in the translation opens or closes nothing"),     # an escaped `*`
])
def test_markup_written_without_its_mark_is_still_read(translation, message):
    """A text is read by Markdown whenever a mark could make a link, HTML, emphasis or a printed `*`: an entity or
    an escape too (only a text with none of `[ < * _ &` is known to hold no markup without parsing it)."""
    found = check(Entry("¶1", "We count staff.", translation, "zh"))
    assert any(message in problem for problem in found), found
    assert inline_markup("我们有员工。") == inline_markup("我们有员工。【注】")  # nothing to read in either


def test_fields_without_jinja_syntax_are_read_as_jinja_reads_them():
    """A text without `{{`, `{%` or `{#` is data to Jinja2: its `{name}` fields only, a stray `}}` no error."""
    assert jinja_parts("Staff {count} in {year}.}}") == (("{count}", "{year}"), None)
    assert jinja_parts("{ name } and {0}") == ((), None)
    assert jinja_parts("{{ staff") == ((), "`{{` is not closed")


def test_the_sample_catalog_is_parsed_once_per_build(monkeypatch):
    """A translated build of the sample reads its zh catalog's bytes for its tables and segments, but parses them
    once (babel's parser runs once per version of the file)."""
    from ccdocs.i18n import catalogs
    from ccdocs.pipeline import read_sources, resolve

    parsed = []
    original = catalogs._parsed
    monkeypatch.setattr(catalogs, "_parsed", lambda path, *rest: parsed.append(path) or original(path, *rest))
    catalogs._kept.cache_clear()
    resolve(read_sources(SAMPLE), "zh")
    assert parsed.count(po_path(SAMPLE, "zh")) == 1


def test_a_translated_model_parses_each_text_once(monkeypatch, tmp_path):
    """A translated model reads three texts of each content file with markdown-it: the source (for its segments and
    its shape), the source with its translations applied (its shape) and that text with its figures rendered (its
    blocks); each is parsed once, whichever reader asks for it (the per-user cache empty: nothing read from it)."""
    from collections import Counter

    from markdown_it import MarkdownIt

    from ccdocs.i18n import segments
    from ccdocs.pipeline import read_sources, resolve

    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    segments.blocks.cache_clear()
    segments._segments.cache_clear()
    parses: Counter = Counter()
    original = MarkdownIt.parse
    monkeypatch.setattr(MarkdownIt, "parse", lambda md, text, env=None: parses.update([text]) or original(md, text, env))
    sources = read_sources(SAMPLE)
    resolve(sources, "zh")
    assert parses and max(parses.values()) == 1, [(text[:40], n) for text, n in parses.items() if n > 1]
    assert len(parses) >= 3 * len(sources.texts)
