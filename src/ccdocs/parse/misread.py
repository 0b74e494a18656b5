"""Text that CommonMark reads as structure where the editor wrote words: a hard-wrapped line of a sentence that
begins a list, a quotation or a heading; numbered lines run into the text above; an invisible line break; emphasis
between digits. Each silently changes the paper (a sign lost, a sentence made a chapter, a list printed as one
sentence), so each is told at its line, as `parse.survey`'s findings are (`Finding`s in the parse's env).

Two core rules of the build's parser: `_blocks` after the block step (the footnotes still where they are typed),
`_inlines` at the end (the inline texts joined).
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import islice

from markdown_it import MarkdownIt

from .survey import KEY, Finding

BLOCKS, INLINES = "ccdocs_misread_blocks", "ccdocs_misread_inlines"
# A figure: a digit, or a sign or currency symbol then a digit (`3%`, `-3`, `$5`, `=5` of `>= 5`)
FIGURE = re.compile(r"[-+−±=<>~≈$€£¥]?\d")
# The blocks CommonMark lets interrupt a paragraph's text: what each is called, how the paper would print it (`text`
# after its mark `mark`, shortened), its mark as typed (before that text)
INTERRUPTING = {
    "bullet_list_open": ("a bullet list", "a bullet `{text}`, its `{mark}` lost", r"[-+*]"),
    "ordered_list_open": ("a numbered list", "a list item (a) `{text}`", r"\d{1,9}[.)]"),
    "blockquote_open": ("a quotation", "an indented quotation `{text}`, its `{mark}` lost", r">"),
    "heading_open": ("a heading", "a heading `{text}`", r"#{1,6}"),
}
SETEXT = ("=", "-")  # a heading's markup when it is a line of text underlined, not `#`
# A line ending in a colon introduces what follows it (`decided:`, `as follows:`): a list or a quotation under it is
# one, whatever its first word (review-14 R14: "The Committee decided:" then "- 3 new posts are created;" was refused)
INTRODUCING = re.compile(r"[:：][ \t]*$")
INTRODUCED = ("bullet_list_open", "ordered_list_open", "blockquote_open")
# A line of a paragraph's text that begins as a numbered list item would (CommonMark's 1 to 9 digits, `.` or `)`,
# a space, text), and a line ending a clause or an item, after which such a line is an item, not the sentence going on
NUMBERED = re.compile(r"[ \t]*(\d{1,9})([.)])[ \t]+\S")
CLAUSE_END = re.compile(r"[:;,.!?：；，。！？][ \t]*$")
EMPHASIS = ("em_open", "em_close", "strong_open", "strong_close")
BETWEEN_DIGITS = re.compile(r"[0-9.,]*\d\*+\d[0-9.,*]*")  # `2*3*4` as typed, for the message
AHEAD = 4  # the tokens after a block's opening that hold its first text, if it has one on its line: `- 3%` has 3


class _Typed:
    """The lines of a parsed text, split only when a finding is told (most parses tell none)."""

    def __init__(self, src: str):
        self.src = src

    @cached_property
    def lines(self) -> list[str]:
        return self.src.split("\n")

    def line(self, index: int) -> str:
        """The 0-based line `index` ('' past the end)."""
        return self.lines[index] if index < len(self.lines) else ""


def install(md: MarkdownIt) -> None:
    """Add the two core rules to `md` (after `survey.install`: they write to the env it reads)."""
    md.core.ruler.after("block", BLOCKS, _blocks)
    md.core.ruler.push(INLINES, _inlines)


def _add(env: dict, line: int, message: str, hint: str, col: int | None) -> None:
    """A finding at the 0-based `line` of the parsed text."""
    env.setdefault(KEY, []).append(Finding(line + 1, message, hint, col))


def _blocks(state) -> None:
    """A list, quotation or heading whose mark, followed by a figure, stands on the line under a paragraph's text
    (`- 3%`, `> 5 years`, `1. 5 million`, `# 5 items`); a heading underlined (`---`, `===`); a line of a paragraph's
    text beginning `2.` (N > 1, which cannot begin a list there) after a line ending a clause or numbered too."""
    if state.inlineMode:
        return
    typed = _Typed(state.src)
    tokens = state.tokens
    ended = None  # the line after the last paragraph's, while only closing tokens follow it
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open":
            ended = token.map[1] if token.map else None
            _numbered(state.env, typed, tokens[index + 1])
            continue
        if token.nesting == -1 or token.type == "inline":
            continue
        if token.type == "heading_open" and token.markup in SETEXT and token.map:
            _setext(state.env, typed, token)
        elif token.type in INTERRUPTING and token.map and token.map[0] == ended:
            _interrupting(state.env, typed, token, islice(tokens, index + 1, index + 1 + AHEAD))
        ended = None


def _interrupting(env: dict, typed: _Typed, token, after) -> None:
    """Tell `token`, a block beginning on the line under a paragraph's text, when the text after its mark is a
    figure: that is a sentence hard-wrapped before a sign or a number, not a list, quotation or heading."""
    line = token.map[0]
    first = next((t for t in after if t.type == "inline"), None)
    if first is None or not first.map or first.map[0] != line or not FIGURE.match(first.content):
        return
    if token.type in INTRODUCED and INTRODUCING.search(typed.line(line - 1)):
        return  # `The Committee decided:` then `- 3 new posts …`: a list (or quotation) the sentence introduces
    text = first.content
    what, printed, mark = INTERRUPTING[token.type]
    word = text.split()[0]
    start = text if len(text) <= 30 else text[:29] + "…"
    found = re.compile(f"({mark})[ \\t]*{re.escape(word)}").search(typed.line(line))
    shown, marked = (found.group(), found.group(1)) if found else (word, token.markup)
    escaped = f"{marked[:-1]}\\{marked[-1]}" if token.type == "ordered_list_open" else f"\\{marked}"
    _add(env, line, f"`{shown}` under a line of text begins {what}: Markdown reads it so without a blank line, and "
         f"the paper would print {printed.format(text=start, mark=marked)}",
         f"if the `{marked}` belongs to the sentence above, join this line to it or escape the mark (`{escaped}`); if "
         f"{what} begins here, leave a blank line before it", found.start() + 1 if found else None)


def _setext(env: dict, typed: _Typed, token) -> None:
    """Tell a heading made by underlining its text (`---`, `===`), at the underline: a paper's headings are `#`."""
    line = token.map[1] - 1
    underline = typed.line(line).strip() or token.markup * 3
    level = "#" if token.markup == "=" else "##"
    _add(env, line, f"this line of `{underline[:20]}` under a line of text makes that text a heading, as `{level} ` "
         "before it would (Markdown's underlined heading): the paper would print it as one",
         f"write headings as `# Title` (a chapter) or `## Title`, after a blank "
         f"line; if the text above is a sentence, delete this line (a paper prints no rule) or escape it "
         f"(`\\{token.markup}`)", typed.line(line).find(token.markup) + 1 or None)


