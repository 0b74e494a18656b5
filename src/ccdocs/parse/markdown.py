"""Rendered Markdown of one content file to model blocks (markdown-it-py and its plugins)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import Collector, Problem, code_points, did_you_mean
from ..model import (Box, Contents, Decision, Emph, Heading, KeyFigure, KeyFigures, Link, ListBlock, ListItem, Note,
                     Para, Quote, Ref, Source, Strong, Text)
from . import anchors, attributes, dispatch, html, images, misread, pipe_tables, survey, visible
from .grammar import (BOX, DECISION, DECISION_ITEM, HEADING_LEVELS, ITEM, LIST_LEVELS, NOTE,
                      NOUNS, PART, QUOTE, check_place, meaningless_attrs)
from .inlines import convert, plain
from .lines import locate, locate_next

REFERENCE = re.compile(r"(?:\[(?:[^\[\]\\]|\\.)*\])?\(#")  # a reference as typed, to its `(#`: `[words](#`
LINK = re.compile(r"(?:\[(?:[^\[\]\\]|\\.)*\]\((?!#)[ \t]*<?|<)")  # a link as typed, to its address: `[words](`, `<`
CONTAINERS = ("box", "keyfigures", "table", "contents", "decision", "chart", "figure")
OTHER_CONTAINER = "other"
CONTENTS_OPTIONS = ("subheadings", "paragraphs")
UNDEFINED_NOTE = re.compile(r"\[\^([^\]\[\s]+)\]")  # a label holds no `[`: linear on `[^[^[^…`
UNDEFINED_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\[((?:[^\[\]\\]|\\.)*)\]")
ATTRIBUTION = ("—", "--", "―")
# A paragraph that is one of these alone is another tool's command: `[TOC]`, `[[_TOC_]]`, `@[toc]`, `${toc}`,
# `{:toc}`, `\tableofcontents`, `\newpage` (with a letter in it: an omission `[…]` is text).
FOREIGN = re.compile(r"[@$]?(?:\[\[[^\[\]\n]*\]\]|\[(?!\^)[^\[\]\n]*\]|\{[^{}\n]*\})|\\[A-Za-z]+\*?(?:\{[^{}\n]*\})?")
LETTER = re.compile(r"[^\W\d_]")
# A paragraph or heading beginning with one of these is another tool's block: a LaTeX command (`\newpage …`), an
# admonition (`!!! note`, `??? note`), a display formula (`$$`), a container's line (`::: toc`, from a translation).
FOREIGN_START = re.compile(r"\\[A-Za-z]{2,}\b|(?:!!!|\?\?\?\+?)[ \t]*[A-Za-z\"]|\$\$|:::")
WRAPPED = re.compile(r"([*_]{1,3})(.+)\1\\?|(.+?)\\")  # `*[TOC]*`, `**[TOC]**`, `[TOC]\`: the token inside
FULL_WIDTH = re.compile(r"[［【〔]([\x21-\x7e ]+)[］】〕]")  # `［TOC］`, `【TOC】`: a token in Latin letters
# The first characters of a paragraph that may hold a FOREIGN token: the token's own, emphasis around it, a
# full-width bracket (a text ending in a backslash may hold one anywhere)
MAY_WRAP = frozenset("@$[{\\*_［【〔")
TASK = re.compile(r"\[[ xX]\]\s")
WEB_SCHEMES = ("http", "https")  # with a host; or `mailto:`


@cache
def parser() -> MarkdownIt:
    """CommonMark with footnotes, block attributes, our containers, GFM pipe tables (read as plain tables),
    strikethrough and HTML recognised (so that each is read, refused or left out where it stands, never printed
    as text), link definitions kept as tokens, and
    the survey of what the parser would otherwise hide (`survey`).

    Made once per process (never changed after; each parse keeps its state in its own env): building one
    costs as much as parsing a paragraph, and every paragraph of a translation is checked with it.
    """
    md = MarkdownIt("commonmark", {"html": True, "inline_definitions": True}).enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(attrs_block_plugin).use(attrs_plugin, after=("image",))  # `{width="50%"}`
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    md.use(container_plugin, name=OTHER_CONTAINER, validate=lambda *_: True)
    _containers_as_one(md)
    _plain_escapes(md)
    _footnote_refs_linear(md)
    md.core.ruler.after("normalize", "line_ended", _line_ended)
    md.validateLink = lambda url: True  # every link becomes a token, whose address is checked where it stands
    survey.install(md)
    misread.install(md)
    anchors.install(md)
    attributes.install(md)
    dispatch.by_first_character(md)  # the same tokens, each line given only to the rules that may take it
    return md


def _containers_as_one(md: MarkdownIt) -> None:
    """Try the containers' block rules (one `container_plugin` rule per name, in their order) as one rule.

    markdown-it tries every block rule at each line a block may start on, and every paragraph line against the
    rules that may end a paragraph: eight container rules each looked at each line only to find that it does not
    begin with the marker `:`. The one rule looks once, then hands a `:` line to the eight in their order, with
    their place and the blocks they may end (`alt`): the same tokens, an eighth of the calls.
    """
    ruler = md.block.ruler
    names = [f"container_{name}" for name in (*CONTAINERS, OTHER_CONTAINER)]
    found = {rule.name: rule for rule in ruler.__rules__ if rule.name in names}
    rules = tuple(found[name].fn for name in names)

    def container(state, start_line: int, end_line: int, silent: bool) -> bool:
        start = state.bMarks[start_line] + state.tShift[start_line]
        if state.src[start:start + 1] != ":":  # each container rule's own first test (their marker is `:`)
            return False
        return any(rule(state, start_line, end_line, silent) for rule in rules)

    ruler.at(names[0], container, {"alt": list(found[names[0]].alt)})
    ruler.disable(names[1:])


# Escaped characters read as text where they stand (see `_plain_escapes`): the punctuation of formatted figures
PLAIN_ESCAPES = frozenset(",.%()'")


def _line_ended(state) -> None:
    """End a text's last line with a line break before its blocks are read (a core rule after `normalize`).

    markdown-it-py and mdit-py-plugins' container rule read past the end of a text whose last line has no line
    break and lies in a block quote or list (`> ::: box` then `>`): an IndexError instead of the blocks. A line
    break at the end changes no block, no line number and no inline text (CommonMark: the last line ending is
    optional); an inline parse (`parseInline`, a catalog's texts) is left as it is.
    """
    if not state.inlineMode and not state.src.endswith("\n"):
        state.src += "\n"


def _plain_escapes(md: MarkdownIt) -> None:
    """Read an escape of PLAIN_ESCAPES (`15\\,921`, `42\\.8\\%`: `templating` escapes a figure's punctuation) as
    its character added to the text around it; every other escape is markdown-it's `escape` rule's.

    markdown-it's rule makes each escaped character a token of its own (`text_special`, a quarter of the parse
    of a document of figures), which its `text_join` step then merges into the text around it: the same tokens
    come out. Before that step only the hard-break rule (a space before a line break), the attributes rule
    (`{…}` after a token) and the survey read the text as pieces; none of them reads these characters, but the
    survey tells a `<!--` once per piece holding it, so a text holding one is left to markdown-it's rule.
    """
    ruler = md.inline.ruler
    escape = next(rule.fn for rule in ruler.__rules__ if rule.name == "escape")

    def plain_escape(state, silent: bool) -> bool:
        pos = state.pos
        if state.src[pos] != "\\":
            return False
        if pos + 1 < state.posMax and state.src[pos + 1] in PLAIN_ESCAPES and "<!--" not in state.src:
            if not silent:
                state.pending += state.src[pos + 1]
            state.pos = pos + 2
            return True
        return escape(state, silent)

    ruler.at("escape", plain_escape)


# What ends a footnote mark's label: its `]`; or a space, a line end (no label then, as the rule finds), or a `[`
# (a label holds none, as a link's does not: CommonMark)
LABEL_END = re.compile(r"[ \n\]\[]")


def _footnote_refs_linear(md: MarkdownIt) -> None:
    """mdit-py-plugins' `footnote_ref` rule, its label's end found in time linear in the text.

    The rule looks from each `[^` for the `]` ending its label, up to a space or line end: over a text of many
    `[^` and none of those (`[^[^[^…`, 40 KB) that is quadratic (a translation of 8,000 of them took `i18n stats`
    25 s, each doubling three times that). Here where the label ends (`LABEL_END`) is searched once for a stretch
    of the text and kept on the inline state (`ccdocs_label_end`: searched from, found at): a `[^` whose label does
    not end in `]` is no mark, as the rule finds; the rule itself is asked only of one that does.
    """
    ruler = md.inline.ruler
    footnote_ref = next(rule.fn for rule in ruler.__rules__ if rule.name == "footnote_ref")

    def linear_footnote_ref(state, silent: bool) -> bool:
        src, start = state.src, state.pos + 2
        if src.startswith("[^", state.pos):
            since, at = getattr(state, "ccdocs_label_end", (-1, -1))
            if not since <= start <= at:  # no label's end between `since` and `at`
                found = LABEL_END.search(src, start)
                since, at = state.ccdocs_label_end = start, found.start() if found else len(src)
            if at >= state.posMax or src[at] != "]":
                return False
        return footnote_ref(state, silent)

    ruler.at("footnote_ref", linear_footnote_ref)


@dataclass
class _Context:
    """State of one file's conversion: where we are, its footnotes, its problems."""

    shown: str
    out: Collector
    place_table: object
    line_offset: int = 0
    draft: bool = False
    lines: list = field(default_factory=list)
    line: int = 1
    end: int = 1
    in_note: bool = False
    notes: dict = field(default_factory=dict)
    used: set = field(default_factory=set)
    note_anchors: dict = field(default_factory=dict)   # footnote label -> its `{#id}`
    place_chart: object = None                         # `::: chart NAME` -> a Chart (charts.ChartPlacer)
    images: dict = field(default_factory=dict)         # image path as written -> its sources.images.Picture
    anchored: set = field(default_factory=set)         # lines of the anchors `{#id}` read (or refused) so far
    no_figure: frozenset = frozenset()                 # a table cell's words for "no figure": the catalogs' `n/a`
    since: tuple = (-1, 0, 0)                          # the block's first line, the place after its last link found
    unused_notes: list = field(default_factory=list)   # labels of the notes defined and never marked (`_undefined`)

    def source(self, node) -> Source:
        """The Source of `node`, whose lines become the current block's (`at`)."""
        self.at(node)
        return Source(self.shown, self.line)

    def at(self, node) -> None:
        """Make `node`'s lines, when it has some, the current block's (where problems are told)."""
        lines = node.map  # a syntax-tree node makes this tuple anew at each reading
        self.since = (-1, 0, 0)
        if lines:
            self.line = lines[0] + 1 + self.line_offset
            self.end = lines[1] + self.line_offset

    def add(self, line: int | None, message: str, hint: str | None = None, col: int | None = None) -> None:
        """A problem at `line` (and `col`) of the file, named as shown (made once: a file may have thousands)."""
        self.out.extend([Problem(self.shown, line, col, message, hint)])

    def fail(self, message: str, hint: str | None = None, col: int | None = None) -> None:
        self.add(self.line, message, hint, col)

    def fail_at(self, needle: str | re.Pattern, message: str, hint: str | None = None) -> None:
        """A problem at the line and column of `needle`, searched in the current block's lines."""
        first = self.line - 1 - self.line_offset
        line, col = locate(self.lines, first, self.end - self.line_offset, needle)
        self.add(line + 1 + self.line_offset, message, hint, col)

    def note(self, meta) -> Note | None:
        """The Note a mark calls (None, with the problem recorded, from inside a note)."""
        if self.in_note:
            mark = f"[^{meta['label']}]"
            self.fail_at(re.compile(re.escape(mark) + "(?!:)"), f"a footnote may not carry a footnote mark (`{mark}`)",
                         "write the reference into the note's text")
            return None
        note_id = meta["id"]
        if note_id in self.used:
            self.fail(f"footnote `[^{meta['label']}]` is referenced twice", "give each mark its own note")
        self.used.add(note_id)
        label, blocks, source = self.notes[note_id]
        anchor = self.anchor({"id": self.note_anchors.get(label, "")}, source.line - 1)
        return Note(f"{self.shown}#{label}", blocks, None, source, anchor)

    def anchor(self, attrs, line: int) -> str:
        """The id of an attribute `{#id}` given at `line` ('' when none; an invalid id is a problem there)."""
        name = str(attrs.get("id", ""))
        self.anchored.add(line)
        if name and not anchors.ID.fullmatch(name):
            self.add(line, f"`#{name[:60]}` is not an id", _id_hint(name))
            return ""
        return name

    def reference(self, target: str, children: tuple) -> Ref | Text:
        """The Ref `[text](#target)` makes, located at its line and column (text alone, with the problem
        recorded, when `target` is not an id)."""
        line, col = self.place(re.compile(REFERENCE.pattern + re.escape(target) + r"\)"), REFERENCE)
        if not anchors.ID.fullmatch(target):
            self.add(line + 1 + self.line_offset, f"`#{target[:60]}` is not an id: a reference `[](#id)` names the "
                     "id an anchor `{#id}` gives a block", _id_hint(target), col)
            return Text(plain(children))
        return Ref((target,), children, (), Source(self.shown, line + 1 + self.line_offset, col))

    def place(self, pattern: re.Pattern, candidate: re.Pattern) -> tuple[int, int | None]:
        """(0-based line of the file's lines, 1-based column) of the piece `pattern` reads, the next of the current
        block's pieces `candidate` reads after the last one found (`lines.locate_next`): a block's references, met
        in the order they are written, each found at its own place, not all at the first alike."""
        first = self.line - 1 - self.line_offset
        since = self.since[1:] if self.since[0] == first else (first, 0)
        line, col, after = locate_next(self.lines, first, self.end - self.line_offset, pattern, candidate, since)
        self.since = (first, *after)
        return line, col

    def link(self, href: str) -> Source | None:
        """Where the link to `href` stands when it may stand in a paper (an http(s) or mailto address: its
        column None when not found as typed); else None, with the problem recorded."""
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme == "mailto" or (scheme in WEB_SCHEMES and parts.netloc):
            typed = "|".join(map(re.escape, sorted({href, unquote(href), href.removeprefix("mailto:")})))  # `/é` %-encoded
            line, col = self.place(re.compile(f"{LINK.pattern}(?:{typed})"), LINK)
            return Source(self.shown, line + 1 + self.line_offset, col)
        line, col = self.place(LINK, LINK)  # this link, the next of the block's, where it is typed: at its address
        opening = LINK.match(self.lines[line], col - 1) if col is not None else None
        col = opening.end() + 1 if opening else col
        self.add(line + 1 + self.line_offset, f"a link to `{unquote(href)[:80]}`: a link in a paper goes to an "
                 "http(s) or mailto address", "write the full address: `https://…`", col)  # as typed, not %-encoded
        return None

    def html(self, content: str) -> bool:
        """Whether HTML `content` is left out quietly (a comment in a draft); else the problem is recorded."""
        what = html.kind(content)
        if what == html.COMMENT and self.draft:
            return True
        self.fail_at(content.lstrip()[:20].split("\n")[0], *html.message(what))
        return False


def _classes(node) -> set:
    return set(str(node.attrs.get("class", "")).split())


def _inline(node, ctx) -> tuple:
    inline = node.children[0] if node.children else None
    if inline is None:
        return ()
    children = convert(inline.children, ctx)
    if visible.may_hold_tab(inline.content):   # a tab in the text: a tab stop in Word, a space in the PDF
        visible.refuse_tab(ctx, children)
    if visible.may_hold_separator(inline.content):   # U+2028, U+2029: a line break no font draws
        visible.refuse_separator(ctx, children)
    return children


def _list(node, ctx, levels: int, ordered: int, place: str = PART) -> ListBlock | None:
    source = ctx.source(node)
    if levels + 1 > LIST_LEVELS:
        ctx.fail(f"a list nested {levels + 1} levels deep: a WO/CC paper has {LIST_LEVELS} list levels",
                 "make the deeper items sentences of the item above, or items of the same level")
        return None
    style = "bullet" if node.type == "bullet_list" else ("alpha", "roman")[ordered % 2]  # a decision's: roman
    items = []
    for item in node.children:
        ctx.at(item)
        if not item.children:
            ctx.fail("an empty list item", "write its text after the mark, or delete the mark")
        inside = DECISION_ITEM if place in (DECISION, DECISION_ITEM) else ITEM  # a decision's items, at any depth
        items.append(ListItem(_blocks(item.children, ctx, inside, levels + 1, ordered + (style != "bullet"))))
    return ListBlock(style, tuple(items), source)


def _quote(node, ctx) -> Quote:
    source = ctx.source(node)
    if not node.children:
        ctx.fail("an empty quotation", "write the quoted text after `>`, or delete the line")
    blocks = list(_blocks(node.children, ctx, QUOTE))
    attribution = ()
    if blocks and isinstance(blocks[-1], Para) and plain(blocks[-1].children).startswith(ATTRIBUTION):
        attribution = _undashed(blocks[-1].children)
        if attribution:  # a dash alone stays the paragraph it is
            blocks.pop()
    return Quote(tuple(blocks), attribution, source)


def _undashed(inlines: tuple) -> tuple:
    """An attribution's inlines without the dash typed before them (`—`, `--`, `―`) and the spaces after it, taken
    from its first text, inside emphasis or a link too (`— **Jane Doe**, Director`): every writer prints its own
    dash before an attribution."""
    first, rest = inlines[0], inlines[1:]
    if isinstance(first, Text):
        text = first.text.lstrip("—-― ")
        return ((Text(text),) if text else ()) + rest
    if isinstance(first, Strong | Emph | Link) and first.children:
        return (replace(first, children=_undashed(first.children)),) + rest
    return inlines


def _extra_words(node, ctx) -> None:
    """Refuse words after a container's name on its `:::` line: they would not be printed."""
    words = node.info.split()
    if len(words) > 1:
        ctx.fail(f"`{' '.join(words[1:])[:60]}` after `::: {words[0]}` would not be printed",
                 "write a box's title as a `###` heading on the line after `::: box`")


def _box(node, ctx) -> Box:
    source = ctx.source(node)
    _extra_words(node, ctx)
    children = list(node.children)
    title = ()
    if children and children[0].type == "heading":
        title = _heading(children.pop(0), ctx).children
    if not children and not title:
        ctx.fail("an empty box", "write its text between `::: box` and `:::`, or delete it")
    return Box(title, _blocks(children, ctx, BOX), "box", source)


def _keyfigures(node, ctx) -> KeyFigures:
    source = ctx.source(node)
    _extra_words(node, ctx)
    items = []
    lists = [child for child in node.children if child.type == "bullet_list"]
    if len(lists) != 1 or len(lists) != len(node.children):
        ctx.fail("a keyfigures box holds one bullet list: `- **1,735** staff`")
        return KeyFigures((), source)
    for item in lists[0].children:
        ctx.at(item)
        if [c.type for c in item.children] != ["paragraph"]:
            ctx.fail("a key figure is one line: `- **1,735** staff`", "write further text in the report")
            continue
        inlines = _inline(item.children[0], ctx)
        if not inlines or not isinstance(inlines[0], Strong):
            ctx.fail("each key figure starts with its figure in bold: `- **1,735** staff`")
            continue
        label = list(inlines[1:])
        if label and hasattr(label[0], "text"):
            label[0] = type(label[0])(label[0].text.lstrip())
        items.append(KeyFigure(inlines[0].children, tuple(label)))
    return KeyFigures(tuple(items), source)


def _contents(node, ctx) -> Contents:
    """`::: contents`, optionally `subheadings` (list `##` headings too) and `paragraphs` (the paragraph
    ranges); the container stays empty: the transform `contents` fills it."""
    source = ctx.source(node)
    words = node.info.split()[1:]
    for word in words:
        if word not in CONTENTS_OPTIONS or words.count(word) > 1:
            ctx.fail(f"`{word[:60]}` after `::: contents` is not an option (or is repeated)",
                     "options: " + ", ".join(f"`{option}`" for option in CONTENTS_OPTIONS))
    if node.children:
        ctx.fail("a contents table is made from the headings: nothing is written inside `::: contents`",
                 "close it with `:::` on the next line")
    return Contents(2 if "subheadings" in words else 1, "paragraphs" in words, source=source)


def _table(node, ctx):
    """`::: table NAME` (a table from data) or `::: table` around a pipe table: a caption paragraph first, then
    the table, then notes."""
    source = ctx.source(node)
    words = node.info.split()
    if len(words) > 2:
        ctx.fail("write a table placement as `::: table NAME`", "NAME is a key under `tables:` in document.yaml")
        return None
    paras, drawn = [], []
    for child in node.children:
        ctx.at(child)
        if child.type == "paragraph":
            paras.append(child)
        elif child.type == "table" and len(words) == 1 and not drawn:
            drawn.append((child, len(paras)))
        elif child.type == "html_block":
            ctx.html(child.content)
        elif child.type == "table":
            ctx.fail(f"`::: table {words[1]}` places a table from data; a `|` pipe table cannot stand in it"
                     if len(words) == 2 else "a `::: table` holds one pipe table",
                     "put the pipe table in a `::: table` of its own, without a name")
        else:
            ctx.fail("a table placement holds its caption, then its notes, as paragraphs",
                     "write other text before or after the `::: table` lines")
    if len(words) == 1:
        return _drawn_table(drawn, paras, ctx, source)
    caption = _inline(paras[0], ctx) if paras else ()
    typed = tuple(ctx.source(p) for p in paras)  # where the caption's and notes' problems (translations') are told
    notes = tuple(_inline(p, ctx) for p in paras[1:])
    return ctx.place_table(words[1], caption, source, notes, typed[0] if typed else None, typed[1:])


def _chart(node, ctx):
    """`::: chart NAME` (a chart from data): its caption the first paragraph, its notes the others."""
    source = ctx.source(node)
    words = node.info.split()
    if len(words) != 2:
        ctx.fail("write a chart placement as `::: chart NAME`", "NAME is a key under `charts:` in document.yaml")
        return None
    paras = []
    for child in node.children:
        ctx.at(child)
        if child.type == "paragraph":
            paras.append(child)
        else:
            ctx.fail("a chart placement holds its caption, then its notes, as paragraphs",
                     "write other text before or after the `::: chart` lines")
    caption = _inline(paras[0], ctx) if paras else ()
    typed = tuple(ctx.source(p) for p in paras)  # where the caption's and notes' problems (translations') are told
    return ctx.place_chart(words[1], caption, source, tuple(_inline(p, ctx) for p in paras[1:]),
                           typed[0] if typed else None, typed[1:])


def _drawn_table(drawn: list, paras: list, ctx, source: Source):
    """The pipe table of a `::: table` without a name, its caption the one paragraph before it, its notes after."""
    if not drawn:
        ctx.line = source.line
        ctx.fail("a `::: table` without a name holds a `|` pipe table (its caption the paragraph before it)",
                 "add the pipe table, or name a table of document.yaml: `::: table NAME`")
        return None
    table, before = drawn[0]
    if before > 1:
        ctx.at(paras[1])
        ctx.fail("a table's caption is one paragraph, before the pipe table",
                 "join the paragraphs into one caption, or write them after the table as its notes")
    caption = _inline(paras[0], ctx) if before else ()
    typed = tuple(ctx.source(p) for p in paras)  # where the caption's and notes' problems (translations') are told
    return _pipe_table(table, ctx, caption, tuple(_inline(p, ctx) for p in paras[before:]),
                       typed[0] if before else None, typed[before:])


def _pipe_table(node, ctx, caption: tuple = (), notes: tuple = (), caption_typed=None, notes_typed: tuple = ()):
    """A `|` pipe table as a plain Table (see `pipe_tables.build_table`); a cell's undefined footnote mark or
    reference link is refused at its row."""

    def cell(inline) -> tuple:
        inlines = convert(inline.children, ctx)
        if visible.may_hold_tab(inline.content):
            visible.refuse_tab(ctx, inlines)
        if visible.may_hold_separator(inline.content):
            visible.refuse_separator(ctx, inlines)
        if inlines and visible.blank(inlines):   # an empty cell is written `| |`
            visible.refuse_blank(ctx, "table cell", inlines)
        for message, hint, mark in _undefined(plain(inlines), None, ctx.unused_notes):
            ctx.fail_at(mark, message, hint)
        return inlines

    return pipe_tables.build_table(node, cell, ctx, caption, notes, caption_typed, notes_typed)


def _decision(node, ctx) -> Decision:
    """A proposed decision: its paragraphs, each numbered, then their sub-items `(i)`, `(ii)` (an ordered list
    begins at the roman level); the lead-in is the toolkit's (transforms.decisions)."""
    source = ctx.source(node)
    words = node.info.split()
    if len(words) > 1:
        ctx.fail(f"`{' '.join(words[1:])[:60]}` after `::: decision` would not be printed",
                 "ccdocs prints the lead-in (\"The following decision paragraph is proposed.\"); write the decision "
                 "on the lines below `::: decision`")
    blocks = _blocks(node.children, ctx, DECISION, 0, 1)
    if not blocks or not isinstance(blocks[0], Para):
        ctx.add(source.line, "a proposed decision begins with its paragraph" if blocks else "an empty proposed "
                "decision", "write the decision paragraph between `::: decision` and `:::`, its sub-items after it")
    return Decision(blocks, source)


def _foreign(node, ctx, place: str) -> bool:
    """Whether a paragraph is refused as another tool's construct that would print as text: a bracketed or braced
    token alone (`[TOC]`, `[[_TOC_]]`, `{:toc}`, `[Annex follows]` typed by hand), a backslash command alone
    (`\\tableofcontents`), a task-list box `[ ]` / `[x]` starting a list item. An escaped `\\[` prints brackets."""
    inline = node.children[0] if node.children else None
    raw = inline.content.strip() if inline is not None else ""
    task = place in (ITEM, DECISION_ITEM) and TASK.match(raw + " ")
    if not (task or _foreign_text(raw)):
        return False  # the common case, told without looking at the inline tokens
    plain_text = inline is not None and not any(child.type in ("link", "footnote_ref", "image", "html_inline")
                                                for child in inline.children or ())
    if plain_text and _foreign_text(raw):
        ctx.fail(f"`{raw.splitlines()[0][:40]}` is the markup of another tool (a contents table, a marker, a page "
                 "break, an admonition, a formula): ccdocs would print it as text",
                 "a contents table is `::: contents`; ccdocs prints the `[… follows]` and `[End of document]` "
                 "markers itself; to print the brackets as typed, write `\\[`")
        return True
    if plain_text and task:
        ctx.fail(f"`{raw[:3]}` starting a list item is a task-list box: it would print as brackets",
                 "write the item without it, or `\\[ ]` to print the brackets")
        return True
    return False


def _foreign_text(raw: str) -> bool:
    """Whether the text of a paragraph or heading, as typed (stripped), is another tool's construct: a token alone
    (FOREIGN), also wrapped in emphasis, before a hard break's backslash or in full-width brackets, or a block
    beginning with FOREIGN_START."""
    if raw[:1] not in MAY_WRAP and not raw.endswith("\\"):  # then the token is `raw`: no FOREIGN (see MAY_WRAP)
        return bool(FOREIGN_START.match(raw))
    wrapped = WRAPPED.fullmatch(raw)
    token = FULL_WIDTH.sub(r"[\1]", (wrapped.group(2) or wrapped.group(3)).strip() if wrapped else raw)
    return bool(FOREIGN.fullmatch(token) and LETTER.search(token) or FOREIGN_START.match(raw))


def _heading(node, ctx) -> Heading:
    source = ctx.source(node)
    inline = node.children[0] if node.children else None
    if inline is not None and _foreign_text(inline.content.strip()):
        ctx.fail(f"`{inline.content.strip()[:40]}` as a heading is a command of another tool: ccdocs would print "
                 "it as text", "a contents table is `::: contents`; write the heading's words")
    level = int(node.tag[1])
    if level > HEADING_LEVELS:
        ctx.fail(f"a heading has at most {HEADING_LEVELS} levels (`{'#' * HEADING_LEVELS}`), not {level}",
                 "use `##` or `###`")
    children = _inline(node, ctx)
    if not plain(children).strip() or visible.blank(children):
        ctx.fail("a heading without text", "write the heading after the `#`, or delete the line")
    return Heading(level, children, "", source)


def _container_end(node, ctx) -> None:
    """Refuse a `:::` container that the file's end (or its list item's) closes instead of a `:::` line."""
    end = node.map[1] if node.map else None
    if end is not None and not (end < len(ctx.lines) and ctx.lines[end].strip().startswith(":::")):
        ctx.fail(f"`{node.markup} {node.info.strip()}` is never closed",
                 "close it with a line `:::` where it ends")


# What a paragraph of blanks is called where it stands (`visible.refuse_blank`); elsewhere a paragraph
BLANK_PLACES = {ITEM: "list item", DECISION_ITEM: "list item", NOTE: "footnote", QUOTE: "quotation"}

SPECIAL = {
    "hr": ("a horizontal rule is not printed in a WO/CC paper", "delete it; headings separate parts of the text"),
}


def _blocks(nodes, ctx, place: str = PART, levels: int = 0, ordered: int = 0) -> tuple:
    blocks = []
    for node in nodes:
        kind = node.type
        ctx.at(node)
        if kind in ("footnote_block", "footnote_anchor", "definition"):
            continue
        if kind == "html_block":
            ctx.html(node.content)
            continue
        if kind.startswith("container_") and node.info.strip():   # a bare `:::` closing nothing: told once below
            _container_end(node, ctx)
        shown = meaningless_attrs(kind, node.attrs, place)
        if shown and kind == "ordered_list" and "start" in node.attrs:  # markdown-it's own, not typed: `4. Text`
            number = node.attrs["start"]
            ctx.anchored.add(ctx.line - 1)
            ctx.add(ctx.line - 1, f"a line beginning with `{number}.` is read as a numbered list starting at "
                                  f"{number}, not as paragraph {number}",
                    f"ccdocs numbers the paragraphs itself: delete `{number}. `, typed or pasted; a list of items is "
                    "written from `1.`")
        elif shown:
            ctx.anchored.add(ctx.line - 1)
            ctx.add(ctx.line - 1, f"the attribute `{shown}` means nothing here",
                        "`{.unnumbered}` before a paragraph of the text, and an anchor `{#id}` before a paragraph, "
                        "heading, table or footnote of the text or a decision paragraph, are the only attributes")
        if kind in SPECIAL:
            ctx.fail(*SPECIAL[kind])
            continue
        if kind == f"container_{OTHER_CONTAINER}":
            info = node.info.strip()
            ctx.fail(f"`::: {info}` is not a container" if info else "a `:::` line that closes nothing",
                     "containers: " + ", ".join(f"`::: {name}`" for name in CONTAINERS) if info else "delete it; "
                     "containers do not nest: a `:::` inside one (after a `::: box` in a `::: decision`) closes the "
                     "outer one")
            continue
        if kind not in NOUNS:
            ctx.fail(f"{kind.replace('_', ' ')} is not supported in a WO/CC document",
                     "use paragraphs, lists, quotes, boxes and tables")
            continue
        refused = check_place(kind, place)
        if refused:
            ctx.fail(*refused)
            continue
        if kind == "paragraph":
            source = ctx.source(node)
            if _foreign(node, ctx, place):
                continue
            if place == PART and images.has_image(node):
                blocks.append(images.image_block(node, ctx))
                continue
            numbered = place == PART and "unnumbered" not in _classes(node)
            children = _inline(node, ctx)
            if visible.blank(children):
                visible.refuse_blank(ctx, BLANK_PLACES.get(place, "paragraph"))
            blocks.append(Para(children, numbered, None, source, anchor=ctx.anchor(node.attrs, ctx.line - 1)))
        elif kind == "heading":
            blocks.append(replace(_heading(node, ctx), anchor=ctx.anchor(node.attrs, ctx.line - 1)))
        elif kind in ("bullet_list", "ordered_list"):
            blocks.append(_list(node, ctx, levels, ordered, place))
        elif kind == "blockquote":
            blocks.append(_quote(node, ctx))
        elif kind == "container_box":
            blocks.append(_box(node, ctx))
        elif kind == "container_keyfigures":
            blocks.append(_keyfigures(node, ctx))
        elif kind == "container_decision":
            blocks.append(_decision(node, ctx))
        elif kind == "container_contents":
            blocks.append(_contents(node, ctx))
        elif kind == "table":
            blocks.append(_pipe_table(node, ctx))
        elif kind == "container_chart":
            chart, anchor = _chart(node, ctx), ctx.anchor(node.attrs, ctx.source(node).line - 1)
            blocks.append(replace(chart, anchor=anchor) if chart is not None and anchor else chart)
        elif kind == "container_figure":
            image, anchor = images.figure(node, ctx), ctx.anchor(node.attrs, ctx.source(node).line - 1)
            blocks.append(replace(image, anchor=anchor) if image is not None and anchor else image)
        else:
            table, anchor = _table(node, ctx), ctx.anchor(node.attrs, ctx.source(node).line - 1)
            blocks.append(replace(table, anchor=anchor) if table is not None and anchor else table)
    return tuple(block for block in blocks if block is not None)


def _unlink(root) -> None:
    """Drop the syntax tree's links from each node to its parent: without these cycles the tree and its tokens are
    freed as soon as the file is read, not at the next collection (paused while a model is built: `gcpause`)."""
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        node.parent = None


def _read_notes(root, ctx) -> None:
    ctx.in_note = True
    for block in (c for c in root.children if c.type == "footnote_block"):
        for note in block.children:
            first = next((c for c in note.children if c.map), None)
            source = ctx.source(first) if first is not None else Source(ctx.shown, ctx.line)
            blocks = _blocks(note.children, ctx, NOTE)
            ctx.notes[note.meta["id"]] = (note.meta["label"], blocks, source)
    ctx.in_note = False


def _check_notes(text: str, ctx) -> None:
    for label in ctx.unused_notes:
        line = next((n for n, source in enumerate(text.splitlines(), 1)
                     if source.lstrip().startswith(f"[^{label}]:")), None)
        ctx.add(line and line + ctx.line_offset, f"footnote `[^{label}]` is never used",
                f"put `[^{label}]` where the mark belongs, or delete the note")


def _walk_texts(node):
    """Every node under `node` (a node, or a tuple or list of them) holding a `text`, depth first in order, not
    looking inside it; a node's tuple fields are looked into. One stack, not a generator per level."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple | list):
            stack.extend(reversed(node))
        elif isinstance(getattr(node, "text", None), str):
            yield node
        elif hasattr(node, "__dataclass_fields__"):
            values = [getattr(node, name) for name in node.__dataclass_fields__]
            stack.extend(value for value in reversed(values) if isinstance(value, tuple))


def _undefined(text: str, typed: str | None = None, unused=()) -> list[tuple[str, str, re.Pattern]]:
    """(message, hint, the mark as typed) for each kind of footnote mark or reference link left as text in `text`;
    given `typed`, the lines it was read from, only one they hold unescaped (a `\\[^n]` typed, or a figure's text,
    whose punctuation is escaped, is text and prints as such). `unused`: the labels of the notes the file defines
    and never marks, of which the closest to a mark's is suggested (`[^hr]` typed, `[^hrx]:` defined)."""
    found = []
    match = UNDEFINED_NOTE.search(text)
    mark = match and re.compile(r"(?<!\\)" + re.escape(match.group()) + "(?!:)")
    if match and (typed is None or mark.search(typed)):
        close = did_you_mean(match.group(), [f"[^{label}]" for label in unused])
        found.append((f"footnote `{match.group()}` is not defined", (f"{close} A note the file defines and never "
                      "marks; or add" if close else "add") + f" a line `{match.group()}: text of the note`", mark))
    match = UNDEFINED_LINK.search(text)
    link = match and re.compile(r"(?<!\\)" + re.escape(match.group()))
    if match and (typed is None or link.search(typed)):
        label = match.group(2) or match.group(1)
        found.append((f"link `[{label}]` is not defined",
                      f"add a line `[{label}]: https://…`, or write the link as `[text](https://…)`", link))
    return found


def _check_references(blocks, ctx) -> None:
    """Footnote marks and reference links left as text, typed unescaped in the block's lines (from its first to the
    next block's): their note or link is not defined; told at the mark as typed."""
    starts = [source.line - 1 - ctx.line_offset if (source := getattr(block, "source", None)) else None
              for block in blocks]
    for index, block in enumerate(blocks):
        line = getattr(block, "source", None)
        after = next((start for start in starts[index + 1:] if start is not None), len(ctx.lines))
        typed = "\n".join(ctx.lines[starts[index]:after]) if starts[index] is not None else None
        for node in _walk_texts(block):
            for message, hint, mark in _undefined(node.text, typed, ctx.unused_notes):
                if typed is None:
                    ctx.add(line.line if line else None, message, hint)
                    continue
                at, col = locate(ctx.lines, starts[index], after, mark)
                ctx.add(at + 1 + ctx.line_offset, message, hint, col)


def parse_markdown(text: str, path: Path, shown: str, out: Collector, place_table, line_offset: int = 0,
                   draft: bool = False, place_chart=None, pictures=None, no_figure: frozenset = frozenset()) -> tuple:
    """Blocks of one rendered content file `path` (named `shown` in sources and problems); problems go to `out`
    with their line. `no_figure`: the words a table cell without a figure holds (the toolkit catalogs' `n/a` in
    the language built and the source's), which leave a column of figures right-aligned.

    Nothing typed is lost or printed unseen: what the parser would drop or hide, blocks where the model has no
    place for them, HTML and (unless in a `draft`, which leaves them out) comments are problems at their line.
    """
    ctx = _Context(shown, out, place_table, line_offset, draft, text.split("\n"))
    ctx.place_chart = place_chart
    ctx.images = pictures or {}
    ctx.no_figure = no_figure
    env: dict = {}
    tokens = parser().parse(text, env)
    for found in survey.findings(env):
        ctx.add(found.line + line_offset, found.message, found.hint, found.col)
    if not survey.readable(env):
        return ()
    root = SyntaxTreeNode(tokens)
    ctx.note_anchors = anchors.note_anchors(env)
    ctx.unused_notes = [key[1:] for key, note_id in env.get("footnotes", {}).get("refs", {}).items() if note_id == -1]
    _read_notes(root, ctx)
    blocks = _blocks(root.children, ctx)
    _unlink(root)
    _check_notes(text, ctx)
    _check_references(blocks, ctx)
    for line, name in anchors.given(env).items():
        if line + 1 + line_offset not in ctx.anchored:
            ctx.add(line + 1 + line_offset, f"the anchor `{{#{name}}}` names nothing: no block it can name follows it",
                    "write it on the line just before a paragraph, heading, `::: table`, `::: chart`, `::: figure` "
                    "or footnote of the text")
    return blocks


def _id_hint(name: str) -> str:
    """What to do with `name`, not an id: an id whose accents are each a letter and a combining mark (macOS, text
    pasted from a PDF: `e` + U+0301, which no id holds) is told so, spelled by its code points, since it looks like
    the id it would be with each accent one character; else what an id is."""
    composed = unicodedata.normalize("NFC", name)
    if composed == name or not anchors.ID.fullmatch(composed):
        return anchors.ID_HINT
    return (f"its accents are written as a letter and a combining mark, `{code_points(name[:60])}`, which an id "
            f"may not hold: retype them as one character each, `{code_points(composed[:60])}`")
