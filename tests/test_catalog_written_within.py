"""A command never writes a catalog its own readers refuse (breaks-8 #15), and a catalog beyond the bound is told
with what fills it (breaks-8 #14).

`i18n update` of a short paper in a long-named content file (each entry's `#:` reference repeats the path) wrote a
catalog beyond `sources.bounds.CATALOG`, then said "1 error; nothing was written" when its own note read it back;
`i18n import` of a translated XLIFF wrote one silently (exit 0). Every command refused the folder after, the
translations in a file none reads. Now the bytes are measured before anything is written: refused, the catalog on
disk as it was, the hint naming what takes the room (obsolete entries, references, or the paper's text).
"""

from __future__ import annotations

import re

from refusals import invoke

# three folders and a name of 180 characters: each within 255, the whole path some 760
LONG = "chapter-on-the-implementation-of-the-programme-" * 4
PO = "locales/zh/LC_MESSAGES/content.po"


def long_named(folder, paragraphs: int, text: str = "Paragraph {} text.") -> str:
    """Add to the document at `folder` a content file of `paragraphs` one-line paragraphs (`text`, numbered) at a
    long path."""
    name = f"content/{LONG}/{LONG}/{LONG}/{LONG[:180]}.md"
    (folder / name).parent.mkdir(parents=True)
    (folder / name).write_text("# T\n" + "".join(f"\n{text.format(n)}\n" for n in range(paragraphs)),
                               encoding="utf-8")
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("files: [content/report.md]",
                                                             f'files: [content/report.md, "{name}"]'),
                    encoding="utf-8")
    return name


def test_update_refuses_before_writing_a_catalog_beyond_the_bound_and_names_the_long_path(copy_fixture):
    folder = copy_fixture("budget")
    name = long_named(folder, 10_500)
    before = (folder / PO).read_bytes()
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 1 and "Traceback" not in output, output
    assert re.search(r"content\.po: error: `content\.po` would hold 8\.\d MB, more than the 8 MB ccdocs reads "
                     r"for a catalog: it was not written, the catalog on disk is as it was \(its references \[`#:`\] "
                     r"repeat a content file's path at every entry it holds, \d\.\d MB more than paths of 40 "
                     f"characters would: give `{re.escape(name)}` \\[{len(name)} characters\\] a shorter path",
                     output), output
    assert "msgattrib" not in output and "new, 0 fuzzy" not in output and "left:" not in output, output
    assert (folder / PO).read_bytes() == before
    assert not list((folder / PO).parent.glob("*.part"))
    code, output, _ = invoke(["i18n", "stats", str(folder)])  # the catalog is read as before
    assert "Traceback" not in output and "content.po: error" not in output, output


def test_import_refuses_before_writing_a_catalog_its_translations_would_take_beyond_the_bound(copy_fixture, tmp_path):
    folder = copy_fixture("budget")
    long_named(folder, 9_000)
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0, output
    exported = tmp_path / "zh.xlf"
    code, output, _ = invoke(["i18n", "export", str(folder), "--lang", "zh", "-o", str(exported)])
    assert code == 0, output
    # every paragraph translated: each target some 250 bytes, the catalog (7.5 MB) some 2.2 MB more
    target = r'\1<target state="translated">第\2段。' + "委员会注意到关于方案和所拟议资源的报告。" * 4 + "</target>"
    text = re.sub(r"(<source>Paragraph (\d+) text\.</source>)", target, exported.read_text(encoding="utf-8"))
    exported.write_text(text, encoding="utf-8")
    before = (folder / PO).read_bytes()
    assert len(before) < 8 * 2**20 < len(before) + 9_000 * 240
    code, output, _ = invoke(["i18n", "import", str(folder), "--lang", "zh", str(exported)])
    assert code == 1 and "Traceback" not in output, output
    assert re.search(r"content\.po: error: `content\.po` would hold \d\.\d MB, more than the 8 MB ccdocs reads for a "
                     r"catalog: it was not written", output), output
    assert "updated" not in output, output
    assert (folder / PO).read_bytes() == before


