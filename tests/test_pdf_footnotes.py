"""PDF footnotes: each note at the foot of the page of its mark, below a separator, nothing lost or overlapping.

The helpers here read a PDF's glyphs and rules with pdfium; test_pdf.py uses them for the sample documents.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from ccdocs.model.dump import footnotes
from ccdocs.pipeline import read_sources, resolve
from ccdocs.theme import load_theme
from ccdocs.writers.pdf import write

THEME = load_theme()
MARGIN = THEME.pt("page.margins.left")
TEXT_WIDTH = 595.2756 - MARGIN - THEME.pt("page.margins.right")
BOTTOM = THEME.pt("page.margins.bottom")


@dataclass
class Glyph:
    """One character as drawn: origin (baseline) and box in PDF points, y upwards; size in points."""

    ch: str
    x: float
    y: float
    box: tuple
    size: float


@dataclass
class Page:
    """A page's glyphs in drawing order and its black horizontal rules as (x0, x1, y)."""

    number: int
    height: float
    glyphs: list
    rules: list = field(default_factory=list)

    def lines(self) -> list[list[Glyph]]:
        """Glyphs grouped by baseline, top line first, each sorted left to right."""
        rows: dict = {}
        for g in self.glyphs:
            if g.ch.strip():
                rows.setdefault(round(g.y * 2) / 2, []).append(g)
        merged: list = []
        for y in sorted(rows, reverse=True):
            if merged and abs(merged[-1][0] - y) < 1.0 and abs(rows[y][0].size - merged[-1][1][0].size) < 0.1:
                merged[-1][1].extend(rows[y])
            else:
                merged.append((y, list(rows[y])))
        return [sorted(glyphs, key=lambda g: g.x) for _, glyphs in merged]


def read_pages(path) -> list[Page]:
    """Every page's glyphs and black horizontal rules."""
    pages = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            tp = page.get_textpage()
            glyphs = []
            x, y = ctypes.c_double(), ctypes.c_double()
            for i in range(tp.count_chars()):
                code = raw.FPDFText_GetUnicode(tp, i)
                if not code or code in (0xFFFE, 0xFFFF):
                    continue
                raw.FPDFText_GetCharOrigin(tp, i, x, y)
                glyphs.append(Glyph(chr(code), x.value, y.value, tp.get_charbox(i), raw.FPDFText_GetFontSize(tp, i)))
            rules = []
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
                x0, y0, x1, y1 = obj.get_bounds()
                raw.FPDFPageObj_GetStrokeColor(obj, r, g, b, a)
                if y1 - y0 < 1.5 and x1 - x0 > 20 and (r.value, g.value, b.value) == (0, 0, 0):
                    rules.append((x0, x1, (y0 + y1) / 2))
            pages.append(Page(index + 1, page.get_height(), glyphs, rules))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return pages


def words(line: list[Glyph]) -> list[tuple[str, float]]:
    """A line's words as (text, x of the first glyph): cut where glyphs stand apart."""
    out: list = []
    prev = None
    for g in line:
        if prev is not None and g.box[0] - prev.box[2] < 0.25 * g.size:
            out[-1][0] += g.ch
        else:
            out.append([g.ch, g.x])
        prev = g
    return [(w, x) for w, x in out]


@dataclass
class NoteArea:
    """What a page shows of footnotes: marks in the text, notes starting below the rule, the rule."""

    marks: list
    starts: list
    rule: float | None
    continued: bool
    body_low: float
    text: str
    big_below: list


