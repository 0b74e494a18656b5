"""Attribute blocks `{…}` (mdit_py_plugins.attrs): every attribute written is read, or refused where it stands.

The plugin reads a block into a dict, so a name given twice keeps its last value without a trace (`{width="60%"
width="70%"}`, `{#a #b}`, `{#a id="b"}`), as do stacked blocks (`{#a}` on the line above `{#b}`) and a block after
an image that names what the image's Markdown gives (`{src="b.png"}`, `{alt="…"}`); a line's block ends at its
first `}`, the rest of the line left out (`{#a} {.b}`); an event attribute (`{onclick=…}`) is dropped. Each is
recorded as a `survey.Finding` at the line and column of what would be lost, read back with `survey.findings`.

Classes are the exception: the plugin joins every class given (`{.a .b}`, `{.a}` above `{.b}`), losing none, so a
class given again is no problem.

What a block holds is read with the plugin's own parser (its state handlers, run over the text it accepted), so
that each attribute keeps where it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs.parse import HANDLERS, ParseError, State, TokenState, parse

from . import survey
from .lines import locate

WRITTEN = "ccdocs_attributes"  # a token's meta: the blocks written for it, each as a tuple of Attribute
SEEN = "ccdocs_attribute_blocks"  # in a parse's env: whether any block was read (else nothing to look at)
DROPPED = "insecure_attrs"  # the plugin's meta key for the attributes it drops
CLASS = "class"
ANCHOR_HINT = "a block has one anchor: keep one `{#name}` and refer to the block by that name"
ONCE_HINT = ("give each attribute once, in one block: `{#name .unnumbered}` on the line before a block, "
             '`{width="60%"}` after an image')


@dataclass(frozen=True)
class Attribute:
    """One attribute as written: its name (`id` for `#a`, `class` for `.a`, the key of `key=value`), its text
    (`#a`, `width="60%"`) and where it stands: 0-based line and 1-based column in the parsed text, or, after an
    inline element, its offset in the block's text (`line` None) until it is located."""

    name: str
    text: str
    line: int | None
    col: int
    own: bool = False  # the element's own (an image's `src`), given by its Markdown, not by a block
    before: str = ""  # after an inline element: its line's text before it (where it is looked for)


class _Tokens(TokenState):
    """The plugin's token state, keeping each token it is given (start, end, kind) in order where we can read it."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: list[tuple[int, int, str]] = []

    def append(self, start: int, end: int, ttype: str) -> None:
        super().append(start, end, ttype)
        self.kept.append((start, end, ttype))


def written(block: str, line: int | None = None, col: int = 1) -> tuple[Attribute, ...]:
    """Each attribute of `block` (a text the plugin accepted, from its `{` to its `}`) as it is written, in
    order; `line` and `col` (1-based) place the `{`, else each column is the attribute's offset in `block`.

    >>> [(a.name, a.text, a.col) for a in written('{#a .b width="5%"}', 0, 1)]
    [('id', '#a', 2), ('class', '.b', 5), ('width', 'width="5%"', 8)]
    >>> [(a.name, a.col) for a in written('{#a #b}')]
    [('id', 1), ('id', 4)]
    """
    tokens, state = _Tokens(), State.START
    try:
        for pos, char in enumerate(block):
            state = HANDLERS[state](char, pos, tokens)
            if state is State.DONE:
                break
    except ParseError:
        pass  # not what the plugin accepted: what was read so far
    found, kept, base = [], tokens.kept, 0 if line is None else col
    for index, (start, end, kind) in enumerate(kept):
        if kind in ("id", "class"):
            found.append(Attribute(kind, block[start - 1:end], line, base + start - 1))
        elif kind == "key" and index + 1 < len(kept) and kept[index + 1][2] == "value":
            value_end = kept[index + 1][1]
            value_end += block[value_end:value_end + 1] == '"'
            found.append(Attribute(block[start:end], block[start:value_end], line, base + start))
    return tuple(found)


def block_line(text: str) -> bool:
    """Whether the plugin's block rule reads the line `text` (stripped) as attributes: a `{…}` it can parse at its
    start, the line ending in `}` (what follows the first block is then refused, see `_block_rule`).

    >>> block_line("{#a #b}"), block_line("{#a} {.b}"), block_line("{# a note #}"), block_line("{#a} b")
    (True, True, False, False)
    """
    if not text.startswith("{") or not text.endswith("}"):
        return False
    try:
        parse(text)
    except ParseError:
        return False
    return True


def install(md: MarkdownIt) -> None:
    """Wrap the plugin's block and inline rules so that each block's attributes are kept as written, and add the
    core rules that record what the plugin would lose (after the attribute plugins are in use)."""
    block = next(rule.fn for rule in md.block.ruler.__rules__ if rule.name == "attr")
    inline = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "attr")
    md.block.ruler.at("attr", _block_rule(block))
    md.inline.ruler.at("attr", _inline_rule(inline))
    md.core.ruler.before("attr", "ccdocs_attribute_blocks", _blocks)
    md.core.ruler.after("attr", "ccdocs_attributes_dropped", _dropped)
    md.core.ruler.after("inline", "ccdocs_inline_attributes", _inlines)


def _block_rule(rule):
    """The plugin's block rule, its token also keeping the attributes as written (and text after the `}`)."""
    def attributes_line(state, start_line: int, end_line: int, silent: bool) -> bool:
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            start = state.bMarks[start_line] + state.tShift[start_line]
            text = state.src[start:state.eMarks[start_line]].rstrip(" \t")
            end = parse(text)[0] + 1
            col = start - state.src.rfind("\n", 0, start)  # in the physical line (a quote's `>` before it)
            state.tokens[-1].meta[WRITTEN] = written(text[:end], start_line, col)
            state.env[SEEN] = True
            rest = text[end:].strip()
            if rest:
                _add(state.env, start_line, f"`{rest[:40]}` after the attribute block `{text[:end][:40]}` would be "
                     "lost: a block ends at its first `}`", ONCE_HINT, col + end + text[end:].find(rest[0]))
        return True
    return attributes_line


