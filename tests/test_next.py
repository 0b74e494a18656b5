"""`ccdocs next`: next year's folder from WO/CC/84/INF/1; what is set, proposed, copied, left out, and reported."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from ccdocs.build import build
from ccdocs.cli import main
from ccdocs.i18n.policy import pending
from ccdocs.model.dump import to_json
from ccdocs.pipeline import assessed, read_sources, resolve
from ccdocs.scaffold.new import COVER_NOTE
from ccdocs.scaffold.next import a_year_on
from ccdocs.sources.spec import read_spec
from conftest import DOCS, translated_as_written

OLD = DOCS["84"]
GIVEN = ["--symbol", "WO/CC/86/INF/1", "--session", "86", "--ordinary", "57", "--first-day", "2026-07-07",
         "--last-day", "2026-07-15"]
NOTE = re.compile(r"^(?P<path>\S+?):(?P<line>\d+):(?P<col>\d+): note: (?P<kind>year|date|figure) `(?P<text>[^`]+)` "
                  r"typed in the text", re.M)


def line_of(path, text: str) -> int:
    """The number (from 1) of the first line of the file at `path` holding `text`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """`ccdocs next` run with every option, from a scratch working folder: (the new folder, the output)."""
    where = tmp_path_factory.mktemp("next")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(where)
        done = CliRunner().invoke(main, ["next", str(OLD), "new", *GIVEN])
    assert done.exit_code == 0, done.output
    return where / "new", done.output


def test_the_options_are_set_and_the_rest_is_proposed_a_year_on(made):
    new, _ = made
    spec = read_spec(new)
    assert (spec.symbol, spec.session_number, spec.ordinary) == ("WO/CC/86/INF/1", 86, 57)
    assert (spec.first_day, spec.last_day) == (date(2026, 7, 7), date(2026, 7, 15))
    assert spec.date == date(2026, 5, 16)
    assert spec.variables["period_start"] in ("2025-01-01", date(2025, 1, 1))
    lines = (new / "document.yaml").read_text(encoding="utf-8").splitlines()
    assert "from --symbol (was WO/CC/84/INF/1)" in next(line for line in lines if line.startswith("symbol:"))
    assert "TO CONFIRM (was 2025-05-16)" in next(line for line in lines if line.startswith("date:"))
    report = (new / "data" / "report.yaml").read_text(encoding="utf-8")
    assert "year: 2025  # TO CONFIRM (was 2024)" in report and "period_end: 2025-12-31" in report
    meta = to_json(resolve(read_sources(new), "en"))["meta"]
    assert meta["session"] == "Eighty-Sixth (57th Ordinary) Session"
    assert meta["place_dates"] == "Geneva, July 7 to 15, 2026"


def test_content_data_and_catalogs_are_carried_and_expected_is_not(made):
    new, output = made
    assert not (new / "expected").exists() and "not copied: expected" in output
    for name in ("content/01-introduction.md", "content/annex.md", "data/applicants.csv",
                 "locales/zh/LC_MESSAGES/content.po"):
        assert (new / name).read_bytes() == (OLD / name).read_bytes(), name
    assert not list(new.rglob("*.part"))


def test_it_builds_at_once_in_english_and_as_a_chinese_draft_listing_only_what_changed(made, tmp_path):
    new, _ = made
    assert len(build([new], tmp_path / "out", ["en"], ("docx",))) == 1
    assert pending(assessed(read_sources(new), "zh")) == []
    intro = new / "content" / "01-introduction.md"
    text = intro.read_text(encoding="utf-8")
    intro.write_text(text.replace("The external environment was marked", "The external environment was shaped"),
                     encoding="utf-8")
    try:
        waiting = pending(assessed(read_sources(new), "zh"))
        assert [item.segment.line for item in waiting] == [line_of(intro, "The external environment was shaped")]
        assert len(build([new], tmp_path / "draft", ["zh"], ("docx",), draft=True)) == 1
    finally:
        intro.write_text(text, encoding="utf-8")


