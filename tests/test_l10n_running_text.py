"""Forms of running text that a language profile or toolkit catalog gives, apart from the cover's: date ranges
after the sentence's own opening word (`dates.prose_to`), the annex markers with the annex's number as a field
(so each catalog writes the annex's name in its case), a pipe table's `n/a` in the language built, and the
catalogs holding no message that nothing reads (language names live in the profiles)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from ccdocs.errors import Collector
from ccdocs.l10n.catalog import Catalog
from ccdocs.l10n.dates import place_and_dates
from ccdocs.l10n.formats import Formats
from ccdocs.l10n.language import find_language
from ccdocs.parse.markdown import parse_markdown
from ccdocs.transforms.annexes import annex_number, annex_text

ROOT = Path(__file__).resolve().parents[1]
YEAR = (date(2024, 1, 1), date(2024, 12, 31))
TWO_DAYS = (date(2026, 3, 18), date(2026, 3, 19))


@pytest.mark.parametrize("lang, year, two_days", [
    ("en", "January 1 to December 31, 2024", "March 18 to 19, 2026"),
    ("zh", "2024年1月1日至12月31日", "2026年3月18日至19日"),
    ("fr", "1er janvier au 31 décembre 2024", "18 au 19 mars 2026"),
    ("es", "1 de enero al 31 de diciembre de 2024", "18 al 19 de marzo de 2026"),
    ("ru", "1 января по 31 декабря 2024 года", "18 по 19 марта 2026 года"),
    ("ar", "من 1 يناير إلى 31 ديسمبر 2024", "من 18 إلى 19 مارس 2026"),
])
def test_daterange_filter_joins_the_ends_as_running_text(lang, year, two_days):
    formats = Formats(lang)
    assert formats.daterange(*YEAR) == year
    assert formats.daterange(*TWO_DAYS) == two_days


@pytest.mark.parametrize("lang, year, two_days", [
    ("en", "Geneva, January 1 to December 31, 2024", "Geneva, March 18 and 19, 2026"),
    ("fr", "Genève, 1er janvier – 31 décembre 2024", "Genève, 18 et 19 mars 2026"),
    ("es", "Ginebra, 1 de enero a 31 de diciembre de 2024", "Ginebra, 18 y 19 de marzo de 2026"),
])
def test_the_cover_keeps_its_own_range_form(lang, year, two_days):
    place = Catalog.load(lang).gettext("Geneva")
    assert place_and_dates(place, *YEAR, lang) == year
    assert place_and_dates(place, *TWO_DAYS, lang) == two_days


def test_french_84_cover_note_reads_du_au(built):
    paragraphs = [p.text for p in docx.Document(str(built("84", "fr", "docx"))).paragraphs]
    assert any("la période du 1er janvier au 31 décembre 2024." in text for text in paragraphs)
    pdf = subprocess.run(["pdftotext", "-l", "1", str(built("84", "fr", "pdf")), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "la période du 1er janvier au 31 décembre 2024." in " ".join(pdf.split())


# The end and between-annexes markers of the only annex and of the second of two, in each language's own case
# (French and Russian write the annex in lower case, Russian in the genitive; Spanish capitalizes Anexo as its
# papers do: `[Sigue el Anexo]`).
MARKERS = {
    "en": ("[End of Annex and of document]", "[End of Annex II and of document]", "[Annex II follows]"),
    "zh": ("[附件和文件完]", "[附件二和文件完]", "[后接附件二]"),
    "fr": ("[Fin de l’annexe et du document]", "[Fin de l’annexe II et du document]", "[L’annexe II suit]"),
    "es": ("[Fin del Anexo y del documento]", "[Fin del Anexo II y del documento]", "[Sigue el Anexo II]"),
    "ru": ("[Конец приложения и документа]", "[Конец приложения II и документа]", "[Приложение II следует]"),
    "ar": ("[نهاية المرفق والوثيقة]", "[نهاية المرفق II والوثيقة]", "[يلي ذلك المرفق II]"),
}


@pytest.mark.parametrize("lang", sorted(MARKERS))
def test_annex_markers_get_the_annex_number_not_its_label(lang):
    language, catalog = find_language(lang), Catalog.load(lang)
    only, last, follows = MARKERS[lang]
    end = ("[End of Annex and of document]", "[End of Annex {number} and of document]")
    assert annex_text(*end, annex_number(1, 1, language), catalog) == only
    assert annex_text(*end, annex_number(2, 2, language), catalog) == last
    assert catalog.format("[Annex {number} follows]", number=annex_number(2, 2, language)) == follows


def test_french_84_ends_with_the_lower_case_annex_marker(built):
    paragraphs = [p.text for p in docx.Document(str(built("84", "fr", "docx"))).paragraphs if p.text.strip()]
    assert paragraphs[-1] == "[Fin de l’annexe et du document]"


FRENCH_TABLE = """\
| Région | Effectif | Variation |
|---|---|---|
| Afrique | 1 735 | s.o. |
| Europe | S.O. | 4,3% |
| Asie | n/a | 12 |
"""


def aligns(text: str, no_figure: frozenset) -> list[str]:
    out = Collector()
    (table,) = parse_markdown(text, Path("report.md"), "report.md", out, None, no_figure=no_figure)
    assert not out.problems
    return [column.align for column in table.columns]


def test_a_french_pipe_table_keeps_its_figures_right_aligned_beside_s_o():
    no_figure = frozenset(Catalog.load(lang).gettext("n/a") for lang in ("fr", "en"))  # built, source
    assert aligns(FRENCH_TABLE, no_figure) == ["left", "right", "right"]
    assert aligns(FRENCH_TABLE, frozenset()) == ["left", "left", "left"]   # `s.o.` is no figure of itself


def test_make_catalogs_leaves_every_catalog_as_it_is_and_names_no_language():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_catalogs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for path in [ROOT / "locales" / "ccdocs.pot", *sorted((ROOT / "locales").glob("*/LC_MESSAGES/ccdocs.po"))]:
        text = path.read_text(encoding="utf-8")
        assert 'msgid "English"' not in text and 'msgid "Arabic"' not in text, path
