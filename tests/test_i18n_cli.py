"""The `ccdocs i18n` commands, and the two sample documents complete in Chinese."""

from __future__ import annotations

import pytest

from ccdocs.i18n.catalogs import po_path, pot_path, read_catalog
from ccdocs.i18n.extract import document_segments, write_catalog
from ccdocs.pipeline import read_sources
from conftest import CATALOG, DOCS, run_ccdocs


def test_extract_writes_the_template_with_every_segment_once(make_doc):
    folder = make_doc()
    result = run_ccdocs("i18n", "extract", folder)
    assert result.returncode == 0, result.stderr
    first = pot_path(folder).read_bytes()
    pot = read_catalog(pot_path(folder))
    assert {m.id for m in pot if m.id} == {s.msgid for s in document_segments(read_sources(folder))}
    assert all(not m.string for m in pot if m.id)
    assert run_ccdocs("i18n", "extract", folder).returncode == 0 and pot_path(folder).read_bytes() == first


def test_update_makes_the_catalog_of_a_language_and_refuses_the_original(make_doc):
    folder = make_doc({CATALOG: None})
    result = run_ccdocs("i18n", "update", folder, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    count = len({s.msgid for s in document_segments(read_sources(folder))})
    assert result.stdout.strip().endswith(f"content.po: {count} new, 0 fuzzy, 0 obsolete")
    catalog = read_catalog(po_path(folder, "zh"))
    assert catalog.locale_identifier == "zh" and not catalog.fuzzy
    refused = run_ccdocs("i18n", "update", folder, "--lang", "en")  # told at `original: en` (test_i18n_languages)
    assert refused.returncode == 1 and "document.yaml:8:11: error: `en` is the language the text is keyed in" in \
        refused.stderr, refused.stderr


def test_stats_counts_each_status_and_exits_1_until_the_translation_is_complete(make_doc):
    folder = make_doc({CATALOG: None})
    n = len(document_segments(read_sources(folder)))
    missing = run_ccdocs("i18n", "stats", folder)
    assert missing.returncode == 1 and f"zh: 0 translated, 0 fuzzy, {n} untranslated, 0 failing of {n}" in missing.stdout
    assert "no catalog yet" in missing.stdout
    run_ccdocs("i18n", "update", folder, "--lang", "zh")
    path = po_path(folder, "zh")
    catalog = read_catalog(path)
    for message in catalog:
        if message.id:
            message.string = f"{message.id}（译）"
    catalog["Second paragraph."].flags.add("fuzzy")
    write_catalog(catalog, path)
    partial = run_ccdocs("i18n", "stats", folder)
    assert partial.returncode == 1 and f"zh: {n - 1} translated, 1 fuzzy, 0 untranslated, 0 failing of {n}" in partial.stdout
    catalog["Second paragraph."].flags.discard("fuzzy")
    write_catalog(catalog, path)
    done = run_ccdocs("i18n", "stats", folder)
    assert done.returncode == 0 and f"{n} translated" in done.stdout and "complete" in done.stdout


@pytest.mark.parametrize("key", ["86", "84"])
def test_each_sample_is_complete_in_chinese_and_builds_in_final_mode(key, built):
    result = run_ccdocs("i18n", "stats", DOCS[key])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fuzzy, 0 untranslated, 0 failing" in result.stdout and "complete" in result.stdout
    for fmt in ("docx", "pdf"):
        assert built(key, "zh", fmt).stat().st_size > 0