def test_the_stale_literal_report_lists_the_years_typed_in_the_text_where_they_stand(made):
    new, output = made
    found = [m.groupdict() for m in NOTE.finditer(output)]
    years = {(m["path"].split("new/", 1)[-1], int(m["line"]), m["text"]) for m in found if m["kind"] == "year"}
    strategy = line_of(new / "content" / "01-introduction.md", "Strategy for 2022–2026")
    assert {("content/01-introduction.md", strategy, "2022–2026"), ("content/cover-note.md", 3, "2024"),
            ("content/04-culture.md", 19, "2024"), ("content/annex.md", 9, "2023")} <= years
    notes = {(m["path"].split("new/", 1)[-1], int(m["line"]), m["text"]) for m in found}
    assert ("document.yaml", line_of(new / "document.yaml", "March 2025"), "March 2025") in notes
    for m in found:
        line = (new.parent / m["path"]).read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
        assert line[int(m["col"]) - 1:].startswith(m["text"]), m
    assert not any(m["text"] in ("82", "1") and "annex" in m["path"] for m in found), "a symbol is no figure"


def test_without_options_the_next_numbers_are_proposed_and_marked(tmp_path):
    done = CliRunner().invoke(main, ["next", str(OLD), str(tmp_path / "new")])
    assert done.exit_code == 0, done.output
    spec = read_spec(tmp_path / "new")
    assert (spec.symbol, spec.session_number, spec.ordinary) == ("WO/CC/85/INF/1", 85, 57)
    assert spec.first_day == a_year_on(date(2025, 7, 8))
    assert "session.number: 85, TO CONFIRM (was 84)" in done.output


@pytest.mark.parametrize("args, fragment", [
    (["--first-day", "2026-02-30"], "is not a date"),
    (["--symbol", "../x"], "is not a WIPO symbol"),
    (["--symbol", "WO/CC/86/INF/1\n"], "holds a line feed U+000A; give it on one line"),
    (["--session", "0"], "--session"),
    (["--first-day", "2026-07-15", "--last-day", "2026-07-07"], "--first-day 2026-07-15 is after --last-day 2026-07-07"),
    (["--first-day", "2026-07-20"], "--first-day 2026-07-20 is after the last day proposed a year on (2026-07-17)"),
    (["--last-day", "2026-07-01"], "--last-day 2026-07-01 is before the first day proposed a year on (2026-07-08)"),
    (["--date", ""], "'--date': is empty"),
    (["--symbol", ""], "'--symbol': is empty"),
    (["--first-day", ""], "'--first-day': is empty"),
    (["--last-day", " "], "'--last-day': is empty"),
])
def test_bad_options_are_usage_errors_and_nothing_is_written(tmp_path, args, fragment):
    done = CliRunner().invoke(main, ["next", str(OLD), str(tmp_path / "new"), *args])
    assert done.exit_code == 2 and fragment in done.output, done.output
    assert list(tmp_path.iterdir()) == []


def test_an_existing_new_folder_is_never_overwritten(tmp_path):
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "keep.md").write_text("mine", encoding="utf-8")
    done = CliRunner().invoke(main, ["next", str(OLD), str(tmp_path / "new")])
    assert done.exit_code == 2 and "already exists" in done.output
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["keep.md"]


def _copy(tmp_path, change=None):
    """A copy of the 84 folder (without expected/), its document.yaml's text passed through `change`."""
    old = tmp_path / "old"
    shutil.copytree(OLD, old, ignore=shutil.ignore_patterns("expected"))
    if change:
        (old / "document.yaml").write_text(change((old / "document.yaml").read_text(encoding="utf-8")),
                                           encoding="utf-8")
    return old


def test_a_revisions_suffix_is_dropped_and_said(tmp_path):
    old = _copy(tmp_path, lambda text: text.replace("body:", "suffix: Rev.\nbody:", 1))
    assert read_spec(old).suffix
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new")])
    assert done.exit_code == 0, done.output
    assert not read_spec(tmp_path / "new").suffix
    assert "suffix: Rev. dropped: next year's report is a new document, not a revision" in done.output


