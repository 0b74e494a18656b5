"""A translation changes the words of a block, never the blocks: applied into its file, the paper keeps its shape.

The shape of a content file is its stream of block tokens as the build's own Markdown parser reads it (type,
tag, nesting, container name, markup, attributes; not the words, not the line numbers). A file with its
translations applied must have the shape of its source; where it does not, the translation at fault is the last
one at or before the first line where the shapes part whose removal changes where (or whether) they part; it is
taken out before looking again. The search parses a file at most MAX_PARSES times: beyond that, the translation
nearest before the parting is blamed without proof and the search stops (the build is refused either way; the
translator's next run names the next one), so that a catalog broken everywhere costs seconds, not hours.

>>> from ccdocs.i18n.structure import breaking
>>> breaking("Intro.\\n\\nSecond.\\n", "report.md", {1: "导言。", 3: "# 第二段"})
{3: 'a heading'}
"""

from __future__ import annotations

from itertools import zip_longest
from math import inf

from ..sources.memo import pure
from .segments import apply, blocks

MAX_PARSES = 32  # parses of one file while blaming: a catalog broken everywhere is refused at once, not in hours
NAMES = {"heading_open": "a heading", "bullet_list_open": "a list", "ordered_list_open": "a list",
         "list_item_open": "another list item", "blockquote_open": "a quote", "hr": "a horizontal rule",
         "code_block": "code", "fence": "code", "paragraph_open": "another paragraph", "html_block": "HTML",
         "table_open": "a table", "tr_open": "another table row", "th_open": "another table cell",
         "td_open": "another table cell"}


def _signature(token) -> tuple:
    attrs, meta = token.attrs, token.meta  # most tokens have neither: spared sorting and repr
    return (token.type, token.tag, token.nesting, token.info.strip(), token.markup,
            tuple(sorted((str(k), str(v)) for k, v in attrs.items())) if attrs else (), "{}" if type(meta) is dict and not meta else repr(meta))


@pure
def shape(text: str, source: bool = True) -> list[tuple[tuple, int | None, object]]:
    """The block tokens of `text` as (signature, 1-based first line or None, token): a `source` file's from the
    parse its segments share (`segments.blocks`), a translated text's parsed anew and not kept."""
    tokens = blocks(text) if source else blocks.__wrapped__(text)
    return [(_signature(t), t.map[0] + 1 if t.map else None, t) for t in tokens]


def _line_from(found: list, index: int) -> float:
    return next((line for _, line, _ in found[index:] if line is not None), inf)


def _describe(token, same_type: bool) -> str:
    if same_type:
        return "the same block with other attributes or marks (`{…}`)"
    kind = token.type
    if kind.startswith("container_"):
        name = kind.removeprefix("container_").rsplit("_", 1)[0]
        return f"a `::: {name}` block" if token.nesting == 1 else "the end of a `:::` block"
    if kind.startswith("footnote"):
        return "a footnote"
    return NAMES.get(kind, f"a different block (`{kind}`)")


def parting(source: list, translated: list) -> tuple[float, str] | None:
    """The first line where two shapes part and what the translated one has there; None when they are one."""
    for index, (before, after) in enumerate(zip_longest(source, translated)):
        if before is not None and after is not None and before[0] == after[0]:
            continue
        line = min(_line_from(source, index), _line_from(translated, index))
        if after is None or (after[1] is not None and after[1] != line):
            return line, "nothing: the block disappears"
        return line, _describe(after[2], before is not None and before[0][0] == after[0][0])
    return None


def breaking(text: str, file: str, translations: dict[int, str]) -> dict[int, str]:
    """The translations (by their segment's first line) that change the shape of `text`, each with what it makes.

    `translations` maps a segment's first line to its translation; each is applied as a build applies it. Kept
    in the per-user cache for the next process (`cached.kept`): a build whose text and translations are unchanged
    parses neither again.
    """
    from .cached import code, kept

    return kept("structure", (text, file, sorted(translations.items())), lambda: _breaking(text, file, translations),
                code())


def _breaking(text: str, file: str, translations: dict[int, str]) -> dict[int, str]:
    """`breaking`, worked out: the text with the translations applied parsed, the one at fault taken out."""
    source = shape(text)

    def parted(chosen: dict) -> tuple[float, str] | None:
        return parting(source, shape(apply(text, file, lambda segment: chosen.get(segment.line)), source=False))

    chosen = dict(translations)
    found: dict[int, str] = {}
    now = parted(chosen)
    parses = 1
    while now is not None and chosen:
        line, what = now
        suspects = sorted((start for start in chosen if start <= line), reverse=True) or sorted(chosen)
        if parses >= MAX_PARSES:  # blamed unverified, the rest left for the next run: never quadratic
            found[suspects[0]] = what
            break
        for suspect in suspects:
            rest = {start: value for start, value in chosen.items() if start != suspect}
            after = parted(rest)
            parses += 1
            if after != now or suspect == suspects[-1] or parses >= MAX_PARSES:
                break
        found[suspect] = what
        chosen, now = rest, after
    return found
