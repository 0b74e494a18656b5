"""A language of the paper with no catalog at all (no locales/<lang>/LC_MESSAGES/content.po) is a catalog whose
every segment is untranslated (newcomer #11, a silent change: the zh paper printed the English text, with a note on
standard error, and `check` passed): a final build and check refuse it at the language in `languages:`, naming the
catalog to make and what to do; a draft prints every segment marked, as a catalog's empty entries; the language
the text is keyed in never needs one."""

from __future__ import annotations

import json

from conftest import CATALOG, ccdocs_here

REFUSED = ("document.yaml:9:17: error: `zh` has no catalog ({doc}/locales/zh/LC_MESSAGES/content.po does not "
           "exist): the zh paper would print its 8 segments in en, untranslated (make the catalog with `ccdocs i18n "
           "update {doc} --lang zh` and translate it; until then `ccdocs build {doc} --draft` prints the en text "
           "marked untranslated, and `--lang en` builds the en paper alone)")


def test_a_final_build_and_check_refuse_a_language_without_catalog_naming_it(make_doc, tmp_path):
    folder = make_doc({CATALOG: None})
    for argv in (("build", folder, "--format", "json", "--out", tmp_path / "out"), ("check", folder)):
        result = ccdocs_here(*argv)
        assert result.returncode == 1, result.stderr
        assert result.stderr.splitlines()[-2:] == [f"{folder}/" + REFUSED.format(doc=folder),
                                                   "1 error; nothing was written."], result.stderr
    assert not (tmp_path / "out").exists()
    alone = ccdocs_here("build", folder, "--lang", "en", "--format", "json", "--out", tmp_path / "out")
    assert alone.returncode == 0 and alone.stderr == "", alone.stderr


def test_a_draft_prints_every_segment_marked_and_says_the_catalog_is_missing(make_doc, tmp_path):
    folder = make_doc({CATALOG: None})
    result = ccdocs_here("build", folder, "--draft", "--format", "json", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"ccdocs: note: draft of {folder} in zh: no zh catalog ({folder}/locales/zh/LC_MESSAGES/content.po): 8 "
        f"segments printed as their marked source text (make the catalog with `ccdocs i18n update {folder} --lang "
        "zh`)"]
    blocks = json.loads((tmp_path / "out" / "zh" / "wo_cc_86_inf_1.json").read_text(encoding="utf-8"))["blocks"]
    paragraphs = [b["text"] for b in blocks if b["type"] == "para" and b["part"] == "report"]
    assert paragraphs == ["[草稿：未翻译] We count 1,735 staff.", "[草稿：未翻译] Second paragraph."]
    english = json.loads((tmp_path / "out" / "en" / "wo_cc_86_inf_1.json").read_text(encoding="utf-8"))["blocks"]
    assert "We count 1,735 staff." in [b["text"] for b in english]


def test_stats_says_a_final_build_would_refuse_it(make_doc):
    result = ccdocs_here("i18n", "stats", make_doc({CATALOG: None}))
    assert result.returncode == 1
    assert "zh: 0 translated, 0 fuzzy, 8 untranslated, 0 failing of 8 messages" in result.stdout
    assert "no catalog yet" in result.stdout and "a final build would refuse it" in result.stdout