@pytest.mark.parametrize("inside", ["old/next", "old/content/next"])
def test_a_new_folder_inside_the_old_one_is_refused(tmp_path, inside):
    old = _copy(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / inside)])
    assert done.exit_code == 2 and "one inside the other" in done.output, done.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


# The first paragraph of the cover note `ccdocs new` writes, translated (the glossary's 秘书处 for `Secretariat`).
NOTE_ZH = ("秘书处向{{ doc.body }}提交本文件{{ doc.symbol }}，供其参考。本说明印在第一页，段落从1起编号。请以说明本身"
           "的文字替换本文件的文字；段落之间空一行。")


def translated_new(folder) -> None:
    """Give a folder `ccdocs new` wrote its zh catalog, final: the cover note's first paragraph NOTE_ZH, the rest of
    its text as written (a final build and check refuse a language without a catalog: test_missing_catalog)."""
    translated_as_written(folder, translations={COVER_NOTE.split("\n\n")[0]: NOTE_ZH})


def test_a_folder_from_new_keeps_its_empty_data_folder_and_its_header_names_the_new_symbol(tmp_path):
    runner = CliRunner()
    made = runner.invoke(main, ["new", str(tmp_path / "old"), "--symbol", "WO/CC/90/INF/2", "--kind", "information",
                                "--ordinary", "60", "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-21"])
    assert made.exit_code == 0, made.output
    translated_new(tmp_path / "old")
    done = runner.invoke(main, ["next", str(tmp_path / "old"), str(tmp_path / "new"), "--symbol", "WO/CC/91/INF/2"])
    assert done.exit_code == 0, done.output
    new = tmp_path / "new"
    assert (new / "data").is_dir() and not any((new / "data").iterdir())
    lines = (new / "document.yaml").read_text(encoding="utf-8").splitlines()
    head = lines[:lines.index(next(x for x in lines if not x.startswith("#")))]
    assert "WO/CC/91/INF/2" in head[0] and "`ccdocs next`" in head[0]
    assert not any("WO/CC/90/INF/2" in line and "ccdocs new" in line for line in head)
    for m in re.finditer(r"^\S+?/new/document\.yaml:(\d+):(\d+): note: (\S+?):", done.output, re.M):
        assert lines[int(m[1]) - 1].lstrip().startswith(m[3].split(".")[-1] + ":"), m[0]
    checked = runner.invoke(main, ["check", str(new)])
    assert checked.exit_code == 0, checked.output
    assert re.search(r"document\.yaml:\d+:\d+: warning: `number: 91` marked TO CONFIRM by ccdocs next: "
                     r"confirm it and delete the mark", checked.output), checked.output


def test_a_transmittals_attached_document_and_typed_symbols_are_marked_for_review(tmp_path):
    """Next year's transmittal keeps `folder:` of its attached report marked TO CONFIRM (last year's report is not
    next year's), and the report's symbol typed in the cover note is listed as possibly stale."""
    for name in ("pbc", "86"):
        shutil.copytree(DOCS[name], tmp_path / DOCS[name].name, ignore=shutil.ignore_patterns("expected"))
    old, new = tmp_path / DOCS["pbc"].name, tmp_path / "wo-pbc-41-inf-1"
    result = CliRunner().invoke(main, ["next", str(old), str(new)])
    assert result.exit_code == 0, result.output
    line = next(line for line in (new / "document.yaml").read_text().splitlines() if "folder:" in line)
    assert "../wo-cc-86-inf-1" in line and "TO CONFIRM" in line
    assert re.search(r"note: parts\.\d\.folder: \.\./wo-cc-86-inf-1, TO CONFIRM", result.output)
    assert re.search(r"content/\S+\.md:\d+:\d+: note: symbol `WO/CC/86/INF/1` typed in the text", result.output)


