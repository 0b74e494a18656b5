"""A final build refused because the source has text the catalog has no entry for says to run `ccdocs i18n update`
first (newcomer-12 N11): after an English edit with no `i18n update` since, the refusal said only "build a draft
with `--draft`; see them with `ccdocs i18n review`", and review shows nothing to fix, the catalog holding no entry
for the new text. A refusal for entries the catalog has (empty, fuzzy, failing) says what it said.
"""

from __future__ import annotations

from refusals import invoke
from test_refuses_catalogs import PO, SECOND, catalog


def _final_zh(folder, tmp_path) -> str:
    code, output, escaped = invoke(["build", str(folder), "--lang", "zh", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert code == 1 and not escaped, output
    return output


def test_an_english_edit_not_in_the_catalog_is_told_to_be_merged_first(make_doc, tmp_path):
    folder = make_doc({PO: catalog()})
    report = folder / "content/report.md"
    report.write_text(report.read_text(encoding="utf-8").replace(SECOND, "Second paragraph, edited."),
                      encoding="utf-8")
    output = _final_zh(folder, tmp_path)
    assert (f"1 of 8 messages in `zh` is not ready for a final build (as `ccdocs i18n stats` counts them) (run "
            f"`ccdocs i18n update {folder} --lang zh` first: the source changed since the catalog was updated, "
            f"which has no entry yet for 1 of the segments above; then build a draft with `ccdocs build {folder} "
            f"--draft`; see them with `ccdocs i18n review {folder} --lang zh -o review.html`)") in output, output


def test_an_empty_entry_is_told_as_before(make_doc, tmp_path):
    output = _final_zh(make_doc({PO: catalog(translated={SECOND: ""})}), tmp_path)
    assert "not ready for a final build" in output and "--draft`" in output, output
    assert "i18n update" not in output, output
