"""The command line and the environment: empty values, odd file-system objects, a malformed SOURCE_DATE_EPOCH,
damaged font files and cache entries, damaged DOCX and PDF files given to `snapshot` and `diff`.

Exit codes: 2 for what the command was given (an option, DOC_DIR, a variable, a file to snapshot or diff: as
diff(1), `ccdocs diff` keeps 1 for "they differ"); 1 for a font file the build cannot embed, as for any input.
"""

from __future__ import annotations

import io
import os
import socket
import zipfile
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from conftest import MINIMAL, REPORT
from refusals import SLUG, Case, run, seed_previous, state

EMPTY = "is empty"
BUILD = ("build", "{doc}", "--format", "json", "--out", "{out}")
DOCX = "{out}/en/" + SLUG + ".docx"


def fifo(name: str):
    def setup(folder: Path, out: Path) -> None:
        os.mkfifo(out / name)
    return setup


def unix_socket(name: str):
    def setup(folder: Path, out: Path) -> None:
        here = os.getcwd()
        os.chdir(out)
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(name)
        finally:
            os.chdir(here)
    return setup


def file(name: str, data: bytes):
    def setup(folder: Path, out: Path) -> None:
        (out / name).write_bytes(data)
    return setup


def linked(name: str, target: str):
    def setup(folder: Path, out: Path) -> None:
        (out / name).symlink_to(target)
    return setup


def folder(name: str):
    def setup(folder: Path, out: Path) -> None:
        (out / name).mkdir()
        (out / name / "kept.txt").write_text("kept\n")
    return setup


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, "A page of a real PDF.")
    page.showPage()
    page.save()
    return buffer.getvalue()


def zip_bytes(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return buffer.getvalue()


NOISE = bytes(range(256)) * 8


def zip_bomb() -> bytes:
    """A DOCX whose document.xml says it unpacks to 4 GB (its central directory's size field raised)."""
    data = bytearray(zip_bytes(**{"word/document.xml": "<a/>"}))
    entry = data.rindex(b"PK\x01\x02")
    data[entry + 24:entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    return bytes(data)

EMPTY_VALUES = [
    Case("lang-empty", {}, "--lang is empty", None, code=2, args=("--lang", "")),
    Case("lang-comma", {}, "--lang is empty", None, code=2, args=("--lang", ",")),
    Case("lang-blank-items", {}, "--lang is empty", None, code=2, args=("--lang", " , ")),
    Case("format-empty", {}, "--format is empty", None, code=2, args=("--format", "")),
    Case("format-commas", {}, "--format is empty", None, code=2, args=("--format", ",,")),
    Case("out-empty", {}, "--out is empty", None, code=2, command=("build", "{doc}", "--out", "")),
    Case("doc-dir-empty", {}, "DOC_DIR is empty", None, code=2, command=("build", "", "--out", "{out}")),
    Case("check-doc-dir-empty", {}, "DOC_DIR is empty", None, code=2, command=("check", "")),
    Case("dump-doc-dir-empty", {}, "DOC_DIR is empty", None, code=2, command=("dump", "", "--lang", "en")),
    # a language the document lacks: at the `languages:` line, as build says it (breaks-4 item 18)
    Case("dump-lang-not-listed", {}, "`fr` is not among the document's languages",
         f"document.yaml:{next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line.startswith('languages:'))}",
         command=("dump", "{doc}", "--lang", "fr")),
    Case("extract-doc-dir-empty", {}, "DOC_DIR is empty", None, code=2, command=("i18n", "extract", "")),
    Case("update-lang-empty", {}, "--lang is empty", None, code=2,
         command=("i18n", "update", "{doc}", "--lang", "")),
    Case("update-lang-comma", {}, "--lang is empty", None, code=2,
         command=("i18n", "update", "{doc}", "--lang", ",")),
    Case("review-o-empty", {}, "-o/--output is empty", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "")),
    Case("review-doc-dir-empty", {}, "DOC_DIR is empty", None, code=2,
         command=("i18n", "review", "", "--lang", "zh", "-o", "{out}/review.html")),
    # an -o whose suffix names another format than --format's: HTML in a .docx would open as a broken Word file
    Case("review-html-named-docx", {}, "review.docx as html: its name ends in .docx", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "--format", "html", "-o", "{out}/review.docx")),
    Case("review-docx-named-html", {}, "its name ends in .htm", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "--format", "docx", "-o", "{out}/review.htm")),
    Case("snapshot-o-empty", {}, "-o/--output is empty", None, code=2, command=("snapshot", DOCX, "-o", "")),
    Case("snapshot-file-empty", {}, "is not a .docx or .pdf file", None, code=2, command=("snapshot", "")),
    Case("snapshot-file-missing", {}, "nothing.docx does not exist", None, code=2,
         command=("snapshot", "{out}/nothing.docx")),
    Case("diff-files-empty", {}, "is not a file", None, code=2, command=("diff", "", "")),
]

