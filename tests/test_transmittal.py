"""Transmittals: a paper whose `type: document` part carries another document folder whole after its own parts.

The sample `fixtures/wo-pbc-40-inf-1` is the Program and Budget Committee's copy of the Annual Report on Human
Resources: a one-paragraph cover note, `[Document WO/CC/86/INF/1 follows]`, then the whole of
`fixtures/wo-cc-86-inf-1` with its own cover, running headers, page numbers, annex and footnotes. Its pages are
read from the built PDF and from LibreOffice's rendering of the built DOCX, and the attached document's pages are
compared with those of WO/CC/86/INF/1 built alone.
"""

from __future__ import annotations


import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from ccdocs.model.dump import to_json, to_text
from ccdocs.pipeline import read_sources, resolve
from conftest import CATALOG as ZH, DOCS, MINIMAL, REPORT, translated_as_written
from pdfpages import read_pages, squeeze
from refusals import Case, write_files

LANGS = ("en", "zh")
SYMBOL = "WO/CC/86/INF/1"


@pytest.fixture(scope="module")
def dumps():
    """`ccdocs dump --json` of the transmittal, by language."""
    sources = read_sources(DOCS["pbc"])
    return {lang: to_json(resolve(sources, lang)) for lang in LANGS}


@pytest.fixture(scope="module")
def pages(built, office):
    """A function `pages(key, lang, how) -> [Page]`: the built PDF (`pdf`), or the built DOCX as LibreOffice
    renders it (`docx`), of the transmittal (`pbc`) or of WO/CC/86/INF/1 alone (`86`); all DOCX converted at once."""
    rendered = office("pbc", "86")
    cache: dict = {}

    def get(key: str, lang: str, how: str):
        if (key, lang, how) not in cache:
            path = built(key, lang, "pdf") if how == "pdf" else rendered[(key, lang)]
            cache[(key, lang, how)] = read_pages(path)
        return cache[(key, lang, how)]

    return get


def texts(pages) -> list[str]:
    return [page.squeezed for page in pages]


@pytest.mark.parametrize("how", ["pdf", "docx"])
@pytest.mark.parametrize("lang", LANGS)
def test_page_one_is_the_transmittals_cover_and_note_ending_with_the_marker(pages, dumps, lang, how):
    meta, attached = dumps[lang]["meta"], dumps[lang]["attached"][0]["meta"]
    first = pages("pbc", lang, how)[0]
    for field in ("symbol", "original", "date", "body", "session", "place_dates", "title", "author"):
        assert squeeze(meta[field]) in first.squeezed, field
    marker = {"en": f"[Document {SYMBOL} follows]", "zh": f"[后接文件{SYMBOL}]"}[lang]
    assert first.squeezed.endswith(squeeze(marker))
    assert squeeze(attached["date"]) not in first.squeezed     # nothing of the attached document yet


@pytest.mark.parametrize("how", ["pdf", "docx"])
@pytest.mark.parametrize("lang", LANGS)
def test_page_two_is_the_attached_documents_cover_without_header(pages, dumps, lang, how):
    data = dumps[lang]["attached"][0]
    attached, report = data["meta"], next(p for p in data["parts"] if p["kind"] == "report")
    second = pages("pbc", lang, how)[1]
    assert any(line.strip() == attached["language_letter"] for line in second.lines)
    assert second.squeezed.count(SYMBOL) == 1                  # on the cover block, no running header above it
    assert squeeze(report["header"].replace("{page}", "1")) not in second.squeezed
    for field in ("symbol", "original", "date", "body", "session", "place_dates", "title", "author"):
        assert squeeze(attached[field]) in second.squeezed, field
    assert dumps[lang]["meta"]["symbol"] not in second.squeezed


