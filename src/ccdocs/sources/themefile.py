"""A theme file, read and checked against the rules of every theme key before any writer uses it.

A theme may come from a document folder or a user's templates folder (ccdocs.resources), so it is input like
document.yaml: read within the bounds of `yamlfile`, then every value it gives is checked, at its line and
column, against the rule `RULES` holds for its key: its kind (a type size, a line-height factor, a length with
its unit, a colour `RRGGBB`, a choice, a yes/no, a text, a font's name) and a range that keeps the paper
readable. Ranges may depend on the page: the margins must leave a text block of at least `LEAST` (8 cm × 12 cm),
tabs and indents stay well inside its width, spaces well inside its height, the header inside the margins, and a
tab holds its label (a share of the type size). A value the theme leaves out is the default theme's; when a
default value no longer fits the page the theme made, the theme's key that made it so is named. Only keys the
rules know are accepted (heading levels only those a paper has). Only the toolkit's own themes may name font
files (`pdf_fonts.files`): a document's theme naming files on the machine is refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ..errors import InputError, did_you_mean
from ..parse.grammar import HEADING_LEVELS, LIST_LEVELS
from ..l10n.language import package_languages
from .yamlfile import YamlFile, read_yaml, shown

UNITS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0}
LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|cm|mm|in)\s*")
COLOUR = re.compile(r"[0-9A-Fa-f]{6}")
PAGES = {"A4": (595.2755905511812, 841.8897637795277)}  # points, portrait
LEAST = {"text width": 8 * UNITS["cm"], "text height": 12 * UNITS["cm"]}  # the smallest text block
MOST = {"cover": ("text height", 7 / 8)}  # the cover's lines and spaces leave room for a title of a few lines
# a proposed decision's deepest sub-item starts no further in than this share of the text width: its text keeps a
# quarter of the line (decision.indent and lists.indent are each within their own bound, not both at once)
DEEPEST = 3 / 4
FILES = "pdf_fonts.files"
LANGS = "|".join(package_languages())   # the languages with a profile in the package (l10n.language)
LEVELS = "|".join(str(level) for level in range(1, HEADING_LEVELS + 1))
TEXT_ROLES = "body|footnote|header|table"          # running text
DISPLAY_ROLES = "heading1|heading2|heading3|cover_symbol|cover_body|cover_title"
COVER_SPACES = (("cover.letter_space_after",), ("cover.block_before_body",), ("cover.title_before",),
                *((f"pdf.cover.{space}", f"docx.cover.{space}") for space in ("body_after", "title_after",
                                                                               "author_after")))  # either writer's
ANY = "*"  # a segment naming any key (a font family)
NUMBERS = {"size": " (a type size in points)", "factor": " (line height over type size)", "number": "", "count": ""}


@dataclass(frozen=True)
class Rule:
    """What a theme value may be: its `kind`, from `least` to `most` (points for a length, else the number), and
    bounds taken from the page and the type: `under` ((measure, share), …) a length stays below share × measure,
    `over` (measure, share) it is at least share × measure (`MEASURES` names the measures)."""

    kind: str
    least: float = 0.0
    most: float = PAGES["A4"][1]
    under: tuple = ()
    over: tuple = ()
    choices: tuple = ()


SIZE = Rule("size", 5, 24)                     # points: running text, smaller cannot be read
DISPLAY = Rule("size", 5, 36)                  # headings, the cover's lines, key figures
FACTOR = Rule("factor", 1, 2.5)                 # line height over type size: below 1 lines overprint
SPACE = Rule("length", under=(("text height", 1 / 8),))
LINE = Rule("length", 0.1, 4)                  # a rule's or border's thickness, in points
PADDING = Rule("length", under=(("text width", 1 / 20),))
HANGING = Rule("length", under=(("text width", 1 / 4),), over=("body size", 1))
MARKER = Rule("length", under=(("text width", 2 / 3),))   # right of the middle, room left for the marker
PER_ROW = Rule("count", 1, 6)
# the stand-ins of a font: the default theme gives two or three a font (Liberation Sans, Arimo); a few more cover
# Windows, macOS and Linux. Each is looked for in every style and role the font serves, when a command resolves the
# faces; a list of 8,000 uninstalled families took 12 s of CPU a check before fontconfig's faces were indexed
STAND_INS = Rule("texts", most=8)
FLAG, TEXT, COLOURED, FONT = Rule("flag"), Rule("text"), Rule("colour"), Rule("font")

# Every key a theme may give, as a dotted pattern (`a|b` one of, `*` any key), and its rule. Read by both writers
# (grep the key under src/ccdocs/writers/); the default theme passes them (tests/test_refuses_theme.py).
RULES = {
    "page.size": Rule("choice", choices=tuple(PAGES)),
    "page.margins.top|bottom|left|right": Rule("length"),  # with `LEAST`
    "page.header_distance": Rule("length", under=(("top margin", 1), ("bottom margin", 1))),  # DOCX: footer too
    f"fonts.{LANGS}.body|heading|latin": FONT,
    f"sizes.{LANGS}.{TEXT_ROLES}": SIZE,
    f"sizes.{LANGS}.{DISPLAY_ROLES}": DISPLAY,
    f"sizes.{LANGS}.cover_letter": Rule("size", 5, 72),  # the language letter, large at the top right
    "spacing.paragraph_after|heading_before|heading_after|footnote_after": SPACE,
    "spacing.line": FACTOR,
    "numbered_paragraph.tab": Rule("length", under=(("text width", 1 / 2),), over=("body size", 2)),  # `100.`
    "lists.indent": Rule("length", under=(("text width", 1 / (2 * LIST_LEVELS)),)),  # every level inside half
    "lists.hanging": HANGING,
    "cover.letter_space_after|block_before_body|title_before": SPACE,
    "cover.logo": TEXT,                         # an image file for page 1's top-left corner (`images/logo.png`)
    "cover.logo_height": Rule("length", 0.5 * 72 / 2.54, under=(("text height", 1 / 8),)),
    "footnotes.tab": Rule("length", under=(("text width", 1 / 2),), over=("footnote size", 1)),
    "table.font_size": SIZE,
    "table.header_fill": COLOURED,
    "table.rule_width": LINE,
    "table.member_indent": Rule("length", under=(("text width", 1 / 8),)),
    "table.cell_padding": PADDING,
    "table.keep_rows": Rule("count", 1, 10),
    "box.fill|border": COLOURED,
    "box.border_width": LINE,
    "box.padding": PADDING,
    "keyfigures.figure_size": DISPLAY,
    "chart.palette": Rule("colours"),           # the series' colours (a pie's slices), first series first
    "chart.font_size": SIZE,
    "chart.numbered": FLAG,                     # `Figure 1: ` / `图1：` before a chart's caption
    "quote.indent": Rule("length", under=(("text width", 1 / 4),)),  # on both sides
    "decision.indent": Rule("length", under=(("text width", 2 / 3),)),  # about the middle: its sub-items fit after
    "contents.title_after|row_after": SPACE,
    "contents.indent": Rule("length", under=(("text width", 1 / 4),)),
    "contents.page_width": Rule("length", under=(("text width", 1 / 3),)),
    f"docx.headings.{LEVELS}.bold|italic": FLAG,
    "docx.marker_indent": MARKER,
    "docx.marker_before|header_after|list_after|box_after|caption_after|table_note_before": SPACE,
    "docx.cover.body_after|title_after|author_after": SPACE,
    "docx.link_color": COLOURED,
    "docx.keyfigures_per_row": PER_ROW,
    f"docx.list_hanging.{LANGS}": HANGING,
    "pdf_fonts.stand_ins.*.families": STAND_INS,
    "pdf_fonts.stand_ins.*.package": TEXT,
    f"{FILES}.latin_regular|latin_bold|latin_italic|latin_bold_italic|zh_body|zh_heading": TEXT,
    f"pdf.leading.{LANGS}": FACTOR,
    f"pdf.align.{LANGS}": Rule("choice", choices=("left", "justify", "right", "center")),
    "pdf.cjk_autospace": Rule("number", 0, 0.5),   # em
    "pdf.note_mark.scale": Rule("number", 0.3, 1),  # of the type size
    "pdf.note_mark.rise": Rule("number", 0, 1),
    "pdf.note_rule_before|note_rule_after|list_item_after|box_after|caption_after|header_after": SPACE,
    "pdf.note_rule_width": Rule("length", under=(("text width", 1),)),  # Word draws its own separator
    "pdf.contents.paragraphs_width": Rule("length", under=(("text width", 1 / 3),)),  # the DOCX: a right tab
    "pdf.link_color": COLOURED,
    "pdf.marker_indent": MARKER,
    f"pdf.headings.{LEVELS}.bold|italic": FLAG,
    "pdf.keep_lines": Rule("count", 0, 10),
    f"pdf.list_hanging.{LANGS}": HANGING,
    "pdf.keyfigures_per_row": PER_ROW,
    "pdf.cover.body_after|title_after|author_after": SPACE,
}

PATTERNS = tuple((tuple(dotted.split(".")), rule) for dotted, rule in RULES.items())
# Keys once shared that one writer alone reads, and where they are given now: a theme giving one at the old place
# is told where it went (a key outside `docx:`/`pdf:` has the same effect in both formats)
MOVED = {"footnotes.rule_width": "pdf.note_rule_width", "contents.paragraphs_width": "pdf.contents.paragraphs_width"}


@lru_cache(maxsize=256)
def _choices(part: str) -> tuple:
    """The keys a pattern's segment names (`a|b`; a number as an int, as YAML reads a list index or number key)."""
    return tuple(int(choice) if choice.isdigit() else choice for choice in part.split("|"))


