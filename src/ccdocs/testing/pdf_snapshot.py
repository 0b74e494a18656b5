"""A PDF as canonical text: page by page, the header, the body lines, the footnote lines, the internal links, the
fonts used."""

from __future__ import annotations

import io
import itertools
import re
import zlib

import pdfplumber
from pdfminer.ascii85 import ascii85decode
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, resolve1

from ..parse.inlines import CJK

HEADER_ZONE = 0.09   # top share of the page holding the running header
RULE_MAX_WIDTH = 0.45  # a footnote separator is a short horizontal rule
# bytes a page's content streams may inflate to: the densest page ccdocs makes holds 17 KB of operators (the
# 5,000-paragraph document's 313 pages, 4.9 MB in all); pdfminer would interpret a 48 MB stream for minutes
PAGE_CONTENT_LIMIT = 16 * 2**20
# pages a PDF may have: the 313-page paper's snapshot takes ~25 s of the reading's 150 s CPU budget
# (`snapshot.BUDGET`), so no more than ~1,800 real pages can be read within it. A page object is some 60 bytes: a
# received file of a million of them would be enumerated whole (pdfplumber makes every page first) before the
# budget stopped it; beyond this bound it is refused after counting this many, before any page is made.
PAGES_LIMIT = 2000


def _separator(page) -> float | None:
    """The top of the footnote separator rule in the page's lower half, if any."""
    candidates = [
        obj["top"] for obj in page.lines + page.rects
        if abs(obj["bottom"] - obj["top"]) < 1.5 and obj["top"] > page.height / 3
        and 20 < obj["x1"] - obj["x0"] < page.width * RULE_MAX_WIDTH
    ]
    return min(candidates) if candidates else None


def _fonts(chars) -> list[str]:
    return sorted({re.sub(r"^[A-Z]{6}\+", "", c["fontname"]) for c in chars if c.get("fontname")})


def line_text(chars) -> str:
    """A line's text from its characters: a wide gap is a tab (label to text, cell to cell), a space a space.

    A label of up to four characters at the start of a line (`12.`, `3`, `*`) is followed by a tab when
    the gap after it is wider than 0.4 em; elsewhere a tab needs an em. Between Chinese characters only a
    real space character counts, so that justified Chinese lines read without gaps.
    """
    out, previous, spaced, separated = [], None, False, False
    for char in sorted(chars, key=lambda c: c["x0"]):
        if not char["text"].strip():
            spaced = True
            continue
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            label = not separated and len(out) <= 4
            cjk = CJK.match(char["text"]) or CJK.match(previous["text"])
            if gap >= char["size"] * (0.4 if label else 0.95):
                out.append("\t")
                separated = True
            elif spaced or (gap > char["size"] * 0.2 and not cjk):
                out.append(" ")
                separated = True
        out.append(char["text"])
        previous, spaced = char, False
    return "".join(out)


def page_zones(page) -> tuple[list[str], list[str], list[str]]:
    """The text lines of one pdfplumber page as (header, body, footnotes)."""
    rule = _separator(page)
    header, body, notes = [], [], []
    for line in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = line_text(line["chars"]).strip()
        if not text:
            continue
        if line["bottom"] < page.height * HEADER_ZONE:
            header.append(text)
        elif rule is not None and line["top"] > rule:
            notes.append(text)
        else:
            body.append(text)
    return header, body, notes


def internal_links(page, pages: dict) -> list[str]:
    """`words → page N` for each link of a pdfplumber page that goes to a place in the file (a `/GoTo` action or a
    `/Dest`): the characters whose middle its rectangle holds and the number of the page it goes to (`pages`: page
    object id -> number)."""
    found = []
    for annot in page.annots:
        data = annot.get("data") or {}
        action = resolve1(data.get("A")) or {}
        goto = getattr(resolve1(action.get("S")), "name", None) == "GoTo"
        dest = resolve1(action.get("D") if goto else data.get("Dest"))
        if not isinstance(dest, list) or not dest:
            continue
        chars = [c for c in page.chars if annot["x0"] <= (c["x0"] + c["x1"]) / 2 <= annot["x1"]
                 and annot["top"] <= (c["top"] + c["bottom"]) / 2 <= annot["bottom"]]
        words = line_text(chars).replace("\t", " ").strip()
        found.append(f"{words} → page {pages.get(getattr(dest[0], 'objid', None), '?')}")
    return found


def _inflated_beyond(streams: list, cap: int) -> bool:
    """Whether a page's content `streams` inflate to more than `cap` bytes, told by inflating with that cap (the
    FlateDecode and ASCII85Decode filters, reportlab's and most writers'; a stream under other filters is left to
    the reading's budget, `snapshot.BUDGET`)."""
    for stream in map(resolve1, streams):
        if not isinstance(stream, PDFStream) or stream.rawdata is None:
            continue
        data = stream.rawdata
        try:
            for name, _ in stream.get_filters():
                name = getattr(name, "name", name)
                if name in ("ASCII85Decode", "A85"):
                    data = ascii85decode(data)
                elif name in ("FlateDecode", "Fl"):
                    data = zlib.decompressobj().decompress(data, cap + 1)
                else:
                    break
        except (zlib.error, ValueError):  # damaged: pdfminer reads what it can, within the budget
            pass
        cap -= len(data)
        if cap < 0:
            return True
    return False


def pdf_snapshot(data: bytes) -> str:
    """The canonical text of a PDF file's bytes."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if next(itertools.islice(PDFPage.create_pages(pdf.doc), PAGES_LIMIT, None), None) is not None:
            raise ValueError(f"it has more than {PAGES_LIMIT:,} pages, more than can be read within a reading's "
                             "budget: the 313-page paper ccdocs makes takes an eighth of it")
        meta = pdf.metadata or {}
        out.append(f"title: {meta.get('Title', '')}")
        out.append(f"subject: {meta.get('Subject', '')}")
        pages = {page.page_obj.pageid: number for number, page in enumerate(pdf.pages, 1)}
        for number, page in enumerate(pdf.pages, 1):
            if _inflated_beyond(page.page_obj.contents, PAGE_CONTENT_LIMIT):
                raise ValueError(f"the content of its page {number} inflates to more than the "
                                 f"{PAGE_CONTENT_LIMIT // 2**20} MB a page of a document holds")
            header, body, notes = page_zones(page)
            out += ["", f"== page {number}", "header: " + " | ".join(header)]
            out += ["  " + line for line in body]
            if notes:
                out.append("footnotes:")
                out += ["  " + line for line in notes]
            links = internal_links(page, pages)
            if links:
                out.append("links: " + " | ".join(links))
            out.append("fonts: " + ", ".join(_fonts(page.chars)))
            page.close()  # its characters and layout let go: a long paper is read in the memory of one page
    return "\n".join(out) + "\n"
