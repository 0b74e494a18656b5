"""The named styles of a ccdocs DOCX, their values from the theme, so an editor can restyle in Word."""

from __future__ import annotations

from functools import cache

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ...oxml import (add_block, cell_margins, element, props, put, set_borders, set_east_asian_spacing, set_fonts,
                     set_lang, sub, twips)
from ...l10n.language import Language
from ...theme import Theme

KINDS = {"p": WD_STYLE_TYPE.PARAGRAPH, "c": WD_STYLE_TYPE.CHARACTER, "t": WD_STYLE_TYPE.TABLE}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
# Word's own styles are stored under their internal (lower-case) names; Word shows them capitalized.
BUILTIN = {"Header": "header", "Footnote Text": "footnote text", "Footnote Reference": "footnote reference",
           "Caption": "caption"}
SHOWN = {stored: ui for ui, stored in BUILTIN.items()}


@cache
def style_id(name: str) -> str:
    """The styleId of a named style: its shown name without spaces (`footnote text` → `FootnoteText`)."""
    return SHOWN.get(name, name).replace(" ", "")


def specs(theme: Theme, lang: str) -> list[dict]:
    """Every style as a dict: name, kind, base and the values taken from the theme."""
    pt, size = theme.pt, lambda role: theme.size(lang, role)
    after, table = pt("spacing.paragraph_after"), size("table")
    heading = {"kind": "p", "base": "Normal", "next": "Normal", "font": "heading", "keep_next": True,
               "before": pt("spacing.heading_before"), "after": pt("spacing.heading_after")}
    levels = theme.get("docx.headings", {})
    cell = {"base": "Normal", "size": table, "after": 0}
    note_size = size("footnote")
    hanging = pt(f"docx.list_hanging.{lang}") if theme.get(f"docx.list_hanging.{lang}") else pt("lists.hanging")
    indent = pt("lists.indent") + hanging - pt("lists.hanging")
    return [
        {"name": "Normal", "size": size("body"), "after": after, "line": theme.get("spacing.line", 1.0)},
        *({**heading, "name": f"Heading {n}", "size": size(f"heading{n}"), "outline": n - 1,
           **levels.get(n, {})} for n in (1, 2, 3)),
        {"name": "Numbered Paragraph", "base": "Normal", "tabs": [pt("numbered_paragraph.tab")]},
        {"name": "Marker", "base": "Normal", "left": pt("docx.marker_indent"), "before": pt("docx.marker_before"),
         "keep_lines": True},
        {"name": "Cover Letter", "base": "Normal", "align": "right", "size": size("cover_letter"), "bold": True,
         "after": pt("cover.letter_space_after"), "font": "latin"},
        {"name": "Cover Symbol", "base": "Normal", "align": "right", "size": size("cover_symbol"), "after": 0},
        {"name": "Cover Body", "base": "Normal", "size": size("cover_body"), "bold": True,
         "before": pt("cover.block_before_body"), "after": pt("docx.cover.body_after")},
        {"name": "Cover Session", "base": "Normal", "size": size("cover_body"), "bold": True, "after": 0},
        {"name": "Cover Place", "base": "Normal", "size": size("cover_body"), "bold": True, "after": 0},
        {"name": "Cover Title", "base": "Normal", "size": size("cover_title"), "before": pt("cover.title_before"),
         "after": pt("docx.cover.title_after"), "font": "heading"},
        {"name": "Cover Author", "base": "Normal", "after": pt("docx.cover.author_after")},
        {"name": "Header", "base": "Normal", "align": "right", "size": size("header"), "after": 0},
        # Notes may split line by line: with widow control LibreOffice moved a two-line note off its mark's page.
        {"name": "Footnote Text", "base": "Normal", "size": note_size, "after": pt("spacing.footnote_after"),
         "tabs": [pt("footnotes.tab")], "widows": False},
        {"name": "Footnote Reference", "kind": "c", "superscript": True},
        # A list in a note: the note's size, labels at the note's tab, text a list hanging further (as the PDF).
        {"name": "Footnote List", "base": "footnote text", "left": pt("footnotes.tab") + hanging,
         "hanging": hanging},
        {"name": "Footnote List 2", "base": "Footnote List", "left": pt("footnotes.tab") + hanging + pt("lists.indent"),
         "hanging": hanging},
        {"name": "Hyperlink", "kind": "c", "color": theme.get("docx.link_color"), "underline": True},
        {"name": "List Item", "base": "Normal", "left": indent, "hanging": hanging, "after": pt("docx.list_after")},
        {"name": "List Item 2", "base": "List Item", "left": indent + pt("lists.indent"), "hanging": hanging},
        {"name": "Quote", "base": "Normal", "left": pt("quote.indent"), "right": pt("quote.indent"),
         "italic": True},
        {"name": "Quote Attribution", "base": "Quote", "italic": False, "align": "right"},
        {"name": "Box Title", "base": "Normal", "bold": True, "font": "heading", "keep_next": True,
         "after": pt("docx.box_after")},
        {"name": "Box Text", "base": "Normal", "after": pt("docx.box_after")},
        {"name": "Key Figure", "base": "Normal", "align": "center", "bold": True,
         "size": theme.get("keyfigures.figure_size"), "after": 0, "font": "heading"},
        {"name": "Key Figure Label", **cell, "align": "center"},
        {"name": "Table Caption", "base": "Normal", "bold": True, "keep_next": True, "font": "heading",
         "after": pt("docx.caption_after")},
        {"name": "Table Heading", **cell, "bold": True, "font": "heading"},
        {"name": "Table Text", **cell},
        {"name": "Table Note", **cell, "size": note_size, "before": pt("docx.table_note_before")},
        {"name": "Table Source", **cell, "size": note_size, "italic": True, "before": pt("docx.table_note_before")},
        {"name": "Ruled Table", "kind": "t"},
    ]


