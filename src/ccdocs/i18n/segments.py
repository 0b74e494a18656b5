"""Segments of a content file: each paragraph, heading, item, caption, quote, note and table cell, with its line."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..parse.inlines import join_soft_break
from ..parse.pipe_tables import row_cells, row_line, shield, unshield
from ..sources.memo import pure

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Segment:
    """One translatable unit: its source Markdown (Jinja2 placeholders kept) and where it stands."""

    msgid: str
    file: str
    line: int
    end: int
    kind: str
    column: int | None = None            # a table cell's: its index in the row (counted from 0)


def _kind(stack: list[str]) -> str:
    if "container_keyfigures" in stack:
        return "keyfigure"
    for token_type in reversed(stack):
        for name in ("footnote", "container_table", "container_chart", "container_figure", "container_box",
                     "container_keyfigures", "blockquote", "list_item", "heading"):
            if token_type.startswith(name):
                return {"container_table": "caption", "container_chart": "caption", "container_figure": "caption",
                        "container_box": "box", "container_keyfigures": "keyfigure",
                        "list_item": "item"}.get(name, name)
    return "paragraph"


# The build parser's core rules that change no token, only note what they find in the parse's env
ENV_ONLY = ("ccdocs_lines", "ccdocs_inlines", "ccdocs_dropped_anchors", "ccdocs_given_anchors", "ccdocs_note_anchors",
            "ccdocs_misread_blocks", "ccdocs_misread_inlines")


@lru_cache(maxsize=32)
def blocks(text: str) -> tuple:
    """The block tokens of a content file's Markdown as the build's parser reads it, a figure's `|` shielded
    (`pipe_tables.shield`). Parsed once per text in a process (a translated build extracts a file's segments
    three times, and checks its shape): callers read the tokens, never change them. The inline tokens' children
    are there only where segments and shapes read them (`_block_parser`)."""
    return tuple(_block_parser().parse(shield(text), {}))


@cache
def _block_parser() -> MarkdownIt:
    """The build's parser (`parse.markdown.parser`, left unchanged) whose inline step reads only the inline tokens
    holding a `^` or a `![`, the others keeping no children (it reads the whole text in half the time).

    The same block tokens come out: the inline rules make no block, and the only ones that write what a later
    step builds blocks from are the footnote references `[^x]` and inline notes `^[…]` (the footnotes at the end,
    with their ids and counts); an image alone is an alt-text segment (`alt_text`), read from its children. The
    core rules that only note in the parse's env what the build's reader tells (`parse.survey`, `parse.anchors`)
    are left out: `blocks` keeps no env.
    """
    from ..parse.markdown import parser  # markdown-it (some 30 ms to import): only a file whose segments are not
    #                                        kept (`sources.memo`) is parsed

    md = copy.copy(parser())
    md.core = copy.copy(md.core)
    md.core.ruler = copy.deepcopy(md.core.ruler)
    md.core.ruler.at("inline", _needed_inlines)
    md.core.ruler.disable(list(ENV_ONLY))
    return md


def _needed_inlines(state) -> None:
    """markdown-it's core `inline` step for the inline tokens `_block_parser` reads."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if "^" in token.content or "![" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


@pure
def extract(text: str, file: str) -> list[Segment]:
    """The segments of `text` (a content file's Markdown), in order; a pipe table's cells one by one, with
    their column (a figure's `|` in a cell is no cell separator: see `pipe_tables.shield`)."""
    return list(_segments(text, file))


@lru_cache(maxsize=32)
def _segments(text: str, file: str) -> tuple[Segment, ...]:
    """`extract`'s segments, found once per text in a process (a translated build extracts a file's segments
    three times: its policy, its structure check and the text it builds), and kept in the per-user cache for the
    next process (`cached.kept`)."""
    from .cached import code, kept

    return kept("segments", (text, file), lambda: _read_segments(text, file), code())


