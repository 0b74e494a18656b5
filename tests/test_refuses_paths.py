"""Names that could be paths: themes, cover-note templates, content and data files; odd file-system objects.

A theme or cover-note template is a name, found only in a templates folder, never a path; a content or data file is
a regular file inside the document folder once links are followed. Everything else is refused at its line in
document.yaml (the theme at line 26, added; the cover note's `template:` at line 13; the report's files at line 14;
the YAML data file at line 17), without reading it: a FIFO must not hang the build.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from conftest import MINIMAL
from refusals import Case

DOC = "document.yaml"
THEME_LINE = f"{DOC}:26"
TEMPLATE_LINE = f"{DOC}:13"
REPORT_LINE = f"{DOC}:14"
DATA_LINE = f"{DOC}:17"
HANG = 60  # seconds: a FIFO read would block forever; refusing it takes a second


def theme(value: str) -> dict:
    return {DOC: MINIMAL + f"theme: {value}\n"}


def template(value: str) -> dict:
    assert "template: information" in MINIMAL
    return {DOC: MINIMAL.replace("template: information", f"template: {value}")}


def report_file(value: str) -> dict:
    return {DOC: MINIMAL.replace("files: [content/report.md]", f"files: [{value}]")}


def outside(folder: Path, name: str = "secret.md", text: str = "# Secret\n\nOutside text.\n") -> Path:
    """A file next to the document folder, outside it."""
    path = folder.parent / "elsewhere" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def link(name: str, target):
    """A setup replacing `name` in the folder by a symbolic link to `target(folder)`."""

    def setup(folder: Path, out: Path) -> None:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.symlink_to(target(folder))

    return setup


def fifo(name: str):
    def setup(folder: Path, out: Path) -> None:
        path = folder / name
        path.unlink(missing_ok=True)
        os.mkfifo(path)

    return setup


def directory(name: str):
    def setup(folder: Path, out: Path) -> None:
        path = folder / name
        path.unlink(missing_ok=True)
        (path / "inside.md").parent.mkdir()
        (path / "inside.md").write_text("text\n", encoding="utf-8")

    return setup


def unix_socket(name: str):
    def setup(folder: Path, out: Path) -> None:
        path = folder / name
        path.unlink(missing_ok=True)
        short = Path(tempfile.mkdtemp()) / "s"  # a socket's path is limited to about 100 bytes: bound short, moved
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(short))
        short.rename(path)
        short.parent.rmdir()

    return setup


def theme_linked_out(folder: Path, out: Path) -> None:
    themes = folder / "templates" / "themes"
    themes.mkdir(parents=True)
    (themes / "evil.yaml").symlink_to(outside(folder, "evil.yaml", "page: {}\n"))


THEMES = [  # kind 4: a theme is a name, resolved only in a templates folder
    Case("theme-dot-dot", theme("../../../../elsewhere/theme"), "never a path", THEME_LINE),
    Case("theme-absolute", theme("/etc/passwd"), "never a path", THEME_LINE),
    Case("theme-slash", theme("themes/default"), "never a path", THEME_LINE),
    Case("theme-backslash", theme("'..\\..\\x'"), "never a path", THEME_LINE),
    Case("theme-drive", theme("'C:theme'"), "never a path", THEME_LINE),
    Case("theme-drive-absolute", theme("'C:/themes/x'"), "never a path", THEME_LINE),
    Case("theme-unc", theme("'\\\\server\\share\\x'"), "never a path", THEME_LINE),
    Case("theme-file-name", theme("default.yaml"), "never a path", THEME_LINE),
    Case("theme-dot", theme("'.'"), "never a path", THEME_LINE),
    Case("theme-dot-dot-alone", theme("'..'"), "never a path", THEME_LINE),
    Case("theme-home", theme("'~/theme'"), "never a path", THEME_LINE),
    Case("theme-newline", theme('"default\\n"'), "never a path", THEME_LINE),
    Case("theme-space", theme("' default'"), "never a path", THEME_LINE),
    Case("theme-nul", theme('"default\\0"'), "control character U+0000", THEME_LINE),
    Case("theme-empty", theme("''"), "never a path", THEME_LINE),
    Case("theme-list", theme("[default]"), "never a path", THEME_LINE),
    Case("theme-number", theme("5"), "never a path", THEME_LINE),
    Case("theme-unknown", theme("fancy"), "there is no theme `fancy`", THEME_LINE),
    Case("theme-linked-out", theme("evil"), "this theme is not a regular file inside", "templates/themes/evil.yaml",
         setup=theme_linked_out),
]

TEMPLATES = [  # kind 4: a cover-note template is a name too
    Case("template-dot-dot", template("../../x"), "never a path", TEMPLATE_LINE),
    Case("template-absolute", template("/etc/passwd"), "never a path", TEMPLATE_LINE),
    Case("template-inner-dot-dot", template("information/../information"), "never a path", TEMPLATE_LINE),
    Case("template-with-language", template("information.en"), "never a path", TEMPLATE_LINE),
    Case("template-folder", template("cover-notes/information"), "never a path", TEMPLATE_LINE),
    Case("template-backslash", template("'..\\x'"), "never a path", TEMPLATE_LINE),
    Case("template-drive", template("'D:x'"), "never a path", TEMPLATE_LINE),
    Case("template-newline", template('"information\\n"'), "never a path", TEMPLATE_LINE),
    Case("template-number", template("5"), "never a path", TEMPLATE_LINE),
    Case("template-list", template("[information]"), "never a path", TEMPLATE_LINE),
    Case("template-empty", template("''"), "never a path", TEMPLATE_LINE),
    Case("template-unknown", template("decision"), "there is no cover-note template `decision` in en, zh",
         TEMPLATE_LINE),
]

FILES = [  # kind 4 and 9: content and data files outside the folder, and what is not a regular file
    Case("report-dot-dot", report_file("../elsewhere/secret.md"), "leaves the document folder", REPORT_LINE),
    Case("report-inner-dot-dot", report_file("content/../../elsewhere/secret.md"), "leaves the document folder",
         REPORT_LINE),
    Case("report-absolute", report_file("/etc/hostname"), "is an absolute path", REPORT_LINE),
    Case("report-drive", report_file("'C:\\report.md'"), "is an absolute path", REPORT_LINE),
    Case("report-unc", report_file("'\\\\server\\share\\report.md'"), "is an absolute path", REPORT_LINE),
    Case("report-empty", report_file("''"), "expected a content file path", REPORT_LINE),
    Case("report-linked-out", {}, "leaves the document folder", REPORT_LINE,
         setup=link("content/report.md", outside)),
    Case("report-linked-to-etc", {}, "leaves the document folder", REPORT_LINE,
         setup=link("content/report.md", lambda folder: Path("/etc/hostname"))),
    Case("report-linked-relative-out", {}, "leaves the document folder", REPORT_LINE,
         setup=link("content/report.md", lambda folder: Path("../../elsewhere/secret.md")
                    if outside(folder) else None)),
    Case("content-folder-linked-out", {}, "leaves the document folder", REPORT_LINE,
         setup=link("content", lambda folder: outside(folder, "report.md").parent)),
    Case("report-link-loop", {}, "a loop", REPORT_LINE, setup=link("content/report.md", lambda folder: "report.md")),
    Case("report-link-dangling", {}, "content file `content/report.md` does not exist", REPORT_LINE,
         setup=link("content/report.md", lambda folder: "gone.md")),
    Case("report-fifo", {}, "is not a regular file", REPORT_LINE, setup=fifo("content/report.md"), timeout=HANG),
    Case("report-linked-to-fifo", {}, "is not a regular file", REPORT_LINE, timeout=HANG,
         setup=lambda folder, out: (fifo("content/pipe")(folder, out), link("content/report.md",
                                                                            lambda f: "pipe")(folder, out))),
    Case("report-directory", {}, "is a folder, not a file", REPORT_LINE, setup=directory("content/report.md")),
    Case("report-socket", {}, "is not a regular file", REPORT_LINE, setup=unix_socket("content/report.md")),
    Case("data-linked-out", {}, "leaves the document folder", DATA_LINE,
         setup=link("data/workforce.yaml", lambda folder: outside(folder, "w.yaml", "staff: 1\n"))),
    Case("data-linked-to-dev", {}, "leaves the document folder", DATA_LINE,
         setup=link("data/workforce.yaml", lambda folder: Path("/dev/zero"))),
    Case("data-fifo", {}, "is not a regular file", DATA_LINE, setup=fifo("data/workforce.yaml"), timeout=HANG),
    Case("data-csv-fifo", {}, "is not a regular file", f"{DOC}:18", setup=fifo("data/applicants.csv"),
         timeout=HANG),
    Case("data-directory", {}, "is a folder, not a file", f"{DOC}:18", setup=directory("data/applicants.csv")),
    Case("data-socket", {}, "is not a regular file", DATA_LINE, setup=unix_socket("data/workforce.yaml")),
    Case("document-yaml-linked-out", {}, "document.yaml leaves the document folder", f"{DOC}:",
         setup=link(DOC, lambda folder: outside(folder, "document.yaml", MINIMAL))),
    Case("document-yaml-fifo", {}, "document.yaml is not a regular file", f"{DOC}:", setup=fifo(DOC),
         timeout=HANG),
    Case("document-yaml-directory", {}, "document.yaml is a folder", f"{DOC}:", setup=directory(DOC)),
]

LONG = "cannot be looked at: File name too long"

TOO_LONG = [  # kind 9: a path the file system cannot look at is refused at the line naming it, never a traceback
    Case("report-name-too-long", report_file("content/" + "a" * 300 + ".md"), LONG, REPORT_LINE),
    Case("report-too-deep", report_file("content/" + "a/" * 3000 + "x.md"), LONG, REPORT_LINE),
    Case("report-folder-name-too-long", report_file("content/" + "b" * 300 + "/x.md"), LONG, REPORT_LINE),
    Case("annex-name-too-long", {DOC: MINIMAL.replace("content/annex.md", "content/" + "c" * 256 + ".md")}, LONG,
         f"{DOC}:15"),
    Case("data-name-too-long", {DOC: MINIMAL.replace("data/workforce.yaml", "data/" + "w" * 300 + ".yaml")}, LONG,
         DATA_LINE),
    Case("data-too-deep", {DOC: MINIMAL.replace("data/applicants.csv", "data/" + "d/" * 2500 + "a.csv")}, LONG,
         f"{DOC}:18"),
    Case("theme-name-too-long", theme("t" * 300), "never a path", THEME_LINE),
    Case("theme-name-long", theme("t" * 64), "there is no theme", THEME_LINE),
    Case("template-name-long", template("t" * 64), "there is no cover-note template", TEMPLATE_LINE),
]

ANNEX = "  - {type: annex, files: [content/annex.md]}"


def parts(*extra: str, annex: str = ANNEX) -> dict:
    """The minimal document.yaml with its annex part (line 15) replaced by `annex`, and `extra` parts after it."""
    assert ANNEX in MINIMAL
    return {DOC: MINIMAL.replace(ANNEX, "\n".join((annex,) + extra))}


PARTS = [  # a content file printed twice, a second report or cover note, an empty file: refused in document.yaml
    # A content file's name is written in messages and in the catalogs' `#:` lines: no control character there.
    Case("file-name-line-feed", parts(annex='  - {type: annex, files: ["content/a\\nmsgid.md"]}'),
         "holds a line feed U+000A", f"{DOC}:15"),
    Case("file-name-tab", parts(annex='  - {type: annex, files: ["content/a\\tb.md"]}'),
         "holds a control character U+0009", f"{DOC}:15"),
    Case("annex-file-twice", parts(annex="  - {type: annex, files: [content/annex.md, content/annex.md]}"),
         "`content/annex.md` is listed twice in `parts:`, on line 15 and here", f"{DOC}:15"),
    Case("report-file-as-annex", parts(annex="  - {type: annex, files: [content/report.md]}"),
         "`content/report.md` is listed twice in `parts:`, on line 14", f"{DOC}:15"),
    Case("annex-file-in-two-annexes", parts("  - {type: annex, files: [content/annex.md]}"),
         "`content/annex.md` is listed twice in `parts:`, on line 15", f"{DOC}:16"),
    Case("same-file-other-spelling", parts(annex="  - {type: annex, files: [content/annex.md, content/./annex.md]}"),
         "`content/./annex.md` is listed twice", f"{DOC}:15"),
    Case("same-file-through-link", parts(annex="  - {type: annex, files: [content/annex.md, content/copy.md]}"),
         "`content/copy.md` is listed twice", f"{DOC}:15", setup=link("content/copy.md", lambda folder: "annex.md")),
    Case("two-reports", {**parts("  - {type: report, files: [content/more.md]}"), "content/more.md": "More.\n"},
         "a second `type: report` part (the first is on line 14)", f"{DOC}:16"),
    Case("two-cover-notes", parts("  - {type: cover-note, template: information}"),
         "a second `type: cover-note` part (the first is on line 13)", f"{DOC}:16"),
    Case("annex-empty", {"content/annex.md": ""}, "the annex file `content/annex.md` is empty", f"{DOC}:15"),
    Case("annex-blank-lines", {"content/annex.md": "\n  \n\t\n\n"}, "the annex file `content/annex.md` is empty",
         f"{DOC}:15"),
    Case("report-file-empty", {"content/report.md": ""}, "the report file `content/report.md` is empty", REPORT_LINE),
    Case("second-annex-file-empty", {**parts(annex="  - {type: annex, files: [content/annex.md, content/b.md]}"),
                                     "content/b.md": "\r\n\r\n"}, "the annex file `content/b.md` is empty",
         f"{DOC}:15"),
]

OWN = "templates/cover-notes/mine"


def own_template(text, zh=None) -> dict:
    """A document whose cover note is its own template `mine` (en: `text`, zh: `zh` or the same)."""
    files = template("mine")
    files.update({f"{OWN}.en.md.j2": text, f"{OWN}.zh.md.j2": text if zh is None else zh})
    return files


OWN_TEMPLATES = [  # a cover-note template from the document's own templates folder is input too
    Case("own-template-syntax", own_template("Text {{ doc.title\n"), "`{{` has no closing `}}`", f"{OWN}.en.md.j2:1:6"),
    Case("own-template-latin1", own_template("Gen\u00e8ve {{ doc.title }}\n".encode("latin-1")), "not UTF-8",
         f"{OWN}.en.md.j2:1"),
    Case("own-template-control", own_template("ok\nGen\x0beve {{ doc.title }}\n"), "control character U+000B",
         f"{OWN}.en.md.j2:2"),
    Case("own-template-needs-date", own_template("From {{ period_end | date }} and {{ budget | date }}.\n"),
         "the cover note `mine` needs `budget`", TEMPLATE_LINE),
    Case("own-template-variable-not-date", {**own_template("Until {{ period_end | date }}.\n"), DOC: MINIMAL.replace(
        "template: information", "template: mine").replace("period_end: 2025-12-31", "period_end: soon")},
         "`period_end` must be a date", f"{DOC}:19"),
    # what the template holds is told at its own line, never at document.yaml's `template:` (a loop's names
    # were taken for variables the document must give)
    Case("own-template-statement", own_template("Intro.\n\n{% for i in range(100000000) %}x{% endfor %}\n"),
         "only `{{ … }}` expressions may stand", f"{OWN}.en.md.j2:3:1"),
    Case("own-template-comment", own_template("Text {{ doc.title }}.\n{# a note #}\n"), "`{# … #}` comments",
         f"{OWN}.en.md.j2:2:1"),
    Case("own-template-bad-expression", own_template("Intro.\n\nText {{ doc.title | }}.\n"),
         "this cover-note template is not valid", f"{OWN}.en.md.j2:3:6"),
    Case("own-template-zh-missing", {**own_template("Text.\n"), f"{OWN}.zh.md.j2": None},
         "there is no cover-note template `mine` in zh", TEMPLATE_LINE),
]

PO = "locales/zh/LC_MESSAGES/content.po"


def po_file(folder: Path, out: Path) -> None:
    (folder / PO).parent.mkdir(parents=True, exist_ok=True)


def at_catalog(make):
    """A setup putting `make(name)`'s object at the Chinese catalog's place."""
    return lambda folder, out: (po_file(folder, out), make(PO)(folder, out))


def outside_locales(folder: Path) -> Path:
    """A `locales/` folder with a Chinese catalog, beside the document folder."""
    catalog = folder.parent / "elsewhere" / PO
    catalog.parent.mkdir(parents=True, exist_ok=True)
    catalog.write_text("", encoding="utf-8")
    return catalog.parents[2]


CATALOG_PLACES = [  # what stands where a catalog goes is never taken for "no catalog" (the source printed silently)
    Case("catalog-directory", {}, "the zh catalog is a folder, not a file", PO, setup=at_catalog(directory)),
    Case("catalog-fifo", {}, "the zh catalog is not a regular file", PO, setup=at_catalog(fifo), timeout=HANG),
    Case("catalog-socket", {}, "the zh catalog is not a regular file", PO, setup=at_catalog(unix_socket)),
    Case("catalog-linked-out", {}, "the zh catalog leaves the document folder", PO,
         setup=lambda folder, out: (po_file(folder, out), link(PO, lambda f: outside(f, "content.po", ""))(folder, out))),
    Case("catalog-dangling-link", {}, "the zh catalog is a link that leads nowhere", PO,
         setup=lambda folder, out: (po_file(folder, out), link(PO, lambda f: "gone.po")(folder, out))),
    Case("catalog-folder-linked-out", {}, "the zh catalog leaves the document folder", PO,
         setup=link("locales", lambda folder: outside_locales(folder))),
    Case("catalog-place-on-stats", {}, "the zh catalog is a folder", PO, setup=at_catalog(directory),
         command=("i18n", "stats", "{doc}")),
]

FRAME = "templates/cover-notes/information.en.md.j2"  # shadows the toolkit's frame of the same name


def in_own_templates(kind: str, make):
    """A setup making the document's own `templates/<kind>/` and then `make(folder, out)`."""
    return lambda folder, out: ((folder / "templates" / kind).mkdir(parents=True, exist_ok=True), make(folder, out))