def _format(spec: dict, font, pf):
    """Character and paragraph values of a style spec."""
    for key, attr in (("bold", "bold"), ("italic", "italic"), ("superscript", "superscript"),
                      ("underline", "underline")):
        if key in spec:
            setattr(font, attr, spec[key])
    if spec.get("size"):
        font.size = Pt(spec["size"])
    if spec.get("color"):
        font.color.rgb = RGBColor.from_string(spec["color"])
    if pf is None:
        return
    if "align" in spec:
        pf.alignment = ALIGN[spec["align"]]
    for key, attr in (("before", "space_before"), ("after", "space_after"), ("left", "left_indent"),
                      ("right", "right_indent")):
        if key in spec:
            setattr(pf, attr, Pt(spec[key]))
    if "hanging" in spec:
        pf.first_line_indent = Pt(-spec["hanging"])
    if "line" in spec:
        pf.line_spacing = float(spec["line"])
    if spec.get("keep_next"):
        pf.keep_with_next = True
    if spec.get("keep_lines"):
        pf.keep_together = True
    if "widows" in spec:
        pf.widow_control = spec["widows"]
    for position in spec.get("tabs", ()):
        pf.tab_stops.add_tab_stop(Pt(position))


def _script(style_el, spec: dict, theme: Theme, language: Language):
    """Fonts per script and the language, where the style's role or the script asks for them."""
    role = spec.get("font")
    if role is None and spec["name"] != "Normal":
        return
    rpr = style_el.get_or_add_rPr()
    lang = language.code
    latin = theme.font(lang, "latin")
    set_fonts(rpr, latin, latin if role == "latin" else theme.font(lang, role or "body"))
    if spec["name"] in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        set_lang(rpr, language.latin_tag, language.east_asian_tag)
    if spec["name"] == "Normal" and language.script.east_asian:
        set_east_asian_spacing(style_el.get_or_add_pPr())


def _outline(style_el, level: int):
    """The outline level of a heading style (the navigation pane, a table of contents)."""
    put(style_el.get_or_add_pPr(), element("w:outlineLvl", val=level))


def doc_defaults(styles_el, theme: Theme, language: Language):
    """Document defaults: body fonts per script, body size, language; East Asian spacing in an East Asian
    script."""
    lang = language.code
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, theme.font(lang, "latin"), theme.font(lang, "body"))
    size = round(theme.size(lang, "body") * 2)
    put(rpr, element("w:sz", val=size))
    put(rpr, element("w:szCs", val=size))
    set_lang(rpr, language.latin_tag, language.east_asian_tag)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    if language.script.east_asian:
        set_east_asian_spacing(ppr)


def _table_rules(style_el, theme: Theme):
    """The ruled look: a rule above and below the table, cells padded."""
    rule = theme.pt("table.rule_width")
    tbl_pr = element("w:tblPr")
    style_el.append(tbl_pr)
    set_borders(tbl_pr, "w:tblBorders", {"top": (rule, "000000", 0), "bottom": (rule, "000000", 0)})
    pad = twips(theme.pt("table.cell_padding"))
    cell_margins(tbl_pr, pad, pad, pad, pad)


def add_styles(document, theme: Theme, language: Language):
    """Define every named style of `specs` in `document`, and the document defaults, for `language` (its
    profile)."""
    styles = document.styles
    doc_defaults(styles.element, theme, language)
    for spec in specs(theme, language.code):
        name = spec["name"]
        if name == "Normal":
            style = styles["Normal"]
        else:
            style = styles.add_style(BUILTIN.get(name, name), KINDS[spec.get("kind", "p")],
                                     builtin=name in BUILTIN or name.startswith("Heading"))
            style.element.styleId = style_id(name)
            style.base_style = styles[spec["base"]] if "base" in spec else None
            if "next" in spec:
                style.next_paragraph_style = styles[spec["next"]]
        style.quick_style = True
        _format(spec, style.font, getattr(style, "paragraph_format", None))
        _script(style.element, spec, theme, language)
        if "outline" in spec:
            _outline(style.element, spec["outline"])
        if spec.get("kind") == "t":
            _table_rules(style.element, theme)


def styled(paragraph, name: str):
    """`paragraph` given the style `name` by its id (python-docx's own setters scan every style by name and
    every possible sibling of `w:pStyle`; the element is the same)."""
    put(props(paragraph._p, "w:pPr"), element("w:pStyle", val=style_id(name)))
    return paragraph


def add_styled(container, name: str) -> Paragraph:
    """A new paragraph at the end of `container` (a python-docx block container) with the style `name`."""
    p = add_block(container._element)
    sub(sub(p, "w:pPr"), "w:pStyle", val=style_id(name))
    return Paragraph(p, container)


__all__ = ["add_styles", "add_styled", "specs", "style_id", "styled"]
