"""The named styles of a ccdocs DOCX, their values from the theme, so an editor can restyle in Word."""

from __future__ import annotations

from copy import deepcopy
from functools import cache, lru_cache
from typing import NamedTuple

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.styles import BabelFish
from docx.styles.styles import Styles
from docx.styles.style import StyleFactory
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_UNDERLINE
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_HexColor, ST_HpsMeasure, ST_OnOff, ST_SignedTwipsMeasure, ST_TwipsMeasure
from docx.shared import Emu, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from ...i18n.cached import code, kept
from ...oxml import (cell_margins, clark, element, number_paragraph, place, place_block, props, set_borders,
                     set_east_asian_spacing, set_fonts, set_lang, sub, twips)
from ...l10n.language import Language
from ...theme import Theme
from ..columns import table_size
from .skeleton import STYLES

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
    texts = {**cell, "size": table_size(theme, lang)}   # a table's texts, as the PDF's: `table.font_size`
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
        {"name": "Table Heading", **texts, "bold": True, "font": "heading"},
        {"name": "Table Text", **texts},
        {"name": "Table Note", **cell, "size": note_size, "before": pt("docx.table_note_before")},
        {"name": "Table Source", **cell, "size": note_size, "italic": True, "before": pt("docx.table_note_before")},
        {"name": "Ruled Table", "kind": "t"},
    ]


# A style's values are written as python-docx's setters (`style.font`, `style.paragraph_format`) write them: the
# same elements in schema order (`place`), the same attributes in the order the setters set them, each value
# converted by the simple type python-docx converts it with. Its setters look for every possible later sibling
# of each element they add: a tenth of a second, in each process's first document.

def _child(style_el, tag: str):
    """The property element `tag` (`w:rPr`, `w:pPr`) of a style, added in schema order (`get_or_add`)."""
    found = next(style_el.iterchildren(clark(tag)), None)
    return place(style_el, tag) if found is None else found


def _on_off(parent, tag: str, value) -> None:
    """A toggle property (`w:b`, `w:keepNext` …) as python-docx's setters write it: absent for None, no `w:val`
    when true, `w:val="0"` when false."""
    if value is None:
        return
    el = place(parent, tag)
    if value is not True:
        el.set(clark("w:val"), ST_OnOff.to_xml(value))


def _font(spec: dict, style_el) -> None:
    """The character values of a style spec: bold, italic, superscript, underline, size, colour."""
    toggles = [key for key in ("bold", "italic", "superscript", "underline") if key in spec]
    if not (toggles or spec.get("size") or spec.get("color")):
        return
    rpr = _child(style_el, "w:rPr")
    _on_off(rpr, "w:b", spec.get("bold"))
    _on_off(rpr, "w:i", spec.get("italic"))
    if spec.get("superscript"):
        place(rpr, "w:vertAlign", val="superscript")
    underline = spec.get("underline")
    if underline is not None:
        value = WD_UNDERLINE.SINGLE if underline is True else WD_UNDERLINE.NONE if underline is False else underline
        place(rpr, "w:u", val=WD_UNDERLINE.to_xml(value))
    if spec.get("size"):
        place(rpr, "w:sz", val=ST_HpsMeasure.to_xml(Pt(spec["size"])))
    if spec.get("color"):
        place(rpr, "w:color", val=ST_HexColor.to_xml(RGBColor.from_string(spec["color"])))