@pytest.mark.parametrize("how", ["pdf", "docx"])
@pytest.mark.parametrize("lang", LANGS)
def test_attached_pages_run_under_its_own_headers_restarting_at_page_two(pages, dumps, lang, how):
    data = dumps[lang]["attached"][0]
    report = next(p for p in data["parts"] if p["kind"] == "report")
    annex = next(p for p in data["parts"] if p["kind"] == "annex")
    later = pages("pbc", lang, how)[2:]
    headers = [page.header for page in later]
    assert all(header[0] == SYMBOL for header in headers)
    assert headers[0] == [SYMBOL, squeeze(report["header"].replace("{page}", "2"))]
    start = next(i for i, header in enumerate(headers) if header[1] == squeeze(annex["first_header"]))
    body = [squeeze(report["header"].replace("{page}", str(n))) for n in range(2, start + 2)]
    assert [header[1] for header in headers[:start]] == body
    annexed = [squeeze(annex["header"].replace("{page}", str(n))) for n in range(2, len(headers) - start + 1)]
    assert [header[1] for header in headers[start + 1:]] == annexed
    assert squeeze(annex["header"].replace("{page}", "2")) in {squeeze("Annex, page 2"), "附件第2页"}


@pytest.mark.parametrize("how", ["pdf", "docx"])
@pytest.mark.parametrize("lang", LANGS)
def test_attached_pages_are_the_documents_own_pages(pages, lang, how):
    """Cover, paragraphs, footnotes numbered as in itself, tables, annex: page for page as built alone."""
    alone, carried = texts(pages("86", lang, how)), texts(pages("pbc", lang, how))[1:]
    assert carried == alone


@pytest.mark.parametrize("lang", LANGS)
def test_docx_opens_the_attached_document_in_its_own_section_numbered_from_one(built, lang):
    document = open_docx(built("pbc", lang, "docx"))
    cover = document.sections[1]
    assert cover.different_first_page_header_footer
    number = cover._sectPr.find(qn("w:pgNumType"))
    assert number is not None and number.get(qn("w:start")) == "1"
    assert not "".join(p.text for p in cover.first_page_header.paragraphs).strip()
    assert cover.header.paragraphs[0].text == SYMBOL
    assert document.sections[0].header.paragraphs[0].text == "WO/PBC/40/INF/1"


def test_dump_shows_the_attached_document_whole(dumps):
    data = dumps["en"]
    assert [b["text"] for b in data["blocks"]][-1] == f"[Document {SYMBOL} follows]"
    alone = to_json(resolve(read_sources(DOCS["86"]), "en"))
    assert data["attached"] == [alone]
    text = to_text(resolve(read_sources(DOCS["pbc"]), "en"))
    assert f"== attached document {SYMBOL}" in text and "[End of Annex and of document]" in text


# -- refusals -------------------------------------------------------------------------------------------------

TRANSMITTAL = MINIMAL.split("tables:\n")[0].replace("""\
parts:
  - {type: cover-note, template: information}
  - {type: report, files: [content/report.md]}
  - {type: annex, files: [content/annex.md]}
""", """\
parts:
  - {type: cover-note, files: [content/note.md]}
  - {type: document, folder: FOLDER}
""")
NOTE = "The Secretariat transmits the document that follows.\n"
NOTE_ZH = {NOTE.strip(): "秘书处转交后附文件。"}  # its translation (the glossary's 秘书处), the rest as written
OTHER = {"document.yaml": MINIMAL.replace("WO/CC/86/INF/1", "WO/CC/86/INF/2"), "content/report.md": REPORT,
         "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
         "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
         "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n"}


def transmittal(folder: str, **extra) -> dict:
    return {"document.yaml": TRANSMITTAL.replace("FOLDER", folder), "content/note.md": NOTE,
            "content/report.md": None, "content/annex.md": None, **extra}


def other(changes: dict | None = None):
    """A setup writing the attached document `other` beside the transmittal, with `changes` to its files."""

    def setup(folder, out):
        files = {**OTHER, **(changes or {})}
        write_files(folder.parent / "other", files)
        if ZH not in files:  # each document its zh catalog, translating its text as written (conftest.write_doc)
            translated_as_written(folder.parent / "other")
        if not (folder / ZH).exists():  # the transmittal's, made once the document it attaches can be read
            translated_as_written(folder, translations=NOTE_ZH)

    return setup


CATALOG = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh\\n"\n'


