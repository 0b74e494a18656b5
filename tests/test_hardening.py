"""Robustness: generated input never gives a traceback, every output reopens, interrupted builds change nothing."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccdocs.build import build
from ccdocs.errors import InputError
from ccdocs.testing.synthetic import make_document
from conftest import MINIMAL, REPORT

ALPHABET = st.sampled_from(list("abcdefghij XYZ0123456789.,;:!?()[]{}*_#>-|`\\^~'\"&<@/%\n") +
                           list("产权组织协调委员会，。：；（）《》") + ["\x0b", "\u00a0", "é", "ß", "\u2603", "\U0001f600"])
TEXT = st.text(ALPHABET, min_size=1, max_size=120)
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "20")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def _write(folder: Path, files: dict) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _base() -> dict:
    return {"document.yaml": MINIMAL, "content/report.md": REPORT,
            "content/annex.md": "# Annex\n\nAnnex paragraph.\n",
            "data/workforce.yaml": "staff: 1735\n", "data/applicants.csv": "id,region,applied\nafrica,Africa,1\ntotal,,1\n"}


def _builds_or_reports(files: dict) -> None:
    """Build en+zh DOCX and PDF: either a clean InputError, or outputs that reopen."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "doc"
        _write(folder, files)
        try:
            paths = build([folder], Path(tmp) / "out", None, ("docx", "pdf"), draft=True)
        except InputError as exc:
            assert exc.problems and all(str(p) for p in exc.problems)
            return
        for path in paths:
            data = path.read_bytes()
            if path.suffix == ".docx":
                docx.Document(io.BytesIO(data))
            else:
                assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=6), st.sampled_from(["", "# ", "## ", "- ", "1. ", "> ", "{.unnumbered}\n"]))
def test_generated_markdown_never_gives_a_traceback(paragraphs, prefix):
    files = _base()
    files["content/report.md"] = "# Title\n\n" + "\n\n".join(prefix + p for p in paragraphs) + "\n"
    _builds_or_reports(files)


@SETTINGS
@given(title=TEXT, venue=TEXT, number=st.integers(-3, 250), day=st.text("0123456789-", min_size=1, max_size=12))
def test_generated_document_yaml_never_gives_a_traceback(title, venue, number, day):
    files = _base()
    text = (MINIMAL.replace("venue: Geneva", f"venue: {venue!r}".replace("\\n", " "))
            .replace("number: 86", f"number: {number}").replace("date: 2026-05-21", f"date: {day}")
            .replace("{en: Annual Report on Human Resources, zh: 人力资源年度报告}", repr(title).replace("\\n", " ")))
    files["document.yaml"] = text
    _builds_or_reports(files)


@SETTINGS
@given(st.lists(st.lists(st.text(ALPHABET, max_size=8), min_size=1, max_size=4), min_size=1, max_size=5))
def test_generated_csv_never_gives_a_traceback(rows):
    files = _base()
    body = "\n".join(",".join(cell.replace("\n", " ") for cell in row) for row in rows)
    files["data/applicants.csv"] = "id,region,applied\n" + body + "\n"
    _builds_or_reports(files)


PARAGRAPHS = 6000  # a build of some 1.4 s of CPU on a 2026 machine: stopped at 0.4 s, it is mid-work


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A PARAGRAPHS-paragraph synthetic document built once in English, and its outputs' bytes."""
    root = tmp_path_factory.mktemp("large")
    folder = make_document(root / "doc", PARAGRAPHS)
    out = root / "out"
    build([folder], out, ["en"])
    return folder, out, {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _start(folder: Path, out: Path) -> subprocess.Popen:
    """A build of the edited `folder` with an empty per-user cache: it parses and lays out all its paragraphs."""
    (folder / "content/report.md").write_text((folder / "content/report.md").read_text() + "\nOne more.\n")
    return subprocess.Popen([sys.executable, "-m", "ccdocs", "build", str(folder), "--lang", "en", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, CCDOCS_CACHE=tempfile.mkdtemp(dir=folder.parent)))


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_previous_outputs_unchanged(large, how):
    folder, out, before = large
    process = _start(folder, out)
    _underway(process)
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(how)
    _resume(process)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and not p.name.endswith(".part")} == before
    if how != signal.SIGKILL:
        assert not list(out.rglob("*.part")), "a caught interruption cleans up its temporary files"


def _underway(process: subprocess.Popen, cpu: float = 0.4) -> None:
    """Stop the build `process` (SIGSTOP) once it has spent `cpu` seconds of CPU (Linux's /proc tells): past its
    start, parsing and laying out its paragraphs, and held there, so that the signal the test sends next reaches it
    mid-build however fast the machine (a fixed wait let a fast one finish first); `_resume` lets it go on. Where
    /proc cannot tell, wait 1.5 s."""
    stat = Path(f"/proc/{process.pid}/stat")
    if not stat.exists():
        time.sleep(1.5)
        return
    tick = os.sysconf("SC_CLK_TCK")
    while process.poll() is None:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it just ended
            return
        if (int(fields[11]) + int(fields[12])) / tick >= cpu:  # utime + stime, in clock ticks
            process.send_signal(signal.SIGSTOP)
            return
        time.sleep(0.002)


def _resume(process: subprocess.Popen) -> None:
    """Let a build `_underway` stopped go on (a signal sent while it was stopped is then acted on)."""
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)


def test_a_large_document_builds_whole(large):
    _, out, before = large
    docx_path = next(p for p in before if p.suffix == ".docx")
    document = docx.Document(io.BytesIO(before[docx_path]))  # as built: an interrupted build's edit left aside
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) == PARAGRAPHS + 2 + 1
    pdf = pypdf.PdfReader(io.BytesIO(before[docx_path.with_suffix(".pdf")]))
    assert len(pdf.pages) > 100
    assert f"{PARAGRAPHS}." in pdf.pages[-3].extract_text() + pdf.pages[-2].extract_text() + pdf.pages[-4].extract_text()