ODD_FOLDERS = [
    Case("doc-dir-fifo", {}, "is not a document folder", "pipe", code=2, timeout=120, setup=fifo("pipe"),
         command=("build", "{out}/pipe", "--out", "{out}")),
    Case("check-doc-dir-fifo", {}, "is not a document folder", "pipe", code=2, timeout=120,
         setup=fifo("pipe"), command=("check", "{out}/pipe")),
    Case("doc-dir-socket", {}, "is not a document folder", "sock", code=2, setup=unix_socket("sock"),
         command=("build", "{out}/sock", "--out", "{out}")),
    Case("doc-dir-dev-null", {}, "is not a document folder", "/dev/null", code=2,
         command=("build", "/dev/null", "--out", "{out}")),
    Case("doc-dir-a-file", {}, "is not a document folder", "document.yaml", code=2,
         command=("check", "{doc}/document.yaml")),
    Case("extract-doc-dir-fifo", {}, "is not a document folder", "pipe", code=2, timeout=120,
         setup=fifo("pipe"), command=("i18n", "extract", "{out}/pipe")),
]

SOURCE_DATES = [
    Case(f"source-date-{name}", {}, "SOURCE_DATE_EPOCH", None, code=2, env={"SOURCE_DATE_EPOCH": value})
    for name, value in (("word", "yesterday"), ("negative", "-1"), ("fraction", "1767225600.5"),
                        ("huge", "9" * 30), ("5000-digits", "9" * 5000), ("past-9999", "253402300800"),
                        ("wide-digits", "１７６７"),
                        ("date", "2026-01-01"))
] + [
    Case("source-date-check", {}, "SOURCE_DATE_EPOCH", None, code=2, env={"SOURCE_DATE_EPOCH": "yesterday"},
         command=("check", "{doc}")),
    Case("source-date-extract", {}, "SOURCE_DATE_EPOCH", None, code=2, env={"SOURCE_DATE_EPOCH": "-5"},
         command=("i18n", "extract", "{doc}")),
    Case("source-date-update", {}, "SOURCE_DATE_EPOCH", None, code=2, env={"SOURCE_DATE_EPOCH": "1e9"},
         command=("i18n", "update", "{doc}", "--lang", "zh")),
]

