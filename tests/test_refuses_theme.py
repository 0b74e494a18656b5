"""A document's own theme (templates/themes/mine.yaml, `theme: mine`) that would ruin the paper is refused at its
line: every value within the range of what it is (sources/themefile.py RULES), only keys a theme has, fonts
the resolver finds. The toolkit's own themes pass the same rules, and themes at the edges of the ranges build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL
from refusals import Case, in_one_process, run

from ccdocs.resources import THEMES, package_templates
from ccdocs.sources import themefile
from ccdocs.sources.themefile import MEASURES, read_theme, rule_of
from ccdocs.sources.yamlfile import read_yaml

MINE = "templates/themes/mine.yaml"
DEFAULT = package_templates() / THEMES / "default.yaml"


def mine(text: str) -> dict:
    """The minimal document with its own theme `mine` holding `text`."""
    return {"document.yaml": MINIMAL + "theme: mine\n", MINE: text}


SIZES = [  # type sizes and line heights: invisible, overprinting or poster-sized text
    Case("size-zero", mine("sizes:\n  en: {body: 0}\n"), "`sizes.en.body` must be a number from 5 to 24", f"{MINE}:2"),
    Case("size-huge", mine("sizes:\n  en: {body: 1000}\n"), "must be a number from 5 to 24", f"{MINE}:2"),
    Case("size-negative", mine("sizes:\n  zh: {footnote: -9}\n"), "must be a number from 5", f"{MINE}:2"),
    Case("size-heading-huge", mine("sizes:\n  zh: {heading1: 200}\n"), "from 5 to 36", f"{MINE}:2"),
    Case("size-table", mine("table: {font_size: 2}\n"), "`table.font_size` must be a number from 5", f"{MINE}:1"),
    Case("size-figure", mine("keyfigures: {figure_size: 500}\n"), "from 5 to 36", f"{MINE}:1"),
    Case("leading-zero", mine("pdf:\n  leading: {en: 0}\n"), "`pdf.leading.en` must be a number from 1 to 2.5",
         f"{MINE}:2"),
    Case("leading-tight", mine("pdf:\n  leading: {zh: 0.8}\n"), "line height over type size", f"{MINE}:2"),
    Case("line-spacing", mine("spacing: {line: 0.5}\n"), "`spacing.line` must be a number from 1", f"{MINE}:1"),
    Case("note-mark", mine("pdf:\n  note_mark: {scale: 0}\n"), "from 0.3 to 1", f"{MINE}:2"),
    Case("autospace", mine("pdf: {cjk_autospace: 5}\n"), "from 0 to 0.5", f"{MINE}:1"),
    Case("keep-lines", mine("pdf: {keep_lines: 1.5}\n"), "a whole number from 0 to 10", f"{MINE}:1"),
    Case("per-row", mine("docx: {keyfigures_per_row: 0}\n"), "a whole number from 1 to 6", f"{MINE}:1"),
    Case("cover-too-tall", mine("sizes:\n  en: {cover_title: 36, cover_body: 36, cover_symbol: 36}\n"
                                 "pdf:\n  leading: {en: 2.5}\n"),
         "the cover's lines and spaces take", f"{MINE}:2"),
]

LENGTHS = [  # lengths: negative, outside the page, wider than the text
    Case("margin-negative", mine("page:\n  margins: {left: -5cm}\n"), "`page.margins.left` must be a length from 0",
         f"{MINE}:2"),
    Case("margins-no-width", mine("page:\n  margins: {left: 20cm, right: 20cm}\n"),
         "the margins leave a text width of -19cm, less than 8cm", f"{MINE}:2"),
    Case("margins-no-height", mine("page:\n  margins:\n    top: 10cm\n    bottom: 10cm\n"),
         "a text height of 9.7cm, less than 12cm", f"{MINE}:3"),
    Case("header-outside", mine("page: {header_distance: 30cm}\n"), "`page.header_distance` (30cm) must be less",
         f"{MINE}:1"),
    Case("header-below-margin", mine("page:\n  header_distance: 3cm\n"), "must be less than the top margin (2cm",
         f"{MINE}:2"),
    Case("header-by-margin", mine("page:\n  margins: {top: 0.5cm}\n"), "`page.header_distance` (1.0cm) must be less",
         f"{MINE}:2"),
    Case("tab-wider", mine("numbered_paragraph: {tab: 30cm}\n"), "must be less than half the text width",
         f"{MINE}:1"),
    Case("tab-text", mine("numbered_paragraph: {tab: wide}\n"), "`numbered_paragraph.tab` must be a length from 0,",
         f"{MINE}:1"),
    Case("tab-half", mine("numbered_paragraph:\n  tab: 10cm\n"), "less than half the text width (8.25cm",
         f"{MINE}:2"),
    Case("tab-narrow", mine("numbered_paragraph: {tab: 1pt}\n"), "must be at least 2 times the body size",
         f"{MINE}:1"),
    Case("tab-by-size", mine("sizes:\n  en: {body: 20}\n"), "`numbered_paragraph.tab` (1.0cm) must be at least",
         f"{MINE}:2"),
    Case("footnote-tab", mine("footnotes: {tab: 0cm}\n"), "`footnotes.tab` (0cm) must be at least", f"{MINE}:1"),
    Case("hanging-zero", mine("lists: {hanging: 0}\n"), "`lists.hanging` (0) must be at least", f"{MINE}:1"),
    Case("list-indent", mine("lists: {indent: 5cm}\n"), "less than a quarter of the text width", f"{MINE}:1"),
    Case("quote-indent", mine("quote: {indent: 9cm}\n"), "less than a quarter", f"{MINE}:1"),
    Case("marker-indent", mine("pdf: {marker_indent: 15cm}\n"), "less than two thirds", f"{MINE}:1"),
    Case("marker-by-margins", mine("page:\n  margins: {left: 6.5cm, right: 6.5cm}\n"),
         "`docx.marker_indent` (9.76cm) must be less than two thirds of the text width", f"{MINE}:2"),
    Case("cell-padding", mine("table: {cell_padding: 1000pt}\n"), "`table.cell_padding` (1000pt) must be less",
         f"{MINE}:1"),
    Case("margin-huge", mine("page:\n  margins: {bottom: 99999cm}\n"), "must be a length from 0 to 29.7cm",
         f"{MINE}:2"),
    Case("cell-padding-wide", mine("table:\n  cell_padding: 1cm\n"), "less than a twentieth of the text width",
         f"{MINE}:2"),
    Case("rule-zero", mine("table: {rule_width: 0pt}\n"), "must be a length from 0.1pt to 4pt", f"{MINE}:1"),
    Case("border-thick", mine("box: {border_width: 1cm}\n"), "from 0.1pt to 4pt", f"{MINE}:1"),
    Case("space-huge", mine("spacing: {paragraph_after: 10cm}\n"), "less than an eighth of the text height",
         f"{MINE}:1"),
    Case("space-negative", mine("docx: {list_after: -6pt}\n"), "must be a length from 0", f"{MINE}:1"),
    Case("note-rule", mine("pdf: {note_rule_width: 20cm}\n"), "less than the text width", f"{MINE}:1"),
]

KEYS = [  # only the keys a theme has: no open mappings
    Case("heading-level-7", mine("docx:\n  headings: {7: {bold: true}}\n"), "unknown theme key `docx.headings.7`",
         f"{MINE}:2"),
    Case("heading-level-x", mine("pdf:\n  headings:\n    x: {bold: true}\n"), "unknown theme key `pdf.headings.x`",
         f"{MINE}:3"),
    Case("heading-level-text", mine("pdf:\n  headings: {'1': {bold: true}}\n"), "unknown theme key",
         f"{MINE}:2"),
    Case("heading-size", mine("docx:\n  headings: {1: {size: 0}}\n"), "unknown theme key `docx.headings.1.size`",
         f"{MINE}:2"),
    Case("heading-flag", mine("pdf:\n  headings: {2: {bold: 1}}\n"), "must be yes or no", f"{MINE}:2"),
    Case("size-language", mine("sizes:\n  xx: {body: 11}\n"), "unknown theme key `sizes.xx`", f"{MINE}:2"),
    Case("size-role", mine("sizes:\n  en: {caption: 11}\n"), "unknown theme key `sizes.en.caption`", f"{MINE}:2"),
    Case("hanging-language", mine("docx:\n  list_hanging: {de: 1cm}\n"), "unknown theme key", f"{MINE}:2"),
    Case("stand-in-key", mine("pdf_fonts:\n  stand_ins:\n    Foo: {familes: [Arimo]}\n"),
         "unknown theme key `pdf_fonts.stand_ins.Foo.familes`", f"{MINE}:3"),
    Case("font-role", mine("fonts:\n  en: {caption: Arial}\n"), "unknown theme key `fonts.en.caption`", f"{MINE}:2"),
    Case("section-null", mine("page:\n"), "`page` must be a mapping", f"{MINE}:1"),
]

VALUES = [  # colours, choices, fonts
    Case("colour-letters", mine("box: {border: GGGGGG}\n"), "a colour written RRGGBB", f"{MINE}:1"),
    Case("colour-hash", mine("pdf: {link_color: '#0563C1'}\n"), "a colour written RRGGBB", f"{MINE}:1"),
    Case("align", mine("pdf:\n  align: {en: middle}\n"), "one of left, justify, right, center", f"{MINE}:2"),
    Case("font-missing", mine("fonts:\n  en: {body: Nonexistent Font}\n"), "Nonexistent Font is not installed",
         f"{MINE}:2"),
    Case("font-missing-zh", mine("fonts:\n  zh:\n    heading: No Such Hei\n"), "No Such Hei is not installed",
         f"{MINE}:3"),
    Case("font-missing-docx", mine("fonts:\n  en: {heading: Nonexistent Font}\n"), "is not installed",
         f"{MINE}:2"),
    Case("stand-ins-missing", mine("fonts:\n  zh: {heading: Nope Hei}\npdf_fonts:\n  stand_ins:\n"
                                   "    Nope Hei: {families: [Nor This], package: fonts-nope}\n"),
         "install the Debian package fonts-nope", f"{MINE}:2"),
    Case("stand-ins-replaced", mine("pdf_fonts:\n  stand_ins:\n    Arial: {families: [Nor This]}\n"),
         "no font for Latin text: Arial is not installed", f"{MINE}:3"),
]

CASES = SIZES + LENGTHS + KEYS + VALUES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)


def test_case_ids_are_unique():
    assert len({case.id for case in CASES}) == len(CASES)


def leaves(value, keys=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, keys + (key,))
    else:
        yield keys, value


@pytest.mark.parametrize("path", sorted((package_templates() / THEMES).glob("*.yaml")), ids=lambda p: p.name)
def test_package_themes_pass_the_rules(path):
    """The toolkit's themes pass the rules a document's theme is held to, every value under a rule of its own."""
    data, _ = read_theme(path, read_yaml(DEFAULT).data, own=False)
    unruled = [keys for keys, _ in leaves(data) if rule_of(keys) is None and keys != ("pdf_fonts", "files")]
    assert not unruled


def edge(largest: bool) -> dict:
    """A theme with every value at the end of its range (largest or smallest) that the default page allows; the
    largest leaves the cover's values as they are (they share one bound, tested by `cover-too-tall`), and the
    indents of a decision's sub-items (one bound, test_absurd_widths.py)."""
    default = read_yaml(DEFAULT).data
    measures = {name: measure(default) for name, (measure, _) in MEASURES.items()}
    theme: dict = {}
    for keys, _ in leaves(default):
        rule = rule_of(keys)
        if rule is None or keys[:2] == ("page", "margins") or largest and ".".join(map(str, keys)) in \
                MEASURES["cover"][1] + MEASURES["decision sub-items"][1]:
            continue
        if rule.kind == "length":
            under = [share * measures[name] * 0.999 for name, share in rule.under]
            over = [rule.over[1] * measures[rule.over[0]]] if rule.over else []
            value = f"{min([rule.most, *under]):.2f}pt" if largest else f"{max([rule.least, *over]) + 0.01:.2f}pt"
        elif rule.kind in themefile.NUMBERS:
            value = rule.most if largest else rule.least
        else:
            continue
        place = theme
        for key in keys[:-1]:
            place = place.setdefault(key, {})
        place[keys[-1]] = value
    return theme


@pytest.mark.parametrize("largest", [True, False], ids=["largest", "smallest"])
def test_themes_at_the_edges_build(make_doc, tmp_path, largest):
    """Values at the ends of their ranges still make both papers in both languages (nothing is refused late)."""
    folder = make_doc(mine(yaml.safe_dump(edge(largest))))
    with in_one_process():
        code, output, escaped = run(["build", str(folder), "--format", "docx,pdf", "--out", str(tmp_path / "out")])
    assert code == 0 and not escaped, output
    assert len(list((tmp_path / "out").rglob("*.pdf"))) == 2


def test_a_document_theme_naming_installed_fonts_builds(make_doc, tmp_path):
    fonts = "fonts:\n  en: {body: Liberation Sans, heading: DejaVu Sans}\n  zh: {body: AR PL UMing CN}\n"
    folder = make_doc(mine(fonts + "sizes:\n  en: {body: 12}\npdf:\n  headings: {3: {bold: true}}\n"))
    with in_one_process():
        code, output, escaped = run(["check", str(folder)])
    assert code == 0 and not escaped, output
    assert Path(folder / MINE).exists()
