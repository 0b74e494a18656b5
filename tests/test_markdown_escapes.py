"""The Markdown reader reads an escaped figure punctuation (`15\\,921`, `42\\.8\\%`) as text where it stands
(`parse.markdown._plain_escapes`): the tokens it makes are those of markdown-it's own escape rule."""

from __future__ import annotations

import random

import pytest

from ccdocs.parse import markdown

PIECES = list("\\\\,.%()'*_[]<!->& \n{}#a1^`~|:=\"") + [
    "\\,", "\\.", "\\%", "\\(", "\\)", "\\'", "[^1]", "[^1]: x\n", "^[", "<!--", "-->", "  \n", "\n\n", "*a*",
    "[a](b)", "![x](y.png)", "{#id}", "{.cls}", "> ", "1. ", "- ", "| a | b |\n|---|---|\n", "&#42;", "&#0;", "\\\n",
    "::: box\n", "~~"]


@pytest.fixture(scope="module")
def readers():
    """(markdown-it's escape rule, the reader's) as two parsers otherwise the reader's."""
    made = markdown.parser()
    markdown.parser.cache_clear()
    plain = markdown._plain_escapes
    markdown._plain_escapes = lambda md: None
    try:
        own = markdown.parser()
    finally:
        markdown._plain_escapes = plain
        markdown.parser.cache_clear()
    return own, made


def _tokens(tokens) -> list:
    """Each token as the model's reader sees it: a text token's markup and info (`\\,`, `escape` when its text
    begins with an escape) are read by nothing."""
    return [(t.type, t.tag, t.nesting, t.content, t.map, t.level, dict(t.attrs), repr(t.meta), t.block, t.hidden,
             "" if t.type == "text" else t.markup, "" if t.type == "text" else t.info,
             _tokens(t.children) if t.children else None) for t in tokens]


def _env(env: dict) -> str:
    """What a parse notes in its env (an inline footnote's tokens, a list markdown-it leaves unjoined, aside)."""
    notes = env.get("footnotes", {})
    rest = {key: value for key, value in env.items() if key != "footnotes"}
    return repr((rest, notes.get("refs"), {key: {k: v for k, v in note.items() if k != "tokens"}
                                          for key, note in notes.get("list", {}).items()}))


def _read(md, text: str, inline: bool = False):
    env: dict = {}
    try:
        tokens = (md.parseInline if inline else md.parse)(text, env)
    except IndexError as exc:  # mdit_py_plugins' container rule fails on `> ::::box\n>`, with either escape rule
        return repr(exc)
    return _tokens(tokens), _env(env)


def test_an_escaped_figure_reads_as_one_text(readers):
    own, made = readers
    text = "with 15\\,921 staff and 42\\.8\\% of them"
    assert _read(made, text) == _read(own, text)
    children = made.parse(text, {})[1].children
    assert [(t.type, t.content) for t in children] == [("text", "with 15,921 staff and 42.8% of them")]


def test_the_same_tokens_as_markdown_its_escape_rule(readers):
    """Random texts of escapes beside every construct whose rule reads the text around it (hard breaks,
    attributes, comments, entities, inline notes, links, emphasis, tables, containers), as blocks and inline."""
    own, made = readers
    rng = random.Random(19)
    for _ in range(800):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert _read(made, text) == _read(own, text), text
        assert _read(made, text, inline=True) == _read(own, text, inline=True), text


def test_a_comment_is_told_once_per_piece_as_before(readers):
    """The survey tells an unclosed `<!--` once per text token holding it: such a text keeps markdown-it's rule."""
    own, made = readers
    text = "a <!-- b \\, c <!-- d"
    assert _read(made, text) == _read(own, text)
