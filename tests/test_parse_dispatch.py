"""The content parser tries its block rules by a line's first character (`parse.dispatch`): the same tokens, and
the same notes in the parse's env, as markdown-it trying every rule at every line."""

from __future__ import annotations

import random
import pytest

from ccdocs.parse import dispatch
from ccdocs.parse.markdown import parser
from content_texts import content_texts

# Lines beginning (or nearly beginning) every kind of block the parser reads, refuses or leaves as text
LINES = ["Text with *emphasis*.", "# Heading", "## Sub {#h}", "###### six", "####### seven", "#nospace", "> quote", ">",
         "- item", "* item", "+ item", "1. one", "2) two", "1234567890. big", "-", "*", "- - -", "***", "___", "---",
         "===", "```", "```python", "~~~", "``` a ` b", "    code", "\tcode", "<div>", "</div>", "<!-- c -->", "<!--",
         "-->", "<pre>", "</pre>", "<?php", "?>", "<![CDATA[", "]]>", "<!DOCTYPE x>", "<custom>", "[ref]: http://x",
         "[^n]: a note", "[^n]", "    the note's second paragraph", "[link][ref]", "{#anchor}", "{.class}",
         "{width=\"50%\"}", "{", "::: box", "::: table t1", "::: keyfigures", "::: other x", ":::", "::::",
         "| a | b |", "|---|---|", "a | b", "--- | ---", "![alt](img.png)", "text ^[inline note]", "\\# escaped",
         "&amp; &#42;", "<http://auto>", "1.", "* * *", "  - nested", "     in the item", "", "", "中文段落。", "１．全角"]
PREFIXES = ["", "", "> ", "  ", "- ", "1. ", "    ", ">", " ", "\t", "* ", "::: box\n", "[^a]: "]


def _made(seed: int) -> str:
    """A text of up to 25 lines, each a random line of LINES under up to three container or indent prefixes."""
    chance = random.Random(seed)
    lines = ["".join(chance.choice(PREFIXES) for _ in range(chance.randint(0, 3))) + chance.choice(LINES)
             for _ in range(chance.randint(1, 25))]
    return "\n".join(lines) + chance.choice(["", "\n"])


@pytest.fixture(scope="module")
def every_rule():
    """The content parser made as `parser()` makes it, but trying every block rule at every line."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dispatch, "by_first_character", lambda md: None)
        return parser.__wrapped__()


def _read(md, text: str) -> tuple:
    """Everything a parse of `text` gives: each token (its children's too) and the env's notes."""
    def flat(tokens) -> list:
        return [(t.type, t.tag, t.nesting, t.map, t.content, t.markup, t.info, sorted(map(str, t.attrs.items())),
                 repr(t.meta), t.hidden, t.level, t.block, flat(t.children or ())) for t in tokens]
    env: dict = {}
    try:
        tokens = flat(md.parse(text, env))
    except Exception as exc:  # markdown-it's own failure, if any, must be the same too
        return type(exc).__name__, str(exc)
    return tokens, sorted((key, repr(value)) for key, value in env.items())


def test_the_parser_dispatches():
    """The content parser's main block chain is the one rule (and `code`, kept for its name, never reached)."""
    active = [rule.name for rule in parser().block.ruler.__rules__ if rule.enabled]
    assert active[:2] == ["ccdocs_blocks", dispatch.NAMED]


@pytest.mark.parametrize("source", content_texts())
def test_fixtures_read_the_same(every_rule, source):
    text = source()
    assert _read(parser(), text) == _read(every_rule, text)


def test_made_texts_read_the_same(every_rule):
    """600 texts nesting every kind of block in quotes, lists, notes and containers, at every indent."""
    differ = [seed for seed in range(600) if _read(parser(), _made(seed)) != _read(every_rule, _made(seed))]
    assert differ == []
