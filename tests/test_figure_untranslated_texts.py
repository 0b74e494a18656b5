"""Specification: no figure prints a text of the data untranslated without a word (verify-10 V2).

A figure naming one value (`{{ workforce.place }}`) is found by `i18n update`, which offers its text to the
translator, and a final build refuses it untranslated (tests/test_figure_texts.py). A figure of another shape,
`{{ workforce["place"] }}`, `{{ (workforce.place) }}`, `{{ workforce.place ~ "" }}`, printed the English text in the
Chinese paper while check and stats said the catalog was complete. Now, in a language the document is translated
into, a text of the data with no translation (neither the catalog's `msgctxt "data"` entries nor the toolkit's
words) reaches the figures marked (`sandbox.Untranslated`); a figure printing it, or joining it, by any shape but one
name is refused at its line (a draft prints it as it stands). Translated, it prints in every shape.
"""

from __future__ import annotations

import pytest

from refusals import invoke
from test_figure_texts import DATA, PLACE, PLACE_ENTRY
from test_refuses_catalogs import PO, SECOND, catalog, zh

SHAPES = ['workforce["place"]', "(workforce.place)", 'workforce.place ~ ""', '"in " + workforce.place']
SAID = f"this figure prints '{PLACE}', a text of the data that has no translation in this language"


def files(shape: str, place_entry: str = "") -> dict:
    """The minimal document whose second paragraph prints the place through the figure `shape`, translated."""
    from conftest import REPORT

    sentence, translation = f"Second paragraph in {{{{ {shape} }}}}.", f"第二段在{{{{ {shape} }}}}。"
    quoted = [text.replace('"', '\\"') for text in (sentence, translation)]
    po = catalog().replace(f'msgid "{SECOND}"\nmsgstr "第二段。"', f'msgid "{quoted[0]}"\nmsgstr "{quoted[1]}"')
    return {**DATA, "content/report.md": REPORT.replace(SECOND, sentence), PO: po + place_entry}


@pytest.mark.parametrize("case", [zh(f"shape-{index}", files(shape), SAID, "content.po:")
                                  for index, shape in enumerate(SHAPES)], ids=lambda case: case.id)
def test_a_figure_printing_an_untranslated_data_text_is_refused(refuse, case):
    refuse(case)


def test_a_figure_naming_the_value_is_refused_once_as_before(refuse):
    """`{{ workforce.place }}`: the catalog's untranslated table text, not this refusal as well."""
    said = refuse(zh("one-name", files("workforce.place"), f'(table text): "{PLACE}"', "content.po:"))
    assert "this figure prints" not in said, said


@pytest.mark.parametrize("shape", SHAPES[:2])
def test_translated_it_prints_in_every_shape(tmp_path, shape):
    from conftest import write_doc

    folder = write_doc(tmp_path / "doc", files(shape, PLACE_ENTRY))
    code, output, escaped = invoke(["build", str(folder), "--format", "json", "--out", str(tmp_path / "out")])
    assert (code, escaped) == (0, False), output
    assert "第二段在新楼。" in next((tmp_path / "out" / "zh").glob("*.json")).read_text(encoding="utf-8")


def test_a_draft_prints_it_as_it_stands(tmp_path):
    from conftest import write_doc

    folder = write_doc(tmp_path / "doc", files(SHAPES[0]))
    code, output, escaped = invoke(["build", str(folder), "--format", "json", "--draft", "--lang", "zh", "--out",
                                    str(tmp_path / "out")])
    assert (code, escaped) == (0, False), output
    assert f"第二段在{PLACE}。" in next((tmp_path / "out" / "zh").glob("*.json")).read_text(encoding="utf-8")
