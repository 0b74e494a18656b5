"""`ccdocs new`: a fresh folder for each kind builds at once, its cover fields those given; bad options refused."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from ccdocs.build import build
from ccdocs.cli import main
from ccdocs.errors import InputError, problem
from ccdocs.model.dump import to_json
from ccdocs.pipeline import read_sources, resolve
from ccdocs.scaffold.folder import make_folder
from ccdocs.testing.regression import check_folder

MARK = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): warning: `(?P<value>[^`]+)` marked TO CONFIRM by "
                  r"ccdocs new: confirm it and delete the mark$", re.M)

COVER = ("symbol", "body", "session", "place_dates", "date", "title")
KINDS = {
    "information": (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--ordinary", "57", "--venue", "Geneva",
                     "--dates", "2026-07-07/2026-07-15", "--date", "2026-05-21",
                     "--title", "Annual Report on Human Resources"],
                    {"en": {"symbol": "WO/CC/86/INF/1", "body": "WIPO Coordination Committee",
                            "session": "Eighty-Sixth (57th Ordinary) Session",
                            "place_dates": "Geneva, July 7 to 15, 2026", "date": "DATE: MAY 21, 2026",
                            "title": "ANNUAL REPORT ON HUMAN RESOURCES"},
                     "zh": {"symbol": "WO/CC/86/INF/1", "session": "第八十六届会议（第57次例会）",
                            "place_dates": "2026年7月7日至15日，日内瓦", "date": "日期：2026年5月21日"}},
                    {"content/cover-note.md", "content/report.md"}),
    "decision": (["--symbol", "WO/PBC/40/5", "--kind", "decision", "--session", "40", "--languages", "en",
                  "--dates", "2026-06-22", "--date", "2026-04-30", "--title", "Proposal on the Medium-Term Plan"],
                 {"en": {"symbol": "WO/PBC/40/5", "body": "Program and Budget Committee", "session": "Fortieth Session",
                         "place_dates": "Geneva, June 22, 2026", "date": "DATE: APRIL 30, 2026",
                         "title": "PROPOSAL ON THE MEDIUM-TERM PLAN"}},
                 {"content/report.md"}),
}


def _new(tmp_path, *args):
    return CliRunner().invoke(main, ["new", str(tmp_path / "doc"), *args])


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_new_folder_builds_at_once_with_the_cover_fields_given(tmp_path, kind):
    args, cover, content = KINDS[kind]
    done = _new(tmp_path, *args)
    assert done.exit_code == 0, done.output
    folder = tmp_path / "doc"
    made = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    assert made == {"document.yaml", "data", "content"} | content
    for name in content:
        assert "<!--" not in (folder / name).read_text(encoding="utf-8")
    sources = read_sources(folder)
    for lang, fields in cover.items():  # a translation not begun yet builds as a draft (test_missing_catalog)
        meta = to_json(resolve(sources, lang, draft=lang != sources.spec.source))["meta"]
        assert {key: meta[key] for key in fields} == fields
    out = tmp_path / "out"
    assert len(build([folder], out, draft=True)) == 2 * len(sources.spec.languages)
    checked = CliRunner().invoke(main, ["check", str(folder)])
    assert _refused_for_catalogs(checked, sources.spec.languages[1:]), checked.output


def _refused_for_catalogs(checked, languages) -> bool:
    """Whether `check` of a new folder refused nothing but the catalogs of `languages` (none: it passed)."""
    errors = [line for line in checked.output.splitlines() if ": error: " in line]
    if not languages:
        return checked.exit_code == 0 and "ok" in checked.output and not errors
    return checked.exit_code == 1 and len(errors) == len(languages) and all(
        f"`{lang}` has no catalog" in line and f"--lang {lang}` and translate it" in line
        for lang, line in zip(languages, errors))


def test_what_was_not_given_is_filled_and_marked_to_confirm(tmp_path):
    assert _new(tmp_path, "--symbol", "WO/CC/90/INF/2", "--kind", "information").exit_code == 0
    text = (tmp_path / "doc" / "document.yaml").read_text(encoding="utf-8")
    for key in ("body: coordination-committee", "number: 90", "venue: Geneva", "first_day:", "zh: \"文件标题\""):
        line = next(line for line in text.splitlines() if key in line)
        assert "TO CONFIRM" in line, line
    assert _refused_for_catalogs(CliRunner().invoke(main, ["check", str(tmp_path / "doc")]), ["zh"])


def test_the_languages_line_says_what_a_translation_needs_where_check_refuses_it(tmp_path):
    """`check` of a new folder refuses each translation not begun at its entry in `languages:` (test_missing_catalog);
    the line's comment says what to do next: make the catalog with `ccdocs i18n update`, translate it, and build a
    draft until then."""
    done = _new(tmp_path, "--symbol", "WO/CC/90/INF/2", "--kind", "information", "--languages", "en,zh,fr")
    assert done.exit_code == 0, done.output
    lines = (tmp_path / "doc" / "document.yaml").read_text(encoding="utf-8").splitlines()
    number, line = next((n, line) for n, line in enumerate(lines, 1) if line.startswith("languages:"))
    assert line.endswith("# the languages built; zh, fr: a catalog each to translate, made by `ccdocs i18n update DIR "
                         "--lang zh` (until then, build with --draft)"), line
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "doc")])
    assert re.findall(r"document\.yaml:(\d+):\d+: error: `(\w+)` has no catalog", checked.output) == [
        (str(number), "zh"), (str(number), "fr")], checked.output


def test_each_title_not_given_is_a_placeholder_in_its_own_language_marked_to_write(tmp_path):
    """A paper in French, Arabic, Spanish or Russian got the English placeholder `Title` (newcomer #13): each
    language ccdocs ships has its own, marked with what to do, and check warns at each."""
    from ccdocs.scaffold.marks import in_file

    assert _new(tmp_path, "--symbol", "WO/CC/90/INF/2", "--kind", "information", "--ordinary", "61",
                "--languages", "fr,ar,es,ru").exit_code == 0
    path = tmp_path / "doc" / "document.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("title:"))) + 1
    titles = dict(line.strip().split(": ", 1) for line in lines[start:start + 4])
    assert {lang: line.split('"')[1] for lang, line in titles.items()} == {
        "fr": "Titre du document", "ar": "عنوان الوثيقة", "es": "Título del documento", "ru": "Название документа"}
    for lang, line in titles.items():
        assert line.endswith(f"# TO CONFIRM: write the {lang} title"), line
    warned = [item.line for item in in_file(path, path.read_text(encoding="utf-8"))]  # what check and build warn at
    assert set(range(start + 1, start + 5)) <= set(warned), warned


@pytest.mark.parametrize("args, marked", [
    (["--symbol", "WO/CC/90/INF/2", "--session", "90"], True),
    (["--symbol", "WO/CC/90/INF/2", "--ordinary", "61"], False),
    (["--symbol", "WO/CC/90/INF/2", "--extraordinary", "3"], False),
    (["--symbol", "WO/PBC/40/9"], False),
])
def test_a_coordination_committee_session_not_said_ordinary_or_extraordinary_is_marked(tmp_path, args, marked):
    """A Coordination Committee session is ordinary or extraordinary, which the cover prints (`Eighty-Sixth (57th
    Ordinary) Session`): not given, ccdocs new cannot guess it, so `session:` is marked, and check warns there
    (newcomer #5: the cover printed `Ninetieth Session` without a word); another body's session is neither."""
    assert _new(tmp_path, *args, "--kind", "information", "--languages", "en").exit_code == 0
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "doc")])
    assert checked.exit_code == 0, checked.output
    found = [m for m in MARK.finditer(checked.output) if m["value"] == "session:"]
    assert bool(found) == marked, checked.output
    if marked:
        line = (tmp_path / "doc" / "document.yaml").read_text(encoding="utf-8").splitlines()[int(found[0]["line"]) - 1]
        assert "add `ordinary: N` or `extraordinary: N`" in line, line