DAMAGED_FILES = [
    Case("snapshot-docx-noise", {}, "is not a readable DOCX", "bad.docx", code=2,
         setup=file("bad.docx", NOISE), command=("snapshot", "{out}/bad.docx")),
    Case("snapshot-docx-empty", {}, "is not a readable DOCX", "bad.docx", code=2,
         setup=file("bad.docx", b""), command=("snapshot", "{out}/bad.docx")),
    Case("snapshot-docx-foreign-zip", {}, "without word/document.xml", "bad.docx", code=2,
         setup=file("bad.docx", zip_bytes(**{"hello.txt": "hi"})), command=("snapshot", "{out}/bad.docx")),
    Case("snapshot-docx-broken-xml", {}, "is not a readable DOCX", "bad.docx", code=2,
         setup=file("bad.docx", zip_bytes(**{"word/document.xml": "<w:document"})),
         command=("snapshot", "{out}/bad.docx")),
    Case("snapshot-docx-truncated", {}, "is not a readable DOCX", "bad.docx", code=2,
         setup=file("bad.docx", zip_bytes(**{"word/document.xml": "<a/>" * 500})[:300]),
         command=("snapshot", "{out}/bad.docx")),
    Case("snapshot-docx-zip-bomb", {}, "would unpack to", "bomb.docx", code=2,
         setup=file("bomb.docx", zip_bomb()), command=("snapshot", "{out}/bomb.docx")),
    Case("snapshot-pdf-truncated", {}, "is not a readable PDF", "bad.pdf", code=2,
         setup=file("bad.pdf", pdf_bytes()[:600]), command=("snapshot", "{out}/bad.pdf")),
    Case("snapshot-pdf-empty", {}, "is not a readable PDF", "bad.pdf", code=2,
         setup=file("bad.pdf", b""), command=("snapshot", "{out}/bad.pdf")),
    Case("snapshot-pdf-noise", {}, "is not a readable PDF", "bad.pdf", code=2,
         setup=file("bad.pdf", NOISE), command=("snapshot", "{out}/bad.pdf")),
    Case("snapshot-unreadable", {}, "is not a readable DOCX", "mem.docx", code=2,
         setup=linked("mem.docx", "/proc/self/mem"), command=("snapshot", "{out}/mem.docx")),
    Case("snapshot-a-folder", {}, "is not a .docx or .pdf file", None, code=2,
         setup=folder("dir.docx"), command=("snapshot", "{out}/dir.docx")),
    Case("snapshot-a-fifo", {}, "is not a .docx or .pdf file", None, code=2, timeout=120,
         setup=fifo("pipe.pdf"), command=("snapshot", "{out}/pipe.pdf")),
    Case("snapshot-dev-null", {}, "is not a .docx or .pdf file", None, code=2, command=("snapshot", "/dev/null")),
    Case("diff-docx-noise", {}, "is not a readable DOCX", "bad.docx", code=2,
         setup=file("bad.docx", NOISE), command=("diff", "{out}/bad.docx", "{out}/en/" + SLUG + ".json")),
    Case("diff-pdf-truncated", {}, "is not a readable PDF", "bad.pdf", code=2,
         setup=file("bad.pdf", pdf_bytes()[:600]), command=("diff", "{out}/en/" + SLUG + ".json", "{out}/bad.pdf")),
    Case("diff-snapshot-not-utf8", {}, "is not a readable snapshot", "latin.txt", code=2,
         setup=file("latin.txt", "Café\n".encode("latin-1")), command=("diff", "{out}/latin.txt", "{out}/latin.txt")),
    Case("diff-a-fifo", {}, "is not a file", None, code=2, timeout=120, setup=fifo("pipe.txt"),
         command=("diff", "{out}/pipe.txt", "{out}/en/" + SLUG + ".json")),
    Case("diff-a-folder", {}, "is not a file", None, code=2, command=("diff", "{out}/en", "{out}/zh")),
]

WRITERS = [
    # `check` reaches the writers: a character no font holds is refused by check as by build.
    Case("glyph-no-font-holds", {"content/report.md": REPORT + "\nA smile \U0001F600 here.\n"},
         "U+1F600", "content/report.md:13", args=("--format", "pdf")),
]

CASES = EMPTY_VALUES + ODD_FOLDERS + SOURCE_DATES + DAMAGED_FILES + WRITERS


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_an_odd_command_line_or_environment_is_refused(refuse, case):
    refuse(case)


# A font file named by the environment: refused naming the variable and the file, by check as by build, before any
# work, as a usage error (exit 2, as a malformed SOURCE_DATE_EPOCH: it was blamed on the package's theme file, exit 1).

def real_font_of(role: str, lang: str = "en") -> Path:
    from ccdocs.l10n.fonts import FontResolver
    from ccdocs.theme import load_theme

    return FontResolver(load_theme("default")).resolve(role, lang).path


def real_font() -> Path:
    return real_font_of("zh_body", "zh")


FONTS = {
    "truncated": lambda path: path.write_bytes(real_font().read_bytes()[:4096]),
    "header-only": lambda path: path.write_bytes(b"\x00\x01\x00\x00\x00\x09"),
    "collection-header-only": lambda path: path.write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x05"),
    "text": lambda path: path.write_text("not a font\n"),
    "empty": lambda path: path.write_bytes(b""),
    "folder": lambda path: path.mkdir(),
    "fifo": os.mkfifo,
    "unreadable": lambda path: path.symlink_to("/proc/self/mem"),  # reading fails (EIO), even for root
    "missing": lambda path: None,
}


