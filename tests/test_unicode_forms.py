"""One text in two of Unicode's forms (breaks-7 #4, #5): an accent is one character (`é`, composed: NFC) or a letter
and a combining mark (`e` + U+0301, decomposed: NFD, as macOS input and text pasted from a PDF may write it). The
two look the same and are the same letters.

- The glossary check compares terms and texts in the composed form: a term is found in a source written in the
  other form, and its equivalent in a translation so written (it was neither: the check passed a translation
  lacking the term, and refused one holding it).
- A name the editor typed in the other form than the data's or the anchor's is told so, spelled by its code points
  (it was "did you mean `café`?" for `café`, and "an id is a letter, then …" for `#résumé`); a name under `data:`
  is told that its letters are ASCII letters.
"""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from ccdocs.i18n.catalogs import po_path
from conftest import DOCS, MINIMAL, REPORT, ccdocs_here
from refusals import Case

COMPOSED, DECOMPOSED = "NFC", "NFD"
EN_ONLY = MINIMAL.replace("languages: [en, zh]", "languages: [en]")


def form(kind: str, text: str) -> str:
    return unicodedata.normalize(kind, text)


def line_of(text: str, piece: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if piece in line)


def glossary_case(tmp_path, term_form: str, text_form: str, translation: str):
    """The budget paper with a glossary row `Café System` → `Café体系` (`term_form`), a paragraph naming the term
    in `text_form`, translated `translation`; `check`'s result and the line of the translation's msgstr."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder)
    (folder / "locales" / "zh" / "glossary.csv").write_text(
        f"source,target,note\n{form(term_form, 'Café System')},{form(term_form, 'Café体系')},\n", encoding="utf-8")
    paragraph = f"The {form(text_form, 'Café System')} grows."
    with open(folder / "content" / "report.md", "a", encoding="utf-8") as report:
        report.write(f"\n{paragraph}\n")
    po = po_path(folder, "zh")
    text = f'{po.read_text(encoding="utf-8")}\nmsgid "{paragraph}"\nmsgstr "{translation}"\n'
    po.write_text(text, encoding="utf-8")
    return ccdocs_here("check", folder), line_of(text, f'msgstr "{translation}"')


@pytest.mark.parametrize("term_form, text_form", [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_a_glossary_term_is_found_in_a_source_written_in_the_other_form(tmp_path, term_form, text_form):
    result, line = glossary_case(tmp_path, term_form, text_form, "某体系增长。")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"content.po:{line}:1: error: translation of" in result.stderr, result.stderr
    assert "the term “Caf\u00e9 System” is “Caf\u00e9体系”" in result.stderr  # as the glossary's term is read


@pytest.mark.parametrize("term_form, translation_form", [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_a_glossary_equivalent_is_found_in_a_translation_written_in_the_other_form(tmp_path, term_form,
                                                                                   translation_form):
    result, _ = glossary_case(tmp_path, term_form, term_form, form(translation_form, "Café体系增长。"))
    assert result.returncode == 0, result.stderr
    assert "the term" not in result.stderr


def test_a_data_name_in_the_other_form_is_told_so(refuse):
    report = REPORT + "\nA {{ menu.caf\u00e9 | number }}.\n"
    refuse(Case("data-key-nfd", {
        "document.yaml": EN_ONLY.replace("  workforce: data/workforce.yaml",
                                         "  workforce: data/workforce.yaml\n  menu: data/menu.yaml"),
        "data/menu.yaml": "cafe\u0301: 5\n", "content/report.md": report},
        "undefined figure: `caf\u00e9` is not in the data (`cafe\\u0301` is known, the name typed here being "
        "`caf\\u00e9`: the same letters with their accents written another way",
        f"content/report.md:{line_of(report, 'menu.')}"))


@pytest.mark.parametrize("anchor, reference, told", [("r\u00e9sum\u00e9", "re\u0301sume\u0301", "See"),
                                                     ("re\u0301sume\u0301", "r\u00e9sum\u00e9", "{#")])
def test_an_id_in_the_other_form_is_told_so(refuse, anchor, reference, told):
    """At the reference, or at the anchor, whichever is decomposed."""
    report = REPORT + f"\n{{#{anchor}}}\nA paragraph.\n\nSee [](#{reference}).\n"
    refuse(Case("id-nfd", {"document.yaml": EN_ONLY, "content/report.md": report},
                "its accents are written as a letter and a combining mark, `re\\u0301sume\\u0301`, which an id may "
                "not hold: retype them as one character each, `r\\u00e9sum\\u00e9`",
                f"content/report.md:{line_of(report, told)}"))


def test_a_data_name_is_told_its_letters_are_ascii(refuse):
    refuse(Case("data-name-accent", {"document.yaml": EN_ONLY.replace("  workforce: data/workforce.yaml",
                                                                      "  workforce: data/workforce.yaml\n  dé: x.csv")},
                "`dé` under `data:` is not a valid name (use ASCII letters a–z and A–Z", "document.yaml:18"))