@pytest.mark.parametrize("args, fragment", [
    (["--symbol", "WO/CC/86/TR/1", "--kind", "transmittal"], "'transmittal' is not one of"),
    (["--symbol", "WO/CC/86/INF/1\n", "--kind", "information"], "'--symbol': holds a line feed U+000A"),
    (["--symbol", "../x", "--kind", "information"], "is not a WIPO symbol"),
    (["--symbol", "WO/XYZ/INF/1", "--kind", "information"], "give --body"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--dates", "2026-07-15/2026-07-07"], "ends before"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--date", "2026-02-30"], "is not a date"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--title", " "], "'--title': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--title", ""], "'--title': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--date", ""], "'--date': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--venue", ""], "'--venue': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--title", "Annual\rReport"],
     "'--title': holds a carriage return U+000D"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--venue", "Gen\u2028eva"],
     "'--venue': holds a line separator U+2028"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--dates", ""], "'--dates': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--languages", ""], "'--languages': is empty"),
    (["--symbol", "", "--kind", "information"], "'--symbol': is empty"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--title", "a\x0bb"], "control character"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--languages", "en,xx"], "unknown language"),
    (["--symbol", "WO/CC/86/INF/1", "--kind", "information", "--ordinary", "5", "--extraordinary", "2"], "not both"),
])
def test_bad_options_are_usage_errors_and_nothing_is_written(tmp_path, args, fragment):
    done = _new(tmp_path, *args)
    assert done.exit_code == 2 and fragment in done.output, done.output
    assert "Traceback" not in done.output
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path):
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc" / "notes.txt").write_text("mine", encoding="utf-8")
    done = _new(tmp_path, "--symbol", "WO/CC/86/INF/1", "--kind", "information")
    assert done.exit_code == 2 and "already exists" in done.output
    assert [p.name for p in tmp_path.rglob("*")] == ["doc", "notes.txt"]