@pytest.mark.parametrize("kind", list(FONTS))
def test_a_damaged_font_named_by_the_environment_is_refused_naming_the_variable(refuse, tmp_path, kind):
    path = tmp_path / "fonts" / "song.ttf"
    path.parent.mkdir()
    FONTS[kind](path)
    output = refuse(Case(f"font-{kind}", {}, f"ccdocs: error: CCDOCS_FONT_ZH_BODY={path}: ", None, code=2,
                         args=("--format", "pdf"), env={"CCDOCS_FONT_ZH_BODY": str(path)},
                         timeout=300 if kind == "fifo" else None))
    assert "song.ttf" in output and "themes" not in output


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_font_named_by_the_environment_may_not_be_a_device(refuse, device):
    refuse(Case(f"font-{device}", {}, f"ccdocs: error: CCDOCS_FONT_LATIN_REGULAR={device}: ", None, code=2,
                args=("--format", "pdf"), env={"CCDOCS_FONT_LATIN_REGULAR": device}))


@pytest.mark.parametrize("suffix, told", [("#5", "the file holds one face, there is no face 5"),
                                          ("#-1", "does not exist")])
def test_a_face_a_font_file_does_not_hold_is_refused(refuse, suffix, told):
    """`DejaVuSans.ttf#5`: a .ttf holds one face; the index was ignored (`#-1` too) and face 0 used silently."""
    refuse(Case(f"font-face{suffix}", {}, told, None, code=2, args=("--format", "docx"),
                env={"CCDOCS_FONT_LATIN_REGULAR": f"{real_font_of('latin_regular')}{suffix}"}))


def test_a_font_variable_naming_no_role_is_refused(refuse):
    """A misspelt role (`REGULER`) was ignored: the face it meant to give was silently not used."""
    refuse(Case("font-no-role", {}, "CCDOCS_FONT_LATIN_REGULER names no font role", None, code=2,
                env={"CCDOCS_FONT_LATIN_REGULER": str(real_font_of("latin_regular"))}))


# The cache degrades to no cache: never a failed build, never different bytes.

def built_pdfs(folder: Path, out: Path, cache: str) -> dict:
    code, text, _ = run(["build", str(folder), "--format", "pdf", "--out", str(out)],
                        {"CCDOCS_CACHE": cache, "SOURCE_DATE_EPOCH": "1767225600"}, timeout=600)
    assert code == 0, text
    return state(out)


@pytest.mark.parametrize("where", ["a-file", "below-a-file", "unwritable"])
def test_a_cache_that_cannot_be_used_is_no_cache(make_doc, tmp_path, where):
    folder = make_doc()
    blocker = tmp_path / "blocker"
    blocker.write_text("a file\n")
    cache = {"a-file": blocker, "below-a-file": blocker / "cache", "unwritable": Path("/proc/ccdocs-cache")}[where]
    plain = built_pdfs(folder, tmp_path / "a", str(tmp_path / "cache"))
    odd = built_pdfs(folder, tmp_path / "b", str(cache))
    assert list(plain.values()) == list(odd.values())
    assert blocker.read_text() == "a file\n"


@pytest.mark.parametrize("damage", ["truncated", "noise", "empty"])
def test_a_damaged_cache_entry_is_ignored(make_doc, tmp_path, damage):
    folder, cache = make_doc(), tmp_path / "cache"
    first = built_pdfs(folder, tmp_path / "a", str(cache))
    entries = [p for p in cache.iterdir() if p.is_file()]
    assert entries, "the build kept nothing in the cache"
    for entry in entries:
        data = entry.read_bytes()
        entry.write_bytes({"truncated": data[: len(data) // 2], "noise": NOISE, "empty": b""}[damage])
    assert list(built_pdfs(folder, tmp_path / "b", str(cache)).values()) == list(first.values())


def test_a_cache_entry_that_is_a_fifo_does_not_hang_the_build(make_doc, tmp_path):
    folder, cache = make_doc(), tmp_path / "cache"
    first = built_pdfs(folder, tmp_path / "a", str(cache))
    for entry in [p for p in cache.iterdir() if p.is_file()]:
        entry.unlink()
        os.mkfifo(entry)
    out = tmp_path / "b"
    seed_previous(out)
    code, text, _ = run(["build", str(folder), "--format", "pdf", "--out", str(out)],
                        {"CCDOCS_CACHE": str(cache), "SOURCE_DATE_EPOCH": "1767225600"}, timeout=300)
    assert code == 0, text
    assert [state(out)[p] for p in sorted(state(out)) if p.suffix == ".pdf"] == list(first.values())
