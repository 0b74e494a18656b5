"""Frozen dataclasses of the document model: inlines, blocks, parts, the document."""

from __future__ import annotations

from dataclasses import dataclass, field
from reprlib import recursive_repr

__all__ = [
    "Source", "Text", "Strong", "Emph", "Code", "Link", "Note", "LineBreak", "Ref", "RefNumber", "Inline",
    "Heading", "Para", "ListItem", "ListBlock", "Column", "Row", "Table", "Box", "KeyFigure",
    "KeyFigures", "Quote", "Marker", "Decision", "ContentsEntry", "Contents", "ChartSeries", "Chart", "Image", "Block", "Part", "Meta", "Document",
]


def _eq(self, other):
    if other.__class__ is self.__class__:
        return self.__dict__ == other.__dict__
    return NotImplemented


def _hash(self):
    return hash(tuple(self.__dict__.values()))


@recursive_repr()
def _repr(self):
    fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
    return f"{self.__class__.__qualname__}({fields})"


def node(cls: type) -> type:
    """`cls` made a frozen dataclass, with the equality, hash and repr `dataclass(frozen=True)` would give it: equal
    to a node of the same class whose fields' values are equal, hashed as the tuple of its fields' values, shown as
    `Name(field=value, ...)`. A node's `__dict__` holds its fields alone, in their order (`__init__` sets them, and
    nothing can set another: `transforms.walk.replace` relies on it too), so these read it.

    Speed: `dataclass` writes these three methods anew for each class and compiles them, a third of the model's
    import (10-15 ms of every command's start, before a build forks its model workers); here they are written once
    for the model's classes (equality compares the two `__dict__` in C; no build calls it or the hash on the
    sample)."""
    cls = dataclass(frozen=True, eq=False, repr=False)(cls)
    cls.__eq__, cls.__hash__, cls.__repr__ = _eq, _hash, _repr
    return cls


@node
class Source:
    """Where a block or note was written: content file and line (and column, 1-based, where an inline was)."""

    file: str
    line: int
    col: int | None = None


# Inlines ---------------------------------------------------------------------------------


@node
class Text:
    """Plain text."""

    text: str


@node
class Strong:
    """Bold."""

    children: tuple


@node
class Emph:
    """Italic."""

    children: tuple


@node
class Code:
    """Literal text (symbols, file names)."""

    text: str


@node
class Link:
    """A hyperlink around its text; `source` where it is written (its words' `[`)."""

    target: str
    children: tuple
    source: Source | None = None


@node
class Note:
    """A footnote: the mark in the text, holding the note's blocks; `label` is the printed mark."""

    key: str
    blocks: tuple
    label: str | None = None
    source: Source | None = None
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)


@node
class LineBreak:
    """A forced line break."""


@node
class RefNumber:
    """The number a cross-reference's label shows of its target `target` (an anchor id), as printed: `12`, `III`,
    `二`. `kind` says where the target prints it, so that Word can compute it again: `paragraph` (Word's own
    paragraph numbering), `note` (a footnote's mark), `text` (typed in a heading's or caption's prefix), `none`
    (not in the body: an annex's number, printed in its header)."""

    target: str
    text: str
    kind: str


@node
class Ref:
    """A cross-reference `[](#id)` (or a range `[](#a)–[](#b)`) to the anchors `targets`; `children` the text the
    editor wrote (empty: the label is printed); `label` the resolved label as Text and RefNumber pieces
    (`paragraph ` + 12), set by `transforms.references`."""

    targets: tuple
    children: tuple = ()
    label: tuple = ()
    source: Source | None = None


Inline = Text | Strong | Emph | Code | Link | Note | LineBreak | Ref


# Blocks ----------------------------------------------------------------------------------


@node
class Heading:
    """A heading; `prefix` is the resolved chapter label (`Chapter 1: `, `一、`)."""

    level: int
    children: tuple
    prefix: str = ""
    source: Source | None = None
    toc: str = ""                        # the name a contents table's entry points at ('' when none lists it)
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)