def note_area(page: Page, lang: str) -> NoteArea:
    """The footnote marks and the notes area of a page."""
    body, note = THEME.size(lang, "body"), THEME.size(lang, "footnote")
    mark = body * float(THEME.get("pdf.note_mark.scale"))
    tab = THEME.pt("footnotes.tab")
    label = note * float(THEME.get("pdf.note_mark.scale"))   # a note's mark is raised, as in the text
    starts, first_start = [], None
    for line in page.lines():
        found = words(line)
        if (found and abs(found[0][1] - MARGIN) < 0.6 and abs(line[0].size - label) < 0.05
                and re.fullmatch(r"\d+|\*", found[0][0])
                and any(abs(g.x - MARGIN - tab) < 0.6 and abs(g.size - note) < 0.05
                        and abs(g.y - line[0].y) < note for g in page.glyphs)):
            starts.append(found[0][0])
            first_start = line[0].y if first_start is None else first_start
    marks, prev = [], None
    for g in page.glyphs:
        if abs(g.size - mark) < 0.05 and (g.ch.isdigit() or g.ch == "*"):
            if prev is not None and abs(prev.y - g.y) < 0.5 and 0 <= g.box[0] - prev.box[2] < 1.0:
                marks[-1] += g.ch
            else:
                marks.append(g.ch)
            prev = g
        else:
            prev = None
    separators = [r for r in page.rules if abs(r[0] - MARGIN) < 1.0
                  and (abs(r[1] - r[0] - THEME.pt("pdf.note_rule_width")) < 1.5 or abs(r[1] - r[0] - TEXT_WIDTH) < 1.5)]
    below_all = [r for r in separators if all(g.box[1] > r[2] for g in page.glyphs if g.size > note + 0.05)]
    rule = max((r[2] for r in below_all), default=None)
    continued = rule is not None and any(abs(r[2] - rule) < 0.1 and abs(r[1] - r[0] - TEXT_WIDTH) < 1.5
                                         for r in below_all)
    body_low = min((g.box[1] for g in page.glyphs if g.size > note + 0.05), default=page.height)
    text = "".join(g.ch for g in page.glyphs if rule is not None and g.y < rule and g.ch.strip())
    big = [g.ch for g in page.glyphs if rule is not None and g.y < rule and g.size > note + 0.05]
    return NoteArea(marks, starts, rule, continued, body_low, text, big)


def check_notes(pages: list[Page], lang: str, notes: dict[str, str]) -> dict[str, int]:
    """Assert the footnote layout of a PDF; the page of each note. `notes` maps labels to their text."""
    where: dict[str, int] = {}
    for page in pages:
        area = note_area(page, lang)
        assert sorted(area.marks) == sorted(area.starts), f"page {page.number}: marks {area.marks}, notes {area.starts}"
        if area.starts or area.continued:
            assert area.rule is not None and area.rule < area.body_low, f"page {page.number}: notes not below the body"
            assert not area.big_below, f"page {page.number}: body text inside the notes area"
        for label in area.starts:
            assert label not in where, f"note {label} starts twice"
            where[label] = page.number
            head = re.sub(r"\s+", "", notes[label])[:25]
            assert head in area.text, f"page {page.number}: the text of note {label} is not under its rule"
        low = min((g.box[1] for g in page.glyphs if g.ch.strip()), default=BOTTOM)
        assert low > BOTTOM - 1.0, f"page {page.number} is overfull"
    assert set(where) == set(notes), f"notes missing: {set(notes) - set(where)}"
    return where


# -- synthetic documents ------------------------------------------------------------------------

FILLER = ("This paragraph fills the page with ordinary text so that the next one falls near its foot; it says "
          "nothing in particular but says it at some length, as reports do. ")


def long_note(n: int, words_count: int = 70) -> str:
    """A long footnote text with unique tokens at its start and end."""
    return f"NOTESTART{n} " + " ".join(f"word{n}x{i}" for i in range(words_count)) + f" NOTEEND{n}."


def report(fillers: int, notes: list[str]) -> str:
    """A report: a heading, `fillers` paragraphs, then one paragraph carrying every note."""
    marks = " ".join(f"Claim {i}.[^n{i}]" for i in range(1, len(notes) + 1))
    body = "\n\n".join(FILLER * 3 for _ in range(fillers))
    defs = "\n\n".join(f"[^n{i}]: {text}" for i, text in enumerate(notes, 1))
    return f"# Introduction\n\n{body}\n\nThe paragraph with the notes. {marks} It ends here.\n\nAfter it.\n\n{defs}\n"