def _paragraph(spec: dict, style_el) -> None:
    """The paragraph values of a style spec: alignment, spacing, indents, line spacing, keeps, widow control,
    tab stops."""
    keys = ("align", "before", "after", "left", "right", "hanging", "line", "widows")
    if not (any(key in spec for key in keys) or spec.get("keep_next") or spec.get("keep_lines") or
            spec.get("tabs")):
        return
    ppr = _child(style_el, "w:pPr")
    if "align" in spec:
        place(ppr, "w:jc", val=WD_ALIGN_PARAGRAPH.to_xml(ALIGN[spec["align"]]))
    spacing = {key: ST_TwipsMeasure.to_xml(Pt(spec[key])) for key in ("before", "after") if key in spec}
    indent = {key: ST_SignedTwipsMeasure.to_xml(Pt(spec[key])) for key in ("left", "right") if key in spec}
    if "hanging" in spec:
        first = Pt(-spec["hanging"])
        if first < 0:
            indent["hanging"] = ST_TwipsMeasure.to_xml(-first)
        else:
            indent["firstLine"] = ST_TwipsMeasure.to_xml(first)
    if "line" in spec:
        spacing["line"] = ST_SignedTwipsMeasure.to_xml(Emu(float(spec["line"]) * Twips(240)))
        spacing["lineRule"] = WD_LINE_SPACING.to_xml(WD_LINE_SPACING.MULTIPLE)
    if spacing:
        place(ppr, "w:spacing", **spacing)
    if indent:
        place(ppr, "w:ind", **indent)
    _on_off(ppr, "w:keepNext", True if spec.get("keep_next") else None)
    _on_off(ppr, "w:keepLines", True if spec.get("keep_lines") else None)
    if "widows" in spec:
        _on_off(ppr, "w:widowControl", spec["widows"])
    if spec.get("tabs"):
        tabs = place(ppr, "w:tabs")
        for position in spec["tabs"]:   # python-docx's `insert_tab_in_order`: before the first tab further right
            at = ST_SignedTwipsMeasure.to_xml(Pt(position))
            tab = sub(tabs, "w:tab", pos=at, val=WD_TAB_ALIGNMENT.to_xml(WD_TAB_ALIGNMENT.LEFT))
            later = next((t for t in tabs if t is not tab and int(t.get(clark("w:pos"))) > int(at)), None)
            if later is not None:
                later.addprevious(tab)


def _script(style_el, spec: dict, inputs: StyleInputs):
    """Fonts per script and the language, where the style's role or the script asks for them."""
    role = spec.get("font")
    if role is None and spec["name"] != "Normal":
        return
    rpr = style_el.get_or_add_rPr()
    faces = dict(inputs.faces)
    latin = faces["latin"]
    set_fonts(rpr, latin, latin if role == "latin" else faces[role or "body"])
    if spec["name"] in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        set_lang(rpr, inputs.latin_tag, inputs.east_asian_tag)
    if spec["name"] == "Normal" and inputs.east_asian:
        set_east_asian_spacing(style_el.get_or_add_pPr())


def _outline(style_el, level: int):
    """The outline level of a heading style (the navigation pane, a table of contents)."""
    place(style_el.get_or_add_pPr(), "w:outlineLvl", val=level)


def doc_defaults(styles_el, inputs: StyleInputs):
    """Document defaults: body fonts per script, body size, language; East Asian spacing in an East Asian
    script."""
    faces = dict(inputs.faces)
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, faces["latin"], faces["body"])
    size = round(inputs.body_size * 2)
    place(rpr, "w:sz", val=size)
    place(rpr, "w:szCs", val=size)
    set_lang(rpr, inputs.latin_tag, inputs.east_asian_tag)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    if inputs.east_asian:
        set_east_asian_spacing(ppr)


def _table_rules(style_el, inputs: StyleInputs):
    """The ruled look: a rule above and below the table, cells padded."""
    rule = inputs.rule
    tbl_pr = element("w:tblPr")
    style_el.append(tbl_pr)
    set_borders(tbl_pr, "w:tblBorders", {"top": (rule, "000000", 0), "bottom": (rule, "000000", 0)})
    pad = twips(inputs.padding)
    cell_margins(tbl_pr, pad, pad, pad, pad)


def new_style(styles, name: str, kind, builtin: bool, base: str | None = None, following: str | None = None):
    """A new style `name` (its stored name) of `kind` in `styles` (python-docx's Styles), its id `style_id(name)`,
    based on the style named `base` and followed by `following`, as python-docx's `add_style`, `base_style` and
    `next_paragraph_style` make it (without their searches of every style by name: the names are ours, each
    given once, and every id is `style_id` of its name)."""
    attrs = {"type": WD_STYLE_TYPE.to_xml(kind)} | ({} if builtin else {"customStyle": ST_OnOff.to_xml(True)})
    style_el = sub(styles.element, "w:style", **attrs, styleId=style_id(name))  # as `add_style_of_type` makes it
    sub(style_el, "w:name", val=BabelFish.ui2internal(name))
    if base is not None:
        place(style_el, "w:basedOn", val=style_id(base))
    if following is not None and style_id(following) != style_el.styleId:
        place(style_el, "w:next", val=style_id(following))
    return StyleFactory(style_el)


class StyleInputs(NamedTuple):
    """All a document's styles are made of, hashable: the `specs` (each a tuple of its items, lists as tuples),
    the faces by role (latin, body and each spec's `font`), the body size and the table rule and padding in
    points, and the language's tags."""

    specs: tuple
    faces: tuple
    body_size: float
    rule: float
    padding: float
    latin_tag: str
    east_asian_tag: str | None
    east_asian: bool


