"""`ccdocs watch` takes its inputs from the one list of what a build reads (`inputs.read_files`): a save of any of
them rebuilds, wherever it lies.

The watch had its own, narrower list (document.yaml, content, data, images) and watched the document's folders
only: a theme or cover-note frame found in the toolkit's own templates (the default theme, the `information`
frame) was read by every build and never watched, so an editor's save of it rebuilt nothing. Driven by file
writes (an editor's save: a temporary file renamed over the file) to a watch running in a thread of this process
on a copy of the budget-table sample, with the toolkit's templates folder a copy too; every wait is bounded, and
no duration is asserted.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pdfplumber
import pytest

from ccdocs import resources
from ccdocs.watch import CLOCK_TICK, Gone, Session, _watch

from conftest import DOCS
from test_watch import STATUS, WAIT, Watching, save

SLUG = "wo_pbc_35_inf_1"
COVER_NOTE = """parts:
  - type: cover-note
    template: information
  - type: report
"""


def sizes(pdf: Path) -> set:
    with pdfplumber.open(pdf) as document:
        return {round(char["size"], 1) for page in document.pages for char in page.chars}


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


class Watched:
    """`ccdocs watch DOC --lang en --format pdf` running in a thread: its lines queued as the watch echoes them."""

    def __init__(self, folder: Path, out: Path):
        self.folder = folder
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        self.session = Session(folder, out, ["en"], ("pdf",), False, lambda text, err: self.lines.put(text))
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            _watch(self.session, self.folder, self.session.out)
        except Gone as exc:
            self.lines.put(f"gone: {exc}")
        except BaseException as exc:  # noqa: BLE001 - told to the test, which fails on it
            self.lines.put(f"failed: {exc!r}")

    until = Watching.until  # the lines echoed up to the first matching a pattern (at most WAIT seconds)

    def stop(self) -> None:
        """The folder removed: the watch ends (Gone) at its next look, within a second or so."""
        shutil.rmtree(self.folder)
        self.until("^gone: ")
        self.thread.join(WAIT)
        assert not [line for line in self.seen if line.startswith("failed: ")], self.seen


@pytest.fixture(scope="module")
def watched_templates(tmp_path_factory):
    """A watch of a budget-table copy with a cover note from the `information` frame, the toolkit's templates a
    copy: the theme's body size and the frame's text saved in turn; each round's lines and the PDF after it."""
    work = tmp_path_factory.mktemp("watch-inputs")
    templates = work / "toolkit-templates"
    shutil.copytree(resources.package_templates(), templates, ignore=shutil.ignore_patterns("__pycache__"))
    folder = work / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    spec = folder / "document.yaml"
    text = spec.read_text(encoding="utf-8").replace("parts:\n  - type: report\n", COVER_NOTE, 1)
    spec.write_text(text + "variables:\n  period_start: 2025-01-01\n  period_end: 2025-12-31\n", encoding="utf-8")
    pdf = work / "out" / "en" / f"{SLUG}.pdf"
    theme, frame = templates / "themes" / "default.yaml", templates / "cover-notes" / "information.en.md.j2"
    record: dict = {}
    time.sleep(2 * CLOCK_TICK / 1e9)  # the copies older than the watch by more than a clock tick: none is a save
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resources, "package_templates", lambda: templates)
        watched = Watched(folder, work / "out")
        try:
            record["start"] = watched.until("ccdocs: watching")
            record["inputs"] = watched.session.inputs()
            record["sizes before"] = sizes(pdf)
            body = theme.read_text(encoding="utf-8")
            assert "  en: {body: 11," in body
            save(theme, body.replace("  en: {body: 11,", "  en: {body: 13,", 1))
            record["theme"] = [line for line in watched.until(" saved") if STATUS.match(line)]
            record["sizes after"] = sizes(pdf)
            save(frame, frame.read_text(encoding="utf-8") + "\nThe watched frame speaks.\n")
            record["frame"] = [line for line in watched.until(" saved") if STATUS.match(line)]
            record["text after"] = pdf_text(pdf)
        finally:
            watched.stop()
    record["theme path"], record["frame path"] = theme, frame
    record["glossary"] = folder / "locales" / "zh" / "glossary.csv"
    return record


def test_the_watch_inputs_are_what_a_build_reads(watched_templates):
    inputs = watched_templates["inputs"]
    for key in ("theme path", "frame path", "glossary"):
        assert str(watched_templates[key].resolve()) in inputs, key


def test_saving_the_toolkit_theme_rebuilds_with_it(watched_templates):
    assert len(watched_templates["theme"]) == 1
    assert "default.yaml saved: en rebuilt (pdf)" in watched_templates["theme"][0]
    assert 13.0 not in watched_templates["sizes before"] and 13.0 in watched_templates["sizes after"]


def test_saving_the_toolkit_cover_note_frame_rebuilds_with_it(watched_templates):
    assert len(watched_templates["frame"]) == 1
    assert "information.en.md.j2 saved: en rebuilt (pdf)" in watched_templates["frame"][0]
    assert "The watched frame speaks." in watched_templates["text after"]
