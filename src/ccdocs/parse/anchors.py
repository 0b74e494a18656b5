"""Anchors and cross-references in the Markdown: `{#id}` on the line before a block (markdown-it's block attributes,
`mdit_py_plugins.attrs`), `[](#id)` for a reference, `[](#a)–[](#b)` for a range.

An attribute the plugin cannot read (`{#a.b}`, `{#a b}`) stays in the text of the block it stands before, and one
where none is read (`[](#a){.cls}`, `# Title {.unnumbered}`) in its text: the Markdown reader refuses both there
(`unread`), so that they never print.

The attributes plugin gives a footnote definition's `{#id}` to its `footnote_reference_open` token, which the
footnote plugin then drops; `install` adds a core rule that keeps it, read back with `note_anchors`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Ref, Text

if TYPE_CHECKING:  # for `install`'s annotation only: the transforms import this module, and need no parser
    from markdown_it import MarkdownIt

# a letter (any script's: `{#人才}`), then letters, digits, `-`, `_` or `:`; not `.` (the attribute plugin reads
# `{#a.b}` as an id and a class, and a block with a bad attribute as text) nor a space (between attributes)
ID = re.compile(r"[^\W\d_][\w:-]{0,63}")
ID_HINT = "an id is a letter, then up to 63 letters, digits, `-`, `_` or `:`: `{#pay-gap}`, `{#人才}`"
UNREAD = re.compile(r"\{(?:#|\.[^\W\d])[^}\n]*\}?")  # an attribute `{#…}` `{.…}` left unread by the plugin
RANGE = re.compile(r"[ \u00a0]?[–-][ \u00a0]?")  # between the two references of a range: an en dash or a hyphen
# cross-references and links a paper holds, its attached documents' too (`transforms.references.bound_links`):
# each is a link annotation in the PDF and a field or hyperlink in the DOCX, some 17 times the cost of its words
# (breaks-6 #5: 150,000 `[](#a)`, 1 MB, took check 76 s and 1.2 GB). The sample holds 29, the longest papers some
# hundreds. At the bound, in one paragraph, check took 3.5 s and 147 MB, build 2.6 s (the minimal document's check
# 2.1 s, 96 MB). A parse reads one more at most (`_bounded`), the rest of its file as text: a 2 MB file of them is
# refused at the cost of its words.
LINKED = 10_000
KEY = "ccdocs_note_anchors"
LINKS = "ccdocs_links_read"  # how many links and references a parse has read


GIVEN = "ccdocs_given_anchors"


def install(md: MarkdownIt) -> None:
    """Keep each footnote definition's `{#id}` (after the attributes are moved, before the notes are), note
    the line of every block anchor, dropped ones too (`given`), and read at most `LINKED` + 1 links (`_bounded`)."""
    md.core.ruler.before("attr", "ccdocs_dropped_anchors", _dropped_anchors)   # the block attributes plugin's
    md.core.ruler.after("attr", "ccdocs_given_anchors", _given_anchors)
    md.core.ruler.before("footnote_tail", "ccdocs_note_anchors", _note_anchors)
    for name in ("link", "autolink"):
        md.inline.ruler.at(name, _bounded(next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == name)))


def _bounded(rule):
    """The markdown-it inline rule `rule` (a link's), made to read no link after the parse's `LINKED` + 1st: the
    paper is refused at that one (`transforms.references.bound_links`), and what follows costs what its text does."""

    def linked(state, silent: bool) -> bool:
        if state.env.get(LINKS, 0) > LINKED or not rule(state, silent):
            return False
        if not silent:
            state.env[LINKS] = state.env.get(LINKS, 0) + 1
        return True

    return linked


def _dropped_anchors(state) -> None:
    """An anchor line with no block after it (at the end of the file or of a container) the plugin drops."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "attrs_block" and token.attrs.get("id") and token.map and (
                index + 1 == len(tokens) or tokens[index + 1].nesting < 0):
            state.env.setdefault(GIVEN, {})[token.map[0]] = str(token.attrs["id"])


def _given_anchors(state) -> None:
    for token in state.tokens:
        if token.nesting == 1 and token.attrs.get("id") and token.map and token.type != "footnote_reference_open":
            state.env.setdefault(GIVEN, {})[token.map[0] - 1] = str(token.attrs["id"])


def given(env: dict) -> dict:
    """0-based line of each block anchor `{#id}` of a parse with `env` -> its id, those the attribute plugin
    dropped (nothing after them) included: what the reader does not take is an anchor that names nothing."""
    return env.get(GIVEN, {})


def _note_anchors(state) -> None:
    for token in state.tokens:
        if token.type == "footnote_reference_open" and token.attrs.get("id"):
            state.env.setdefault(KEY, {})[token.meta["label"]] = str(token.attrs["id"])


def note_anchors(env: dict) -> dict:
    """footnote label -> the id its definition carries, for a parse with `env`."""
    return env.get(KEY, {})


def ranges(items: tuple) -> tuple:
    """`items` with each `Ref`, dash, `Ref` (both without text) joined into one Ref to the pair: a range.

    >>> ranges((Ref(("a",)), Text("–"), Ref(("b",)), Text(".")))
    (Ref(targets=('a', 'b'), children=(), label=(), source=None), Text(text='.'))
    """
    out: list = []
    for item in items:
        if (isinstance(item, Ref) and not item.children and len(out) >= 2 and isinstance(out[-2], Ref)
                and not out[-2].children and len(out[-2].targets) == 1 and isinstance(out[-1], Text)
                and RANGE.fullmatch(out[-1].text)):
            out[-2:] = [Ref(out[-2].targets + item.targets, (), (), out[-2].source)]
        else:
            out.append(item)
    return tuple(out)


def unread(text: str) -> str:
    """The first `{#…}` or `{.…}` left in the text `text` of a block (an attribute the plugin did not read), or ''."""
    match = UNREAD.search(text)
    return match.group() if match else ""