def test_the_images_the_content_shows_and_the_glossaries_are_carried(tmp_path):
    """A paper showing a picture was refused by next ("image `images/p.png` does not exist", at the OLD folder's
    line, though `check` passed it), and a glossary was left behind without a word (next year's translations no
    longer held to the paper's terms): every file a build reads is copied (`inputs.read_files`)."""
    from PIL import Image

    old = _copy(tmp_path)
    (old / "images").mkdir()
    Image.new("RGB", (600, 300), (30, 80, 120)).save(old / "images" / "p.png", dpi=(150, 150))
    (old / "images" / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
                                          'viewBox="0 0 200 100"><rect x="10" y="10" width="180" height="80" '
                                          'fill="#1F4E79"/></svg>\n', encoding="utf-8")
    intro = old / "content" / "01-introduction.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\n![A box](images/p.png)\n\n![A drawing](images/a.svg)\n",
                     encoding="utf-8")
    for lang in ("zh", "fr"):  # a language of the paper, and one begun early
        (old / "locales" / lang / "glossary.csv").write_text("source,target,note\nhalf,一半,\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new")])
    assert done.exit_code == 0, done.output
    for name in ("images/p.png", "images/a.svg", "locales/zh/glossary.csv", "locales/fr/glossary.csv"):
        assert (tmp_path / "new" / name).read_bytes() == (old / name).read_bytes(), name
    assert "not copied: images" not in done.output and "not copied: locales" not in done.output


def test_every_date_of_the_variables_is_moved_or_marked_to_confirm(tmp_path):
    """A date under a `period` key at any depth moves a year on; every other date of `variables:` (a YAML date or
    an ISO text) is kept and marked to confirm (breaks-6 #17: `census_date`, `board_met` and `period.start` were
    copied unmarked and unlisted, and the new paper printed last year's dates under a check that passed)."""
    old = tmp_path / "old"
    shutil.copytree(OLD, old, ignore=shutil.ignore_patterns("expected"))
    spec = old / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("  period_end: 2024-12-31\n", (
        "  period_end: 2024-12-31\n  census_date: 2024-12-31\n  board_met: \"2024-10-02\"\n"
        "  period: {start: 2024-01-01, end: 2024-12-31}\n  count: 2024\n")), encoding="utf-8")
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new"), *GIVEN])
    assert done.exit_code == 0, done.output
    variables = read_spec(tmp_path / "new").variables
    assert {key: str(variables[key]) for key in ("census_date", "board_met", "count")} == {
        "census_date": "2024-12-31", "board_met": "2024-10-02", "count": "2024"}
    assert {key: str(value) for key, value in variables["period"].items()} == {"start": "2025-01-01",
                                                                              "end": "2025-12-31"}
    text = (tmp_path / "new" / "document.yaml").read_text(encoding="utf-8")
    for key in ("census_date: 2024-12-31", 'board_met: "2024-10-02"'):
        assert f"{key}  # TO CONFIRM: a date of last year's paper, kept as it was" in text
        assert f"variables.{key.split(':')[0]}: {key.split(': ')[1].strip(chr(34))}, TO CONFIRM: a date of last " \
               "year's paper" in done.output
    assert "variables.period.start: 2025-01-01, TO CONFIRM (was 2024-01-01)" in done.output
    assert "count: 2024\n" in text   # a number is no date


def test_the_literals_typed_in_a_chinese_keyed_text_are_listed(tmp_path):
    """A year, date or figure next to a CJK character, in full-width digits, as `2025年12月31日`, `二〇二五年` or
    `1,234万` (breaks-6 #18: a `source: zh` paper listed none: `\\b` sees no boundary between a digit and a CJK
    letter); a code such as `P4` or `x2025` is still no figure."""
    from ccdocs.scaffold.literals import in_content

    text = "# 导言\n\n本报告涵盖2025年的工作，即２０２５年度，截至2025年12月31日，另见二〇二五年的数据，金额为1,234万瑞士法郎。" \
           "见WO/CC/82/INF/1；P4职等，x2025。\n"
    found = [(item.line, item.col, item.kind, item.text) for item in in_content(tmp_path / "report.md", text)]
    assert found == [(3, 6, "year", "2025"), (3, 16, "year", "２０２５"), (3, 25, "date", "2025年12月31日"),
                     (3, 39, "year", "二〇二五"), (3, 51, "figure", "1,234万"), (3, 63, "symbol", "WO/CC/82/INF/1")]