def _read_segments(text: str, file: str) -> tuple[Segment, ...]:
    """The segments of `text` read off its block tokens."""
    tokens = blocks(text)
    segments, stack, last_map, column = [], [], None, -1
    for token in tokens:
        if token.type == "tr_open":
            column = -1
        if token.type in ("th_open", "td_open"):
            column += 1
        if token.nesting == 1:
            stack.append(token.type.removesuffix("_open"))
        elif token.nesting == -1 and stack:
            stack.pop()
        if token.map:
            last_map = token.map
        if token.type == "inline" and token.content.strip():
            start, end = token.map or last_map
            cell = bool(stack) and stack[-1] in ("th", "td")
            alt = alt_text(token)
            if alt is not None:  # an image alone: its alternative text is what a translator translates
                segments.append(Segment(alt, file, start + 1, end, "alt"))
                continue
            segments.append(Segment(unshield(token.content.strip()), file, start + 1, end,
                                    "cell" if cell else _kind(stack), column if cell else None))
    return tuple(segments)


def alt_text(token) -> str | None:
    """The alternative text as written of an inline token that is one image alone (on one line), else None."""
    children = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    if len(children) != 1 or children[0].type != "image" or "\n" in token.content:
        return None
    alt = children[0].content.strip()
    return alt if alt and token.content.lstrip().startswith(f"![{alt}]") else None


def _prefix(line: str, content_line: str) -> str:
    index = line.find(content_line.strip()) if content_line.strip() else -1
    return line[:index] if index >= 0 else ""


def one_line(translation: str) -> str:
    """A translation's lines joined as a single source line (no space between Chinese characters)."""
    lines = [part.strip() for part in translation.strip().splitlines() if part.strip()]
    text = lines[0] if lines else ""
    for part in lines[1:]:
        text += join_soft_break(text, part) + part
    return text


def apply(text: str, file: str, translate) -> str:
    """`text` with each segment replaced by `translate(segment)` (or kept when it returns None).

    The line count stays the same, so every later line keeps its number: a translation takes the
    segment's first line, and its other lines keep only their container marks (`>`). A table row with a
    translated cell is written again from its cells, each `|` in a translation escaped: a translation keeps
    the table's shape whatever it holds.
    """
    segments = extract(text, file)
    return _applied(text, file, tuple(translate(segment) for segment in segments))


@lru_cache(maxsize=64)  # a document's content files: each applied for its check, then for the build
def _applied(text: str, file: str, replacements: tuple) -> str:
    """`apply`'s text, given each segment's replacement (None: kept) in order: made once for the same replacements
    (a final build applies a file's translations for its structure check, then again for the text it builds)."""
    lines = text.split("\n")
    rows: dict[int, dict[int, str]] = {}
    for segment, replacement in zip(reversed(extract(text, file)), reversed(replacements)):
        if segment.column is not None:
            if replacement is not None:
                rows.setdefault(segment.line - 1, {})[segment.column] = replacement
            continue
        if replacement is None:
            continue
        first = segment.line - 1
        content_lines = segment.msgid.split("\n")
        head = _prefix(lines[first], content_lines[0])
        tail = lines[segment.end - 1][len(_prefix(lines[segment.end - 1], content_lines[-1]))
                                      + len(content_lines[-1].strip()):] if len(content_lines) else ""
        if segment.end - 1 == first:
            tail = lines[first][len(head) + len(content_lines[0].strip()):]
        new = [head + one_line(replacement) + tail]
        for index in range(first + 1, segment.end):
            content = content_lines[index - first] if index - first < len(content_lines) else ""
            new.append(_prefix(lines[index], content).rstrip())
        lines[first:segment.end] = new
    for index, translated in rows.items():
        prefix, cells = row_cells(lines[index])
        lines[index] = row_line(prefix, [one_line(translated[n]) if n in translated else cell
                                         for n, cell in enumerate(cells)])
    return "\n".join(lines)