def _numbered(env: dict, typed: _Typed, inline) -> None:
    """Tell a line of a paragraph's text (not its first) that begins `N.` or `N)` with N > 1 after a line ending a
    clause (`:`, `;`, `.` …) or numbered too: an item of a list pasted under the text, which CommonMark runs into
    it (a list begins under text only at `1.`). A sentence wrapped before a number (`… in` / `2024. The …`) is
    left as the text it is."""
    if inline.type != "inline" or not inline.map or "\n" not in inline.content:
        return
    texts = inline.content.split("\n")
    for offset, text in enumerate(texts[1:], 1):
        found = NUMBERED.match(text)
        if not found or int(found.group(1)) < 2:
            continue
        before = texts[offset - 1]
        if not (CLAUSE_END.search(before) or NUMBERED.match(before)):
            continue
        line = inline.map[0] + offset
        number = found.group(1) + found.group(2)
        col = typed.line(line).find(number) + 1 or None
        _add(env, line, f"a line beginning with `{number}` under a line of text is read as more of that text, not as "
             f"a list item: the paper would print `{number}` inside the paragraph above",
             "for a list, leave a blank line before it and number it from `1.` (ccdocs prints `(a)`, `(b)` …); else "
             "join this line to the one above", col)
        return


def _inlines(state) -> None:
    """A line break made by spaces at a line's end, which nobody sees; emphasis `*` between digits (`2*3*4`)."""
    typed = _Typed(state.src)
    for token in state.tokens:
        if token.type != "inline" or not token.map or not token.children:
            continue
        content = token.content
        if "  \n" in content and any(child.type == "hardbreak" for child in token.children):
            _spaces(state.env, typed, token)
        if "*" in content:
            _between_digits(state.env, typed, token)


def _spaces(env: dict, typed: _Typed, token) -> None:
    """Tell each line of `token`'s text (but its last) that ends in two spaces or more: a hard line break."""
    for offset, text in enumerate(token.content.split("\n")[:-1]):
        spaces = len(text) - len(text.rstrip(" "))
        if spaces < 2:
            continue
        line = token.map[0] + offset
        source = typed.line(line) or text
        _add(env, line, f"{spaces} spaces end this line, which Markdown reads as a line break: the paper would "
             "break the text here", "delete them, or write `\\` at the end of the line if a break is meant",
             len(source.rstrip(" ")) + 1)


def _between_digits(env: dict, typed: _Typed, token) -> None:
    """Tell the first emphasis of `token` whose `*` stands between two digits (`2*3*4` prints `234`, its 3 in
    italics): a multiplication or a footnote star typed, not emphasis."""
    children = token.children
    offset = 0
    for index, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            offset += 1
        if child.type not in EMPHASIS or not child.markup.startswith("*") or not 0 < index < len(children) - 1:
            continue
        before, after = children[index - 1], children[index + 1]
        if before.type == after.type == "text" and before.content[-1:].isdigit() and after.content[:1].isdigit():
            line = token.map[0] + offset
            found = BETWEEN_DIGITS.search(typed.line(line))
            shown = found.group() if found else "*"
            _add(env, line, f"`{shown}`: a `*` between digits is Markdown's emphasis, not a sign: the paper would "
                 f"print `{shown.replace('*', '')}`, in part in italics",
                 f"write `{shown.replace('*', '×')}` for a multiplication, or escape each `*` (`\\*`)",
                 found.start() + 1 if found else None)
            return
