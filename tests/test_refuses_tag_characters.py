"""Tag characters outside a flag emoji (breaks-5 #1): U+E0001 and U+E0020–U+E007F spell an invisible text ("ASCII
smuggling": `Approve` + the tags of `IG…`) that Word keeps and the PDF drops, so the two formats would carry
different texts, and a paragraph of one printed as an empty numbered paragraph. They are refused where they are
read, as the bidirectional overrides are (sources/characters.py), in the content, YAML and translations, typed or as
a character reference; an emoji tag sequence (U+1F3F4, tag letters, U+E007F: the flag of Scotland) keeps them.
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_refuses_catalogs import SECOND, catalog, msgstr, po, zh
from test_refuses_markdown import line, report
from test_refuses_yaml import DOC, TITLE, doc

from ccdocs.sources.characters import first_refused, refused

TAG = "tag character U+{} (invisible text) outside a flag emoji"
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"  # 🏴 g b s c t, cancel tag

CASES = [
    Case("in-sentence", report("Approve\U000e0049\U000e0047 the report."), TAG.format("E0049"), line(1) + ":8"),
    Case("paragraph-of-one", report("First.", "", "\U000e0041", "", "Next."), TAG.format("E0041"), line(3) + ":1"),
    Case("language-tag-item", report("- one", "- \U000e0001"), TAG.format("E0001"), line(2) + ":3"),
    Case("cancel-tag-heading", report("## Title\U000e007f"), TAG.format("E007F"), line(1) + ":9"),
    Case("entity", report("A &#xE0041; B"), TAG.format("E0041"), line(1)),
    Case("yaml-escape", doc(TITLE, r'title: {en: "Report\U000E0041", zh: 甲}'), TAG.format("E0041"), f"{DOC}:10"),
    Case("beside-a-flag", report(f"Flag {SCOTLAND}\U000e0041."), TAG.format("E0041"), line(1) + ":13"),
    zh("translation", po(catalog(translated={SECOND: "第二\U000e0041\U000e0042段。"})), TAG.format("E0041"),
       msgstr(SECOND)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_tag_character_refused(refuse, case):
    refuse(case)


def test_flag_emoji_keeps_its_tags():
    """The tags of an emoji tag sequence are no refused characters: the flag stands (a font must still hold it);
    a tag after the cancel tag, or tags without the flag before them, are refused."""
    assert list(refused(f"Scotland: {SCOTLAND}.\nWales: \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c"
                        "\U000e0073\U000e007f")) == []
    assert first_refused(SCOTLAND) is None
    assert list(refused(f"{SCOTLAND}\U000e0067")) == [(1, 8, TAG.format("E0067"))]
    assert first_refused(SCOTLAND[1:]) == TAG.format("E0067")
    assert first_refused("\U0001f3f4\U000e007f") == TAG.format("E007F")  # a cancel tag without tag letters
