"""Each command imports what it uses and nothing else: `ccdocs --help` none of the readers' libraries, `dump` and
the translators' commands no writer, a PDF-only build no python-docx, a DOCX-only build the font metrics it
measures with but the PDF's page layout only for a contents table's page numbers; `check` both writers, for it
refuses what laying out refuses.

Each command runs in a child process of its own (a fresh interpreter: this process has imported everything),
which then lists the modules it imported. What is asserted is the list, never a duration.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPORT

# The libraries a document's reading, rendering and writing need (`ccdocs --help` needs none of them).
READERS = ("yaml", "jinja2", "babel", "markdown_it", "uniseg")
DOCX = ("docx", "ccdocs.writers.docx")          # the DOCX writer and what only it uses
WORKBOOKS = ("xlsxwriter",)  # a chart's workbook made (DOCX): only when the per-user cache does not hold it
PDF = ("reportlab", "ccdocs.writers.pdf")                      # the PDF writer and its engine
METRICS = ("reportlab.pdfbase.ttfonts", "ccdocs.writers.pdf.faces", "ccdocs.writers.pdf.measure")  # fonts measured
SVG = ("svglib", "lxml", "ccdocs.writers.pdf.svgtext")  # an SVG drawn in the PDF
LAYOUT = ("reportlab.platypus", "reportlab.graphics", "ccdocs.writers.pdf.document")  # the PDF's pages laid out
LISTED = """
import json, os, sys
if os.environ.get("CCDOCS_TEST_ONE_CPU"):  # the jobs one after the other in this process: the writes' modules too
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from ccdocs.cli import main
try:
    main(sys.argv[2:], prog_name="ccdocs", standalone_mode=False)
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(sys.argv[1], "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def imported(tmp_path, *args, shown: list | None = None, one_cpu: bool = False) -> set[str]:
    """The modules `ccdocs ARGS` imported in a fresh interpreter (the command must succeed); what it printed is
    appended to `shown`. With `one_cpu`, the command may run on one CPU only: it then makes every job in its own
    process (`workers.run_all`), whose modules are then those of the whole build, not those of a build's parent."""
    listing = tmp_path / "modules.json"
    env = {**os.environ, "CCDOCS_TEST_ONE_CPU": "1"} if one_cpu else None
    done = subprocess.run([sys.executable, "-c", LISTED, str(listing), *map(str, args)], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stderr
    found = json.loads(listing.read_text())
    assert found["code"] in (0, None), done.stderr
    if shown is not None:
        shown.append(done.stdout)
    return set(found["modules"])


def among(modules: set[str], packages) -> list[str]:
    """The `packages` (each with its submodules) found among `modules`."""
    return sorted(p for p in packages if p in modules or any(m.startswith(p + ".") for m in modules))


def test_help_imports_click_and_nothing_of_the_documents(tmp_path):
    modules = imported(tmp_path, "--help")
    assert among(modules, READERS + DOCX + PDF) == []
    assert among(modules, ("ccdocs.sources", "ccdocs.pipeline", "ccdocs.build", "ccdocs.i18n")) == []
    # what only a failing or running command uses: a traceback (--debug), suggestions, signal handlers
    assert among(modules, ("traceback", "difflib", "signal")) == []


def test_a_command_help_shows_its_choices_and_imports_no_writer(tmp_path):
    shown: list = []
    modules = imported(tmp_path, "new", "--help", shown=shown)
    assert "[information|decision]" in " ".join(shown[0].split())  # read from the spec when the help is shown
    assert among(modules, DOCX + PDF + ("markdown_it",)) == []


def test_the_help_names_the_languages_known_without_importing_them_at_the_top(tmp_path):
    """`ccdocs --help` says any language with a profile (and still imports nothing of the documents); `build
    --help` lists the profiles found under `--lang`, looked up when that help is shown."""
    shown: list = []
    imported(tmp_path, "--help", shown=shown)
    imported(tmp_path, "build", "--help", shown=shown)
    top, build = (" ".join(text.split()) for text in shown)
    assert "English and Chinese" not in top and "any language with a profile" in top, top
    assert "Known: ar, en, es, fr, ru, zh." in build, build


def test_a_pdf_only_build_imports_no_docx_writer(tmp_path, make_doc):
    modules = imported(tmp_path, "build", make_doc(), "--lang", "en", "--format", "pdf", "--out", tmp_path / "out")
    assert (tmp_path / "out" / "en").is_dir()
    assert among(modules, PDF) == sorted(PDF)
    assert among(modules, DOCX) == []
    assert among(modules, SVG) == []  # a paper showing no SVG


def test_dump_imports_no_writer(tmp_path, make_doc):
    modules = imported(tmp_path, "dump", make_doc(), "--lang", "en", "--json")
    assert among(modules, READERS[:4]) == sorted(READERS[:4])  # the document was read and resolved
    assert among(modules, DOCX + PDF + ("lxml",)) == []


def test_extracting_the_segments_imports_no_writer(tmp_path, make_doc):
    folder = make_doc()
    modules = imported(tmp_path, "i18n", "extract", folder)
    assert (folder / "locales" / "content.pot").is_file()
    assert among(modules, DOCX + PDF) == []


def test_check_lays_the_paper_out_in_both_formats(tmp_path, make_doc):
    """`check` refuses what a build refuses, and some refusals come only from writing: a block that fits no page
    (the PDF's layout, writers/pdf/document.py), an SVG image CairoSVG cannot convert (the DOCX's fallback,
    writers/docx/images.py). So it imports both writers."""
    modules = imported(tmp_path, "check", make_doc())
    assert among(modules, DOCX + PDF + LAYOUT) == sorted(DOCX + PDF + LAYOUT)


def test_a_docx_only_build_measures_with_font_metrics_and_lays_out_no_pdf(tmp_path, make_doc):
    """Column widths and keeping rules come from the PDF's fonts and line setting, not from laying out pages."""
    modules = imported(tmp_path, "build", make_doc(), "--lang", "en", "--format", "docx", "--out", tmp_path / "out")
    assert (tmp_path / "out" / "en").is_dir()
    assert among(modules, DOCX + METRICS) == sorted(DOCX + METRICS)
    assert among(modules, LAYOUT + WORKBOOKS) == []


def test_a_docx_only_build_lays_out_the_pdf_for_a_contents_tables_page_numbers(tmp_path, make_doc):
    folder = make_doc({"content/report.md": "::: contents\n:::\n\n" + REPORT})
    modules = imported(tmp_path, "build", folder, "--lang", "en", "--format", "docx", "--out", tmp_path / "out",
                       one_cpu=True)
    assert among(modules, DOCX + LAYOUT) == sorted(DOCX + LAYOUT)


MODEL_ONLY = ("ccdocs.i18n.policy", "ccdocs.i18n.checkers", "ccdocs.i18n.segments", "ccdocs.i18n.locations")


def test_a_parallel_builds_parent_leaves_what_only_a_model_uses_to_its_model_workers(tmp_path, make_doc):
    """The parent of a build forks its model workers once it has read the sources; what only making a model uses
    (the translation's policy and checks, its segments) is imported by those workers, not by the parent first (its
    imports come before any model can start; the writes it forks later, and the notes it prints after, need none of
    it)."""
    from ccdocs.workers import can_fork, cpu_count

    if not can_fork() or cpu_count() < 2:
        pytest.skip("the jobs of a build run in this process: it makes the models itself")
    modules = imported(tmp_path, "build", make_doc(), "--format", "pdf", "--out", tmp_path / "out")
    assert sorted(path.parent.name for path in (tmp_path / "out").glob("*/*.pdf")) == ["en", "zh"]
    assert among(modules, MODEL_ONLY) == []


def test_the_pdf_writer_imports_nothing_of_the_models_placing():
    """The PDF writer, which the parent of a build imports while its model workers run, reads a chart's value axis
    (charts.axis) and the chart specs, not how tables and charts are placed from data: no Jinja2, no babel catalog
    reader (the model workers import those)."""
    code = "import sys, ccdocs.writers.pdf.paper; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = set(done.stdout.split())
    assert among(modules, ("jinja2", "babel.messages", "ccdocs.tables.place", "ccdocs.tables.texts",
                           "ccdocs.charts.place", "ccdocs.sandbox", "ccdocs.i18n.catalogs")) == []


def test_a_translated_build_whose_texts_are_kept_imports_no_markdown_parser(tmp_path, copy_fixture):
    """Each content file's blocks and segments and each translation's checks are kept in the per-user cache: a
    build finding them all (the same folder built again) reads no Markdown and does not import markdown-it, some
    30 ms before the Chinese model can start (the jobs run on one CPU here, in the process whose modules are listed)."""
    folder = copy_fixture("budget")
    first = imported(tmp_path, "build", folder, "--format", "pdf", "--out", tmp_path / "first", one_cpu=True)
    assert among(first, ("ccdocs.i18n.segments",)) == ["ccdocs.i18n.segments"], "the Chinese model was made"
    again = imported(tmp_path, "build", folder, "--format", "pdf", "--out", tmp_path / "again", one_cpu=True)
    assert sorted(path.parent.name for path in (tmp_path / "again").glob("*/*.pdf")) == ["en", "zh"]
    assert among(again, ("markdown_it", "ccdocs.parse.markdown")) == []
