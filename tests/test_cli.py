"""The `ccdocs` command: exit codes, error lines, outputs written whole or not at all."""

from __future__ import annotations

import json

from conftest import REPORT, run_ccdocs


def test_check_passes_a_valid_folder(make_doc):
    result = run_ccdocs("check", make_doc())
    assert result.returncode == 0, result.stderr
    assert "ok (en, zh)" in result.stdout


def test_check_builds_every_format_and_writes_nothing(make_doc, tmp_path, monkeypatch):
    import ccdocs.build as building
    from click.testing import CliRunner

    from ccdocs.cli import main

    made = []
    real = building.ready_writer  # the build readies each format's writes (and check, which lays every one out)
    monkeypatch.setattr(building, "ready_writer", lambda fmt: made.append(fmt) or real(fmt))
    folder = make_doc()
    before = sorted(tmp_path.rglob("*"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{folder}: ok (en, zh)\n"
    assert {"docx", "pdf"} <= set(made)
    assert sorted(tmp_path.rglob("*")) == before


def test_a_missing_figure_fails_check_and_build_with_file_and_line_and_writes_nothing(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT.replace("workforce.staff", "workforce.headcount")})
    out = tmp_path / "out"
    for args in (("check", folder), ("build", folder, "--format", "json", "--out", out)):
        result = run_ccdocs(*args)
        assert result.returncode == 1
        assert "content/report.md:3:" in result.stderr and "`headcount` is not in the data" in result.stderr
        assert "Traceback" not in result.stderr
    assert not out.exists()


def test_build_writes_language_folders_with_the_wipo_slug(make_doc, tmp_path):
    out = tmp_path / "out"
    result = run_ccdocs("build", make_doc(), "--format", "json", "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "en/wo_cc_86_inf_1.json", "zh/wo_cc_86_inf_1.json"]
    assert json.loads((out / "zh/wo_cc_86_inf_1.json").read_text())["meta"]["original"] == "原文：英文"


def test_a_failed_build_leaves_previous_outputs_untouched(make_doc, tmp_path):
    out = tmp_path / "out"
    folder = make_doc()
    assert run_ccdocs("build", folder, "--format", "json", "--out", out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (folder / "content/report.md").write_text(REPORT + "\nMore {{ nothing }}.\n")
    assert run_ccdocs("build", folder, "--format", "json", "--out", out).returncode == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_usage_errors_exit_2(make_doc):
    folder = make_doc()
    for args in (("build", folder, "--lang", "xx"), ("build", folder, "--format", "odt"),
                 ("build", folder / "nowhere")):
        result = run_ccdocs(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "ccdocs: error:" in result.stderr and "Traceback" not in result.stderr


def test_an_unwritable_out_is_reported_before_any_work(make_doc, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_ccdocs("build", make_doc(), "--format", "json", "--out", blocker / "out")
    assert result.returncode == 2 and "cannot write to the output folder" in result.stderr


def test_dump_text_and_json_agree(make_doc):
    folder = make_doc()
    text = run_ccdocs("dump", folder, "--lang", "en")
    data = json.loads(run_ccdocs("dump", folder, "--lang", "en", "--json").stdout)
    assert text.returncode == 0
    for block in data["blocks"]:
        assert block["text"].splitlines()[0] in text.stdout


def test_debug_shows_the_traceback(make_doc):
    folder = make_doc({"content/report.md": "{{ nope }}\n"})
    assert "Traceback" in run_ccdocs("check", folder, "--debug").stderr


def test_a_language_or_format_named_twice_is_built_once(make_doc, tmp_path):
    out = tmp_path / "out"
    result = run_ccdocs("build", make_doc(), "--lang", "en,en", "--format", "json,json", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(out / "en/wo_cc_86_inf_1.json")]


def test_a_fault_of_ccdocs_itself_is_said_plainly_with_exit_70_and_no_traceback(make_doc, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import ccdocs.pipeline
    from ccdocs.cli import main
    from refusals import seed_previous, state

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ccdocs.pipeline, "apply_all", broken)
    out = tmp_path / "out"
    seed_previous(out)
    before = state(out)
    for debug in ((), ("--debug",)):
        result = CliRunner().invoke(main, ["build", str(make_doc()), "--format", "json", "--out", str(out), *debug])
        assert result.exit_code == 70, result.output
        assert "ccdocs: internal error: RuntimeError: a bug; this is a fault of ccdocs" in result.output
        assert ("Traceback" in result.output) == bool(debug)
    assert state(out) == before