def _inline_rule(rule):
    """The plugin's inline rule, the element it gives attributes to keeping each block as written, and the
    names the element had before (its own, as an image's `src` and `alt`)."""
    def attributes_after(state, silent: bool) -> bool:
        start = state.pos
        if state.src[start] != "{":  # the plugin's own first test (tried at every character no other rule took)
            return False
        target = state.tokens[-1] if state.tokens else None
        before = dict(target.attrs) if target is not None else {}
        if not rule(state, silent):
            return False
        if not silent and target is not None:
            kept = target.meta.setdefault(WRITTEN, [])
            if not kept:
                kept.append(_own(before))
            block, line = state.src[start:state.pos], state.src[state.src.rfind("\n", 0, start) + 1:start]
            kept.append(tuple(replace(a, before=line + block[:a.col]) for a in written(block)))
            state.env[SEEN] = True
        return True
    return attributes_after


def _blocks(state) -> None:
    """Before the plugin moves each block's attributes to the block below it: a name given again in a block, in
    the blocks stacked above the same block, or already the block's own (`start` of a numbered list)."""
    if not state.env.get(SEEN):
        return
    tokens, stacked = state.tokens, []
    for index, token in enumerate(tokens):
        if token.type != "attrs_block":
            continue
        stacked.append(token.meta.get(WRITTEN, ()))
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if after is not None and after.type == "attrs_block":
            continue
        if after is not None and after.nesting >= 0:
            own = _own(after.attrs)
            after.meta[WRITTEN] = [own, *stacked]
            _repeats(state.env, [own, *stacked])
        else:
            _repeats(state.env, stacked)
        stacked = []


def _repeats(env: dict, blocks: list, lines: list | None = None, first_line: int = 0, last_line: int = 0) -> None:
    """A finding at every attribute of `blocks` (written in order) naming what an earlier one named."""
    first: dict = {}
    for attribute in (a for block in blocks for a in block):
        if attribute.name == CLASS:
            continue
        if attribute.name not in first:
            first[attribute.name] = attribute
            continue
        line, col = attribute.line, attribute.col
        if line is None and lines is not None:  # after an inline element: looked for among its block's lines
            line, col = locate(lines, first_line, last_line, _text_at(attribute))
        earlier = first[attribute.name]
        given = (f"`{earlier.text}`" + (f" on line {earlier.line + 1}" if earlier.line not in (None, line) else "")
                 if not earlier.own else f"its own `{earlier.name}`")
        what = "a second anchor" if attribute.name == "id" else f"`{attribute.name}` a second time"
        _add(env, line if line is not None else first_line, f"`{attribute.text[:60]}` gives {what} after {given}: "
             "only the last would be read, the other lost", ANCHOR_HINT if attribute.name == "id" else ONCE_HINT, col)


def _own(attrs: dict) -> tuple:
    """The attributes an element has before any block gives it some (an image's `src`, a list's `start`)."""
    return tuple(Attribute(name, name, None, 0, own=True) for name in attrs)


def _text_at(attribute: Attribute) -> re.Pattern:
    """Where an attribute after an inline element stands: after the text of its line before it (when its block
    begins on that line), else its own text's first occurrence."""
    if "\n" in attribute.before:
        return re.compile(re.escape(attribute.text))
    return re.compile(f"(?<={re.escape(attribute.before)}){re.escape(attribute.text)}")


def _dropped(state) -> None:
    """After the plugin moved the blocks' attributes: those it dropped (an event attribute, `onclick`)."""
    if not state.env.get(SEEN):
        return
    for token in state.tokens:
        dropped = token.meta.get(DROPPED) if token.meta else None
        if dropped:
            for attribute in (a for block in token.meta.get(WRITTEN, ()) for a in block
                              if a.name in dropped and not a.own):
                _meaningless(state.env, attribute, attribute.line, attribute.col)


def _inlines(state) -> None:
    """The attributes after inline elements (an image's `{width="60%"}`): repeated or dropped, at their line."""
    if not state.env.get(SEEN) or state.inlineMode:
        return
    lines = None
    for token in (t for t in state.tokens if t.type == "inline"):
        for child in (c for c in token.children or () if c.meta and WRITTEN in c.meta):
            lines = lines if lines is not None else state.src.split("\n")
            first, last = token.map or (0, len(lines))
            blocks = child.meta[WRITTEN]
            _repeats(state.env, blocks, lines, first, last)
            for attribute in (a for block in blocks for a in block
                              if a.name in child.meta.get(DROPPED, ()) and not a.own):
                _meaningless(state.env, attribute, *locate(lines, first, last, _text_at(attribute)))


def _meaningless(env: dict, attribute: Attribute, line: int, col: int | None) -> None:
    _add(env, line, f"the attribute `{attribute.text[:60]}` means nothing in a paper and would be dropped", "delete it",
         col)


def _add(env: dict, line: int, message: str, hint: str, col: int | None) -> None:
    env.setdefault(survey.KEY, []).append(survey.Finding(line + 1, message, hint, col))