@node
class Para:
    """A paragraph; numbered paragraphs get their printed `label` (`12.`) from a transform."""

    children: tuple
    numbered: bool = True
    label: str | None = None
    source: Source | None = None
    draft: bool = False
    role: str = ""                       # `decision`: a paragraph of the proposed decision, indented
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)


@node
class ListItem:
    """One list item: its printed label (`•`, `(a)`) and its blocks."""

    blocks: tuple
    label: str = ""


@node
class ListBlock:
    """A bullet list or a lettered `(a)`/roman `(i)` list."""

    style: str
    items: tuple
    source: Source | None = None
    role: str = ""                       # `decision`: the sub-items of a proposed decision, indented with it


@node
class Column:
    """A table column: heading, alignment (`left`, `right`, `center`) and relative width."""

    heading: str
    align: str = "left"
    width: float = 1.0
    source: Source | None = None         # where the heading was typed (document.yaml)


@node
class Row:
    """A table row of printed cells; kind is `body`, `heading`, `group`, `member`, `subtotal` or `total`."""

    cells: tuple
    kind: str = "body"
    source: Source | None = None         # where the row was typed (its data file's line)


@node
class Span:
    """A spanning heading over the consecutive columns `first` to `last` (indexes into Table.columns, the label
    column being 0), printed in a header row above theirs."""

    heading: str
    first: int
    last: int
    source: Source | None = None         # where the heading was typed (document.yaml)


@node
class Table:
    """A table placed from data, already formatted for the language."""

    name: str
    caption: tuple
    columns: tuple
    rows: tuple
    notes: tuple = ()
    source_line: tuple = ()
    unit: str = ""
    source: Source | None = None
    spans: tuple = ()                    # Span headings over groups of columns, left to right
    width: float = 1.0                   # the table's share of the text width (centred when less than 1)
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)
    prefix: str = ""                     # the caption's number, from a transform: `Table 2: ` / `表2：`
    landscape: bool = False              # printed on landscape pages of its own (wide budget tables)
    width_source: Source | None = None   # the line of its `width:` in document.yaml (None when not given)
    notes_typed: tuple = ()              # where each note, then the source line, was typed (Source or None)
    caption_typed: Source | None = None  # where the caption was typed (its paragraph)
    unit_typed: Source | None = None     # the line of its `unit:` in document.yaml (None when not given)


@node
class Box:
    """A shaded, bordered box (spotlight, case study) with an optional title."""

    title: tuple
    blocks: tuple
    variant: str = "box"
    source: Source | None = None


@node
class KeyFigure:
    """One key figure: the figure and what it counts."""

    figure: tuple
    label: tuple


@node
class KeyFigures:
    """A panel of key figures."""

    items: tuple
    source: Source | None = None


@node
class Quote:
    """A quotation with its attribution."""

    blocks: tuple
    attribution: tuple = ()
    source: Source | None = None


@node
class Marker:
    """A bracketed marker on its own line: `[Annex follows]`, `[End of document]`."""

    text: str


@node
class Decision:
    """The proposed decision as written (`::: decision`): its paragraphs and their sub-items. Only the parser makes
    it and only `transforms.decisions` reads it, replacing it by the lead-in and the blocks it holds (role
    `decision`), so writers never meet one."""

    blocks: tuple
    source: Source | None = None


@node
class ContentsEntry:
    """One row of a contents table: level (1 chapter or annex, 2 sub-heading), printed text, the `toc` name of
    the heading it points at, and the range of numbered paragraphs under it (`paragraphs 1 to 6`, or '')."""

    level: int
    text: str
    target: str
    paragraphs: str = ""


@node
class Contents:
    """A contents table: its title and rows (a transform fills both); `depth` 1 lists chapters and annexes, 2
    their sub-headings too; `paragraphs` adds the paragraph-range column."""

    depth: int = 1
    paragraphs: bool = False
    title: str = ""
    entries: tuple = ()
    source: Source | None = None