def _frozen(value):
    if isinstance(value, dict):
        return tuple((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def style_inputs(theme: Theme, language: Language) -> StyleInputs:
    """What the styles of a document in `language` (its profile) take from `theme`."""
    lang = language.code
    found = specs(theme, lang)
    roles = {"latin", "body"} | {spec["font"] for spec in found if spec.get("font")}
    return StyleInputs(tuple(_frozen(spec) for spec in found),
                       tuple(sorted((role, theme.font(lang, role)) for role in roles)), theme.size(lang, "body"),
                       theme.pt("table.rule_width"), theme.pt("table.cell_padding"), language.latin_tag,
                       language.east_asian_tag, language.script.east_asian)


@lru_cache(maxsize=8)
def _built_styles(inputs: StyleInputs):
    """The `w:styles` (the skeleton's, python-docx's CT_Styles) with every named style of `inputs` and the
    document defaults; read once per process for each `inputs` and never changed: `add_styles` copies it.

    Its XML is kept in the per-user cache (`i18n.cached.kept`), named by `inputs`, the code's digest
    (`cached.code`) and the versions of python-docx (its values' converters) and lxml: each build's DOCX worker is a
    fresh process, which would otherwise make the same thirty-odd styles element by element again (~10 ms)."""
    made = kept("styles", (repr(inputs), docx.__version__, etree.LXML_VERSION),
                lambda: etree.tostring(_made_styles(inputs)), code())
    return parse_xml(made)


def _made_styles(inputs: StyleInputs):
    """The `w:styles` of `_built_styles`, made element by element."""
    styles = Styles(parse_xml(STYLES.encode("utf-8")))
    doc_defaults(styles.element, inputs)
    for frozen in inputs.specs:
        spec = dict(frozen)
        name = spec["name"]
        if name == "Normal":
            style = styles["Normal"]
        else:
            style = new_style(styles, BUILTIN.get(name, name), KINDS[spec.get("kind", "p")],
                              builtin=name in BUILTIN or name.startswith("Heading"), base=spec.get("base"),
                              following=spec.get("next"))
        place(style.element, "w:qFormat")   # style.quick_style = True, placed without python-docx's search
        _font(spec, style.element)
        if spec.get("kind", "p") != "c":    # python-docx's paragraph and table styles have paragraph values
            _paragraph(spec, style.element)
        _script(style.element, spec, inputs)
        if "outline" in spec:
            _outline(style.element, spec["outline"])
        if spec.get("kind") == "t":
            _table_rules(style.element, inputs)
    return styles.element


def add_styles(document, theme: Theme, language: Language):
    """Define every named style of `specs` in `document` (a new one, its styles the skeleton's), and the document
    defaults, for `language` (its profile): a copy of `_built_styles` (kept per process: never handed out itself)."""
    document.styles.element[:] = list(deepcopy(_built_styles(style_inputs(theme, language))))


def styled(paragraph, name: str):
    """`paragraph` given the style `name` by its id (python-docx's own setters scan every style by name and
    every possible sibling of `w:pStyle`; the element is the same)."""
    place(props(paragraph._p, "w:pPr"), "w:pStyle", val=style_id(name))
    return paragraph


@lru_cache(maxsize=256)
def _shell(name: str, number: int | None):
    """A `w:p` whose `w:pPr` holds its style `name` and, given a `number` (a numId), Word's number of that list at
    its first level: what every paragraph of that style (and list) starts as, copied for each (lxml copies the
    three to six elements in one call, where making each costs a call and a Python proxy). Kept per process,
    never handed out itself: its copies are."""
    p = element("w:p")
    ppr = sub(p, "w:pPr")
    sub(ppr, "w:pStyle", val=style_id(name))
    if number is not None:
        number_paragraph(ppr, number)
    return p


def add_styled(container, name: str, number: int | None = None) -> Paragraph:
    """A new paragraph at the end of `container` (a python-docx block container) with the style `name`, and
    numbered in the list `number` (a numId) when given."""
    p = _shell(name, number).__copy__()   # lxml's copy is deep, one call (copy.deepcopy adds a memo's work)
    return Paragraph(place_block(container._element, p), container)


__all__ = ["StyleInputs", "add_styles", "add_styled", "new_style", "specs", "style_id", "style_inputs",
           "styled"]
