"""Whether a block's text shows anything: a paragraph, item, note, cell or heading of blanks is refused.

CommonMark's blank line is spaces and tabs only, so a line holding nothing but a no-break space (U+00A0, Word's
and web pages' `&nbsp;` of an empty paragraph), an ideographic space (U+3000) or an invisible format character
(U+200B zero width space, U+00AD soft hyphen, U+2060 word joiner: Unicode category Cf) is a paragraph: it would
print as an empty numbered paragraph (or bullet, note, cell) and move every later number. The build refuses it
at its line and column, in the source and in a translation (whose text is parsed as the source is), rather than
dropping it: nothing typed is lost unseen, and the editor deletes the line (an empty line separates paragraphs).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

from ..model import Code, Emph, LineBreak, Link, Strong, Text

# What a line of blanks may hold that is not a space or tab: typed (`_invisible`) or as an entity
ENTITY = r"&(?:nbsp|ensp|emsp|thinsp|zwsp|shy|zwj|zwnj|lrm|rlm|NoBreak|#[xX]?[0-9A-Fa-f]+);"


def _invisible(char: str) -> bool:
    """Whether `char` prints nothing: a white space (any, str.isspace) or a format character (category Cf)."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def shows(text: str) -> bool:
    """Whether `text` holds a character that prints; the usual text is told by its first character."""
    stripped = text.strip()
    return bool(stripped) and (not _invisible(stripped[0]) or not all(map(_invisible, stripped)))


def blank(inlines: tuple) -> bool:
    """Whether `inlines` print nothing: texts of white space and format characters only (or none: markdown-it
    strips a paragraph's ends with str.strip, U+00A0 and U+3000 included), in emphasis, links or line breaks. Any
    other inline shows (a footnote mark, a reference, a figure)."""
    stack = list(inlines)
    while stack:
        node = stack.pop()
        if isinstance(node, Text | Code):
            if shows(node.text):
                return False
        elif isinstance(node, Strong | Emph | Link):
            stack.extend(node.children)
        elif not isinstance(node, LineBreak):
            return False
    return True


@cache
def _where() -> re.Pattern:
    """A character of a line of blanks other than a space or tab, or an entity standing for one."""
    odd = "".join(re.escape(chr(c)) for c in range(0x80, 0x10000) if _invisible(chr(c)))
    return re.compile(f"{ENTITY}|[{odd}]")


def refuse_blank(ctx, what: str, inlines: tuple = ()) -> None:
    """Record, when the current block's lines hold such characters, that the `what` (`paragraph`, `list item` …)
    holds only them, at the line and column of the first, naming them (`U+00A0 NO-BREAK SPACE`): those of
    `inlines` (a table cell's), else those of the block's lines. Lines holding none leave nothing to say here
    (what emptied the block was told where it was read)."""
    typed = sorted({char for text in _texts(inlines) for char in text} - {" ", "\t"})
    where = re.compile("|".join(map(re.escape, typed))) if typed else _where()
    first, end = ctx.line - 1 - ctx.line_offset, ctx.end - ctx.line_offset
    found = [m.group() for line in ctx.lines[first:max(end, first + 1)] for m in where.finditer(line)]
    if not found:
        return
    chars = sorted({char for text in found for char in html.unescape(text)} - {" "})
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'CHARACTER')}" for c in chars]
    ctx.fail_at(where, f"this {what} holds only {', '.join(names[:3])}{' …' * (len(names) > 3)}: it would "
                "print as an empty " + what,
                "delete the line (an empty line separates paragraphs; the theme gives the space between them)"
                if what != "table cell" else "leave the cell empty: `| |`")


def _texts(inlines) -> list[str]:
    """The texts of `inlines` (of `blank` ones: texts, emphasis, links and breaks)."""
    found, stack = [], list(inlines)
    while stack:
        node = stack.pop()
        if isinstance(node, Text | Code):
            found.append(node.text)
        elif isinstance(node, Strong | Emph | Link):
            stack.extend(node.children)
    return found


# A tab after a line's first character (one at a line's start is indentation, Markdown's syntax)
TAB_IN_TEXT = re.compile(r"(?<=\S)\t|(?<=\S )\t|(?<=\S  )\t|(?<=\S   )\t")
TAB_HINT = "write a space; to set texts in columns, write a table (`| a | b |`)"


def tab_message(what: str = "the text") -> str:
    """Why a tab in `what` is refused: the two formats would print it differently."""
    return (f"a tab U+0009 in {what}: Word would print it as a jump to the next tab stop, the PDF as a space, so "
            "the two formats would differ")


def refuse_tab(ctx, inlines: tuple) -> None:
    """Record a tab typed in the text of `inlines` (not in the indentation before it) at its line and column in
    the current block's lines. Callers look for a tab in the inline token's content first (`"\\t" in content`)."""
    if any("\t" in text for text in _texts(inlines)):
        ctx.fail_at(TAB_IN_TEXT, tab_message(), TAB_HINT)
