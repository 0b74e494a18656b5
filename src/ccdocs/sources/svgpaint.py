"""svglib's renderer, its gradient fills drawn as SVG draws them (`svg.rendered` makes every drawing with it).

svglib (`SvgRenderer._apply_gradient_fill`) paints a shape's gradient as a group of the gradient, clipped to the
shape, then the shape; SVG, CairoSVG (the Word document's picture), a browser and Word draw it otherwise where

- the shape has its own `clip-path`: svglib fills the clipping path's region with the gradient (spread over the
  clipping path's box), the shape left out; here the gradient fills the shape, under the clip;
- the shape has its own `transform`: svglib adds the gradient beside the group carrying it, so the gradient prints
  unturned (and, the shape moved, where the shape stood before it moved); here the group holding both carries it;
- the gradient is drawn in the shape's box (`gradientUnits="objectBoundingBox"`, the default) and the box is no
  square: SVG draws the gradient in a unit square stretched to the box, so a radial gradient's circle becomes an
  ellipse and a slanted linear gradient's bands slant with the box; svglib drew a circle (of the box's mean side)
  and bands square to the gradient's axis. Here a linear gradient's end is set where bands square to the axis
  fall as SVG's do (the same gradient, exactly), and a radial one is drawn in a space squeezed to the box.

Imported where a drawing is made (svglib and reportlab load on first use). What it extends is private to svglib:
another svglib than the releases it was read off (SUPPORTED, pyproject.toml's pin) may lack it or mean otherwise by
it, so importing this module with one is a Failure naming the releases to install (`svglib_read`), never a drawing
made otherwise nor "an internal error".
"""

from __future__ import annotations

import re

from reportlab.graphics.shapes import Group

from ..errors import Failure

SUPPORTED = ((2, 3, 2), (2, 4))         # svglib's releases this module extends: from 2.3.2, before 2.4
PIN = "svglib>=2.3.2,<2.4"              # the same, as pip and pyproject.toml write it


def svglib_read() -> None:
    """A Failure unless the svglib installed is one of the SUPPORTED releases (its release numbers, PEP 440's first
    part: a 2.4 pre-release is 2.4) and holds what this module extends."""
    import svglib

    found = str(getattr(svglib, "__version__", "of no version"))
    numbers = re.match(r"\d+(?:\.\d+)*", found)
    release = tuple(int(part) for part in numbers.group(0).split(".")) if numbers else ()
    said = (f"ccdocs draws SVG images in the PDF with svglib 2.3 ({PIN}), whose renderer it extends; this Python has "
            f"svglib {found}")
    if not SUPPORTED[0] <= release < SUPPORTED[1]:
        raise Failure(f"{said} (install the supported one: pip install '{PIN}')")
    try:
        from svglib import svglib as module
    except ImportError as exc:
        raise Failure(f"{said}, which cannot be read ({exc}) (install it again: pip install --force-reinstall "
                      f"'{PIN}')") from None
    lacking = [name for name in ("LinearGradientShape", "RadialGradientShape", "SvgRenderer", "_shape_to_pdf_path")
               if not hasattr(module, name)] + (
        [] if hasattr(getattr(module, "SvgRenderer", None), "_apply_gradient_fill") else
        ["SvgRenderer._apply_gradient_fill"])
    if lacking:
        raise Failure(f"{said}, which lacks {', '.join(lacking)} (install it again: pip install --force-reinstall "
                      f"'{PIN}')")


svglib_read()

from svglib.svglib import LinearGradientShape, RadialGradientShape, SvgRenderer, _shape_to_pdf_path  # noqa: E402

SAME = (1, 0, 0, 1, 0, 0)


class Renderer(SvgRenderer):
    """svglib's SvgRenderer, a shape's gradient fill drawn in the shape's own space and box, as SVG draws it."""

    def _apply_gradient_fill(self, item, grad_def):
        parts = item.contents if isinstance(item, Group) else []
        if len(parts) == 2 and getattr(parts[0], "isClipPath", False):   # the shape's own `clip-path`, then it
            parts[1] = self._apply_gradient_fill(parts[1], grad_def)
            return item
        made = super()._apply_gradient_fill(item, grad_def)
        if made is item:
            return made
        if isinstance(item, Group) and tuple(item.transform) != SAME:
            made.transform, item.transform = item.transform, SAME
        shading = made.contents[0]
        if grad_def.get("gradientUnits", "objectBoundingBox") != "objectBoundingBox":
            return made
        left, bottom, right, top = shading._clip_shape.getBounds()
        width, height = right - left, top - bottom
        if width <= 0 or height <= 0 or width == height:
            return made
        if isinstance(shading, LinearGradientShape):
            across, up = (shading._x1 - shading._x0) / width, (shading._y1 - shading._y0) / height   # in the box
            if across and up:        # SVG's bands, square to the axis in the unit square, slanted in the box
                reach = (across * across + up * up) / ((across / width) ** 2 + (up / height) ** 2)
                shading._x1 = shading._x0 + across / width * reach
                shading._y1 = shading._y0 + up / height * reach
        elif isinstance(shading, RadialGradientShape):
            made.contents[0] = _Oval(shading, width, height)
        return made


class _Oval(RadialGradientShape):
    """A radial gradient in a shape's box of other proportions than a square: its circle (radius `r` of the box's
    width) drawn in a space squeezed to the box's height about its centre, an ellipse as SVG draws it."""

    def __init__(self, shading: RadialGradientShape, width: float, height: float) -> None:
        share = shading._r / ((width + height) / 2)       # svglib's radius: `r` of the box's mean side
        super().__init__(shading._clip_shape, shading._cx, shading._cy, share * width, shading._rl_colors,
                         shading._positions, shading._extend)
        self._squeeze = (1, 0, 0, height / width, 0, shading._cy * (1 - height / width))

    def drawDirectly(self, renderer) -> None:
        canvas = renderer._canvas
        canvas.saveState()
        path = _shape_to_pdf_path(canvas, self._clip_shape)
        if path:
            canvas.clipPath(path, fill=1, stroke=0)
            canvas.transform(*self._squeeze)
            canvas.radialGradient(self._cx, self._cy, self._r, self._rl_colors, self._positions, self._extend)
        canvas.restoreState()