@node
class ChartSeries:
    """One series of a chart: its label as printed, the values drawn (floats in the axis' unit: a `percent` as a
    fraction, `chf_thousands` in thousands; None for an empty cell) and each value as a table prints it."""

    label: str
    values: tuple
    printed: tuple
    source: Source | None = None         # where the series' label was typed (document.yaml)


@node
class Chart:
    """A chart placed from data, already translated and formatted for the language (`charts` builds it).

    `kind` is `column`, `bar`, `line`, `pie` or `doughnut`; `grouping` `clustered`, `stacked` or `percent`
    (100% stacked; columns and bars only); `number` the figure type of the values (`integer`, `percent`, … as a
    table column's) with its `places`; `width` the share of the text width, `height` in centimetres."""

    name: str
    kind: str
    caption: tuple
    categories: tuple
    series: tuple
    grouping: str = "clustered"
    number: str = "integer"
    places: int = 0
    axis_title: str = ""
    data_labels: bool = False
    width: float = 1.0
    height: float = 7.5
    notes: tuple = ()
    source: Source | None = None
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)
    prefix: str = ""                     # the caption's number, from a transform: `Figure 2: ` / `图2：`
    notes_typed: tuple = ()              # where each note was typed (Source or None), as `notes`
    categories_typed: tuple = ()         # where each category's label was typed (its data row), as `categories`
    axis_title_typed: Source | None = None  # the line of its `axis_title:` in document.yaml
    caption_typed: Source | None = None  # where the caption was typed (its paragraph)



@node
class Image:
    """An image of the document folder (`![alt](figures/name.png)`), standing alone or in a `::: figure` with its
    caption: `picture` the file read and checked (`sources.images.Picture`: format, bytes, natural size in points),
    `alt` its alternative text (translated), `width` its share of the text width (0: its natural size)."""

    picture: object
    alt: str
    caption: tuple = ()
    width: float = 0.0
    notes: tuple = ()                    # the paragraphs after it in its `::: figure` (its source), as inlines
    source: Source | None = None
    anchor: str = ""                     # the id `{#id}` a cross-reference names it by ('' when none)
    prefix: str = ""                     # the caption's number, from a transform: `Figure 2: ` / `图2：`
    caption_typed: Source | None = None  # where the caption was typed (its paragraph)
    notes_typed: tuple = ()              # where each note was typed (Source or None), as `notes`


Block = Heading | Para | ListBlock | Table | Box | KeyFigures | Quote | Marker | Contents | Chart | Image


# Parts and document -------------------------------------------------------------------------


@node
class Part:
    """A cover note, the report or an annex, with its running-header texts."""

    kind: str
    id: str
    blocks: tuple
    label: str = ""
    header: str = ""
    first_header: str = ""
    new_page: bool = False
    restart_pages: bool = False
    landscape: bool = False              # its pages landscape (a section of its own in the DOCX)
    title_prefix: str = ""               # before its title in the PDF outline: `Annex I: ` / `附件一：` (catalog)


@node
class Meta:
    """The cover fields as printed (mixed case; `caps` names the fields shown in capitals)."""

    lang: str
    language_letter: str
    symbol: str
    original: str
    date: str
    body: str
    session_runs: tuple
    place_dates: str
    title: str
    author: str
    kind: str
    caps: tuple = ("symbol", "original", "date", "title")
    locale_tag: str = "en-US"
    page_word: str = "page {page}"
    issued: str = ""                     # the document's date, ISO 8601 (document properties)
    sources: tuple = ()                  # (field, Source): where each cover field was typed (document.yaml)
    language: object = None              # the l10n.language.Language profile the document is built in

    def source(self, name: str):
        """The Source of the cover field `name` (`title`, `place_dates`, ...), or None."""
        return dict(self.sources).get(name)

    @property
    def session(self) -> str:
        """The session line as one string."""
        return "".join(text for text, _ in self.session_runs)


@node
class Document:
    """A resolved document in one language."""

    meta: Meta
    parts: tuple = field(default_factory=tuple)
    attached: tuple = ()                 # Documents printed whole after the parts (a transmittal's), each its own