def test_the_summary_counts_one_literal_in_the_singular(tmp_path):
    runner = CliRunner()
    made = runner.invoke(main, ["new", str(tmp_path / "old"), "--symbol", "WO/CC/90/INF/2", "--kind", "information",
                                "--ordinary", "60", "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-21"])
    assert made.exit_code == 0, made.output
    for path in (tmp_path / "old" / "content").glob("*.md"):
        path.write_text("# Intro\n\nThe staff met.\n", encoding="utf-8")
    next(iter(sorted((tmp_path / "old" / "content").glob("*.md")))).write_text(
        "# Intro\n\nThe staff met in 2025.\n", encoding="utf-8")
    done = runner.invoke(main, ["next", str(tmp_path / "old"), str(tmp_path / "new"), "--symbol", "WO/CC/91/INF/2"])
    assert done.exit_code == 0, done.output
    assert done.output.rstrip().endswith("written; 1 year, date or figure typed in the text to review (listed above)")


def test_the_literals_of_every_languages_cover_text_are_listed(tmp_path):
    """The cover's texts of each language are typed in document.yaml, never offered to a translator again: a year
    in the zh title (`2025年报告`) was copied unlisted, the 2026 Chinese paper printing it on its cover (verify-11
    V14: only the source language's title was read)."""
    runner = CliRunner()
    made = runner.invoke(main, ["new", str(tmp_path / "old"), "--symbol", "WO/CC/90/INF/2", "--kind", "information",
                                "--ordinary", "60", "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-21",
                                "--languages", "en,zh"])
    assert made.exit_code == 0, made.output
    yaml = tmp_path / "old" / "document.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace('"Title of the Document"', '"Report 2025"')
                    .replace('"文件标题"', '"2025年报告"').replace("author: secretariat ",
                                                              "author: {en: Staff of 2024, zh: 2024年工作人员}"),
                    encoding="utf-8")
    done = runner.invoke(main, ["next", str(tmp_path / "old"), str(tmp_path / "new"), "--symbol", "WO/CC/91/INF/2"])
    assert done.exit_code == 0, done.output
    notes = {(m["path"].split("new/", 1)[-1], int(m["line"]), m["text"]) for m in NOTE.finditer(done.output)}
    new = tmp_path / "new" / "document.yaml"
    assert {("document.yaml", line_of(new, "Report 2025"), "2025"), ("document.yaml", line_of(new, "2025年报告"), "2025"),
            ("document.yaml", line_of(new, "Staff of 2024"), "2024")} <= notes, done.output
    authors = [m["col"] for m in NOTE.finditer(done.output) if int(m["line"]) == line_of(new, "Staff of 2024")]
    assert len(set(authors)) == 2, done.output  # the en and the zh author, one line, each at its own column


