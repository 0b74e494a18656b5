"""Run and paragraph properties python-docx lacks: East Asian fonts, language, caps, spacing, borders."""

from __future__ import annotations

from .xml import place


def set_fonts(rpr, latin: str, east_asia: str | None = None, hint: str | None = None):
    """`w:rFonts` with `latin` for ascii/hAnsi/cs and `east_asia` (default `latin`) for w:eastAsia."""
    attrs = {"ascii": latin, "hAnsi": latin, "eastAsia": east_asia or latin, "cs": latin}
    if hint:
        attrs["hint"] = hint
    return place(rpr, "w:rFonts", **attrs)


def set_lang(rpr, val: str, east_asia: str | None = None):
    """`w:lang` with w:val (`en-US`) and, for Chinese, w:eastAsia (`zh-CN`)."""
    attrs = {"val": val}
    if east_asia:
        attrs["eastAsia"] = east_asia
    return place(rpr, "w:lang", **attrs)


def set_caps(rpr, on: bool = True):
    """All Caps formatting (`w:caps`): the text stays mixed case, Word shows capitals."""
    return place(rpr, "w:caps", val="1" if on else "0")


def set_east_asian_spacing(ppr, on: bool = True):
    """Word's automatic space between Han and Latin text (`w:autoSpaceDE`) and digits (`w:autoSpaceDN`)."""
    value = "1" if on else "0"
    place(ppr, "w:autoSpaceDE", val=value)
    return place(ppr, "w:autoSpaceDN", val=value)


def set_shading(owner_pr, fill: str):
    """A solid background `w:shd` (paragraph, cell or table properties)."""
    return place(owner_pr, "w:shd", val="clear", color="auto", fill=fill)


def set_borders(owner_pr, tag: str, edges: dict):
    """`tag` (`w:pBdr`, `w:tblBorders`, `w:tcBorders`) with edges {"top": (size_pt, color, space_pt)}."""
    borders = place(owner_pr, tag)
    for edge, spec in edges.items():
        if spec is None:
            place(borders, f"w:{edge}", val="nil")
            continue
        size, color, space = spec
        place(borders, f"w:{edge}", val="single", sz=round(size * 8), space=round(space), color=color)
    return borders


__all__ = ["set_fonts", "set_lang", "set_caps", "set_east_asian_spacing", "set_shading", "set_borders"]
