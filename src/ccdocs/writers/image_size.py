"""The size an image prints at, shared by both writers so that it is the same in the DOCX and the PDF."""

from __future__ import annotations

from ..errors import InputError, problem
from ..model import Image

CM = 72 / 2.54
SLACK = 0.5  # points: a picture exactly as wide as the text, rounded, still fits


def printed_size(image: Image, text_width: float) -> tuple[float, float]:
    """(width, height) in points `image` prints at within `text_width` points: its `width` share of the text width
    (its height in proportion), else its natural size (pixels at the resolution it states, or an SVG's own).

    Raises InputError at the image's line when its natural size is wider than the text: shrinking it silently
    would print it at another resolution than the one saved, and an editor decides which."""
    natural_w, natural_h = image.picture.size
    if image.width:
        width = text_width * image.width
        return width, natural_h * width / natural_w
    if natural_w > text_width + SLACK:
        source = image.source
        raise InputError([problem(
            source.file if source else "document", source.line if source else None,
            f"image `{image.picture.path}` is {natural_w / CM:.1f} cm wide at the resolution it states, wider than "
            f"the text ({text_width / CM:.1f} cm)",
            'give it a width, a share of the text width: `{width="100%"}`, or save it at a higher resolution (dpi)')])
    return natural_w, natural_h