def test_next_replaces_the_marks_new_left_on_the_values_it_sets_and_says_which_it_carries(tmp_path):
    """newcomer-12 N10: a folder from `ccdocs new` (dates not given), built unconfirmed, then `ccdocs next --symbol
    --session`: each line `next` changed kept new's mark and added its own (`first_day` warned twice, both blamed on
    next), `number` given by --session stayed TO CONFIRM, `date` kept `(today)`; new's marks on the lines next left
    were said to be next's. Now one mark a value, an option's value unmarked, a carried mark said carried."""
    runner = CliRunner()
    made = runner.invoke(main, ["new", str(tmp_path / "old"), "--symbol", "WO/PBC/40/5", "--kind", "information"])
    assert made.exit_code == 0, made.output
    translated_new(tmp_path / "old")
    done = runner.invoke(main, ["next", str(tmp_path / "old"), str(tmp_path / "new"), "--symbol", "WO/PBC/41/5",
                                "--session", "41"])
    assert done.exit_code == 0, done.output
    lines = {line.split(":")[0].strip(): line for line in (tmp_path / "new/document.yaml").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#") and ":" in line}
    assert all(line.count("TO CONFIRM") <= 1 for line in lines.values()), lines
    assert lines["number"].endswith("# from --session (was 40)"), lines["number"]
    assert re.fullmatch(r"date: \d{4}-\d\d-\d\d +# the document's date  # TO CONFIRM \(was \S+\): a year on \(--date\)",
                        lines["date"]), lines["date"]
    assert re.fullmatch(r"first_day: \S+ +# TO CONFIRM \(was \S+\): a year on; .*", lines["first_day"])
    assert lines["body"].endswith("# TO CONFIRM since WO/PBC/40/5 (told from the symbol)"), lines["body"]
    checked = runner.invoke(main, ["check", str(tmp_path / "new")])
    warned = re.findall(r"warning: `([^`]+)` marked TO CONFIRM (by ccdocs next|in WO/PBC/40/5, carried unconfirmed "
                        r"by ccdocs next): confirm it and delete the mark", checked.output)
    marked = [value for value, line in lines.items() if "TO CONFIRM" in line]
    assert [value.split(":")[0] for value, _ in warned] == marked, checked.output
    assert {value.split(":")[0]: by.startswith("in") for value, by in warned} == {
        "body": True, "venue": True, "first_day": False, "last_day": False, "date": False, "en": True, "zh": True}
    assert f"{len(marked)} values marked TO CONFIRM" in checked.output, checked.output


def test_a_value_marked_twice_by_an_earlier_next_is_warned_once(tmp_path):
    from ccdocs.scaffold.marks import in_file

    text = ("first_day: 2027-11-30   # TO CONFIRM: the session's first day  # TO CONFIRM (was 2026-11-30): a year on\n"
            "venue: Geneva   # TO CONFIRM\n")
    assert [(p.line, p.col) for p in in_file(tmp_path / "document.yaml", text)] == [(1, 27), (2, 19)]


@pytest.mark.parametrize("key", ["date", "last_day"])
def test_a_date_of_the_year_9999_is_told_at_its_line_not_an_internal_error(tmp_path, key):
    """breaks-9 #6: `check` accepts any year to 9999; `next` moving such a date a year on ended in "internal error:
    ValueError: year 10000 is out of range", exit 70. Now an error at the date's line, nothing made."""
    old = _copy(tmp_path, lambda text: re.sub(rf"(?m)^{key}: .*$", f"{key}: 9999-12-01", text))
    line = next(n for n, text in enumerate((old / "document.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(f"{key}:"))
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new"), "--date", "2026-05-12",
                                     "--first-day", "2026-07-08"] if key == "last_day" else
                              ["next", str(old), str(tmp_path / "new")])
    assert done.exit_code == 1, done.output
    assert (f"document.yaml:{line}:{len(key) + 3}: error: `9999-12-01` has no next year: ccdocs's calendar ends in "
            "9999, and ccdocs next moves this date a year on") in done.output
    assert "internal error" not in done.output and not (tmp_path / "new").exists()


def test_a_reporting_period_of_the_year_9999_in_the_variables_is_told_at_its_line(tmp_path):
    old = _copy(tmp_path, lambda text: re.sub(r"(?m)^  period_end: .*$", "  period_end: 9999-12-31", text))
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new")])
    assert done.exit_code == 1 and "document.yaml:40:15: error: `9999-12-31` has no next year" in done.output, \
        done.output


def test_every_date_that_has_no_next_year_is_told_at_once(tmp_path):
    """review-14 R7: the first only was told ("1 error"), the others one run at a time."""
    old = _copy(tmp_path, lambda text: re.sub(r"(?m)^(first_day|last_day|date|  period_end): \d{4}", r"\1: 9999",
                                              text))
    done = CliRunner().invoke(main, ["next", str(old), str(tmp_path / "new")])
    assert done.exit_code == 1, done.output
    assert done.output.count("has no next year") == 4 and "4 errors; nothing was written." in done.output
    assert not (tmp_path / "new").exists()