# PATTERNS by the key their first segment names (a pattern of any first key under each): a value's rule is
# looked for among a dozen patterns, not all of them.
BY_HEAD = MappingProxyType({head: tuple(item for item in PATTERNS if item[0][0] == ANY or head in _choices(item[0][0]))
                            for head in {c for pattern, _ in PATTERNS for c in _choices(pattern[0])} - {ANY}})
ANY_HEAD = tuple(item for item in PATTERNS if item[0][0] == ANY)

# The measures bounds refer to: their value in points from a theme's values, and the keys they are made of.
MEASURES = {
    "text width": (lambda t: PAGES[t["page"]["size"]][0] - points(t["page"]["margins"]["left"])
                   - points(t["page"]["margins"]["right"]), ("page.margins.left", "page.margins.right")),
    "text height": (lambda t: PAGES[t["page"]["size"]][1] - points(t["page"]["margins"]["top"])
                    - points(t["page"]["margins"]["bottom"]), ("page.margins.top", "page.margins.bottom")),
    "top margin": (lambda t: points(t["page"]["margins"]["top"]), ("page.margins.top",)),
    "bottom margin": (lambda t: points(t["page"]["margins"]["bottom"]), ("page.margins.bottom",)),
    "body size": (lambda t: max(float(t["sizes"][lang]["body"]) for lang in t["sizes"]),
                  tuple(f"sizes.{lang}.body" for lang in LANGS.split("|"))),
    "footnote size": (lambda t: max(float(t["sizes"][lang]["footnote"]) for lang in t["sizes"]),
                      tuple(f"sizes.{lang}.footnote" for lang in LANGS.split("|"))),
    "cover": (lambda t: max(_cover(t, lang) for lang in t["sizes"]),
              tuple(key.format(lang) for lang in LANGS.split("|") for key in
                    ("sizes.{}.cover_letter", "sizes.{}.cover_symbol", "sizes.{}.cover_body", "sizes.{}.cover_title",
                     "sizes.{}.body", "pdf.leading.{}"))
              + ("spacing.line",)
              + sum(COVER_SPACES, ()) + ("page.margins.top", "page.margins.bottom")),
    "decision sub-items": (lambda t: points(t["decision"]["indent"]) + LIST_LEVELS * points(t["lists"]["indent"]),
                           ("decision.indent", "lists.indent")),
}