SHADOWS = [  # something at the place of the toolkit's own frame or theme is refused, never skipped for the toolkit's
    Case("frame-linked-out", {}, "this cover-note frame is not a regular file inside", FRAME,
         setup=in_own_templates("cover-notes", link(FRAME, lambda f: outside(f, "frame.md.j2", "Text.\n")))),
    Case("frame-dangling", {}, "this cover-note frame is not a regular file", FRAME,
         setup=in_own_templates("cover-notes", link(FRAME, lambda f: "gone.md.j2"))),
    Case("frame-directory", {}, "this cover-note frame is not a regular file", FRAME,
         setup=in_own_templates("cover-notes", directory(FRAME))),
    Case("frame-fifo", {}, "this cover-note frame is not a regular file", FRAME, timeout=HANG,
         setup=in_own_templates("cover-notes", fifo(FRAME))),
    Case("default-theme-directory", {}, "this theme is not a regular file", "templates/themes/default.yaml",
         setup=in_own_templates("themes", directory("templates/themes/default.yaml"))),
]

CASES = THEMES + TEMPLATES + FILES + TOO_LONG + PARTS + OWN_TEMPLATES + CATALOG_PLACES + SHADOWS


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)


def test_a_link_inside_the_folder_is_followed(make_doc):
    from ccdocs.sources.spec import read_spec

    folder = make_doc()
    (folder / "content" / "body.md").write_text("Text.\n", encoding="utf-8")
    (folder / "content" / "report.md").unlink()
    (folder / "content" / "report.md").symlink_to("body.md")
    assert read_spec(folder).parts[1].files == (folder / "content" / "report.md",)


def test_a_theme_name_reaches_the_toolkit_theme(make_doc):
    from ccdocs.sources.spec import read_spec

    assert read_spec(make_doc({DOC: MINIMAL + "theme: default\n"})).theme == "default"


def test_annexes_may_be_many(make_doc):
    from ccdocs.sources.spec import read_spec

    folder = make_doc({**parts("  - {type: annex, files: [content/b.md]}"), "content/b.md": "# B\n\nText.\n"})
    assert [part.index for part in read_spec(folder).parts] == [0, 0, 1, 2]


def test_case_ids_are_unique():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