def test_a_folder_its_check_refuses_is_reported_as_the_target_and_left_out(tmp_path, monkeypatch):
    def refuse(folder):
        raise InputError([problem(folder / "document.yaml", 3, "refused")])

    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        make_folder(tmp_path / "doc", {"document.yaml": b"a: 1\n"}, ("data",), refuse)
    assert [str(p) for p in caught.value.problems] == ["doc/document.yaml:3:1: error: refused"]
    assert list(tmp_path.iterdir()) == []


def test_the_help_offers_only_the_kinds_it_makes():
    done = CliRunner().invoke(main, ["new", "--help"])
    assert "[information|decision]" in done.output and "transmittal" not in done.output


def test_missing_parent_folders_are_made_and_removed_again_when_nothing_is_written(tmp_path):
    done = CliRunner().invoke(main, ["new", str(tmp_path / "documents" / "a" / "doc"), "--symbol", "WO/CC/90/INF/2",
                                     "--kind", "information"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "documents" / "a" / "doc" / "document.yaml").is_file()

    def refuse(folder):
        raise InputError([problem(folder / "document.yaml", 3, "refused")])

    with pytest.raises(InputError):
        make_folder(tmp_path / "other" / "deeper" / "doc", {"document.yaml": b"a: 1\n"}, (), refuse)
    assert not (tmp_path / "other").exists()


def test_check_and_build_warn_at_every_value_left_to_confirm_and_still_succeed(tmp_path):
    assert _new(tmp_path, "--symbol", "WO/CC/90/INF/2", "--kind", "information", "--title", "Ends # TO CONFIRM",
                "--languages", "en").exit_code == 0
    folder = tmp_path / "doc"
    lines = (folder / "document.yaml").read_text(encoding="utf-8").splitlines()
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(folder)])
    built = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "docx"])
    for done in (checked, built):
        assert done.exit_code == 0, done.output
        found = [m.groupdict() for m in MARK.finditer(done.output)]
        values = {m["value"].split(":")[0] for m in found}
        assert {"body", "number", "venue", "first_day", "last_day"} <= values, done.output
        assert "en" not in values, "a TO CONFIRM typed inside a quoted title is no mark"
        for m in found:
            assert m["path"].endswith("document.yaml")
            assert lines[int(m["line"]) - 1][int(m["col"]) - 1:].startswith("TO CONFIRM"), m
    assert "values marked TO CONFIRM" in checked.output
    text = "\n".join(line.split("  # TO CONFIRM")[0] for line in lines) + "\n"
    (folder / "document.yaml").write_text(text, encoding="utf-8")
    confirmed = runner.invoke(main, ["check", str(folder)])
    assert confirmed.exit_code == 0 and "warning" not in confirmed.output, confirmed.output