def line_factor(values: dict, lang: str) -> float:
    """The line height over the type size in `lang`, as both writers set lines: `pdf.leading.<lang>` (Word's single
    spacing for the language's fonts, which the PDF matches) times `spacing.line` (1 single, 2 double: Word's
    `w:spacing w:line` in 240ths, `lineRule="auto"`). `values`: a theme's merged values (Theme.data)."""
    leading = (values.get("pdf") or {}).get("leading") or {}
    return float(leading.get(lang, 1.15)) * float((values.get("spacing") or {}).get("line", 1.0))


def _cover(t: dict, lang: str) -> float:
    """The height of the cover's fixed lines (one line each) and spaces in `lang`, in points."""
    size, leading = t["sizes"][lang], line_factor(t, lang)
    lines = 3 * size["cover_symbol"] + 3 * size["cover_body"] + size["cover_title"] + size["body"]
    spaces = sum(max(points(_at(t, dotted)) for dotted in either) for either in COVER_SPACES)
    spacing = float((t.get("spacing") or {}).get("line", 1.0))   # the letter's line too, as the writers set it
    return 1.1 * size["cover_letter"] * spacing + leading * lines + spaces


def _at(t: dict, dotted: str):
    for key in dotted.split("."):
        t = t[key]
    return t


def points(value) -> float:
    """A theme length (`2.5cm`, `12pt`, or a plain number of points) in points; ValueError if it is none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = LENGTH.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"not a length: {value!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def cm(value: float) -> str:
    """Points as a length an editor reads: `8.25cm`."""
    return f"{value / UNITS['cm']:.2f}".rstrip("0").rstrip(".") + "cm"


def read_theme(path: Path, default: dict, own: bool) -> tuple[dict, YamlFile]:
    """The values of the theme at `path` over `default` (the toolkit's default theme) and the file as read;
    InputError at the line of every value outside its rule (RULES, MEASURES) or at an unknown key. `own`: the
    theme is the toolkit's (it may name font files)."""
    yf = read_yaml(path)
    given = {} if yf.data is None else yf.data
    problems: list = []
    _check(yf, given, (), problems, own)
    if problems:
        raise InputError(problems)
    merged = _merged(default, given)
    _check_page(yf, merged, given, problems)
    if problems:
        raise InputError(problems)
    return merged, yf


def _merged(default, value):
    if isinstance(default, dict) and isinstance(value, dict):
        return {**default, **{key: _merged(default.get(key), item) for key, item in value.items()}}
    return value


def _matches(pattern: tuple, keys: tuple) -> bool:
    """Whether `keys` (the start of a key path) fit the start of `pattern`."""
    return len(keys) <= len(pattern) and all(
        part == ANY or key in _choices(part)
        for part, key in zip(pattern, keys, strict=False))


def rule_of(keys: tuple) -> Rule | None:
    """The rule of the value at `keys`; None for a mapping the rules go into (`page`, `page.margins`)."""
    return next((rule for pattern, rule in _candidates(keys) if len(pattern) == len(keys) and _matches(pattern, keys)),
                None)


def _known(keys: tuple) -> bool:
    return any(_matches(pattern, keys) for pattern, _ in _candidates(keys))


def _candidates(keys: tuple) -> tuple:
    """The patterns whose first segment may name the first of `keys` (non-empty)."""
    try:
        return BY_HEAD.get(keys[0], ANY_HEAD)
    except TypeError:  # a key YAML gives that cannot be hashed names no rule
        return ANY_HEAD


def _dotted(keys: tuple) -> str:
    return ".".join(map(str, keys))


def _check(yf: YamlFile, value, keys: tuple, problems: list, own: bool) -> None:
    dotted = _dotted(keys)
    if dotted == FILES and value and not own:
        problems.append(yf.problem(keys, "a document's theme may not name font files",
                                   "install the fonts, or name them with CCDOCS_FONT_<ROLE>"))
        return
    rule = rule_of(keys) if keys else None
    if rule is not None:
        wanted = _unfit(value, rule)
        if wanted:
            problems.append(yf.problem(keys, f"`{dotted}` must be {wanted}, got {shown(value)}"))
        elif rule is STAND_INS and len(value) > rule.most:
            problems.append(yf.problem(keys, f"`{dotted}` names {len(value):,} fonts, more than the {rule.most:g} "
                                       f"ccdocs tries in turn for a font", f"name the few installed fonts closest to "
                                       f"{keys[-2]}, in the order to try them"))
        return
    if not isinstance(value, dict):
        problems.append(yf.problem(keys, f"`{dotted or 'the theme'}` must be a mapping, got {shown(value)}"))
        return
    for key, item in value.items():
        if _known(keys + (key,)):
            _check(yf, item, keys + (key,), problems, own)
            continue
        moved = MOVED.get(_dotted(keys + (key,)))
        if moved:
            problems.append(yf.problem(keys + (key, "<key>"), f"`{_dotted(keys + (key,))}` is read by the PDF writer "
                                       "only (Word draws it its own way): the key is now under `pdf:`",
                                       f"write it as `{moved}`"))
            continue
        near = {str(p[len(keys)]) for p, _ in PATTERNS if len(p) > len(keys) and _matches(p, keys)}
        known = sorted(c for part in near for c in part.split("|") if c != ANY)
        problems.append(yf.problem(keys + (key, "<key>"), f"unknown theme key `{_dotted(keys + (key,))}`",
                                   did_you_mean(str(key), known) or "known here: " + ", ".join(known)))


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _unfit(value, rule: Rule) -> str | None:
    """What `value` should be under `rule`, leaving out the page's bounds; None when it fits."""
    kind = rule.kind
    if kind in NUMBERS:
        fits = _number(value) and (kind != "count" or isinstance(value, int)) and rule.least <= value <= rule.most
        what = "a whole number" if kind == "count" else "a number"
        return None if fits else f"{what} from {rule.least:g} to {rule.most:g}{NUMBERS[kind]}"
    if kind == "length":  # a bound `under` the page's measures is checked on the whole theme, and said so
        most = math.inf if rule.under else rule.most
        try:
            fits = rule.least <= points(value) <= most
        except ValueError:
            fits = False
        least = "0" if rule.least == 0 else f"{rule.least:g}pt"
        to = "" if rule.under else " to " + (cm(most) if most > 72 else f"{most:g}pt")
        return None if fits else f"a length from {least}{to}, such as 2.5cm, 12pt or 10mm"
    if kind == "choice":
        return None if value in rule.choices else "one of " + ", ".join(rule.choices)
    if kind == "flag":
        return None if isinstance(value, bool) else "yes or no (true or false)"
    if kind == "texts":
        return None if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value) \
            else "a list of texts"
    if kind == "colour":
        return None if isinstance(value, str) and COLOUR.fullmatch(value) else "a colour written RRGGBB (D9D9D9)"
    if kind == "colours":
        return None if isinstance(value, list) and value and all(isinstance(v, str) and COLOUR.fullmatch(v)
                                                                 for v in value) \
            else "a list of colours written RRGGBB ([1F4E79, C55A11])"
    return None if isinstance(value, str) and value.strip() else "a text" + (" (a font's name)" * (kind == "font"))


