"""A unit whose own `xml:lang` names another language than its file's is refused at its line and column.

(breaks-8 #9: the `<file>`'s `target-language` was checked, but a `<target xml:lang="zh-TW">` (XLIFF 1.2 allows the
attribute on a target; a CAT tool writes it where a segment was pretranslated from another language's memory), or a
`<trans-unit>` or `<source>` of another language, came into the Simplified zh catalog without a word, `updated`,
and the final build printed it.) A `<target>`'s `xml:lang` must be the file's `target-language`, a `<source>`'s its
`source-language` and a `<trans-unit>`'s one of the two, a tag read as the file-level check reads it (a POSIX
`zh_CN` is `zh-CN`; `zh-TW`, `zh-Hant` are Chinese in its Traditional script); the same in an XLIFF given as a
translation memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ccdocs.i18n.catalogs import po_path, read_catalog
from refusals import Case, invoke
from test_i18n_xliff import IMPORT, MARK, MEMORY, _at, _exported

TARGET = '<target state="translated">' + MARK + "</target>"


def _marked(target: str = TARGET, unit: str = "", source: str = ""):
    """A setup exporting the minimal document's zh catalog, its heading's unit written with `target`, the
    attributes `unit` on its `<trans-unit>` and `source` on its `<source>`."""
    def setup(folder: Path, out: Path) -> None:
        xlf = _exported(folder, out)
        text = xlf.read_text(encoding="utf-8").replace(TARGET, target)
        head, _, rest = text.partition("<source>Introduction")
        opened = head.rindex("<trans-unit ")
        text = (head[:opened] + head[opened:].replace("<trans-unit ", f"<trans-unit {unit} ", 1)
                + f"<source{source}>Introduction" + rest)
        xlf.write_text(text, encoding="utf-8")
    return setup


@pytest.mark.parametrize("command", [IMPORT, MEMORY], ids=["import", "memory"])
def test_a_target_in_traditional_chinese_is_refused_at_its_line_and_column(refuse, tmp_path, command):
    target = '<target xml:lang="zh-TW" state="translated">導言</target>'
    output = refuse(Case("target-zh-TW", {}, "error: this unit's target is in `zh-TW`, Chinese in its Traditional "
                         "script, not the file's `zh` (ccdocs's `zh` is Simplified Chinese", "doc.xlf:",
                         setup=_marked(target), command=command, check=False))
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', target)} error: this unit's target" in output, output


def test_a_target_in_another_language_is_refused(refuse, tmp_path):
    target = '<target xml:lang="fr" state="translated">Introduction</target>'
    output = refuse(Case("target-fr", {}, "error: this unit's target is in `fr`, not the file's `zh` (translate "
                         "the unit into zh in the CAT tool", "doc.xlf:", setup=_marked(target), command=IMPORT,
                         check=False))
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', target)} error" in output, output


def test_a_unit_or_source_in_another_language_is_refused(refuse, tmp_path):
    output = refuse(Case("unit-and-source", {}, "error: this unit is in `fr`, neither the file's source language "
                         "`en` nor its target language `zh`", "doc.xlf:",
                         setup=_marked('<target state="translated">导言</target>', 'xml:lang="fr"',
                                       ' xml:lang="de"'), command=IMPORT, check=False))
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', '<trans-unit xml:lang')} error: this unit is in `fr`" in output
    assert f"{_at(tmp_path / 'out' / 'doc.xlf', '<source xml:lang')} error: this unit's source is in `de`, not the " \
           "file's source language `en`" in output, output


@pytest.mark.parametrize("tag", ["zh", "zh-CN", "zh_Hans", "ZH-hans-HK"])
def test_a_target_marked_with_the_files_language_is_imported(make_doc, tmp_path, tag):
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _marked(f'<target xml:lang="{tag}" state="translated">导言</target>', 'xml:lang="zh-CN"', ' xml:lang="en-US"')(
        folder, out)
    code, output, _ = invoke([part.format(doc=folder, out=out) for part in IMPORT])
    assert code == 0, output
    assert "导言" in [message.string for message in read_catalog(po_path(folder, "zh"))]
