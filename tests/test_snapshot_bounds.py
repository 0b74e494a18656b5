"""`ccdocs snapshot` and `ccdocs diff` read received files: what reading one may cost is bounded before it is paid.

A DOCX part is refused by the size its zip declares and, read with a cap, by the size it really unpacks to; a
DOCX of too many parts is refused; expat counts the elements of every part read (and their depth) before lxml
parses it, within its limits, and what either refuses is said naming the part. A PDF of more pages than a reading
can read is refused before pdfplumber makes its pages. Whatever a reader does (pdfminer interpreting a
page stream of millions of path operators), it does it in a forked process the kernel stops beyond a CPU and an
address-space budget, killed beyond a wall budget: `FILE is not a readable PDF (…); give a file ccdocs or Word
wrote, whole`, exit 2, as for any file not readable.
"""

from __future__ import annotations

import io
import resource
import time
import zipfile
import zlib

import pytest
from lxml import etree

from ccdocs.testing import docx_snapshot as docx_module, snapshot as module
from ccdocs.testing.snapshot import BUDGET, Budget
from refusals import Case, made_later


def put(name: str, data):
    """A case's setup writing `data` (bytes, or a function giving them: `made_later`) to `out/name`."""
    def setup(folder, out) -> None:
        (out / name).write_bytes(data() if callable(data) else data)
    return setup