def build_pdf(folder, lang="en"):
    """A scratch document's PDF written to `folder/out-<lang>.pdf`: its path and its notes (label -> text)."""
    doc = resolve(read_sources(folder), lang)
    path = folder / f"out-{lang}.pdf"
    path.write_bytes(write(doc, THEME))
    return path, {n["number"]: n["text"] for n in footnotes(doc)}


@pytest.mark.parametrize("fillers", range(3, 11))
def test_five_long_notes_near_a_page_end_lay_out_without_loss_or_overlap(make_doc, fillers):
    notes = [long_note(n) for n in range(1, 6)]
    path, texts = build_pdf(make_doc({"content/report.md": report(fillers, notes)}))
    pages = read_pages(path)
    where = check_notes(pages, "en", texts)
    text = "".join(g.ch for p in pages for g in p.glyphs)
    for n in range(1, 6):
        assert text.count(f"NOTESTART{n}") == 1 and text.count(f"NOTEEND{n}") == 1
    assert len({where[str(i)] for i in range(1, 6)}) == 1, "the paragraph's notes are on one page with it"


def test_a_long_paragraph_split_at_a_page_end_takes_the_notes_of_each_piece_along(make_doc):
    notes = [long_note(n, 30) for n in range(1, 7)]
    sentences = " ".join(FILLER * 2 + f"Point {i}.[^n{i}]" for i in range(1, 7))
    defs = "\n\n".join(f"[^n{i}]: {text}" for i, text in enumerate(notes, 1))
    spreads = []
    for fillers in range(5, 10):
        body = "\n\n".join(FILLER * 3 for _ in range(fillers))
        folder = make_doc({"content/report.md": f"# Introduction\n\n{body}\n\n{sentences}\n\n{defs}\n"})
        path, texts = build_pdf(folder)
        where = check_notes(read_pages(path), "en", texts)
        spreads.append(len({where[str(i)] for i in range(1, 7)}))
    assert 2 in spreads, "in some of these layouts the paragraph and its notes run over two pages"


@pytest.mark.parametrize("words_count,fillers", [(250, 0), (250, 2), (400, 1)])
def test_notes_longer_than_what_is_left_of_the_page_still_start_on_the_page_of_their_mark(make_doc, words_count,
                                                                                         fillers):
    notes = [long_note(n, words_count) for n in range(1, 5)]
    sentences = " ".join(FILLER * 4 + f"Point {i}.[^n{i}]" for i in range(1, 5))
    body = "\n\n".join(FILLER * 3 for _ in range(fillers))
    defs = "\n\n".join(f"[^n{i}]: {text}" for i, text in enumerate(notes, 1))
    path, texts = build_pdf(make_doc({"content/report.md": f"# Introduction\n\n{body}\n\n{sentences}\n\n{defs}\n"}))
    pages = read_pages(path)
    check_notes(pages, "en", texts)
    text = "".join(g.ch for p in pages for g in p.glyphs)
    assert all(text.count(f"NOTEEND{n}") == 1 for n in range(1, 5))


def test_a_note_too_long_for_its_page_continues_under_a_full_width_rule(make_doc):
    notes = [long_note(1, 900)]
    path, texts = build_pdf(make_doc({"content/report.md": report(4, notes)}))
    pages = read_pages(path)
    check_notes(pages, "en", texts)
    start = next(p for p in pages if any("NOTESTART1" in "".join(g.ch for g in line) for line in p.lines()))
    end = next(p for p in pages if "NOTEEND1" in "".join(g.ch for g in p.glyphs))
    assert end.number == start.number + 1
    assert note_area(end, "en").continued, "the continuation sits under a full-width separator"


def test_notes_are_numbered_as_the_model_and_set_in_the_footnote_size(make_doc):
    path, _ = build_pdf(make_doc())
    area = [note_area(p, "en") for p in read_pages(path)]
    assert [label for a in area for label in a.starts] == ["*", "1"]


def test_the_chinese_notes_keep_their_page_too(make_doc):
    notes = [long_note(n, 40) for n in range(1, 4)]
    path, texts = build_pdf(make_doc({"content/report.md": report(6, notes)}), "zh")
    check_notes(read_pages(path), "zh", texts)
