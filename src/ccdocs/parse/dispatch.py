"""markdown-it's block rules tried by the first character of a line: the same tokens, a fraction of the calls.

markdown-it tries its block rules in order at every line a block may begin on (and, through the rules' `alt`
chains, at every line of a paragraph, quote or list that another block may end), until one takes the line. Most of
them first look at the line's first character (after its indent) and give up unless it is their marker: fourteen
calls at each paragraph's line, each logging its entry, for the one rule that takes it. `by_first_character` puts
one rule per chain in their place, which calls, in their order, only the rules that may begin at that character.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

# The characters each block rule needs first on a line to take it, by the rule's name: read off each rule's own
# first test (markdown-it-py 4.3, mdit-py-plugins 0.7), which returns False, changing nothing, at any other first
# character. A rule not named here (table, code, lheading, paragraph; a plugin's rule added later) is tried at
# every line.
FIRST_CHARACTERS = {"fence": "~`", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789", "footnote_def": "[",
                    "reference": "[", "html_block": "<", "heading": "#", "attr": "{"}
CONTAINER = "container_"  # mdit-py-plugins' container rules (`:::`) and `parse.markdown`'s one rule for them
CONTAINER_MARKER = ":"
LAST = "paragraph"  # the rule that takes any line no other rule takes
# A rule whose name markdown-it asks for: a line indented four columns is code only while a rule named `code` is
# enabled (`StateBlock.is_code_block`, read by most rules). It stays enabled, after the main chain's one rule,
# which always takes a line first: never called from there.
NAMED = "code"


def first_characters(name: str) -> str | None:
    """The characters a block rule named `name` may begin at, None when any (see FIRST_CHARACTERS)."""
    return CONTAINER_MARKER if name.startswith(CONTAINER) else FIRST_CHARACTERS.get(name)


def by_first_character(md: MarkdownIt) -> None:
    """Replace `md`'s enabled block rules with one rule for the main chain and one for each `alt` chain (the
    rules another block's end is tested with), each trying only the rules that may begin at a line's first
    character, in their order.

    The main chain's rule comes first and always takes a line, as its last rule (paragraph) does: the rules after
    it (the chains' own, and `NAMED`) are never reached from there. Left as it is when the last enabled rule is
    not paragraph or `NAMED` is in a chain. Call it once every plugin's block rule is in place.
    """
    ruler = md.block.ruler
    rules = [rule for rule in ruler.__rules__ if rule.enabled]
    if not rules or rules[-1].name != LAST or any(rule.alt for rule in rules if rule.name == NAMED):
        return
    chains = sorted({chain for rule in rules for chain in rule.alt})
    ruler.before(rules[0].name, "ccdocs_blocks", _dispatcher([(rule.name, rule.fn) for rule in rules]))
    ruler.disable([rule.name for rule in rules if rule.name != NAMED])
    for chain in chains:
        ruler.push(f"ccdocs_blocks_{chain}", _dispatcher([(rule.name, rule.fn) for rule in rules if chain in rule.alt]),
                   {"alt": [chain]})


def _dispatcher(rules: list[tuple]):
    """One block rule calling, of `rules` ((name, function) in order), those that may begin at the first
    character of the line it is given."""
    everywhere = tuple(fn for name, fn in rules if first_characters(name) is None)
    marks = {mark for name, _ in rules for mark in first_characters(name) or ""}
    by_mark = {mark: tuple(fn for name, fn in rules if (chars := first_characters(name)) is None or mark in chars)
               for mark in marks}

    def blocks(state, start_line: int, end_line: int, silent: bool) -> bool:
        at = state.bMarks[start_line] + state.tShift[start_line]
        for rule in by_mark.get(state.src[at:at + 1], everywhere):
            if rule(state, start_line, end_line, silent):
                return True
        return False

    return blocks
