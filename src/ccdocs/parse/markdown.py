"""Rendered Markdown of one content file to model blocks (markdown-it-py and its plugins)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import Collector
from ..model import Box, Heading, KeyFigure, KeyFigures, ListBlock, ListItem, Note, Para, Quote, Source, Strong, Text
from .inlines import convert, plain

CONTAINERS = ("box", "keyfigures", "table")
UNDEFINED_NOTE = re.compile(r"\[\^([^\]\s]+)\]")
ATTRIBUTION = ("—", "--", "―")


@cache
def parser() -> MarkdownIt:
    """CommonMark with footnotes, block attributes and our containers; raw HTML is text.

    Made once per process (never changed after; each parse keeps its state in its own env): building one
    costs as much as parsing a paragraph, and every paragraph of a translation is checked with it.
    """
    md = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).use(attrs_block_plugin)
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    return md


@dataclass
class _Context:
    """State of one file's conversion: where we are, its footnotes, its problems."""

    path: Path
    shown: str
    out: Collector
    place_table: object
    line_offset: int = 0
    line: int = 1
    notes: dict = field(default_factory=dict)
    used: set = field(default_factory=set)

    def source(self, node) -> Source:
        if node.map:
            self.line = node.map[0] + 1 + self.line_offset
        return Source(self.shown, self.line)

    def fail(self, message: str, hint: str | None = None) -> None:
        self.out.add(self.path, self.line, message, hint)

    def note(self, meta) -> Note:
        note_id = meta["id"]
        if note_id in self.used:
            self.fail(f"footnote `[^{meta['label']}]` is referenced twice", "give each mark its own note")
        self.used.add(note_id)
        label, blocks, source = self.notes[note_id]
        return Note(f"{self.shown}#{label}", blocks, None, source)


def _classes(node) -> set:
    return set(str(node.attrs.get("class", "")).split())


def _inline(node, ctx) -> tuple:
    inline = node.children[0] if node.children else None
    return convert(inline.children, ctx) if inline is not None else ()


def _list(node, ctx, depth: int) -> ListBlock:
    source = ctx.source(node)
    style = "bullet" if node.type == "bullet_list" else ("alpha" if depth == 0 else "roman")
    items = tuple(ListItem(_blocks(item.children, ctx, nested=True, depth=depth + (style != "bullet")))
                  for item in node.children)
    return ListBlock(style, items, source)


def _quote(node, ctx) -> Quote:
    source = ctx.source(node)
    blocks = list(_blocks(node.children, ctx, nested=True))
    attribution = ()
    if blocks and isinstance(blocks[-1], Para) and plain(blocks[-1].children).startswith(ATTRIBUTION):
        last = blocks.pop().children
        text = plain(last).lstrip("—-― ").strip()
        attribution = convert_text(text) if len(last) == 1 else last
    return Quote(tuple(blocks), attribution, source)


def convert_text(text: str) -> tuple:
    """A plain string as inlines."""
    return (Text(text),)


def _box(node, ctx) -> Box:
    source = ctx.source(node)
    words = node.info.split()
    variant = words[1] if len(words) > 1 else "box"
    blocks = list(_blocks(node.children, ctx, nested=True))
    title = ()
    if blocks and isinstance(blocks[0], Heading):
        title = blocks.pop(0).children
    return Box(title, tuple(blocks), variant, source)


def _keyfigures(node, ctx) -> KeyFigures:
    source = ctx.source(node)
    items = []
    lists = [child for child in node.children if child.type == "bullet_list"]
    if len(lists) != 1 or len(lists) != len(node.children):
        ctx.fail("a keyfigures box holds one bullet list: `- **1,735** staff`")
        return KeyFigures((), source)
    for item in lists[0].children:
        paras = [c for c in item.children if c.type == "paragraph"]
        inlines = _inline(paras[0], ctx) if paras else ()
        if not inlines or not isinstance(inlines[0], Strong):
            ctx.fail("each key figure starts with its figure in bold: `- **1,735** staff`")
            continue
        label = list(inlines[1:])
        if label and hasattr(label[0], "text"):
            label[0] = type(label[0])(label[0].text.lstrip())
        items.append(KeyFigure(inlines[0].children, tuple(label)))
    return KeyFigures(tuple(items), source)


