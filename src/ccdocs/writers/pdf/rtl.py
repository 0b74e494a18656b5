"""Right-to-left text in the PDF: Arabic runs shaped into presentation forms (arabic-reshaper), each laid-out line
reordered for display by the Unicode bidirectional algorithm (python-bidi's levels, rules L1 and L2).

Lines are broken on the logical text (text.TextBlock does it, as for any paragraph); only the drawing is visual:
a line's pieces (cut at run and level changes) are laid left to right in display order from the right edge of
the column, an odd-level piece drawn reversed with its brackets mirrored. Numbers and Latin runs (`WO/CC/86/INF/1`,
a URL) keep their left-to-right order inside the line.

reportlab 5.1 can shape through HarfBuzz (uharfbuzz), but it writes the contextual glyphs HarfBuzz picks under
private-use code points, so the PDF's text would extract as U+E000…; Unicode's presentation forms, which the
Arabic faces map, draw the same joined letters, and the Arabic face's ToUnicode gives each back as the base letters
it stands for (cidfont.text_of), which `pdftotext` puts in logical order.

arabic-reshaper and python-bidi are imported when a text first needs them (a paper with Arabic), not by every PDF
writer's import (10–25 ms).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .invisible import IGNORABLE, IN_BMP, UNDRAWN, draw_hyphen, read_as, shown_hyphen

# Unicode's Arabic blocks but the invisible ALM (U+061C) and byte order mark (U+FEFF), default-ignorable (invisible.py)
ARABIC = re.compile("[\u0600-\u061B\u061D-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFE]")
# The characters of bidirectional class R or AL (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation
# forms, RLM; from UnicodeData.txt): a line holding one is drawn in display order whatever the paper's direction
STRONG_RTL = re.compile("[\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFE\U00010800-\U00010FFF\U0001E800-\U0001EFFF]")
# Whether a text may need its runs made apart (RunMaker.text): a character of the Arabic blocks, of class R or AL, or
# default-ignorable (invisible.py), or any beyond U+107FF (most of them in CJK texts: checked again); one class for re's
# fast scan (a class holding characters beyond the BMP scans some ten times slower: only one range of them here)
APART = re.compile(f"[{IN_BMP}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\U00010800-\U000E0FFF]")
RESET = {"WS", "S", "B", "BN"}   # rule L1: such characters at the end of a line take the paragraph's level


def is_arabic(ch: str) -> bool:
    """Whether `ch` is in one of Unicode's Arabic blocks (letters, marks, Arabic punctuation and digits)."""
    return ARABIC.match(ch) is not None


def has_arabic(text: str) -> bool:
    """Whether `text` holds a character of the Arabic blocks."""
    return ARABIC.search(text) is not None


@lru_cache(maxsize=1)
def reshaper():
    """The shaper (arabic_reshaper.ArabicReshaper): contextual forms and the lam-alef ligatures; marks (shadda,
    harakat) kept."""
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def shaped(text: str) -> str:
    """`text` with its Arabic letters in their contextual presentation forms (logical order kept).

    >>> [hex(ord(ch)) for ch in shaped("من")]
    ['0xfee3', '0xfee6']
    """
    return reshaper().reshape(text)


