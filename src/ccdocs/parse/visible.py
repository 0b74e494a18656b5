"""Whether a block's text shows anything: a paragraph, item, note, cell or heading of blanks is refused.

CommonMark's blank line is spaces and tabs only, so a line holding nothing but a no-break space (U+00A0, Word's
and web pages' `&nbsp;` of an empty paragraph), an ideographic space (U+3000) or an invisible format character
(U+200B zero width space, U+00AD soft hyphen, U+2060 word joiner: Unicode category Cf) or another default-ignorable
code point (Unicode's `Default_Ignorable_Code_Point`: the Hangul fillers, the variation selectors, in every plane)
is a paragraph: it would print as an empty numbered paragraph (or bullet, note, cell) and move every later number.
The build refuses it at its line and column, in the source and in a translation (whose text is parsed as the source
is), rather than dropping it: nothing typed is lost unseen, and the editor deletes the line (an empty line separates
paragraphs).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ..model import Code, Emph, LineBreak, Link, Strong, Text
from ..sources.characters import ignorable

# A character reference as Markdown reads one (any HTML5 name, `&ZeroWidthSpace;`, or number): what it stands for is
# told by html.unescape, the table markdown-it decodes by
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


@lru_cache(maxsize=4096)  # asked of every block's first character: a text's usual letters are few
def _invisible(char: str) -> bool:
    """Whether the character `char` prints nothing: a white space (any, str.isspace), a format character (category
    Cf, in any plane) or a default-ignorable code point (`Default_Ignorable_Code_Point`: the Hangul fillers U+115F,
    U+1160, U+3164, U+FFA0 are letters, the variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF and the combining
    grapheme joiner are marks, U+E0080–U+E0FFF are unassigned); none is ASCII. The property's ranges are
    `sources.characters.IGNORABLE_RANGES` (checked against uniseg's data by test_pdf_text_fidelity): importing
    uniseg costs a model worker some 70 ms (its importlib.metadata lookup)."""
    if char.isspace() or unicodedata.category(char) == "Cf":
        return True
    return not char.isascii() and ignorable(char)


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


def _odd(char: str) -> bool:
    """Whether a line of blanks may hold `char` other than a space or tab: any invisible character, in any plane."""
    return char not in " \t" and _invisible(char)


def _found(line: str, odd: Callable[[str], bool]) -> list[str]:
    """The characters of `line` that are `odd`, typed or as entities standing for them (`&ZeroWidthSpace;`,
    `&#x3164;`: what markdown-it decodes), each as written."""
    found, at = [], 0
    for entity in ENTITY.finditer(line):
        found += filter(odd, line[at:entity.start()])
        decoded = html.unescape(entity.group())
        if decoded and all(map(odd, decoded)):
            found.append(entity.group())
        at = entity.end()
    return found + list(filter(odd, line[at:]))


def refuse_blank(ctx, what: str, inlines: tuple = ()) -> None:
    """Record, when the current block's lines hold such characters, that the `what` (`paragraph`, `list item` …)
    holds only them, at the line and column of the first, naming them (`U+00A0 NO-BREAK SPACE`): those of
    `inlines` (a table cell's), else those of the block's lines. Lines holding none leave nothing to say here
    (what emptied the block was told where it was read)."""
    typed = frozenset(char for text in _texts(inlines) for char in text) - {" ", "\t"}
    first, end = ctx.line - 1 - ctx.line_offset, ctx.end - ctx.line_offset
    odd = typed.__contains__ if typed else _odd
    found = [x for line in ctx.lines[first:max(end, first + 1)] for x in _found(line, odd)]
    if not found:
        return
    chars = sorted({char for text in found for char in html.unescape(text)} - {" "})
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'CHARACTER')}" for c in chars]
    ctx.fail_at(found[0], f"this {what} holds only {', '.join(names[:3])}{' …' * (len(names) > 3)}: it would "
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


# A tab written as a character reference (`&#9;`, `&Tab;`): markdown-it decodes it to a tab in the text
TAB_ENTITY = re.compile(r"&(?:Tab|#0*9|#[xX]0*9);")
# A tab after a line's first character (one at a line's start is indentation, Markdown's syntax), or one as an entity
TAB_IN_TEXT = re.compile(r"(?<=\S)\t|(?<=\S )\t|(?<=\S  )\t|(?<=\S   )\t|" + TAB_ENTITY.pattern)
TAB_HINT = "write a space; to set texts in columns, write a table (`| a | b |`)"


def tab_message(what: str = "the text") -> str:
    """Why a tab in `what` is refused: the two formats would print it differently."""
    return (f"a tab U+0009 in {what}: Word would print it as a jump to the next tab stop, the PDF as a space, so "
            "the two formats would differ")


def may_hold_tab(content: str) -> bool:
    """Whether a Markdown text (an inline token's content, a translation) may hold a tab once read: one typed or
    one written as an entity (TAB_ENTITY); one substring test for the usual text."""
    return "\t" in content or ("&" in content and TAB_ENTITY.search(content) is not None)


def refuse_tab(ctx, inlines: tuple) -> None:
    """Record a tab in the text of `inlines` (not in the indentation before it), typed or written as an entity, at
    its line and column in the current block's lines. Callers look first (`may_hold_tab(content)`)."""
    if any("\t" in text for text in _texts(inlines)):
        ctx.fail_at(TAB_IN_TEXT, tab_message(), TAB_HINT)


# U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, typed or written as a number (HTML5 names neither): no line
# end to Markdown, so they stay in a paragraph's text, where they are a line break no font draws
SEPARATOR = re.compile("[\u2028\u2029]|&#(?:0*823[23]|[xX]0*202[89]);")
SEPARATOR_HINT = "end the paragraph with an empty line, or break the line with a `\\` at its end"


def may_hold_separator(content: str) -> bool:
    """Whether a Markdown text may hold U+2028 or U+2029 once read (`SEPARATOR`); substring tests for the usual
    text."""
    return "\u2028" in content or "\u2029" in content or ("&#" in content and SEPARATOR.search(content) is not None)


def refuse_separator(ctx, inlines: tuple) -> None:
    """Record U+2028 or U+2029 in the text of `inlines` at its line and column in the current block's lines, named
    as the line break it is (it was told as a character no font holds). Callers look first
    (`may_hold_separator(content)`)."""
    found = next((char for text in _texts(inlines) for char in text if char in "\u2028\u2029"), None)
    if found is not None:
        name = unicodedata.name(found).lower()
        ctx.fail_at(SEPARATOR, f"a {name} U+{ord(found):04X} in the text: a line break inside the paragraph, which "
                    "Markdown does not read as one and no font draws", SEPARATOR_HINT)