def _table(node, ctx):
    source = ctx.source(node)
    words = node.info.split()
    if len(words) != 2:
        ctx.fail("write a table placement as `::: table NAME`", "NAME is a key under `tables:` in document.yaml")
        return None
    paras = [c for c in node.children if c.type == "paragraph"]
    caption = _inline(paras[0], ctx) if paras else ()
    notes = tuple(_inline(p, ctx) for p in paras[1:])
    return ctx.place_table(words[1], caption, source, notes)


def _blocks(nodes, ctx, nested: bool = False, depth: int = 0) -> tuple:
    blocks = []
    for node in nodes:
        kind = node.type
        if kind == "paragraph":
            source = ctx.source(node)
            numbered = not nested and "unnumbered" not in _classes(node)
            blocks.append(Para(_inline(node, ctx), numbered, None, source))
        elif kind == "heading":
            source = ctx.source(node)
            blocks.append(Heading(int(node.tag[1]), _inline(node, ctx), "", source))
        elif kind in ("bullet_list", "ordered_list"):
            blocks.append(_list(node, ctx, depth))
        elif kind == "blockquote":
            blocks.append(_quote(node, ctx))
        elif kind == "container_box":
            blocks.append(_box(node, ctx))
        elif kind == "container_keyfigures":
            blocks.append(_keyfigures(node, ctx))
        elif kind == "container_table":
            table = _table(node, ctx)
            if table is not None:
                blocks.append(table)
        elif kind in ("footnote_block", "hr"):
            continue
        else:
            ctx.source(node)
            ctx.fail(f"{kind.replace('_', ' ')} is not supported in a WO/CC document",
                     "use paragraphs, lists, quotes, boxes and tables")
    return tuple(blocks)


def _read_notes(root, ctx) -> None:
    for block in (c for c in root.children if c.type == "footnote_block"):
        for note in block.children:
            first = next((c for c in note.children if c.map), None)
            source = ctx.source(first) if first is not None else Source(ctx.shown, ctx.line)
            blocks = _blocks(note.children, ctx, nested=True)
            ctx.notes[note.meta["id"]] = (note.meta["label"], blocks, source)


def _check_notes(text: str, env: dict, ctx) -> None:
    refs = env.get("footnotes", {}).get("refs", {})
    for key, note_id in refs.items():
        if note_id == -1:
            label = key[1:]
            line = next((n for n, source in enumerate(text.splitlines(), 1)
                         if source.lstrip().startswith(f"[^{label}]:")), None)
            ctx.out.add(ctx.path, line and line + ctx.line_offset, f"footnote `[^{label}]` is never used",
                        f"put `[^{label}]` where the mark belongs, or delete the note")


def _walk_texts(node):
    if isinstance(node, tuple | list):
        for item in node:
            yield from _walk_texts(item)
    elif hasattr(node, "text") and isinstance(getattr(node, "text"), str):
        yield node
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            value = getattr(node, name)
            if isinstance(value, tuple):
                yield from _walk_texts(value)


def parse_markdown(text: str, path: Path, shown: str, out: Collector, place_table, line_offset: int = 0) -> tuple:
    """Blocks of one rendered content file; problems go to `out` with their line."""
    ctx = _Context(path, shown, out, place_table, line_offset)
    env: dict = {}
    root = SyntaxTreeNode(parser().parse(text, env))
    _read_notes(root, ctx)
    blocks = _blocks(root.children, ctx)
    _check_notes(text, env, ctx)
    for block in blocks:
        for node in _walk_texts(block):
            match = UNDEFINED_NOTE.search(node.text)
            if match:
                line = getattr(block, "source", None)
                out.add(path, line.line if line else None, f"footnote `[^{match.group(1)}]` is not defined",
                        f"add a line `[^{match.group(1)}]: text of the note`")
    return blocks
