"""What markdown-it reads without a trace in the tree: lines it stops reading, definitions it overwrites,
character references it replaces; recorded in the parse's env by two core rules, read back with `findings`.

markdown-it stops descending past its nesting limit (`maxNesting`) and silently skips every later line of the
block; it keeps one footnote or link definition of a label; it turns a reference to a character XML cannot hold
into U+FFFD. Each of these is recorded as a `Finding` at its line (1-based in the parsed text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

from ..sources.characters import first_refused
from . import html
from .lines import locate

KEY = "ccdocs_findings"
DEFINITIONS = "ccdocs_links"
UNREADABLE = "ccdocs_unreadable"
REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]")
LAST_CODE_POINT = 0x10FFFF
OPENINGS, BEYOND = "ccdocs_openings", "ccdocs_openings_beyond"
# `[` and `![` a parse reads as the start of a link, reference, image or footnote mark (breaks-6 #19: markdown-it
# reads each through its link and image rules, which scan the label after it nesting up to 20 deep: some 240 token
# skips an opening never closed; a 1.8 MB content file of 600,000 `![a` took check 134 s, three parses of it). The
# sample holds 40, the 313-page synthetic paper 500 (its notes); at the bound, `![a` took check 3.4 s
MOST_OPENINGS = 20_000


@dataclass(frozen=True)
class Finding:
    """One problem the parser would hide: its 1-based line (and column) in the parsed text, what to say."""

    line: int
    message: str
    hint: str | None = None
    col: int | None = None


def install(md: MarkdownIt) -> None:
    """Add the two core rules to `md` (after the footnote and attribute plugins are in use)."""
    md.core.ruler.after("block", "ccdocs_lines", _lines)
    md.core.ruler.before("text_join", "ccdocs_inlines", _inlines)
    for name, mark in (("link", "["), ("image", "![")):
        md.inline.ruler.at(name, _counted(next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == name),
                                          mark))


def _counted(rule, mark: str):
    """The markdown-it inline rule `rule`, which reads what opens with `mark` (a link's `[`, an image's `![`), made
    to read nothing once the parse has read `MOST_OPENINGS` of either: the first beyond is kept in the parse's env
    (told by `_inlines`), and what follows is read as text, at the cost of its words."""

    def counted(state, silent: bool) -> bool:
        opened = state.env.get(OPENINGS, 0)
        at = state.src.startswith(mark, state.pos) and not (mark == "[" and state.src.startswith("![", state.pos - 1))
        if opened >= MOST_OPENINGS:   # an image's `[` tried as a link's after it is counted with its `!`
            if at and not silent and BEYOND not in state.env:
                state.env[BEYOND] = (state.src, state.pos)
            return False
        if at and not silent:
            state.env[OPENINGS] = opened + 1
        return rule(state, silent)

    return counted


def findings(env: dict) -> list[Finding]:
    """The findings a parse with `env` recorded, in order of line."""
    return sorted(env.get(KEY, ()), key=lambda f: (f.line, f.col or 0))


def readable(env: dict) -> bool:
    """Whether the tokens of the parse with `env` make a tree (else its findings say why)."""
    return not env.get(UNREADABLE)


def _add(env: dict, line: int, message: str, hint: str | None = None, col: int | None = None) -> None:
    env.setdefault(KEY, []).append(Finding(line + 1, message, hint, col))


def _lines(state) -> None:
    """Lines no block token holds (lost past the nesting limit); footnotes and links defined twice; empty
    footnotes."""
    if state.inlineMode:
        return
    lines = state.src.split("\n")
    held = bytearray(len(lines) + 1)
    for token in state.tokens:
        if token.map:
            start, end = token.map
            end += token.type.startswith("container_") and end < len(lines)  # and its closing `:::` line
            held[start:end] = b"\x01" * (end - start)
    limit = state.md.options["maxNesting"]
    deep = next((token for token in state.tokens if token.map and token.level >= limit - 2), None)
    if deep is not None:
        _add(state.env, deep.map[0], f"this line is nested too deeply to be read (lists, quotes and boxes more than "
                                     f"{limit // 2 - 1} levels deep); what it holds would be lost",
             "a WO/CC paper nests lists two levels deep and nothing else")
    after_held = True
    for index, text in enumerate(lines):
        if not text.strip():
            continue
        lost, after_held = after_held and not held[index], bool(held[index])
        if lost and deep is None:
            _add(state.env, index, "the Markdown reader gives this line no place in the paper; it would be lost",
                 "write it as a paragraph")
    _twice(state, "footnote_reference_open", "footnote", lambda token: f"^{token.meta['label']}", str)
    for token, after in zip(state.tokens, state.tokens[1:]):
        if token.type != "footnote_reference_open" or not token.map:
            continue
        if token.level:
            state.env[UNREADABLE] = True  # the footnote plugin moves it out of its block, unbalancing the tree
            _add(state.env, token.map[0], f"footnote `[^{token.meta['label']}]` is defined inside another block",
                 "define each note at the start of a line, outside lists, quotes, boxes and other notes")
        elif after.type == "footnote_reference_close":
            _add(state.env, token.map[0], f"footnote `[^{token.meta['label']}]` has no text",
                 "write the note after the colon, or delete it")
    definitions = [token for token in state.tokens if token.type == "definition"]
    state.env[DEFINITIONS] = [(token.meta["id"], token.meta["label"], token.map[0]) for token in definitions]
    _twice(state, "definition", "link", lambda token: token.meta["label"], normalizeReference)


def _twice(state, kind: str, what: str, label, same) -> None:
    """A finding for every definition of `kind` whose label was defined before (labels compared by `same`)."""
    first: dict = {}
    for token in (t for t in state.tokens if t.type == kind and t.map):
        shown = label(token)
        key = same(shown)
        if key in first:
            _add(state.env, token.map[0], f"{what} `[{shown}]` is defined twice: here and on line "
                                          f"{first[key] + 1}", "keep one definition")
        else:
            first[key] = token.map[0]


def _inlines(state) -> None:
    """Character references to refused characters; a comment never closed; link definitions no link uses."""
    lines = state.src.split("\n")
    used: Counter = Counter()
    defined = bool(state.env.get(DEFINITIONS))
    for token in (t for t in state.tokens if t.type == "inline"):
        first, last = token.map or (0, len(lines))
        if defined:
            used.update(normalizeReference(label) for label in REFERENCE.findall(token.content))
        if "<!--" not in token.content and "&#" not in token.content:
            continue  # its children's texts are pieces of its content (text_join has not run): nothing to find
        for child in token.children or ():
            if child.type == "text" and "<!--" in child.content:
                line, col = locate(lines, first, last, "<!--")
                _add(state.env, line, *html.message("unclosed"), col)
            if child.type == "text_special" and child.info == "entity" and child.markup.startswith("&#"):
                what = _referenced(child.markup)
                if what:
                    line, col = locate(lines, first, last, child.markup)
                    _add(state.env, line, f"`{child.markup}` names a {what}, which cannot stand in a document",
                         "delete the reference, or name a printable character", col)
    beyond = state.env.get(BEYOND)
    held = next((t for t in state.tokens if t.type == "inline" and t.content is beyond[0]), None) if beyond else None
    if held is not None:
        text, at = beyond
        line = (held.map[0] if held.map else 0) + text.count("\n", 0, at)
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        written = text[start:end if end >= 0 else len(text)]  # its line as the inline text holds it: less its
        # indentation and its block's marks (`- `, `> `), which the source's line holds before it
        source = lines[line] if line < len(lines) else written
        col = max(source.find(written), 0) + at - start
        mark = "![" if text.startswith("![", at) else "["
        _add(state.env, line, f"this `{mark}` is the file's opening number {MOST_OPENINGS + 1:,} of a link, "
             f"reference, image or footnote mark: a content file holds at most {MOST_OPENINGS:,}",
             "write the text after it in another content file, or write fewer brackets", col + 1)
    for key, label, line in state.env.get(DEFINITIONS, ()):
        if not used[key]:
            _add(state.env, line, f"link `[{label}]` is never used", f"write `[text][{label}]` where the link "
                                                                      "belongs, or delete the definition")


def _referenced(markup: str) -> str | None:
    """The description of the refused character `&#…;` names (or of a number beyond Unicode), else None."""
    digits = markup[2:-1]
    code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if code > LAST_CODE_POINT:
        return "number beyond the last character of Unicode"
    return first_refused(chr(code))
