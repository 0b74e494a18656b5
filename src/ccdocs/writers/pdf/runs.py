"""Model inlines to runs: Latin runs in the Latin face, Han runs in the Chinese face, every glyph checked."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ...errors import Collector
from ...l10n.ambiguous import takes_east_asian_face
from ...l10n.fonts import FontError
from ...model import Code, Emph, LineBreak, Link, Note, Ref, RefNumber, Strong, Text
from ...theme import templates_dir
from ...l10n.language import as_language
from .cjk import is_cjk
from .invisible import IGNORABLE, composed, invisible_runs
from .rtl import APART, arabic_runs, has_arabic
from .setting import Run

# Combining marks of the Latin, Greek and Cyrillic blocks and their supplements, symbols' marks and half marks: left
# in a text once composed (NFC), they follow a letter with no precomposed form (Arabic's and Hebrew's marks are
# shaped by their own runs; U+034F COMBINING GRAPHEME JOINER is default-ignorable: it takes no room, invisible.py)
UNPLACED = re.compile("[\u0300-\u034e\u0350-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

FIELD_NAMES = {"place_dates": "the venue", "session": "the session"}
LATIN_ROLES = {(False, False): "latin_regular", (True, False): "latin_bold", (False, True): "latin_italic",
               (True, True): "latin_bold_italic"}


@dataclass(frozen=True, init=False)
class Look:
    """The inline style in force: size, weight, slant, heading face, link, colour, capitals. It keys the runs made of
    every text (`RunMaker.made`, 15,000 times in a 5,000-paragraph write): `__init__` sets the fields at once (a
    frozen dataclass's own sets each through `object.__setattr__`) with their tuple, which hashes and compares looks
    in C; the defaults are its arguments'."""

    size: float
    bold: bool
    italic: bool
    heading: bool
    link: str | None
    color: str | None
    caps: bool

    def __init__(self, size: float, bold: bool = False, italic: bool = False, heading: bool = False,
                 link: str | None = None, color: str | None = None, caps: bool = False):
        self.__dict__.update(size=size, bold=bold, italic=italic, heading=heading, link=link, color=color, caps=caps,
                             key=(size, bold, italic, heading, link, color, caps))

    def __eq__(self, other) -> bool:
        return self is other or type(other) is Look and self.key == other.key

    def but(self, **changes) -> Look:
        """This look with `changes` (as dataclasses.replace, without its walk over the fields' definitions)."""
        return Look(**dict(zip(LOOK_FIELDS, self.key), **changes))

    def __hash__(self) -> int:
        return hash(self.key)


LOOK_FIELDS = ("size", "bold", "italic", "heading", "link", "color", "caps")  # Look.key's order


@dataclass(frozen=True)
class Where:
    """What a text belongs to, for error messages: its source and a description (`paragraph 12.`)."""

    source: object
    what: str

    def at(self, typed) -> Where:
        """The same text's place where one of its parts was typed, when known (`typed`: a Source or None): a table
        note's line in document.yaml or its paragraph's, which a problem of its translation is moved from to the
        catalog (`i18n.locations`)."""
        return self if typed is None else Where(typed, self.what)


class RunMaker:
    """Turns inlines into runs for one document; gathers footnotes met and characters no font holds."""

    def __init__(self, fonts, language, mark_scale: float, mark_rise: float, link_color: str, meta=None):
        """`language`: the document's profile (l10n.language.Language) or its code."""
        self.fonts, self.meta = fonts, meta
        self.language = as_language(language)
        self.mark = (mark_scale, mark_rise)
        self.link_color = link_color
        self.split = partial(by_script, east_asian=self.language.script.east_asian)
        self.notes: list[Note] = []
        self.problems = Collector()
        self.reported: set = set()
        self.key = ""  # before each note's label in the layout's keys: an attached document's notes are its own
        self.anchors: dict = {}  # anchor id -> its destination's name (transforms.references.bookmarks)
        self.references = 0      # cross-references met: their runs link to `#destination#count`
        # (text, look) -> its runs, as `text` made them: what the faces and the script's setting (East Asian or not)
        # give, so shared by every maker of the same faces (the layout's, its tables' measure, a list's labels'):
        # a table's cell is split once for its column's width and its drawing
        self.made: dict = fonts.runs.setdefault(self.language.script.east_asian, {})

    def runs(self, inlines, look: Look, where: Where) -> list[Run]:
        """The runs of a tuple of inlines."""
        out: list[Run] = []
        for node in inlines:
            if isinstance(node, Text | Code):
                out += self.text(node.text, look, where)
            elif isinstance(node, Strong):
                out += self.runs(node.children, look.but(bold=True), where)
            elif isinstance(node, Emph):
                out += self.runs(node.children, look.but(italic=True), where)
            elif isinstance(node, Link):
                out += self.runs(node.children, look.but(link=node.target, color=self.link_color), where)
            elif isinstance(node, Ref):
                inlines = node.children or tuple(Text(p.text) if isinstance(p, RefNumber) else p for p in node.label)
                self.references += 1  # each reference its own link: two side by side to one target stay two
                link = f"#{self.destination(node.targets[0])}#{self.references}"
                runs = self.runs(inlines, look.but(link=link), where)
                out += runs if node.children else [replace(run, keep=True) for run in runs]
            elif isinstance(node, LineBreak):
                out += self.text("\n", look, where)
            elif isinstance(node, Note):
                self.notes.append(node)
                out.append(self.note_mark(node.label or "?", look))
        return out

    def destination(self, anchor: str) -> str:
        """The name of the PDF destination of `anchor` ('' for none), this document's own in the file."""
        return self.key + self.anchors[anchor] if anchor else ""

    def note_mark(self, label: str, look: Look) -> Run:
        """A footnote mark: the label raised and smaller, in the Latin face."""
        scale, rise = self.mark
        face = self.fonts.face(LATIN_ROLES[(look.bold, False)])
        return Run(label, face, look.size * scale, look.size * rise, note=self.key + label)

    def text(self, text: str, look: Look, where: Where) -> list[Run]:
        """Runs of plain text split by script, each in the face of its script and the look; the same text in the
        same look split once per document (labels, marks, table cells measured then set), unless a face lacked a
        character (then each place is told)."""
        made = self.made.get((text, look))
        if made is not None:
            return list(made)
        key = (text, look)
        whole = True  # kept for the next asker (another maker of the FontSet: a table's measuring) unless a problem
        if not text.isascii():  # was told here: then each place, and each maker, tells it
            text = composed(text)  # as the faces draw it (invisible.py)
            whole = not self.marks_apart(text, where)
            if APART.search(text):  # default-ignorable characters in runs of their own; Arabic shaped
                if IGNORABLE.search(text):
                    face = self.fonts.face(LATIN_ROLES[(look.bold, look.italic)])
                    return invisible_runs(self, text, look, where, face)
                if has_arabic(text):
                    return arabic_runs(self, text, look, where)
        if look.caps:
            text = text.upper()
        text = text.replace("\t", " ")
        runs = []
        latin = LATIN_ROLES[(look.bold, look.italic)]
        faces, face_of = self.fonts.faces, self.fonts.face
        for index, chunk in enumerate(self.split(text)):
            if not chunk:
                continue
            role = self.cjk_role(look) if index % 2 else latin
            face = faces.get(role) or face_of(role)  # the set's face, looked up in line (a call less per chunk)
            if face.holds(chunk):
                runs.append(self.run(chunk, face, look, emboldened=bool(index % 2) and look.bold))
            else:
                runs += self.fallback(chunk, face, look, where)
                whole = False
        if whole:
            self.made[key] = tuple(runs)
        return runs

    def cjk_role(self, look: Look) -> str:
        """The Chinese face of a look: the Hei face for headings, else the Song face."""
        return "zh_heading" if look.heading else "zh_body"

    def run(self, text: str, face, look: Look, emboldened: bool = False) -> Run:
        """A run of `text` in `face` with the look's size, link and colour; a Chinese face has no bold
        variant, so bold Chinese is emboldened by stroking its outlines, as Word does."""
        return Run(text, face, look.size, link=look.link, color=look.color, emboldened=emboldened)

    def fallback(self, chunk: str, face, look: Look, where: Where) -> list[Run]:
        """Runs of a chunk some of whose characters its face lacks: each such one from another face, or an error."""
        runs: list[Run] = []
        for ch in chunk:
            if face.has(ch) or ch == "\n":
                chosen = face
            elif equivalent(ch):  # drawn as typed, never in another script's face (`missing`)
                self.missing(ch, where, face)
                continue
            else:
                chosen = self.other_face(ch)
            if chosen is None:
                self.missing(ch, where)
                continue
            if runs and runs[-1].face is chosen:
                runs[-1] = replace(runs[-1], text=runs[-1].text + ch)
            else:
                runs.append(self.run(ch, chosen, look))
        return runs

    def other_face(self, ch: str):
        """The first face of the set holding `ch`, or None."""
        for role in ("latin_regular", "zh_body", "zh_heading"):
            try:
                face = self.fonts.face(role)
            except FontError:
                continue
            if face.has(ch):
                return face
        return None

    def missing(self, ch: str, where: Where, face=None):
        """Record a character none of the fonts holds, once per place it was typed; with `face`, a character
        Unicode holds equivalent to another (`equivalent`: U+212B ANGSTROM SIGN, Å) that `face`, the one its
        script sets it in, lacks: the PDF keeps it as typed (invisible.composed), and another script's face would
        draw it in that script's style, or blank (WenQuanYi Micro Hei's U+212B has no outline)."""
        source, what = self.typed_at(ch, where)
        if (source, ch) in self.reported:
            return
        self.reported.add((source, ch))
        name = unicodedata.name(ch, "unnamed character")
        same = equivalent(ch)
        lacking = f"which its face ({face.family}) lacks" if face is not None \
            else f"which none of the fonts holds ({', '.join(self.fonts.families())})"
        self.problems.add(source.file if source else "document", source.line if source else None,
                          f"{what} contains {ch!r} (U+{ord(ch):04X} {name}), {lacking}",
                          (f"write {same!r} (U+{ord(same):04X} {unicodedata.name(same, 'unnamed character')}), its "
                           "equivalent in Unicode, " if same else "replace it, ")
                          + "or name a font that has it in pdf_fonts.files or CCDOCS_FONT_<ROLE>")

    def marks_apart(self, text: str, where: Where) -> bool:
        """Whether the composed `text` leaves a combining mark apart from its letter, each recorded (`unplaced`)."""
        found = False
        for mark in UNPLACED.finditer(text):
            self.unplaced(text, mark.start(), where)
            found = True
        return found

    def unplaced(self, text: str, at: int, where: Where) -> None:
        """Record a combining mark left apart from its letter once composed (`text[at]`: x + U+0304, the sample
        mean x̄, has no single character), once per place it was typed: reportlab places no marks (no GPOS), and the
        faces' marks sit beside the letter, where Word's DOCX sets them over it."""
        ch = text[at]
        source, what = self.typed_at(ch, where)
        if (source, ch, "mark") in self.reported:
            return
        self.reported.add((source, ch, "mark"))
        base = f"{text[at - 1]!r} + " if at else ""
        self.problems.add(source.file if source else "document", source.line if source else None,
                          f"{what} contains {base}U+{ord(ch):04X} {unicodedata.name(ch, 'a combining mark')}, which "
                          "no single character writes: the PDF would print the mark beside its letter, not over it",
                          "write a letter with its accent as one character (é, ñ), or the quantity in words (x-bar)")

    def typed_at(self, ch: str, where: Where) -> tuple:
        """(Source, description) of where `ch` was typed: the text's own source, unless the text is the
        toolkit's (the cover, a marker, a cover-note template) and a cover field holds `ch`: then that field's
        line in document.yaml."""
        source = where.source
        if self.meta is not None and (source is None or in_toolkit(source.file)):
            for name, field_source in self.meta.sources:
                if ch in getattr(self.meta, name):
                    return field_source, FIELD_NAMES.get(name, f"the {name}")
        return source, where.what


def equivalent(ch: str) -> str | None:
    """The character Unicode holds canonically equivalent to `ch` alone (a singleton decomposition, composed:
    U+212A KELVIN SIGN → K, U+212B ANGSTROM SIGN → Å, U+F900 豈 → U+8C48), or None. The PDF draws and keeps
    such a character as typed (invisible.composed); a face lacking it may hold its equivalent.

    >>> equivalent("\\u212a"), equivalent("\\u212b"), equivalent("\\u00e9"), equivalent("x")
    ('K', 'Å', None, None)
    """
    mapping = unicodedata.decomposition(ch)
    if not mapping or mapping.startswith("<") or " " in mapping:
        return None
    return unicodedata.normalize("NFC", chr(int(mapping, 16)))


def in_toolkit(file: str) -> bool:
    """Whether `file` is one of the toolkit's templates rather than a file of the document folder."""
    return Path(file).resolve().is_relative_to(templates_dir().resolve())


class Scripts(dict):
    """`str.translate`'s table of each character's script for `by_script`: `c` a CJK character, `a` (in the table of
    East Asian texts only) punctuation or a symbol of ambiguous width (`l10n.ambiguous`: set in the CJK face in an
    East Asian text), `l` anything else; each character looked up once, then read in C. A text in another script
    never asks the ambiguous width (which reads a dash's line-breaking class, and imports uniseg for it)."""

    def __init__(self, east_asian: bool):
        super().__init__()
        self.east_asian = east_asian

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = letter = "c" if is_cjk(ch) else "a" if self.east_asian and takes_east_asian_face(ch) else "l"
        return letter


SCRIPTS = {True: Scripts(True), False: Scripts(False)}  # the process's tables: they grow by the characters met
CHUNKS = re.compile("[ca]+|l+")  # a CJK chunk (`a` only in East Asian texts), or a Latin one


def by_script(text: str, east_asian: bool) -> list[str]:
    """`text` cut into chunks alternately Latin and CJK, the first Latin (maybe empty), as `re.split` with one group
    cuts; with `east_asian`, punctuation and symbols of ambiguous width (“ — … ·) go with the CJK chunks. The chunks
    are the runs of one regex over the characters' scripts (one match per chunk, not a call per character).

    >>> by_script("见“WIPO”——2026年", True)
    ['', '见“', 'WIPO', '”——', '2026', '年']
    >>> by_script("见“WIPO”", False)
    ['', '见', '“WIPO”']
    """
    if text.isascii():
        return [text]
    scripts = text.translate(SCRIPTS[east_asian])
    chunks = [text[match.start():match.end()] for match in CHUNKS.finditer(scripts)]
    first = scripts[0]
    return ["", *chunks] if first in "ca" else chunks