def split_arabic(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (chunk, is Arabic) pieces; a combining mark goes with the letter it is on.

    >>> split_arabic("C \\u0633\\u064e")
    [('C ', False), ('سَ', True)]
    """
    out: list[list] = []
    for ch in text:
        arabic = is_arabic(ch) or bool(out and out[-1][1] and unicodedata.combining(ch) > 0)
        if out and out[-1][1] == arabic:
            out[-1][0] += ch
        else:
            out.append([ch, arabic])
    return [(chunk, arabic) for chunk, arabic in out]


def levels(text: str, rtl: bool = True) -> list[int]:
    """The resolved embedding level of each character of a paragraph (UAX #9 rules up to I2): even left to right,
    odd right to left. Characters the algorithm drops (rule X9: embedding controls, BN) take the level before them."""
    from bidi.algorithm import (PARAGRAPH_LEVELS, explicit_embed_and_overrides, get_embedding_levels,
                                get_empty_storage, resolve_implicit_levels, resolve_neutral_types, resolve_weak_types)

    storage = get_empty_storage()
    storage["base_level"] = PARAGRAPH_LEVELS["R" if rtl else "L"]
    storage["base_dir"] = "R" if rtl else "L"
    get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage, False)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    found = {char["index"]: char["level"] for char in storage["chars"]}
    out, last = [], storage["base_level"]
    for index in range(len(text)):
        last = found.get(index, last)
        out.append(last)
    return out


def line_levels(text: str, paragraph: list[int], start: int, end: int, base: int = 1) -> list[int]:
    """The levels of the line [start, end) of a paragraph: rule L1 (trailing spaces, tabs and separators at the
    paragraph's level `base`) applied to `paragraph`'s levels."""
    out = paragraph[start:end]
    for i in range(end - 1, start - 1, -1):
        if unicodedata.bidirectional(text[i]) not in RESET:
            break
        out[i - start] = base
    for i in range(start, end):
        if unicodedata.bidirectional(text[i]) in ("S", "B"):
            out[i - start] = base
    return out


def visual_order(items: list, item_levels: list[int]) -> list:
    """`items` (a line's pieces in logical order, each at one level) in display order, left to right (rule L2)."""
    from bidi.algorithm import reverse_contiguous_sequence

    if not items:
        return []
    cells = [{"item": item, "level": level} for item, level in zip(items, item_levels)]
    odd = [level for level in item_levels if level % 2]
    if odd:
        reverse_contiguous_sequence(cells, 0, len(cells) - 1, max(item_levels), min(odd))
    return [cell["item"] for cell in cells]


def displayed(text: str, level: int) -> str:
    """The characters of a piece in display order: an odd-level piece reversed by clusters (a letter and the marks
    on it stay together, the mark after its letter), its mirrored characters (brackets) swapped (rule L4)."""
    from bidi.mirror import MIRRORED

    if level % 2 == 0:
        return text
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(MIRRORED.get(ch, ch))
    return "".join(reversed(clusters))


def display_string(text: str, rtl: bool = True) -> str:
    """A one-line text (a label such as `1.`) in display order in a paragraph of that direction.

    >>> display_string("1.")
    '.1'
    """
    line = line_levels(text, levels(text, rtl), 0, len(text), 1 if rtl else 0)
    if not any(line):
        return text
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or line[i] != line[start]:
            pieces.append((start, i))
            start = i
    order = visual_order(pieces, [line[a] for a, _ in pieces])
    return "".join(displayed(text[a:b], line[a]) for a, b in order)


def paragraph_levels(setting, rtl: bool = True) -> list[int]:
    """The embedding levels of a Setting's text in a paragraph of that direction, resolved once per paragraph."""
    key = "rtl_levels" if rtl else "ltr_levels"
    found = setting.__dict__.get(key)
    if found is None:
        found = setting.__dict__[key] = levels(setting.text, rtl)
    return found


def mixed(setting) -> bool:
    """Whether a Setting's text holds a right-to-left letter (STRONG_RTL): its lines are drawn in display order in a
    left-to-right paragraph too. Asked once per paragraph (kept on the Setting): APART's fast scan, then
    STRONG_RTL's when it finds one."""
    found = setting.__dict__.get("mixed")
    if found is None:
        text = setting.text
        found = setting.__dict__["mixed"] = (not text.isascii() and APART.search(text) is not None
                                             and STRONG_RTL.search(text) is not None)
    return found


def arabic_runs(maker, text: str, look, where) -> list:
    """The runs of a text holding Arabic letters (RunMaker.text): each Arabic chunk shaped, in the Arabic face of
    the look's weight (`arabic_regular`, `arabic_bold`); the other chunks as RunMaker sets them."""
    runs = []
    for chunk, arabic in split_arabic(text):
        if not arabic:
            runs += maker.text(chunk, look, where)
            continue
        chunk = shaped(chunk)
        face = maker.fonts.face("arabic_bold" if look.bold else "arabic_regular")
        if face.holds(chunk):
            runs.append(maker.run(chunk, face, look))
        else:
            runs += maker.fallback(chunk, face, look, where)
    return runs


def draw_line(block, pen, start: int, end: int, x0: float, y: float, gap: float, gaps: list, decorations: list):
    """Draw with `pen` (pen.Pen) the line [start, end) of a TextBlock right to left, or left to right holding
    right-to-left letters (`mixed`): `x0` is where its text starts from the column's starting edge (the right, the
    left); its pieces (cut at run and level changes, and at each justification gap) laid left to right in display
    order, each gap widening the piece that ends at it. Default-ignorable characters (invisible.py, runs of their
    own) show nothing but the hyphen of a soft hyphen ending the line."""
    st = block.setting
    rtl = block.style.rtl
    line = line_levels(st.text, paragraph_levels(st, rtl), start, end, 1 if rtl else 0)
    stretched = set(gaps) if gap else set()
    cuts = {start, end} | {i for i in range(start + 1, end)
                           if st.run_of[i] != st.run_of[i - 1] or line[i - start] != line[i - start - 1]}
    cuts = sorted(cuts | {g for g in stretched if start < g < end})
    pieces = list(zip(cuts, cuts[1:]))
    order = visual_order(pieces, [line[a - start] for a, _ in pieces])
    widths = {(a, b): st.prefix[b] - st.prefix[a] + (gap if b in stretched else 0.0) for a, b in pieces}
    x = block.width - x0 - sum(widths.values()) if rtl else x0
    for a, b in order:
        level, run = line[a - start], st.runs[st.run_of[a]]
        text = st.text[a:b].replace("\n", "")
        inked = st.prefix[b] - st.prefix[a]
        if text and text[0] in UNDRAWN:
            if b == end and shown_hyphen(st, end):
                draw_hyphen(pen, st, a, x, y)
        elif text:
            pen.show(run, displayed(text, level), x + (widths[a, b] - inked if level % 2 else 0.0), y + run.rise,
                     inked)
            if run.link:
                decorations.append((run, x, y, widths[a, b]))
        x += widths[a, b]


def draw_label(block, pen, y: float):
    """Draw with `pen` the label (paragraph number, list mark) of a right-to-left TextBlock, `label_x` from the
    right edge, in display order (`1.` shows as `.1`)."""
    s = block.style
    x = block.width - s.label_x
    for run in s.label:
        width = sum(run.face.width(ch) for ch in run.text) * run.size / 1000
        x -= width
        pen.show(run, display_string(run.text), x, y + run.rise, width)


def mirrored_grid(rows: list, widths: list, styler):
    """A grid's rows, column widths and styler with the columns in right-to-left order: each row's cells and the
    widths reversed, and every column coordinate of the styler's commands flipped (`(0, r)` ↔ `(-1, r)`), so the
    first column (the labels) stands at the right. Figures keep to the right of their cells, their units digits
    one under the other: a cell's text set flush right (`right`, the end of a left-to-right line) is set flush to
    the start of the right-to-left line, which is the right."""
    count = len(widths)
    for row in rows:
        for flow in (flow for cell in row.cells for flow in cell):
            if getattr(getattr(flow, "style", None), "align", None) == "right":
                flow.style = replace(flow.style, align="left")

    def flip(point):
        column, row = point
        return (count - 1 - (column if column >= 0 else count + column), row)

    def styler_rtl(piece):
        out = []
        for name, start, end, *rest in styler(piece):
            (a, r0), (b, r1) = flip(start), flip(end)
            out.append((name, (min(a, b), r0), (max(a, b), r1), *rest))
        return out

    return ([type(row)(tuple(reversed(row.cells)), row.kind) for row in rows], list(reversed(widths)),
            styler_rtl)


def drawn(text: str, rtl: bool = False) -> str:
    """A one-line text that reportlab draws as it comes (a chart's labels, legend and titles): the one treatment
    of every text the PDF draws outside its own lines (`invisible.read_as`: composed, no invisible characters but
    the direction marks and joiners, which the ordering reads, then dropped), its Arabic letters joined and the text
    in display order when it holds a right-to-left letter or the paper is right to left (`rtl`); its direction is
    its first strong letter's (rules P2, P3: `Baseline (2024/25)` stays as it is), the paper's when it has none.

    >>> drawn("Baseline (2024/25)", True), drawn("2025/26", True), drawn("Cafe\u0301 work\u00adforce")
    ('Baseline (2024/25)', '2025/26', 'Café workforce')
    >>> drawn("Staff \u05e9\u05dc\u05d5\u05dd")
    'Staff םולש'
    """
    text = read_as(text)
    if rtl or (not text.isascii() and STRONG_RTL.search(text)):
        strong = next((unicodedata.bidirectional(ch) for ch in text
                       if unicodedata.bidirectional(ch) in ("L", "R", "AL")), "R" if rtl else "L")
        text = display_string(shaped(text), rtl=strong != "L")
    return IGNORABLE.sub("", text) if not text.isascii() else text
