"""Specification: a theme's SVG cover logo has its text checked as a body SVG's is, at the theme's `cover.logo` line
(the logo skipped the checks: a combining mark apart from its letter, or a character no font holds, printed wrong or
not at all, silently).
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL
from refusals import Case
from test_svg import svg

MINE = "templates/themes/mine.yaml"


def logo(text: str) -> dict:
    """The minimal document under its theme `mine`, whose cover logo is an SVG drawing `text`."""
    drawing = svg(f'<text x="5" y="50" font-size="12">{text}</text>', 'width="200" height="100"')
    return {"document.yaml": MINIMAL + "theme: mine\n", MINE: "cover:\n  logo: images/logo.svg\n",
            "templates/images/logo.svg": drawing}


CASES = [Case(f"logo-{what}-{lang}", logo(text), said, f"{MINE}:2", args=("--format", "pdf", "--lang", lang))
         for what, text, said in [
             ("mark", "WIPO x&#x304;", "image `images/logo.svg`, line 2: the drawing's text contains 'x' + U+0304"),
             ("no-font", "WIPO &#x1D11E;", "image `images/logo.svg`, line 2: the drawing's text contains '𝄞'")]
         for lang in ("en", "zh")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_logo_text_the_pdf_cannot_print_is_refused_at_the_themes_line(refuse, case):
    refuse(case)
