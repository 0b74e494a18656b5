"""Frozen dataclasses of the document model: inlines, blocks, parts, the document."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Source", "Text", "Strong", "Emph", "Code", "Link", "Note", "LineBreak", "Inline",
    "Heading", "Para", "ListItem", "ListBlock", "Column", "Row", "Table", "Box", "KeyFigure",
    "KeyFigures", "Quote", "Marker", "Block", "Part", "Meta", "Document",
]


@dataclass(frozen=True)
class Source:
    """Where a block or note was written: content file and line."""

    file: str
    line: int


# Inlines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str


@dataclass(frozen=True)
class Strong:
    """Bold."""

    children: tuple


@dataclass(frozen=True)
class Emph:
    """Italic."""

    children: tuple


@dataclass(frozen=True)
class Code:
    """Literal text (symbols, file names)."""

    text: str


@dataclass(frozen=True)
class Link:
    """A hyperlink around its text."""

    target: str
    children: tuple


@dataclass(frozen=True)
class Note:
    """A footnote: the mark in the text, holding the note's blocks; `label` is the printed mark."""

    key: str
    blocks: tuple
    label: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class LineBreak:
    """A forced line break."""


Inline = Text | Strong | Emph | Code | Link | Note | LineBreak


# Blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; `prefix` is the resolved chapter label (`Chapter 1: `, `一、`)."""

    level: int
    children: tuple
    prefix: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph; numbered paragraphs get their printed `label` (`12.`) from a transform."""

    children: tuple
    numbered: bool = True
    label: str | None = None
    source: Source | None = None
    draft: bool = False


@dataclass(frozen=True)
class ListItem:
    """One list item: its printed label (`•`, `(a)`) and its blocks."""

    blocks: tuple
    label: str = ""


@dataclass(frozen=True)
class ListBlock:
    """A bullet list or a lettered `(a)`/roman `(i)` list."""

    style: str
    items: tuple
    source: Source | None = None


@dataclass(frozen=True)
class Column:
    """A table column: heading, alignment (`left`, `right`, `center`) and relative width."""

    heading: str
    align: str = "left"
    width: float = 1.0
    source: Source | None = None         # where the heading was typed (document.yaml)


@dataclass(frozen=True)
class Row:
    """A table row of printed cells; kind is `body`, `heading`, `group`, `member`, `subtotal` or `total`."""

    cells: tuple
    kind: str = "body"
    source: Source | None = None         # where the row was typed (its data file's line)


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Box:
    """A shaded, bordered box (spotlight, case study) with an optional title."""

    title: tuple
    blocks: tuple
    variant: str = "box"
    source: Source | None = None


@dataclass(frozen=True)
class KeyFigure:
    """One key figure: the figure and what it counts."""

    figure: tuple
    label: tuple


@dataclass(frozen=True)
class KeyFigures:
    """A panel of key figures."""

    items: tuple
    source: Source | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation with its attribution."""

    blocks: tuple
    attribution: tuple = ()
    source: Source | None = None


@dataclass(frozen=True)
class Marker:
    """A bracketed marker on its own line: `[Annex follows]`, `[End of document]`."""

    text: str


Block = Heading | Para | ListBlock | Table | Box | KeyFigures | Quote | Marker


# Parts and document -------------------------------------------------------------------------


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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

    def source(self, name: str):
        """The Source of the cover field `name` (`title`, `place_dates`, ...), or None."""
        return dict(self.sources).get(name)

    @property
    def session(self) -> str:
        """The session line as one string."""
        return "".join(text for text, _ in self.session_runs)


@dataclass(frozen=True)
class Document:
    """A resolved document in one language."""

    meta: Meta
    parts: tuple = field(default_factory=tuple)
