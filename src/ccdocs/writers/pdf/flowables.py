"""Model blocks to flowables: numbered paragraphs, headings, lists, quotes, markers, and footnotes' text."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ...model import Box, Chart, Contents, Heading, Image, KeyFigures, ListBlock, Marker, Para, Quote, Table, Text
from ...model.dump import block_text
from ...parse.inlines import plain
from .charts import Hooks, chart_flowables
from .contents import contents_table
from .images import image_flowables
from ...transforms.decisions import ROLE
from .document import Locate, landscape_width
from .runs import Look, RunMaker, Where
from .keep import KeepWith, link, sticky
from .landscape import landscape_table, place, wide
from ...sources.themefile import cm
from .invisible import read_as
from .measure import Measure, item_source, label_hanging
from .tables import box, key_figures, table
from .setting import Setting, kept
from .text import TextBlock, TextStyle, label_width
from ...transforms.references import bookmarks
from ...sources.themefile import line_factor

KINDS = {Para: "this paragraph", Heading: "this heading", ListBlock: "this list", Quote: "this quotation",
         Marker: "this marker", Table: "this table", Box: "this box", KeyFigures: "these key figures",
         Contents: "the contents table", Chart: "this chart", Image: "this image"}


class TableMeasure(Measure):
    """A Measure keeping the width of each text's widest unit, by text, weight and heading look: a column's minimum
    reads every cell's, and the same texts come back across a document's tables (the headings, a region's name,
    `Total`; a 5,000-paragraph document's 100 tables of one data file: their 16 texts, not 1,600)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widths: dict = {}

    def widest(self, text: str, bold: bool = False, heading: bool = False) -> float:
        key = (text, bold, heading)
        found = self.widths.get(key)
        if found is None:
            found = self.widths[key] = super().widest(text, bold, heading)
        return found


class Builder:
    """Builds one document's flowables with the theme's values for its language; collects its notes."""

    def __init__(self, doc, theme, fonts, width: float):
        self.meta, self.theme, self.fonts, self.width = doc.meta, theme, fonts, width
        self.landscape_width = landscape_width(theme)
        lang = self.lang = doc.meta.lang
        self.body = theme.size(lang, "body")
        self.factor = line_factor(theme.data, lang)   # pdf.leading × spacing.line, as the DOCX's lines
        self.align = theme.get(f"pdf.align.{lang}", "left")
        self.autospace = float(theme.get("pdf.cjk_autospace", 0))
        self.language = doc.meta.language
        self.rtl = self.language.script.direction == "rtl"
        self.maker = RunMaker(fonts, self.language, float(theme.get("pdf.note_mark.scale", 0.65)),
                              float(theme.get("pdf.note_mark.rise", 0.35)), theme.get("pdf.link_color"),
                              doc.meta)
        self.maker.anchors = bookmarks(doc)
        self.notes: dict[str, list[TextBlock]] = {}
        self.outline_level = -1
        self.outline_count = 0
        self.part = None
        self.targets: dict[str, str] = {}   # a contents entry's target (Heading.toc) -> the heading's outline key
        self.pages: dict[str, dict] = {}    # symbol -> target -> printed page number, from the previous pass
        self.lengths: dict = {}             # (dotted, default, width) -> points, as `pt` read them
        self.svg_texts: dict = {}           # an SVG's bytes -> what its text check found (`svgtext.check_text`)
        self.dry = False                    # a layout for its page numbers alone: no page furniture drawn
        self.hooks = Hooks()                # reportlab graphics' assignment hooks, off from the first chart on (the
                                            # layout puts them back: paper.layout)

    # -- helpers --------------------------------------------------------------------------------

    @cached_property
    def measure(self) -> Measure:
        """The widths of tables' texts (measure.Measure), one for the layout: a text met in several tables (a
        heading, `Total`, a year) is split into runs, and its widest unit found, once (TableMeasure)."""
        return TableMeasure.of(self.theme, self.language, self.fonts)

    def pt(self, dotted: str, default: float = 0.0) -> float:
        """A theme length in points, `default` when absent; `N%` is a share of the text width. Read once per
        write for each width (a paragraph reads three or four)."""
        key = (dotted, default, self.width)
        found = self.lengths.get(key)
        if found is None:
            found = self.lengths[key] = self.length(dotted, default)
        return found

    def length(self, dotted: str, default: float) -> float:
        """`pt` as the theme gives it."""
        value = self.theme.get(dotted)
        if value is None:
            return default
        if isinstance(value, str) and value.strip().endswith("%"):
            return self.width * float(value.strip()[:-1]) / 100
        return self.theme.pt(dotted)

    def style(self, size: float, **kwargs) -> TextStyle:
        """A text style in `size` with the language's leading, alignment and auto-spacing."""
        kwargs.setdefault("align", self.align)
        kwargs.setdefault("rtl", self.rtl)
        return TextStyle(leading=size * self.factor, size=size, autospace=self.autospace, **kwargs)

    def setting(self, runs, style: TextStyle) -> Setting:
        """The Setting of `runs` in `style`, made once per write for the same runs (setting.kept; shared as the
        pieces of a split paragraph share it: it is never changed)."""
        return kept(self.fonts.settings, runs, style.autospace)

    def block_of(self, runs, style: TextStyle) -> TextBlock:
        """A text block of `runs` in `style`."""
        return TextBlock(runs, style, self.setting(runs, style))

    def text(self, inlines, look: Look, style: TextStyle, where: Where) -> TextBlock:
        """A text block of `inlines`; the notes it marks get their flowables."""
        seen = len(self.maker.notes)
        block = self.block_of(self.maker.runs(inlines, look, where), style)
        for note in self.maker.notes[seen:]:
            self.notes[self.maker.key + (note.label or "?")] = self.note_flows(note)
        return block

    def label(self, text: str, look: Look, where: Where) -> tuple:
        """The runs of a paragraph number or list label."""
        return tuple(self.maker.text(text, look, where))

    # -- parts and blocks ----------------------------------------------------------------------

    def blocks(self, part) -> list:
        """The flowables of a part's blocks, each heading and caption kept with what follows it."""
        self.part = part
        out = []
        with wide(self, part.landscape):
            for block in part.blocks:
                out = place(out, Locate(getattr(block, "source", None), KINDS[type(block)]), self.block(block),
                            closing=isinstance(block, Marker))
        return link(out)

    def block(self, block) -> list:
        """The flowables of one block."""
        return MAKERS[type(block)](self, block)

    def para(self, p: Para, **style) -> list:
        """A paragraph; a numbered one has its number at the margin and its text from the tab stop."""
        where = Where(p.source, f"paragraph {p.label}" if p.label else "a paragraph")
        look = Look(self.body)
        style.setdefault("after", self.pt("spacing.paragraph_after"))
        style.setdefault("anchor", self.maker.destination(p.anchor))
        if p.label:
            style.update(first=self.pt("numbered_paragraph.tab"), label=self.label(p.label, look, where))
        if p.role == ROLE:  # a proposed decision: number and text from the decision indent
            style.update(left=self.pt("decision.indent"), label_x=self.pt("decision.indent"))
        return [self.text(p.children, look, self.style(self.body, **style), where)]

    def heading(self, h: Heading) -> list:
        """A heading with its chapter prefix, an outline entry, kept with the lines that follow it."""
        level = min(h.level, 3)
        size = self.theme.size(self.lang, f"heading{level}")
        flags = (self.theme.get("pdf.headings") or {}).get(level) or {}
        look = Look(size, bold=bool(flags.get("bold")), italic=bool(flags.get("italic")), heading=True)
        where = Where(h.source, "a heading")
        label, first, prefix = (), 0.0, h.prefix
        if "\t" in prefix:
            number, _, prefix = prefix.partition("\t")
            label, first = self.label(number, look, where), self.pt("numbered_paragraph.tab")
        title = h.prefix.replace("\t", " ") + plain(h.children)
        if self.part is not None and self.part.kind == "annex" and h.level == 1 and self.part.label:
            title = self.part.title_prefix + title
        before, after = self.pt("spacing.heading_before"), self.pt("spacing.heading_after")
        style = self.style(size, align="left", before=before, after=after, label=label, first=first,
                           outline=self.outline_entry(title, h.level - 1), anchor=self.maker.destination(h.anchor))
        if h.toc:
            self.targets[h.toc] = style.outline[0]
        inlines = ((Text(prefix),) if prefix else ()) + tuple(h.children)
        return [KeepWith(int(self.theme.get("pdf.keep_lines", 3))), sticky(self.text(inlines, look, style, where))]

    def outline_entry(self, title: str, level: int) -> tuple:
        """(key, title, level) of a new outline entry, its level never deeper than one below the last."""
        level = max(0, min(level, self.outline_level + 1))
        self.outline_level = level
        self.outline_count += 1
        return (f"h{self.outline_count}", " ".join(read_as(title).split()), level)  # as a viewer should read it

    def list_block(self, lst: ListBlock, depth: int = 0, note: bool = False) -> list:
        """A list: labels hanging before the text, items a little apart, the list a paragraph apart. In a
        footnote (`note`): the note's size, labels at the note's tab, items a note's spacing apart (as the DOCX's
        `Footnote List`)."""
        hanging = self.pt(f"pdf.list_hanging.{self.lang}", self.pt("lists.hanging"))
        size = self.theme.size(self.lang, "footnote") if note else self.body
        if note:
            after = self.pt("spacing.footnote_after")
            label_x = self.pt("footnotes.tab") + self.pt("lists.indent") * depth
        else:
            after = self.pt("pdf.list_item_after")
            label_x = self.pt("lists.indent") * (depth + 1) - self.pt("lists.hanging")
        label_x += self.pt("decision.indent") if lst.role == ROLE else 0.0  # a proposed decision's sub-items
        # the widest label moves the text right when the hanging indent is too narrow for it (`(viii)`); one
        # needing more than half the line after label_x is refused
        hanging = label_hanging(self.fonts, self.language, size, self.autospace, [i.label for i in lst.items], hanging,
                                self.width - label_x, [item_source(i) or lst.source for i in lst.items])
        indent = label_x + hanging
        out = []
        for item in lst.items:
            for index, b in enumerate(item.blocks):
                if isinstance(b, Para):
                    where = Where(b.source or lst.source, f"list item {item.label}")
                    look = Look(size)
                    label = self.label(item.label, look, where) if index == 0 else ()
                    style = self.style(size, left=indent, label=label, label_x=label_x, after=after)
                    out.append((self.note_text if note else self.text)(b.children, look, style, where))
                elif isinstance(b, ListBlock):
                    out += self.list_block(b, depth + 1, note)
                else:
                    out += self.block(b)
        if out and depth == 0 and not note and isinstance(out[-1], TextBlock):
            out[-1].style = replace(out[-1].style, after=self.pt("spacing.paragraph_after"))
        return out

    def quote(self, q: Quote) -> list:
        """A quotation: indented on both sides, italic, its attribution right-aligned below."""
        indent = self.pt("quote.indent")
        look = Look(self.body, italic=True)
        out = []
        for b in q.blocks:
            where = Where(getattr(b, "source", None) or q.source, "a quotation")
            inlines = b.children if isinstance(b, Para) else (Text(block_text(b)),)
            out.append(self.text(inlines, look, self.style(self.body, left=indent, right=indent, after=6.0), where))
        if q.attribution:
            style = self.style(self.body, align="right", right=indent, after=self.pt("spacing.paragraph_after"))
            out.append(self.text((Text("— "),) + tuple(q.attribution), Look(self.body), style,
                                 Where(q.source, "a quotation's attribution")))
        elif out:
            out[-1].style = replace(out[-1].style, after=self.pt("spacing.paragraph_after"))
        return out

    def marker(self, m: Marker) -> list:
        """A marker on its own line, from the marker indent."""
        style = self.style(self.body, align="left", left=self.pt("pdf.marker_indent"),
                           before=self.pt("spacing.paragraph_after"), after=self.pt("spacing.paragraph_after"))
        return [self.text((Text(m.text),), Look(self.body), style, Where(None, f"the marker {m.text}"))]

    # -- footnotes ------------------------------------------------------------------------------

    def note_flows(self, note) -> list[TextBlock]:
        """A note's text: `N<tab>text` in the footnote size, its mark `N` raised as in the text (WIPO's form, as
        the DOCX's Footnote Reference), following paragraphs at the margin, lists as `Footnote List`."""
        size = self.theme.size(self.lang, "footnote")
        where = Where(note.source, f"footnote {note.label}")
        look = Look(size)
        scale, rise = self.maker.mark
        mark = tuple(replace(run, size=size * scale, rise=size * rise)
                     for run in self.label(note.label or "", look, where))
        stars = len(note.label or "") if set(note.label or "") == {"*"} else 0   # the cover note's `***…`
        wide = label_width(mark) + size / 2
        if stars > 8 and wide > self.width / 2 >= wide - label_width(mark) / stars:  # the first note too wide
            source = note.source
            self.maker.problems.add(source.file if source else "document", source.line if source else None,
                                    f"footnote {stars} of the cover note is marked with {stars} asterisks, "
                                    f"{cm(label_width(mark))} wide, and each note after it with one more: a note's "
                                    "mark may take half the line", "keep the cover note's notes few (move them to "
                                    "the report, where they are numbered), or merge them")
        flows = [] if note.blocks and isinstance(note.blocks[0], Para) else [self.block_of(mark, self.style(size))]
        for index, b in enumerate(note.blocks):
            if isinstance(b, ListBlock):
                flows += self.list_block(b, note=True)
                continue
            label = mark if index == 0 else ()
            inlines = b.children if isinstance(b, Para) else (Text(block_text(b)),)
            style = self.style(size, first=self.pt("footnotes.tab") if index == 0 else 0.0, label=label,
                               after=self.pt("spacing.footnote_after"),
                               anchor=self.maker.destination(note.anchor) if index == 0 else "")
            flows.append(self.block_of(self.maker.runs(inlines, look, where), style))
        return flows

    def note_text(self, inlines, look: Look, style: TextStyle, where: Where) -> TextBlock:
        """A text block inside a note (its marks were refused at input: it brings no notes)."""
        return self.block_of(self.maker.runs(inlines, look, where), style)


# The maker of each block type's flowables, `maker(builder, block)`.
MAKERS = {Para: Builder.para, Heading: Builder.heading, ListBlock: Builder.list_block, Quote: Builder.quote,
          Marker: Builder.marker, Table: lambda b, t: landscape_table(b, t, table) if t.landscape else table(b, t),
          Box: box, KeyFigures: key_figures, Contents: contents_table, Chart: chart_flowables, Image: image_flowables}