def test_a_catalog_beyond_the_bound_without_obsolete_entries_is_not_told_to_drop_them(copy_fixture):
    folder = copy_fixture("budget")
    po = folder / PO
    entry = ('#. paragraph: report ¶{0}\n#: content/report.md:{0}\nmsgid "The Committee noted the report on the '
             'programme and the resources proposed, number {0}."\n'
             'msgstr "委员会注意到关于方案和所拟议资源的报告，第{0}号，以及该报告所述的执行情况。"\n\n')
    po.write_text(po.read_text(encoding="utf-8") + "\n" + "".join(entry.format(n) for n in range(33_000)),
                  encoding="utf-8")
    code, output, _ = invoke(["check", str(folder)])
    assert code == 1 and "Traceback" not in output, output
    assert ("`content.po` holds 8.7 MB, more than the 8 MB ccdocs reads for a catalog (the paper's text is too long "
            "to translate in one catalog: make a long annex or chapter a document of its own [a `type: document` "
            "part, translated in its own folder])") in output, output
    assert "msgattrib" not in output, output


def test_the_translated_catalog_of_a_paper_at_the_content_bound_is_read(tmp_path):
    """breaks-8 #14: 1.81 MB of English (13,000 paragraphs of 140 characters, within CONTENTS' 2 MB) fully
    translated into Chinese made a 4.1 MB catalog, which every command refused (the bound was 4 MB)."""
    from ccdocs.i18n.catalogs import read_catalog
    from ccdocs.sources.bounds import CONTENTS

    english = ("The Committee noted the report on the implementation of the programme and the resources proposed "
               "for the biennium under review, item {0:05}.")
    count = CONTENTS.most // (len(english.format(0)) + 2)  # a paragraph and the blank line after it
    entry = ('#. paragraph: report ¶{0}\n#: content/report.md:{1}\nmsgid "' + english + '"\n'
             'msgstr "委员会注意到关于本两年期方案执行情况和所拟议资源的报告，第{0:05}项。"\n\n')
    po = tmp_path / "locales" / "zh" / "LC_MESSAGES" / "content.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh\\n"\n\n'
                  + "".join(entry.format(n, 2 * n + 1) for n in range(count)), encoding="utf-8")
    assert po.stat().st_size > 4 * 2**20
    assert len(read_catalog(po, "zh")) == count


def test_update_refuses_before_writing_a_memory_s_translation_every_build_would_refuse(copy_fixture, tmp_path):
    """A translation a memory gives, beyond what a build reads (its `[`, `sources.content.BRACKETS`), was written,
    then the update's own note read the catalog back: '1 error; nothing was written.'"""
    import shutil

    from ccdocs.sources.content import BRACKETS

    folder = copy_fixture("budget")
    memory = tmp_path / "memory"
    shutil.copytree(folder, memory)
    po = folder / PO
    text = po.read_text(encoding="utf-8")
    msgid, msgstr = re.search(r'\nmsgid "(Brands[^"]+)"\nmsgstr "([^"]+)"', text).groups()
    po.write_text(text.replace(f'msgid "{msgid}"\nmsgstr "{msgstr}"', f'msgid "{msgid}"\nmsgstr ""'), encoding="utf-8")
    (memory / PO).write_text(text.replace(f'msgstr "{msgstr}"', f'msgstr "{msgstr}{"[" * (BRACKETS + 1)}"'),
                             encoding="utf-8")
    before = po.read_bytes()
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh", "--memory", str(memory)])
    assert code == 1 and "Traceback" not in output, output
    assert re.search(r"content\.po:\d+:1: error: with this translation the catalog's translations hold more than "
                     r"40,000 `\[`", output), output
    assert "from memory" not in output and po.read_bytes() == before


def test_update_warns_when_the_catalog_it_writes_leaves_its_translations_no_room(copy_fixture):
    """Within the bound now, beyond it once translated: said when the catalog is made, not when the translators'
    work is refused."""
    folder = copy_fixture("budget")
    english = ("The Committee noted the report on the implementation of the programme and the resources proposed "
               "for the biennium under review, with the comments of the Member States on the items of its agenda, "
               "item {:05}.")
    name = long_named(folder, 7_000, english)
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0, output
    assert re.search(r"content\.po: warning: `content\.po` holds \d\.\d MB, and the translations of its untranslated "
                     r"entries will add some 1\.\d MB \(as many bytes as their English\): translated, it would hold "
                     r"some \d\.\d MB, more than the 8 MB ccdocs reads for a catalog, and no command would read it "
                     r"\(its references \[`#:`\] repeat a content file's path", output), output
    assert name in output and (folder / PO).stat().st_size < 8 * 2**20