def _check_page(yf: YamlFile, theme: dict, given: dict, problems: list) -> None:
    """The bounds of `MEASURES` over the merged `theme`; each located at the key the file gives (`given`) that
    breaks it: the value itself, else the keys of the measure it is held to."""
    measures = {name: measure(theme) for name, (measure, _) in MEASURES.items()}
    for name, least in LEAST.items():
        if measures[name] < least:
            _blame(yf, given, MEASURES[name][1], problems, f"the margins leave a {name} of "
                   f"{cm(measures[name])}, less than {cm(least)}", "make the margins smaller")
    for name, (other, share) in MOST.items():
        if measures[name] > share * measures[other]:
            _blame(yf, given, MEASURES[name][1], problems, f"the {name}'s lines and spaces take "
                   f"{cm(measures[name])}, more than {_share(share)}the {other} ({cm(share * measures[other])})",
                   "make its sizes or spaces smaller")
    if problems:
        return
    for keys, value in _leaves(theme, ()):
        rule, dotted = rule_of(keys), _dotted(keys)
        if rule is None or rule.kind != "length":
            continue
        size = points(value)
        for name, share in rule.under:
            if size >= share * measures[name]:
                _blame(yf, given, (dotted,) + MEASURES[name][1], problems,
                       f"`{dotted}` ({value}) must be less than {_share(share)}the {name} "
                       f"({cm(share * measures[name])} here)", f"give `{dotted}` less than that in this theme")
                break
        if rule.over and size < rule.over[1] * measures[rule.over[0]]:
            name, share = rule.over
            _blame(yf, given, (dotted,) + MEASURES[name][1], problems,
                   f"`{dotted}` ({value}) must be at least {'' if share == 1 else f'{share:g} times '}the {name} "
                   f"({share * measures[name]:g}pt here), to hold its label",
                   f"give `{dotted}` at least that in this theme")
    if problems:  # each value within its own bound first: then the bounds some values share
        return
    deepest, width = measures["decision sub-items"], measures["text width"]
    if deepest > DEEPEST * width:
        _blame(yf, given, MEASURES["decision sub-items"][1], problems, f"the decision sub-items' text would start "
               f"{cm(deepest)} in (`decision.indent` and {LIST_LEVELS} × `lists.indent`), more than "
               f"{_share(DEEPEST)}the text width ({cm(DEEPEST * width)})",
               "make `decision.indent` or `lists.indent` smaller")


def _share(share: float) -> str:
    names = {1: "", 1 / 2: "half ", 1 / 4: "a quarter of ", 1 / 8: "an eighth of ", 2 / 3: "two thirds of ",
             1 / 20: "a twentieth of ", 7 / 8: "seven eighths of ", 3 / 4: "three quarters of "}
    return names.get(share, f"{share:.3g} of ")


def _leaves(value, keys: tuple):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, keys + (key,))
    else:
        yield keys, value


def _blame(yf: YamlFile, given: dict, dotted: tuple, problems: list, message: str, hint: str) -> None:
    """A problem at the first of the `dotted` keys the file gives (a default value is not the file's fault)."""
    for name in dotted:
        keys = tuple(int(k) if k.isdigit() else k for k in name.split("."))
        if _given(given, keys):
            found = yf.problem(keys, message, hint)
            if found not in problems:
                problems.append(found)
            return


def _given(given, keys: tuple) -> bool:
    for key in keys:
        if not isinstance(given, dict) or key not in given:
            return False
        given = given[key]
    return True
