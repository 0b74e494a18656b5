"""The size an image prints at, shared by both writers so that it is the same in the DOCX and the PDF."""

from __future__ import annotations

from ..errors import InputError, problem
from ..model import Image

CM = 72 / 2.54
SLACK = 0.5  # points: a picture exactly as wide as the text, rounded, still fits
LEAST_SHARE = 0.05  # of the text width: the narrowest an image prints, as `{width="5%"}` is the least width given


def printed_size(image: Image, text_width: float) -> tuple[float, float]:
    """(width, height) in points `image` prints at within `text_width` points: its `width` share of the text width
    (its height in proportion), else its natural size (pixels at the resolution it states, or an SVG's own).

    Raises InputError at the image's line when its natural size is wider than the text, or narrower than
    LEAST_SHARE of it (a resolution stated far above the real one, a few pixels: it would vanish from the page):
    resizing it silently would print it at another resolution than the one saved, and an editor decides which."""
    natural_w, natural_h = image.picture.size
    if image.width:
        width = text_width * image.width
        return width, natural_h * width / natural_w
    if natural_w > text_width + SLACK:
        _refuse(image, f"{natural_w / CM:.1f} cm wide at the resolution it states, wider than the text "
                       f"({text_width / CM:.1f} cm)", '`{width="100%"}`, or save it at a higher resolution (dpi)')
    if natural_w < text_width * LEAST_SHARE:
        pixels = image.picture.pixels[0]
        at = (f"{pixels:,} pixel{'s' if pixels > 1 else ''} at {pixels * 72 / natural_w:,.0f} dpi" if pixels
              else "the width the SVG gives itself")
        _refuse(image, f"{natural_w / CM:.3g} cm wide ({at}), narrower than {LEAST_SHARE:.0%} of the text width "
                       f"({text_width * LEAST_SHARE / CM:.1f} cm): it would all but vanish from the page",
                f'`{{width="{LEAST_SHARE * 400:.0f}%"}}`, or save it at its real '
                + ("resolution" if pixels else "size"))
    return natural_w, natural_h


def _refuse(image: Image, what: str, hint: str) -> None:
    """Raise the InputError saying at `image`'s line that it is `what`; the hint asks for a width, or `hint`."""
    source = image.source
    raise InputError([problem(source.file if source else "document", source.line if source else None,
                              f"image `{image.picture.path}` is {what}",
                              f"give it a width, a share of the text width: {hint}")])
