"""Content segments: what a translator sees as one message, and translations put back line for line."""

from __future__ import annotations

from ccdocs.i18n.segments import apply, extract

SOURCE = """\
# Chapter title

A paragraph on
two lines with {{ data.x | number }} and a note.[^n]

> A quoted sentence
> over two lines.
>
> — Someone, somewhere

- **Lead.** An item
  continued here.
- Second item.

::: table t
The caption
:::

[^n]: The note, with [a link](https://www.wipo.int/).
"""


def test_each_leaf_block_is_one_segment_with_its_kind_and_line():
    found = [(s.kind, s.line, s.msgid) for s in extract(SOURCE, "c.md")]
    assert found == [
        ("heading", 1, "Chapter title"),
        ("paragraph", 3, "A paragraph on\ntwo lines with {{ data.x | number }} and a note.[^n]"),
        ("blockquote", 6, "A quoted sentence\nover two lines."),
        ("blockquote", 9, "— Someone, somewhere"),
        ("item", 11, "**Lead.** An item\ncontinued here."),
        ("item", 13, "Second item."),
        ("caption", 16, "The caption"),
        ("footnote", 19, "The note, with [a link](https://www.wipo.int/)."),
    ]


def test_translations_replace_segments_and_keep_every_line_number():
    translations = {s.msgid: f"译{s.line}" + ("[^n]" * ("[^n]" in s.msgid)) for s in extract(SOURCE, "c.md")}
    out = apply(SOURCE, "c.md", lambda s: translations[s.msgid])
    assert out.count("\n") == SOURCE.count("\n")
    assert [(s.line, s.msgid) for s in extract(out, "c.md")] == [
        (1, "译1"), (3, "译3[^n]"), (6, "译6"), (9, "译9"), (11, "译11"), (13, "译13"), (16, "译16"), (19, "译19")]
    assert "> 译6\n>\n>\n> 译9" in out and "- 译11\n\n- 译13" in out and "[^n]: 译19" in out


def test_untranslated_segments_stay_as_written():
    assert apply(SOURCE, "c.md", lambda s: None) == SOURCE


def test_a_translation_on_several_lines_becomes_one_source_line():
    out = apply("Para.\n", "c.md", lambda s: "第一行\n第二行\nand more")
    assert out == "第一行第二行 and more\n"


RICH = SOURCE + """
::: box
### A box title

A box paragraph.
:::

::: keyfigures
- **65%** of staff
- **1,082** staff
:::

1. First numbered item.
2. Second numbered item
   - nested bullet.
"""


def test_translating_every_segment_of_every_kind_keeps_the_structure():
    from ccdocs.i18n.structure import breaking

    translations = {s.line: f"译文 {s.msgid}" for s in extract(RICH, "c.md")}
    assert len(translations) == 15 and breaking(RICH, "c.md", translations) == {}


def test_a_translation_that_makes_another_block_is_named_by_its_own_line_among_good_ones():
    from ccdocs.i18n.structure import breaking

    lines = {s.msgid: s.line for s in extract(RICH, "c.md")}
    good = {line: "译文[^n]" if "[^n]" in msgid else "译文" for msgid, line in lines.items()}
    bad = {lines["A quoted sentence\nover two lines."]: "- 列表",  # a list in a quote
           lines["Second item."]: "> 引文",  # a quote in an item
           lines["The caption"]: ":::",  # the table's end
           lines["A box paragraph."]: "## 标题",  # a heading in a box
           lines["nested bullet."]: "1. 一"}  # a deeper list
    assert set(breaking(RICH, "c.md", {**good, **bad})) == set(bad)
    for line, translation in bad.items():
        assert set(breaking(RICH, "c.md", {**good, line: translation})) == {line}, translation


def test_a_translation_that_drops_the_only_mark_of_a_note_is_the_one_named():
    from ccdocs.i18n.structure import breaking

    translations = {s.line: "译文" for s in extract(SOURCE, "c.md")}
    assert breaking(SOURCE, "c.md", translations) == {3: "nothing: the block disappears"}