def chain(length: int):
    """A setup writing documents a1 … a`length` beside the transmittal, each attaching the next."""

    def setup(folder, out):
        for n in range(1, length + 1):
            files = {**OTHER, "document.yaml": OTHER["document.yaml"].replace("INF/2", f"INF/{n + 2}")}
            if n < length:
                files["document.yaml"] = TRANSMITTAL.replace("FOLDER", f"../a{n + 1}").replace("INF/1", f"INF/{n + 2}")
                files["content/note.md"] = NOTE
            write_files(folder.parent / f"a{n}", files)
        for n in range(length, 0, -1):  # each catalog once the documents it attaches can be read
            translated_as_written(folder.parent / f"a{n}", translations=NOTE_ZH)
        translated_as_written(folder, translations=NOTE_ZH)

    return setup


def outside(folder, out):
    other()(folder, out)
    (folder / "link").symlink_to(folder.parent.parent)


CASES = [
    Case("escape", transmittal("../../other"), "leaves the documents repository", "document.yaml:14",
         setup=other()),
    Case("absolute", transmittal("/tmp"), "is an absolute path", "document.yaml:14"),
    Case("link-out", transmittal("link"), "leaves the documents repository", "document.yaml:14", setup=outside),
    Case("itself", transmittal("."), "cannot attach itself", "document.yaml:14"),
    Case("missing", transmittal("../nowhere"), "document folder `../nowhere` does not exist", "document.yaml:14"),
    Case("not-a-document", transmittal("content"), "holds no document.yaml", "document.yaml:14"),
    Case("cycle", transmittal("../other"), "makes a cycle", "other/document.yaml:", setup=other({
        "document.yaml": OTHER["document.yaml"].split("parts:")[0]
        + "parts:\n  - {type: cover-note, files: [content/report.md]}\n  - {type: document, folder: ../doc}\n"
        + "data:" + OTHER["document.yaml"].split("data:")[1].split("tables:")[0]})),
    Case("language", transmittal("../other"), "is not built in `zh`", "document.yaml:14", setup=other({
        "document.yaml": OTHER["document.yaml"].replace("languages: [en, zh]", "languages: [en]")})),
    Case("own-problem", transmittal("../other"), "nothing", "other/content/report.md:5", setup=other({
        "content/report.md": REPORT.replace("Second paragraph.", "{{ nothing }}")})),
    Case("own-yaml", transmittal("../other"), "is not a date", "other/document.yaml:7", setup=other({
        "document.yaml": OTHER["document.yaml"].replace("date: 2026-05-21", "date: 2026-05-32")})),
    Case("own-catalog", transmittal("../other"), "untranslated", "other/locales/zh/LC_MESSAGES/content.po:",
         setup=other({"locales/zh/LC_MESSAGES/content.po": CATALOG})),
    Case("too-deep", transmittal("../a1"), "more than 4 deep", "a4/document.yaml:14", setup=chain(5)),
    Case("no-leak", transmittal("../other", **{"content/note.md": "We count {{ applicants.africa.applied }}.\n",
                                                "document.yaml": TRANSMITTAL.replace("FOLDER", "../other").split(
                                                    "data:")[0] + "variables: {period_start: 2025-01-01}\n"}),
         "`applicants`", "doc/content/note.md:1", setup=other()),
    Case("no-leak-in", transmittal("../other", **{"document.yaml": TRANSMITTAL.replace("FOLDER", "../other").replace(
        "variables: {", "variables: {only_here: 3, ")}), "only_here", "other/content/report.md:5", setup=other({
            "content/report.md": REPORT.replace("Second paragraph.", "We add {{ only_here }}.")})),
    Case("not-last", {"document.yaml": TRANSMITTAL.replace("FOLDER", "../other").replace(
        "  - {type: cover-note, files: [content/note.md]}\n  - {type: document, folder: ../other}\n",
        "  - {type: document, folder: ../other}\n  - {type: cover-note, files: [content/note.md]}\n"),
        "content/note.md": NOTE}, "comes after every part", "document.yaml:13", setup=other()),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_refused(refuse, case):
    refuse(case)


def test_a_cover_note_and_a_document_attaching_another_make_a_paper(make_doc, tmp_path):
    """Two levels: the transmittal, a1 (a transmittal itself), a2; in both formats, each under its own symbol."""
    from ccdocs.build import build

    folder = make_doc(transmittal("../a1"))
    chain(2)(folder, None)
    made = {p.suffix: p for p in build([folder], tmp_path / "out", ["en"], ("docx", "pdf"), workers=1)}
    pdf = read_pages(made[".pdf"])
    covers = [page.number for page in pdf if any(line.strip() == "E" for line in page.lines)]
    assert covers == [1, 2, 3]
    assert [page.header for page in pdf[3:5]] == [["WO/CC/86/INF/4", "page2"], ["WO/CC/86/INF/4", "Annex"]]
    sections = open_docx(made[".docx"]).sections
    assert [s.header.paragraphs[0].text for s in sections][:3] == ["WO/CC/86/INF/1", "WO/CC/86/INF/3",
                                                                   "WO/CC/86/INF/4"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_attached_footnotes_keep_their_own_numbers_after_the_transmittals_own(make_doc, tmp_path, fmt):
    """The transmittal's report has footnote 1; the attached document's first numbered note still prints `1`."""
    from ccdocs.build import build
    from ccdocs.testing.snapshot import snapshot

    yaml = TRANSMITTAL.replace("FOLDER", "../other").replace(
        "  - {type: document", "  - {type: report, files: [content/own.md]}\n  - {type: document")
    folder = make_doc(transmittal("../other", **{"document.yaml": yaml,
                                                 "content/own.md": "Our own text.[^own]\n\n[^own]: Our own note.\n"}))
    other()(folder, None)
    made = build([folder], tmp_path / "out", ["en"], (fmt,), workers=1)
    lines = [line.strip() for line in snapshot(made[0]).splitlines()]
    own, theirs = ("1\tOur own note.", "1\tAs at December 31, 2025.")
    if fmt == "docx":   # the note's mark, then (a mark Word does not count: a custom mark) the mark it prints
        assert own in lines and (theirs in lines or "1\t" + theirs in lines)
        assert "[Numbered Paragraph] 1.\tWe count 1,735 staff.^[1]" in lines
    else:
        assert own in lines and theirs in lines and "1.\tWe count 1,735 staff.1" in lines


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_outline_names_the_attached_document_by_its_symbol(built, lang):
    from pypdf import PdfReader

    reader = PdfReader(built("pbc", lang, "pdf"))
    top = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline
           if not isinstance(item, list)]
    title = {"en": "Annual Report on Human Resources", "zh": "人力资源年度报告"}[lang]
    assert top[:2] == [(title, 1), (f"{SYMBOL} {title}", 2)]


def _notes(folder, *options) -> list[str]:
    """The notes and warnings `ccdocs build FOLDER --lang zh` prints, run from beside the folder."""
    from conftest import run_ccdocs

    result = run_ccdocs("build", folder.name, "--lang", "zh", "--format", "pdf", "--out", "out", *options,
                        cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if "note:" in line or "warning:" in line]


@pytest.mark.parametrize("draft", [(), ("--draft",)], ids=["final", "draft"])
def test_the_attached_documents_notes_are_told_as_when_it_is_built_alone(make_doc, draft):
    """An attached document with a TO CONFIRM mark (final: translated), then (a draft) with no zh catalog and with
    one whose segments are untranslated: the transmittal's build tells every note and warning the attached
    document's build tells."""
    folder = make_doc(transmittal("../other"))
    other({"document.yaml": OTHER["document.yaml"].replace("venue: Geneva", "venue: Geneva  # TO CONFIRM")})(
        folder, None)
    for catalog in ({ZH: None}, {ZH: CATALOG}) if draft else ({},):  # none, empty; translated (final)
        write_files(folder.parent / "other", catalog)
        alone = _notes(folder.parent / "other", *draft)
        assert any("TO CONFIRM" in line for line in alone)
        said = "draft of other in zh: no zh catalog" if catalog == {ZH: None} else "draft of other in zh"
        assert not draft or any(said in line for line in alone), alone
        together = _notes(folder, *draft)
        assert [line for line in alone if line not in together] == []


def test_stats_count_the_attached_documents_catalog_and_the_refusal_names_the_transmittal(make_doc):
    """A final build refuses the attached document's unfinished catalog: `i18n stats` of the transmittal says so
    (exit 1), and the build's hint drafts the transmittal while the review is of the attached folder."""
    from conftest import ccdocs_here

    folder = make_doc(transmittal("../other"))
    other({"locales/zh/LC_MESSAGES/content.po": CATALOG})(folder, None)
    stats = ccdocs_here("i18n", "stats", "doc", cwd=folder.parent)
    assert stats.returncode == 1
    assert "WO/CC/86/INF/2 (other), attached" in stats.stdout
    assert "zh: 0 translated" in stats.stdout.split("WO/CC/86/INF/2")[1]
    assert "a final build would refuse it" in stats.stdout.split("WO/CC/86/INF/2")[1]
    built = ccdocs_here("check", "doc", cwd=folder.parent)
    assert built.returncode == 1
    assert "`ccdocs build doc --draft`" in built.stderr
    assert "`ccdocs i18n review other --lang zh" in built.stderr


def test_the_folders_a_paper_may_attach_do_not_depend_on_the_working_folder(make_doc, tmp_path):
    """Without a repository (`.git`) the paper's parent folder bounds what it attaches: `../../other` is refused
    alike from the folder holding both papers, from the paper's parent folder and from `/`; `../other` passes."""
    from conftest import run_ccdocs

    paper = make_doc(transmittal("../../other"))
    nested = tmp_path / "a" / "doc"
    nested.parent.mkdir()
    paper.rename(nested)
    other()(tmp_path / "x", None)   # writes tmp_path/other
    for cwd in (tmp_path, nested.parent, "/"):
        result = run_ccdocs("check", nested, cwd=cwd)
        assert result.returncode == 1 and "leaves the documents repository" in result.stderr, cwd
    write_files(nested.parent, {"other/" + name: text for name, text in OTHER.items()})
    write_files(nested, {"document.yaml": TRANSMITTAL.replace("FOLDER", "../other")})
    translated_as_written(nested.parent / "other")
    translated_as_written(nested, translations=NOTE_ZH)
    for cwd in (tmp_path, "/"):
        result = run_ccdocs("check", nested, cwd=cwd)
        assert result.returncode == 0, result.stderr


def test_a_problem_of_the_attached_papers_translation_is_told_at_its_catalog_line(tmp_path):
    """review-12 R9: a character no face holds in the attached paper's zh msgstr was told, in the transmittal's
    build, at the English content file's line, where nothing is wrong (built alone, at its msgstr). Each attached
    document's translated lines are read through its own catalog."""
    import shutil

    from ccdocs.build import build
    from ccdocs.errors import InputError

    paper, note = tmp_path / "e", tmp_path / "t1"
    shutil.copytree(DOCS["86"], paper, ignore=shutil.ignore_patterns("expected"))
    shutil.copytree(DOCS["pbc"], note, ignore=shutil.ignore_patterns("expected"))
    po = paper / "locales/zh/LC_MESSAGES/content.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith('msgstr "本报告涉及'))
    lines[at] = lines[at].replace('msgstr "', 'msgstr "\u2603', 1)
    po.write_text("\n".join(lines), encoding="utf-8")
    spec = note / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(f"folder: ../{DOCS['86'].name}", "folder: ../e"),
                    encoding="utf-8")
    for folder in (paper, note):   # alone, then attached: told at the same msgstr line
        with pytest.raises(InputError) as caught:
            build([folder], tmp_path / "out", ("zh",), ("pdf",), write=False)
        told, = caught.value.problems
        assert (told.path.endswith("e/locales/zh/LC_MESSAGES/content.po"), told.line) == (True, at + 1), told
        assert "U+2603" in told.message and told.message.startswith("translation of "), told