def docx_with(document: bytes, extra: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", document)
        for n in range(extra):
            package.writestr(f"word/media/image{n}.png", b"")
    return buffer.getvalue()


def pdf_with_page(content: bytes) -> bytes:
    """A one-page PDF whose content stream is `content`, FlateDecode."""
    stream = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
# word/document.xml of 65 MB (a comment before the body): 64 KB zipped, the real bound's refusal made cheaply
BIG_PART = made_later(lambda: docx_with(W + b"<!--" + b"x" * (65 * 2**20) + b"--><w:body/></w:document>"))
# 1,000,000 path operators on one page (6 MB inflated, 12 KB in the file): pdfminer takes minutes
OPERATORS = made_later(lambda: pdf_with_page(b"0 0 m\n" * 1_000_000))


@pytest.mark.parametrize("case", [
    Case("snapshot-docx-part-too-big", {}, "its part word/document.xml unpacks to more than the 64 MB", "big.docx",
         code=2, setup=put("big.docx", BIG_PART), command=("snapshot", "{out}/big.docx")),
    Case("diff-docx-part-too-big", {}, "its part word/document.xml unpacks to more than the 64 MB", "big.docx",
         code=2, setup=put("big.docx", BIG_PART), command=("diff", "{out}/big.docx", "{out}/big.docx")),
    Case("snapshot-docx-too-many-parts", {}, "it holds 1002 parts, more than the 1000", "parts.docx", code=2,
         setup=put("parts.docx", docx_with(W + b"<w:body/></w:document>", extra=1001)),
         command=("snapshot", "{out}/parts.docx")),
    Case("snapshot-docx-deep-xml", {}, "its part word/document.xml nests XML elements more than 256 deep at its "
         "line 1", "deep.docx", code=2,
         setup=put("deep.docx", made_later(lambda: docx_with(W + b"<w:body>" + b"<a>" * 300_000 + b"</a>" * 300_000
                                                             + b"</w:body></w:document>"))),
         command=("snapshot", "{out}/deep.docx")),
], ids=lambda case: case.id)
def test_a_docx_too_big_to_be_a_document_is_refused_before_it_is_unpacked(refuse, case):
    refuse(case)


def test_a_pdf_page_inflating_beyond_16_mb_is_refused_before_it_is_read(refuse):
    """The real bound, cheaply: 17 MB of path operators (17 KB in the file; the densest page ccdocs makes holds
    17 KB inflated) refused at once, before pdfminer interprets them."""
    refuse(Case("snapshot-pdf-page-bomb", {}, "the content of its page 1 inflates to more than the 16 MB", "bomb.pdf",
                code=2, setup=put("bomb.pdf", pdf_with_page(b"0 0 m\n" * (17 * 2**20 // 6))),
                command=("snapshot", "{out}/bomb.pdf")))


@pytest.mark.parametrize("command", [("snapshot", "{out}/ops.pdf"), ("diff", "{out}/ops.pdf", "{out}/ops.pdf")])
def test_a_pdf_whose_reading_exceeds_the_cpu_budget_is_refused(refuse, monkeypatch, command):
    """The CPU budget made 1 s for the test (the real one is tested below: the child's limits are BUDGET's)."""
    monkeypatch.setattr(module, "BUDGET", Budget(cpu=1, memory=BUDGET.memory, wall=60))
    refuse(Case(f"{command[0]}-pdf-operators", {}, "reading it takes more than 1 s of CPU", "ops.pdf", code=2,
                setup=put("ops.pdf", OPERATORS), command=command))


def limits(data: bytes) -> str:
    """A reader telling the limits it runs under: CPU seconds and address space."""
    return f"{resource.getrlimit(resource.RLIMIT_CPU)[0]} {resource.getrlimit(resource.RLIMIT_AS)[0]}"


def test_the_reader_runs_under_the_real_budget():
    done, said = module._within(limits, b"", BUDGET)
    cpu, space = map(int, said.split())
    assert done and cpu == BUDGET.cpu == 150
    held = module._address_space()
    assert BUDGET.memory == 512 * 2**20 and held < space - BUDGET.memory + 64 * 2**20 and space > BUDGET.memory


def sleeper(data: bytes) -> str:
    time.sleep(30)
    return "woke"


def glutton(data: bytes) -> str:
    return str(len(bytearray(200 * 2**20)))


def test_a_reader_is_killed_beyond_the_wall_budget_and_stopped_beyond_the_memory_budget():
    started = time.monotonic()
    assert module._within(sleeper, b"", Budget(cpu=10, memory=BUDGET.memory, wall=1)) == (
        False, "reading it takes more than 1 s, more than any document needs")
    assert time.monotonic() - started < 20
    assert module._within(glutton, b"", Budget(cpu=10, memory=50 * 2**20, wall=60)) == (
        False, "reading it needs more than 50 MB, more than any document needs")
    assert module._within(glutton, b"", BUDGET) == (True, str(200 * 2**20))


def test_a_docx_part_is_read_with_a_cap_whatever_its_zip_declares(monkeypatch):
    """The declared size lowered below the real one: zipfile reads no further than it declares, and its CRC
    check refuses the rest; the cap holds on the bytes read."""
    monkeypatch.setattr(docx_module, "PART_LIMIT", 1000)
    data = bytearray(docx_with(W + b"<w:body>" + b"<w:p/>" * 500 + b"</w:body></w:document>"))
    with pytest.raises(ValueError, match="unpacks to more than"):
        docx_module.docx_snapshot(bytes(data))
    for header in (data.index(b"PK\x03\x04"), data.rindex(b"PK\x01\x02")):  # local header, central directory
        at = header + (22 if header == data.index(b"PK\x03\x04") else 24)
        data[at:at + 4] = (10).to_bytes(4, "little")
    with pytest.raises(zipfile.BadZipFile, match="Bad CRC-32 for file 'word/document.xml'"):
        docx_module.docx_snapshot(bytes(data))  # 10 bytes read, not the 3,000 the part holds


# 1,000,001 empty paragraphs (6 MB unpacked, 9 KB in the file): within the part bound, they kept the reader busy for
# ~20 s (10 million: 150 s, or lxml's "unknown error" once the memory budget was reached)
PARAGRAPHS = made_later(lambda: docx_with(W + b"<w:body>" + b"<w:p/>" * (docx_module.ELEMENTS_LIMIT + 1)
                                          + b"</w:body></w:document>"))


@pytest.mark.parametrize("command", [("snapshot", "{out}/paragraphs.docx"),
                                     ("diff", "{out}/paragraphs.docx", "{out}/paragraphs.docx")])
def test_a_docx_of_more_elements_than_a_document_holds_is_refused_before_lxml_parses_it(refuse, command):
    refuse(Case(f"{command[0]}-docx-elements", {}, "paragraphs.docx is not a readable DOCX (reading its part "
                "word/document.xml goes past 1,000,000 XML elements at its line 1, far more than a document holds",
                "paragraphs.docx", code=2, setup=put("paragraphs.docx", PARAGRAPHS), command=command))


def test_the_element_survey_comes_before_lxml_and_counts_every_part_read(monkeypatch):
    """lxml is never handed a part beyond the bound; a header read once for each section that names it counts each
    time (20 sections naming one header of 5 elements: 100 elements from it alone)."""
    def no_lxml(name, data):
        raise AssertionError(f"lxml parsed {name}")

    with monkeypatch.context() as patch:
        patch.setattr(docx_module, "_xml", no_lxml)
        with pytest.raises(ValueError, match="goes past 1,000,000 XML elements"):
            docx_module.docx_snapshot(PARAGRAPHS())
    sections = b"".join(b'<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr></w:pPr>'
                        b"</w:p>" for _ in range(20))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", W.replace(b">", b' xmlns:r="http://schemas.openxmlformats.org/'
                                                          b'officeDocument/2006/relationships">', 1)
                         + b"<w:body>" + sections + b"</w:body></w:document>")
        package.writestr("word/_rels/document.xml.rels", b'<Relationships xmlns="http://schemas.openxmlformats.org/'
                         b'package/2006/relationships"><Relationship Id="rH" Target="header1.xml" Type="h"/>'
                         b"</Relationships>")
        package.writestr("word/header1.xml", W.replace(b"w:document", b"w:hdr") + b"<w:p><w:r><w:t>H</w:t></w:r>"
                         b"</w:p><w:p/></w:hdr>")
    monkeypatch.setattr(docx_module, "ELEMENTS_LIMIT", 120)  # document 2 + 20 x 4, rels 2, header 5 a reading
    with pytest.raises(ValueError, match="reading its part word/header1.xml goes past 120 XML elements"):
        docx_module.docx_snapshot(buffer.getvalue())
    monkeypatch.setattr(docx_module, "ELEMENTS_LIMIT", 84 + 20 * 5)
    assert docx_module.docx_snapshot(buffer.getvalue()).count("header default: H") == 20


@pytest.mark.parametrize("document, said", [
    (W + b"<w:body><w:p></w:body></w:document>",
     "its part word/document.xml is not well-formed XML: mismatched tag at line 1, column 99"),
    (W + b"<w:body><w:p><w:r><w:t>" + b"x" * (10 * 2**20 + 1) + b"</w:t></w:r></w:p></w:body></w:document>",
     "its part word/document.xml cannot be read as XML: Resource limit exceeded: Text node too long, line 1"),
    (W + b"</w:document>", "its part word/document.xml holds no w:body"),
])
def test_what_lxml_or_expat_refuse_is_said_naming_the_part_without_their_advice(document, said):
    with pytest.raises(ValueError) as refused:
        docx_module.docx_snapshot(docx_with(document))
    assert str(refused.value).startswith(said)
    assert "XML_PARSE_HUGE" not in str(refused.value) and "<string>" not in str(refused.value)


def test_lxml_stopping_without_a_reason_is_said_as_running_out_of_memory(monkeypatch):
    def out_of_memory(data, parser):
        raise etree.XMLSyntaxError("unknown error", None, 0, 0)

    monkeypatch.setattr(docx_module.etree, "fromstring", out_of_memory)
    with pytest.raises(ValueError, match="its part word/document.xml cannot be read as XML: lxml stopped without a "
                                         "reason, as it does when it runs out of memory$"):
        docx_module.docx_snapshot(docx_with(W + b"<w:body/></w:document>"))


def pdf_of_pages(count: int) -> bytes:
    """A PDF of `count` empty pages, each its own object."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + n) for n in range(count))
               + b"] /Count %d >>" % count]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_a_pdf_of_more_pages_than_a_reading_can_read_is_refused_before_its_pages_are_made(refuse, monkeypatch):
    """2,001 pages refused after counting 2,001 page objects (a million tiny pages were all made by pdfplumber
    before the CPU budget stopped it); 2,000 are read."""
    from ccdocs.testing import pdf_snapshot as pdf_module

    refuse(Case("snapshot-pdf-pages", {}, "pages.pdf is not a readable PDF (it has more than 2,000 pages, more "
                "than can be read within a reading's budget", "pages.pdf", code=2,
                setup=put("pages.pdf", pdf_of_pages(pdf_module.PAGES_LIMIT + 1)),
                command=("snapshot", "{out}/pages.pdf")))
    read = pdf_module.pdf_snapshot(pdf_of_pages(pdf_module.PAGES_LIMIT))
    assert read.count("\n== page ") == 2000


def test_a_snapshot_text_beyond_the_bound_is_refused_before_it_is_diffed(tmp_path):
    """breaks-9 (noticed): `ccdocs diff big.txt a.txt` of a 404 MB text took 12.6 s and 1.8 GB. A text beyond
    MOST_TEXT (16 MB; the 5,000-paragraph paper's snapshot is some 1.5 MB) is refused, read no further."""
    from click.testing import CliRunner

    from ccdocs.cli import main

    big, small = tmp_path / "big.txt", tmp_path / "a.txt"
    line = b"[para] 1. A line of the snapshot.\n"
    big.write_bytes(line * (module.MOST_TEXT // len(line) + 1))
    small.write_text("[para] 1. A line of the snapshot.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["diff", str(big), str(small)])
    assert done.exit_code == 2, done.output
    assert f"{big} holds more than 16 MB, more than the snapshot of any paper needs" in done.output


def test_a_snapshot_text_read_keeps_its_line_ends_as_text_mode_reads_them(tmp_path):
    crlf, lf = tmp_path / "crlf.txt", tmp_path / "lf.txt"
    crlf.write_bytes(b"[para] 1. One.\r\n[para] 2. Two.\r[para] 3. Three.\n")
    lf.write_bytes(b"[para] 1. One.\n[para] 2. Two.\n[para] 3. Three.\n")
    assert module.snapshot(crlf) == module.snapshot(lf) == lf.read_text(encoding="utf-8")


def test_a_docx_or_pdf_file_beyond_the_bound_is_refused_before_it_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "MOST_FILE", 100)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(pdf_with_page(b"0 0 m\n"))
    with pytest.raises(module.UsageError, match=r"x\.pdf holds more than 0 MB, more than the snapshot of any paper "
                                                 "is made from"):
        module.snapshot(pdf)


def test_a_reading_whose_text_is_beyond_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "MOST_TEXT", 10)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(pdf_with_page(b"BT /F1 12 Tf 72 700 Td (A text longer than ten characters) Tj ET\n"))
    with pytest.raises(module.UsageError, match="its text would hold more than 0 MB"):
        module.snapshot(pdf)
