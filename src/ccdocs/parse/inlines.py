"""markdown-it inline nodes to model inlines, with CJK-aware soft breaks."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from ..l10n.ambiguous import takes_east_asian_face
from ..model import Code, Emph, LineBreak, Link, Note, Ref, RefNumber, Strong, Text
from .anchors import ID, ID_HINT, ranges, unread
from .lines import locate

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def join_soft_break(before: str, after: str) -> str:
    """What a source line break becomes: nothing after or before full-width punctuation (`，` `。` `）`) and between
    two Chinese characters (or a Chinese character and a Chinese quotation mark or dash: “ ” ——), else a space.

    >>> [join_soft_break(a, b) for a, b in [("身体，", "the"), ("人才", "审查"), ("审查”", "覆盖"), ("the", "quick")]]
    ['', '', '', ' ']
    """
    if not (before and after):
        return " "
    a, b = before[-1], after[0]
    if wide_punctuation(a) or wide_punctuation(b):
        return ""
    if (CJK.match(a) or CJK.match(b)) and all(CJK.match(c) or takes_east_asian_face(c) for c in (a, b)):
        return ""
    return " "


def wide_punctuation(ch: str) -> bool:
    """Whether `ch` is full-width punctuation (`，。、；：？！（）《》「」`), which carries its own space."""
    return unicodedata.category(ch)[0] == "P" and unicodedata.east_asian_width(ch) in ("W", "F")


def merge_text(items: list) -> tuple:
    """Adjacent Text nodes merged, soft breaks resolved."""
    out: list = []
    for item in items:
        if isinstance(item, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + item.text)
        else:
            out.append(item)
    result = []
    for index, item in enumerate(out):
        if isinstance(item, Text) and "\x00" in item.text:
            nxt = out[index + 1] if index + 1 < len(out) else None
            tail = plain(nxt) if nxt is not None else ""
            pieces = item.text.split("\x00")
            text = pieces[0]
            for piece in pieces[1:]:
                text += join_soft_break(text or plain(out[:index]), piece or tail) + piece
            item = Text(text)
        if not (isinstance(item, Text) and not item.text):
            result.append(item)
    return tuple(result)


def plain(node) -> str:
    """The plain text of an inline or tuple of inlines (notes left out)."""
    if isinstance(node, tuple | list):
        return "".join(plain(n) for n in node)
    if isinstance(node, Text | Code):
        return node.text
    if isinstance(node, Strong | Emph | Link):
        return plain(node.children)
    if isinstance(node, Ref):
        return plain(node.children or node.label)
    if isinstance(node, RefNumber):
        return node.text
    if isinstance(node, LineBreak):
        return "\n"
    return ""


def _misplaced(shown: str) -> bool:
    """Whether an attribute left unread, `shown`, is a well-made anchor (`{#pay-gap}`): only its place is wrong."""
    return shown.startswith("{#") and shown.endswith("}") and ID.fullmatch(shown[2:-1]) is not None


def _beside_text(ctx, shown: str) -> bool:
    """Whether `shown` stands beside other text on its line of the current block (`# Title {#t}`)."""
    index, col = locate(ctx.lines, ctx.line - 1 - ctx.line_offset, ctx.end - ctx.line_offset, shown)
    return col is not None and ctx.lines[index].strip() != shown


def convert(children, ctx) -> tuple:
    """Model inlines from the children of a markdown-it `inline` syntax-tree node.

    `ctx` records problems and gives: `note(meta)` the Note a mark calls (or None), `link(href)` where a link stands (None:
    it may not), `reference(id, children)` the Ref of `[children](#id)`, `html(content)` whether HTML is left out
    quietly (a comment in a draft). A reference, a dash and a reference make one Ref, a range.
    """
    items: list = []
    for child in children:
        kind = child.type
        if kind == "text":
            shown = unread(child.content)
            if shown and _misplaced(shown):
                if not _beside_text(ctx, shown):  # else the figures' reader (templating.statements) told it there
                    ctx.fail_at(shown, f"the anchor `{shown}` would print here",
                                "write it alone on the line before the block it names")
            elif shown:
                anchor = shown.startswith("{#")
                ctx.fail_at(shown, f"`{shown[:60]}` would print: it is no " + ("anchor" if anchor else "attribute "
                            "read here"), ID_HINT + "; alone on the line before the block it names" if anchor else
                            "`{.unnumbered}` alone on the line before a paragraph is the one class; take it away")
            items.append(Text(child.content))
        elif kind == "softbreak":
            items.append(Text("\x00"))
        elif kind == "hardbreak":
            items.append(LineBreak())
        elif kind == "strong":
            items.append(Strong(convert(child.children, ctx)))
        elif kind == "em":
            items.append(Emph(convert(child.children, ctx)))
        elif kind == "code_inline":
            items.append(Code(child.content))
        elif kind == "link":
            href = str(child.attrs.get("href", ""))
            text = convert(child.children, ctx)
            if child.attrs.get("title"):
                ctx.fail(f"the link title \"{child.attrs['title']}\" would not be printed",
                         "put the words in the link's text or the sentence: `[text](https://…)`")
            if href.startswith("#") and text and not plain(text).strip():
                ctx.fail_at(f"]({href})", "a reference with blank words would print as nothing but a link",
                            f"write `[]({href})` for the label, or the words between the brackets")
            elif href.startswith("#"):
                items.append(ctx.reference(unquote(href[1:]), text))   # markdown-it %-encodes `#人才`
            else:
                at = ctx.link(href)
                items.append(Link(href, text, at) if at else Text(plain(text)))
        elif kind == "footnote_ref":
            note = ctx.note(child.meta)
            if note is not None:
                items.append(note)
        elif kind == "html_inline":
            if ctx.html(child.content) and items and isinstance(items[-1], Text):
                items[-1] = Text(items[-1].text.rstrip(" "))  # `a <!-- c --> b` left out as `a b`
        elif kind == "s":
            ctx.fail("struck-through text `~~…~~` cannot be printed struck through",
                     "delete the words, or write them without `~~`")
        elif kind == "image":
            ctx.fail("an image stands alone in a paragraph of the text, or in a `::: figure`",
                     "write `![what it shows](figures/name.png)` on lines of its own, outside lists, quotes, boxes and notes")
        else:
            items.append(Text(child.content))
    return ranges(merge_text(items))


__all__ = ["convert", "plain", "merge_text", "Note"]
