"""HTML in Markdown content: a comment is never printed (an error in a final build, left out of a draft with a
warning); any other HTML is refused, since a WO/CC paper is written in Markdown alone."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem, display_path
from .lines import locate

COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.S)
LEADING_COMMENT = re.compile(r"\s*<!--.*?-->", re.S)

COMMENT = "comment"
MESSAGES = {
    COMMENT: ("an HTML comment would be printed in the paper",
              "delete it before the final build; a `--draft` build leaves comments out"),
    "unclosed": ("an HTML comment is never closed with `-->`", "close it with `-->` where it ends, or delete it"),
    "trailing": ("the text after an HTML comment on the same line would be lost",
                 "put the comment on a line of its own, or delete it"),
    "html": ("HTML is not part of a WO/CC document; use Markdown",
             "write `\\<` for a `<` that is printed"),
}
LEFT_OUT = ("an HTML comment was left out of the draft", "delete it before the final build")


def kind(html: str) -> str:
    """What an `html_block` or `html_inline` token's content is: `comment` (comments alone), `unclosed` (a
    comment without its end), `trailing` (a comment with text after it) or `html`.

    >>> [kind(s) for s in ("<!-- a -->\\n", "<!-- a\\n", "<!-- a --> b\\n", "<b>")]
    ['comment', 'unclosed', 'trailing', 'html']
    """
    if COMMENTS.fullmatch(html):
        return COMMENT
    if html.lstrip().startswith("<!--"):
        return "trailing" if LEADING_COMMENT.match(html) else "unclosed"
    return "html"


def message(what: str) -> tuple[str, str]:
    """(message, hint) for HTML of kind `what` in a final build."""
    return MESSAGES[what]


def left_out(texts: dict, parse) -> list[Problem]:
    """A warning for each comment a draft leaves out of `texts` (path -> Markdown), located at its line and
    column; `parse(text)` gives markdown-it's tokens of a text."""
    warnings = []
    for path, text in texts.items():
        lines = text.split("\n")
        for token in parse(text):
            found = [token] if token.type == "html_block" else \
                [c for c in token.children or () if c.type == "html_inline"] if token.type == "inline" else []
            for html in (t for t in found if kind(t.content) == COMMENT):
                first, last = token.map or (0, len(lines))
                line, col = locate(lines, first, last, html.content.lstrip()[:20].split("\n")[0])
                warnings.append(Problem(display_path(Path(path)), line + 1, col, *LEFT_OUT, severity="warning"))
    return warnings