def test_the_regression_check_takes_a_folder_as_text(tmp_path):
    assert _new(tmp_path, "--symbol", "WO/CC/90/INF/2", "--kind", "decision", "--languages", "en").exit_code == 0
    folder = str(tmp_path / "doc")
    check_folder(folder, update=True, formats=("docx",))
    assert check_folder(folder, formats=("docx",)) == []


@pytest.mark.parametrize("symbol, style", [("WO/CC/90/INF/2", "chapter"), ("WO/PBC/40/9", "roman")])
def test_the_optional_keys_are_written_as_comments_with_their_defaults(tmp_path, symbol, style):
    """`source:` and `chapter_style:` are offered commented out, with the values the build takes without them;
    taking the `#` away builds the same document."""
    assert _new(tmp_path, "--symbol", symbol, "--kind", "information").exit_code == 0
    path = tmp_path / "doc" / "document.yaml"
    text = path.read_text(encoding="utf-8")
    for line in ("# source: en ", f"# chapter_style: {style} "):
        assert any(row.startswith(line) for row in text.splitlines()), line
    before = to_json(resolve(read_sources(tmp_path / "doc"), "en"))
    path.write_text(text.replace("# source:", "source:").replace("# chapter_style:", "chapter_style:"),
                    encoding="utf-8")
    assert to_json(resolve(read_sources(tmp_path / "doc"), "en"))["blocks"] == before["blocks"]


def test_it_prints_the_commands_to_run_next_and_they_do_what_it_says(tmp_path, monkeypatch):
    """After its files, two lines: write the paper watching it rebuilt; then the catalogs to translate (a draft
    build meanwhile), check and build once translated. Each command, run as printed, does so (watch aside: it runs
    until stopped). A paper of one language has no catalog to make."""
    from babel.messages.pofile import read_po

    from conftest import translated_as_written

    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["new", "doc", *KINDS["information"][0]])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[-2:] == [
        "next: write the paper in doc/content/, seeing it rebuilt at every save: ccdocs watch doc --lang en",
        "then: ccdocs i18n update doc --lang zh (the catalog to translate; meanwhile ccdocs build doc --draft); "
        "once translated, ccdocs check doc, and ccdocs build doc (into out/)"]
    for command in (["i18n", "update", "doc", "--lang", "zh"], ["build", "doc", "--draft"]):
        assert CliRunner().invoke(main, command).exit_code == 0
    assert CliRunner().invoke(main, ["check", "doc"]).exit_code == 1           # not translated yet
    catalog = tmp_path / "doc/locales/zh/LC_MESSAGES/content.po"
    with catalog.open("rb") as po:                                              # translated as written, the
        ids = [message.id for message in read_po(po) if message.id]            # toolkit glossary's term in zh
    catalog.unlink()
    translated_as_written(tmp_path / "doc", translations={i: i.replace("Secretariat", "秘书处") for i in ids})
    for command in (["check", "doc"], ["build", "doc"]):
        ran = CliRunner().invoke(main, command)
        assert ran.exit_code == 0, ran.output
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.pdf")) == ["wo_cc_86_inf_1.pdf"] * 2
    alone = CliRunner().invoke(main, ["new", "one", *KINDS["decision"][0]])
    assert alone.output.splitlines()[-1] == "then: ccdocs check one, and ccdocs build one (into out/)"
