"""Every kind of editor mistake gets `path:line: error: message`, the right exit code and no traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from conftest import MINIMAL, REPORT

M = MINIMAL
R = REPORT


def doc(old, new):
    """document.yaml with one change."""
    assert old in M, old
    return {"document.yaml": M.replace(old, new)}


def report(text):
    return {"content/report.md": text}


CASES = [
    # id, files, extra args, exit code, message fragment, location ("file:line" or None)
    ("yaml-syntax", doc("venue: Geneva", "venue: [Geneva"), (), 1, "not valid YAML", "document.yaml:5"),
    ("yaml-tab", doc("venue: Geneva", "venue:\tGeneva\n\tx: 1"), (), 1, "not valid YAML", "document.yaml:"),
    ("unknown-key", doc("kind: information", "kind: information\ncolour: blue"), (), 1, "unknown key `colour`",
     "document.yaml:12"),
    ("misspelled-key", doc("venue: Geneva", "venu: Geneva"), (), 1, "did you mean `venue`?", "document.yaml:4"),
    ("missing-key", doc("title: {en: Annual Report on Human Resources, zh: 人力资源年度报告}\n", ""), (), 1,
     "`title` is missing", "document.yaml:1"),
    ("session-type", doc("session: {number: 86, ordinary: 57}", "session: 86"), (), 1,
     "`session` must be a mapping", "document.yaml:3"),
    ("languages-type", doc("languages: [en, zh]", "languages: en"), (), 1, "`languages` must be a list",
     "document.yaml:9"),
    ("february-30", doc("date: 2026-05-21", "date: 2026-02-30"), (), 1, "`2026-02-30` is not a date",
     "document.yaml:7"),
    ("date-words", doc("date: 2026-05-21", "date: May 21, 2026"), (), 1, "is not a date", "document.yaml:7"),
    ("end-before-start", doc("last_day: 2026-07-15", "last_day: 2026-07-06"), (), 1, "before the first day",
     "document.yaml:6"),
    ("unknown-language", doc("languages: [en, zh]", "languages: [en, zz]"), (), 1, "unknown language `zz`",
     "document.yaml:9"),
    ("unknown-original", doc("original: en", "original: english"), (), 1, "unknown original `english`",
     "document.yaml:8"),
    ("unknown-body", doc("body: coordination-committee", "body: coordinating-committee"), (), 1,
     "did you mean `coordination-committee`?", "document.yaml:2"),
    ("unknown-kind", doc("kind: information", "kind: decisions"), (), 1, "did you mean `decision`?",
     "document.yaml:11"),
    ("bad-symbol", doc("symbol: WO/CC/86/INF/1", "symbol: wo-cc-86"), (), 1, "is not a WIPO symbol",
     "document.yaml:1"),
    ("bad-suffix", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: Revision"), (), 1,
     "unknown suffix `Revision`", "document.yaml:2"),
    ("both-counts", doc("ordinary: 57}", "ordinary: 57, extraordinary: 2}"), (), 1, "not both", "document.yaml:3"),
    ("session-zero", doc("number: 86,", "number: 0,"), (), 1, "`session.number` must be a whole number",
     "document.yaml:3"),
    ("parts-type", doc("parts:\n", "parts: report\nx_parts:\n"), (), 1, "`parts` must be a list",
     "document.yaml:12"),
    ("part-type", doc("{type: annex,", "{type: appendix,"), (), 1, "unknown part type `appendix`",
     "document.yaml:15"),
    ("part-no-files", doc("{type: annex, files: [content/annex.md]}", "{type: annex}"), (), 1,
     "names no `files:`", "document.yaml:15"),
    ("no-report", doc("  - {type: report, files: [content/report.md]}\n", ""), (), 1, "no `type: report` part",
     "document.yaml:13"),
    ("missing-content", doc("content/annex.md", "content/anex.md"), (), 1,
     "content file `content/anex.md` does not exist", "document.yaml:15"),
    ("missing-data", doc("data/workforce.yaml", "data/workforce.yml"), (), 1,
     "data file `data/workforce.yml` does not exist", "document.yaml:17"),
    ("data-extension", {**doc("data/workforce.yaml", "content/report.md")}, (), 1, "neither CSV nor YAML",
     "document.yaml:17"),
    ("path-escape", doc("content/annex.md", "../outside.md"), (), 1, "leaves the document folder",
     "document.yaml:15"),
    ("absolute-path", doc("content/annex.md", "/etc/hostname"), (), 1, "is an absolute path", "document.yaml:15"),
    ("unknown-template", doc("template: information", "template: decision-note"), (), 1,
     "no cover-note template `decision-note`", "document.yaml:"),
    ("unknown-theme", doc("kind: information", "kind: information\ntheme: glossy"), (), 1, "no theme `glossy`",
     None),
    ("csv-ragged", {"data/applicants.csv": "id,region,applied\nafrica,Africa\ntotal,,100\n"}, (), 1,
     "this row has 2 cells, the header has 3", "applicants.csv:2"),
    ("csv-duplicate", {"data/applicants.csv": "id,region,applied\nafrica,Africa,1\nafrica,Africa,2\ntotal,,3\n"},
     (), 1, "duplicate row id `africa`", "applicants.csv:3"),
    ("csv-rows-id", {"data/applicants.csv": "id,region,applied\nafrica,Africa,1\nrows,Rows,2\ntotal,,3\n"}, (), 1,
     "the row id `rows` is the name a figure reads the table's rows by", "applicants.csv:3"),
    ("csv-no-id", {"data/applicants.csv": "key,region,applied\nafrica,Africa,1\n"}, (), 1, "no `id` column",
     "applicants.csv:1"),
    ("csv-empty", {"data/applicants.csv": ""}, (), 1, "the CSV file is empty", "applicants.csv:1"),
    ("csv-not-a-number", {"data/applicants.csv": "id,region,applied\nafrica,Africa,1O0\ntotal,,100\n"}, (), 1,
     "`1O0`", "applicants.csv:2"),
    ("data-yaml-syntax", {"data/workforce.yaml": "staff: 1735\n  core: [\n"}, (), 1, "not valid YAML",
     "workforce.yaml:"),
    ("undefined-note", report(R.replace("[^staff]: As at December 31, 2025.\n", "")), (), 1,
     "footnote `[^staff]` is not defined", "report.md:3"),
    ("unused-note", report(R + "\n[^extra]: Never referenced.\n"), (), 1, "footnote `[^extra]` is never used",
     "report.md:13"),
    ("note-twice", report(R.replace("Second paragraph.", "Second paragraph.[^staff]")), (), 1,
     "referenced twice", "report.md:5"),
    ("missing-table", report(R + "\n::: table nothing\nCaption\n:::\n"), (), 1, "no table `nothing`",
     "report.md:13"),
    ("table-dataset", doc("data: applicants\n", "data: workforce\n"), (), 1, "not a CSV dataset",
     "document.yaml:22"),
    ("table-column", doc("{key: applied,", "{key: applications,"), (), 1, "`applications`", "document.yaml:"),
    ("table-label", doc("label: region", "label: regions"), (), 1, "`regions`", "document.yaml:23"),
    ("jinja-syntax", report(R.replace("| number }}", "| number }")), (), 1, "template syntax error", "report.md:"),
    ("jinja-undefined", report(R.replace("workforce.staff", "workforce.staf")), (), 1,
     "did you mean `staff`?", "report.md:3"),
    ("jinja-top-undefined", report(R.replace("workforce.staff", "workfroce.staff")), (), 1,
     "`workfroce` is not in the data", "report.md:3"),
    ("jinja-escape", report(R.replace("{{ workforce.staff | number }}", "{{ ''.__class__.__mro__ }}")), (), 1,
     "not allowed in a document", "report.md:3"),
    ("jinja-globals", report(R.replace("{{ workforce.staff | number }}", "{{ cycler.__init__.__globals__ }}")),
     (), 1, "`cycler` is not in the data", "report.md:3"),
    ("filter-not-number", report(R.replace("workforce.staff | number", "'many' | number")), (), 1,
     "cannot format this figure", "report.md:3"),
    ("unknown-filter", report(R.replace("| number", "| currency")), (), 1, "no filter `currency` (the filters: number",
     "report.md:3"),
    ("misspelt-filter", report(R.replace("| number", "| numbr")), (), 1, "no filter `numbr` (did you mean `number`?)",
     "report.md:3"),
    ("filter-arguments", report(R.replace("| number", "| number(2)")), (), 1,
     "the filter `number` takes no argument (write `| number` alone)", "report.md:3"),
    ("filter-too-many", report(R.replace("| number", "| decimal(1, 2)")), (), 1,
     "the filter `decimal` takes at most 1 argument (places)", "report.md:3"),
    ("filter-argument-missing", report(R.replace("| number", "| daterange")), (), 1,
     "the filter `daterange` takes 1 argument (last) (e.g. `| daterange(last)`)", "report.md:3"),
    ("control-char", report(R.replace("Second paragraph.", "Second\x0b paragraph.")), (), 1,
     "control character U+000B", "report.md:5"),
    ("not-utf8", {"content/report.md": None}, (), 1, "not UTF-8", "report.md:3"),
    ("image-missing", report(R + "\n![chart](chart.png)\n"), (), 1, "image `chart.png` does not exist", "report.md:13"),
    ("code-block", report(R.replace("Second paragraph.", "Second paragraph.\n\n    indented code")), (), 1,
     "code block is not supported", "report.md:7"),
    ("keyfigure-without-bold", report(R + "\n::: keyfigures\n- 1,735 staff\n:::\n"), (), 1,
     "starts with its figure in bold", "report.md:"),
    ("lang-not-in-document", doc("languages: [en, zh]", "languages: [en]"), ("--lang", "zh"), 1,
     "`zh` is not among the document's languages", "document.yaml"),
    ("glyph-missing", report(R.replace("Second paragraph.", "Second paragraph \U0001F600.")), ("--format", "pdf"), 1,
     "U+1F600 GRINNING FACE), which none of the fonts holds", "report.md:5"),
    # newcomer-12 N23: a paragraph pasted with its own number was told as an attribute `{start=4}` nobody typed
    ("paragraph-typed-with-its-number", report(R + "\n4. The Committee is invited to take note.\n"), (), 1,
     "a line beginning with `4.` is read as a numbered list starting at 4, not as paragraph 4 (ccdocs numbers the "
     "paragraphs itself: delete `4. `", "report.md:"),
    # newcomer-12 N7: a misspelt key got a "did you mean", a misspelt data name (a figure's first name) none
    ("misspelt-data-name", report(R.replace("workforce.staff", "workforc.staff")), (), 1,
     "undefined figure: `workforc` is not in the data (did you mean `workforce`?)", "report.md:"),
    ("usage-format", {}, ("--format", "rtf"), 2, "unknown format `rtf`", None),
    ("usage-lang", {}, ("--lang", "de"), 2, "unknown language `de`", None),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_its_place(make_doc, tmp_path, case):
    name, files, extra, code, fragment, where = case
    folder = make_doc(files)
    if name == "not-utf8":
        (folder / "content/report.md").write_bytes("# Titre\n\nCaf\xe9 au lait.\n".encode("latin-1"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--format", "json", "--out", str(out), *extra])
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    assert result.exit_code == code, result.output
    assert fragment in result.output, result.output
    assert "Traceback" not in result.output
    if where:
        assert where in result.output, result.output
    assert not out.exists(), "nothing may be written"


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
