"""A text of the data that a figure prints in the prose is translated as a table prints it (breaks-5 #4): a figure
evaluates the same data in every language, so `{{ applicants.africa.region }}` printed `Africa` in the Chinese
sentence beside `非洲` in the table of the same row, and `{{ workforce.place }}` stayed English while stats, check
and review said the catalog was complete. Now such a text is looked up as a table text is (the catalog's
`msgctxt "data"` entries, then the toolkit's words: regions), `i18n update` offers it at the figure's line, and a
final build refuses it untranslated, as it refuses a table text.
"""

from __future__ import annotations

import pytest

from refusals import invoke
from test_refuses_catalogs import PO, SECOND, catalog, zh

PLACE = "the new building"
SENTENCE = "Second paragraph in {{ workforce.place }} and {{ applicants.africa.region }}."
TRANSLATION = "第二段在{{ workforce.place }}和{{ applicants.africa.region }}。"
DATA = {"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\nplace: {PLACE}\n"}
PLACE_ENTRY = f'\n#: content/report.md:5\nmsgctxt "data"\nmsgid "{PLACE}"\nmsgstr "新楼"\n'


def files(place_entry: str = "") -> dict:
    """The minimal document whose second paragraph prints two data texts, its zh catalog translating it."""
    from conftest import REPORT

    po = catalog().replace(f'msgid "{SECOND}"\nmsgstr "第二段。"', f'msgid "{SENTENCE}"\nmsgstr "{TRANSLATION}"')
    return {**DATA, "content/report.md": REPORT.replace(SECOND, SENTENCE), PO: po + place_entry}


CASES = [
    zh("data-text-untranslated", files(), f'content/report.md:5 (table text): "{PLACE}"', "content.po:"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    assert "untranslated segment" in refuse(case)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{lang: the model's JSON text} of the document with the place translated in its catalog."""
    from conftest import write_doc

    root = tmp_path_factory.mktemp("figure-texts")
    folder = write_doc(root / "doc", files(PLACE_ENTRY))
    code, output, escaped = invoke(["build", str(folder), "--format", "json", "--out", str(root / "out")])
    assert (code, escaped) == (0, False), output
    return {lang: next((root / "out" / lang).glob("*.json")).read_text(encoding="utf-8") for lang in ("en", "zh")}


def test_the_chinese_sentence_prints_the_translations_of_the_data_texts(printed):
    """The catalog's entry for the place, the toolkit's word for the region (as the table prints it)."""
    assert "第二段在新楼和非洲。" in printed["zh"]


def test_the_english_sentence_prints_the_data_as_written(printed):
    assert f"Second paragraph in {PLACE} and Africa." in printed["en"]


def test_update_offers_the_data_text_at_the_figure_line(make_doc):
    """The region is left out (the toolkit translates it), the place offered as a table text is."""
    folder = make_doc(files())
    code, output, escaped = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert (code, escaped) == (0, False) and "1 new" in output, output
    entry = next(block for block in (folder / PO).read_text(encoding="utf-8").split("\n\n") if PLACE in block)
    assert entry.splitlines() == ["#. data text a figure `{{ … }}` prints here, and wherever a table prints it",
                                  "#: content/report.md:5", 'msgctxt "data"', f'msgid "{PLACE}"', 'msgstr ""']


class Scanned(str):
    """A content file's text that counts the characters `str.count` scans over it."""

    scanned = 0

    def count(self, sub, start=0, end=None):
        Scanned.scanned += (len(self) if end is None else end) - start
        return super().count(sub, start, end)


def test_the_figures_lines_are_counted_in_one_pass():
    """The line of each figure's text is counted on from the figure before: a file of 2,000 figures is scanned
    about once, not once a figure (a 1.9 MB file of 20,000 figures took `i18n stats` 53 s in str.count alone)."""
    from ccdocs.tables.texts import shown_texts

    text = Scanned("".join(f"Paragraph {n} in {{{{ place }}}}.\n\n" for n in range(2000)))
    found = shown_texts({"content/report.md": text}, {"place": PLACE})
    assert [line for _, _, line in found] == list(range(1, 4000, 2))
    assert Scanned.scanned <= len(text)
