"""Images in the Markdown: `![alternative text](figures/name.png){width="50%"}` alone in a paragraph of the text,
or in a `::: figure` after its caption paragraph (and before its notes, such as its source).

The image's file was read and checked with the sources (`sources.images`); here the paragraph becomes an Image
block and what would print wrong is refused at its line: an empty alternative text, a title (never printed), a
width that is not a share of the text width, an attribute other than `width`, text beside the image.
"""

from __future__ import annotations

import re

from ..model import Image
from ..sources.images import image_path
from .inlines import convert

WIDTH = re.compile(r"(\d{1,3}(?:\.\d+)?)%")
FIGURE_HINT = ("a figure is `::: figure`, its caption paragraph, the image alone on its line, then any notes "
               "(its source), and `:::`")
ALT_HINT = ("write what the image shows between the brackets: `![Staff by grade, 2025](figures/grades.png)`; "
            "a reader who cannot see the image is read this text")
WIDTH_HINT = 'give the width as a share of the text width, quoted: `{width="50%"}`'


def lone_image(node) -> object | None:
    """The image token of a paragraph node holding one image and nothing else (its attributes after it), or None."""
    inline = node.children[0] if node.children else None
    children = [c for c in (inline.children or ()) if not (c.type == "text" and not c.content.strip())] \
        if inline is not None else []
    return children[0] if len(children) == 1 and children[0].type == "image" else None


def has_image(node) -> bool:
    """Whether a paragraph node holds an image among other text."""
    inline = node.children[0] if node.children else None
    return inline is not None and any(c.type == "image" for c in inline.children or ())


def image_block(node, ctx, caption: tuple = (), notes: tuple = (), caption_typed=None,
                notes_typed: tuple = ()) -> Image | None:
    """The Image of a paragraph node holding one image alone (None, the problems recorded, when it cannot print);
    its caption and notes typed at `caption_typed` and `notes_typed` (Sources)."""
    source = ctx.source(node)
    token = lone_image(node)
    if token is None:
        _beside(node, ctx)
        return None
    src = image_path(str(token.attrs.get("src", "")))
    alt = " ".join(token.content.split())
    if not alt:
        ctx.fail_at("![]", "an image without alternative text", ALT_HINT)
    if token.attrs.get("title"):
        ctx.fail_at(src, f"the image title \"{str(token.attrs['title'])[:60]}\" would not be printed",
                    "write the caption in a `::: figure`, on the line before the image")
    width = _width(token, ctx)
    picture = ctx.images.get(src)
    if picture is None:
        ctx.fail_at(src, f"image `{src[:80]}` was not read with the content: its path is made by a template",
                    "write the image's path as it is in the content file")
    if picture is None or not alt:
        return None
    return Image(picture, alt, caption, width, notes, source, caption_typed=caption_typed, notes_typed=notes_typed)


def _width(token, ctx) -> float:
    """The share of the text width a `{width="50%"}` asks for (0.0: none); other attributes are refused."""
    extra = {k: v for k, v in token.attrs.items() if k not in ("src", "alt", "title", "width")}
    if extra:
        shown = " ".join(f"{k}={v}" for k, v in extra.items())
        ctx.fail_at("){", f"the attribute `{{{shown[:60]}}}` means nothing on an image", WIDTH_HINT)
    raw = token.attrs.get("width")
    if raw is None:
        return 0.0
    match = WIDTH.fullmatch(str(raw).strip())
    share = float(match.group(1)) / 100 if match else 0.0
    if not 0.05 <= share <= 1.0:
        ctx.fail_at("){", f"`width={raw}` is not a share of the text width from 5% to 100%", WIDTH_HINT)
        return 0.0
    return share


def _beside(node, ctx) -> None:
    inline = node.children[0]
    rest = "".join(c.content for c in inline.children if c.type == "text").strip()
    if rest.startswith("{") and "width" in rest:
        ctx.fail_at(rest[:20], f"`{rest[:40]}` after the image is not read as its width", WIDTH_HINT)
    else:
        ctx.fail("an image stands alone in its paragraph", "write the text before or after it, separated by a "
                 "blank line; " + FIGURE_HINT)


def figure(node, ctx) -> Image | None:
    """`::: figure`: its caption paragraph, the paragraph of its image, then its notes (as a table's)."""
    source = ctx.source(node)
    if len(node.info.split()) > 1:
        ctx.fail(f"`{' '.join(node.info.split()[1:])[:60]}` after `::: figure` would not be printed",
                 "write the caption as the paragraph on the line after `::: figure`")
    before, image, after = [], None, []
    for child in node.children:
        ctx.at(child)
        if child.type != "paragraph":
            ctx.fail("a figure holds its caption, its image, then its notes, as paragraphs", FIGURE_HINT)
        elif image is None and has_image(child):
            image = child
        else:
            (after if image is not None else before).append(child)
    if image is None:
        ctx.line = source.line
        ctx.fail("a `::: figure` without an image", FIGURE_HINT)
        return None
    if len(before) != 1:
        ctx.line = source.line
        ctx.fail("a figure's caption is one paragraph, before its image" if before else "a figure without a caption",
                 FIGURE_HINT)
    caption = _text(before[0], ctx) if before else ()
    typed = tuple(ctx.source(p) for p in before[:1] + after)  # where the caption's and notes' problems are told
    notes = tuple(_text(p, ctx) for p in after)
    block = image_block(image, ctx, caption, notes, typed[0] if before else None, typed[1 if before else 0:])
    ctx.line = source.line
    return block


def _text(node, ctx) -> tuple:
    """The inlines of a paragraph node, its problems at its line."""
    ctx.at(node)
    return convert(node.children[0].children, ctx)
