"""Figures (`{{ … }}`): no expression reaches a file, a module, a class or a mutation, none grows without bound,
none hangs the build or crashes it; each is refused at its line and column.

Each row puts one expression where the minimal report has its figure: line 3, the `{{` at column 10, the
expression itself from column 13. A row that could hang or exhaust memory, were its bound lost, runs with a
time limit far above the honest cost.
"""

from __future__ import annotations

import pytest

from conftest import REPORT
from refusals import Case

FILE = "content/report.md"
FIGURE = "{{ workforce.staff | number }}"
ACCESS = "not allowed in a document"
BOUNDS = "figure out of bounds"
HANG = 60


def figure(expression: str, **files: str) -> dict:
    """The minimal report with `{{ expression }}` in place of its figure; `files` adds data files."""
    return {FILE: REPORT.replace(FIGURE, "{{ " + expression + " }}"), **files}


def at(expression: str, needle: str | None = None) -> str:
    """The location of `needle` in the expression on line 3 (of its `{{` without a needle)."""
    return f"{FILE}:3:{10 if needle is None else 13 + expression.index(needle)}"


def case(id_: str, expression: str, fragment: str, needle: str | None = None, timeout=None, **files) -> Case:
    return Case(id_, figure(expression, **files), fragment, at(expression, needle), timeout=timeout)


LINES = [
    # a figure is one line of text: a value holding any character that ends a line (not `\n` and `\r` alone)
    case("text-line-separator", "workforce.name", "line separator U+2028",
         **{"data/workforce.yaml": 'staff: 1735\ncore_share: 0.601\nname: "A\\u2028B"\n'}),
    case("text-line-feed", "workforce.name", "line feed U+000A",
         **{"data/workforce.yaml": 'staff: 1735\ncore_share: 0.601\nname: "A\\nB"\n'}),
]

REACH = [
    # The file system: a CSV file's object carried its path; now a table holds rows only, and nothing is called.
    case("path-read", "applicants.path.read_text()", ACCESS, "read_text"),
    case("path-write", "applicants.path.write_text('x')", ACCESS, "write_text"),
    case("path-unlink", "applicants.path.unlink()", ACCESS, "unlink"),
    case("path-attribute", "applicants.path", "`path` is not in the data", "path"),
    case("path-item", "applicants['path'].parent", "`path` is not in the data", "path"),
    case("row-open", "applicants.africa.open", "`open` is not in the data", "open"),
    # Classes, modules, globals.
    case("class-of-undefined", "x.__class__", "`x` is not in the data", "x"),
    case("class-of-data", "workforce.__class__", ACCESS, "__class__"),
    case("class-of-number", "workforce.staff.__class__.__mro__", ACCESS, "__class__"),
    case("class-of-text", "''.__class__.__mro__[1].__subclasses__()", ACCESS, "__subclasses__"),
    case("mro", "workforce.staff.mro", ACCESS, "mro"),
    case("format", "'{0.__class__}'.format(workforce)", ACCESS, "format"),
    case("format-attribute", "doc.title.format", ACCESS, "format"),
    case("globals", "doc.title.__init__.__globals__", ACCESS, "__init__"),
    case("module", "applicants.rows.__class__.__module__", ACCESS, "__class__"),
    case("range", "range(10)", ACCESS, "range"),
    case("lipsum", "lipsum(1000000)", ACCESS, "lipsum"),
    case("cycler", "cycler.__init__.__globals__.os", "`cycler` is not in the data", "cycler"),
    case("self", "self", "is not a figure"),
    case("self-context", "self._TemplateReference__context", ACCESS, "_TemplateReference__context"),
    case("date-method", "doc.title.upper", ACCESS, "upper"),
    case("getitem-attribute", "workforce['__class__'].__base__", "`__class__` is not in the data", "__class__"),
    case("attr-filter", "workforce | attr('__class__')", "no filter `attr`", "attr"),
    case("map-filter", "workforce | map('upper')", "no filter `map`", "map"),
    case("star-args", "workforce.staff | percent(*workforce)", ACCESS, "*"),
    # Mutation: the data are read-only values and nothing is called.
    case("update", "workforce.update({'staff': 1}) or ''", ACCESS),
    case("update-alone", "workforce.update({'staff': 1})", ACCESS, "update"),
    case("pop", "workforce.pop('staff')", ACCESS, "pop"),
    case("setdefault", "workforce.setdefault('x', 1)", ACCESS, "setdefault"),
    case("clear", "applicants.africa.clear()", ACCESS, "clear"),
    case("append", "applicants.rows.append(1)", ACCESS, "append"),
    case("setitem", "workforce.__setitem__('staff', 1)", ACCESS, "__setitem__"),
    # Whole values are not figures (their text would be Python's).
    case("whole-file", "workforce", "is not a figure"),
    case("whole-table", "applicants", "is not a figure"),
    case("rows", "applicants.rows", "is not a figure"),
    case("null", "none", "is not a figure"),
    case("joined-mapping", "'a' ~ workforce", "is not a figure"),
    case("comparison", "workforce.staff > 1", ACCESS),
    case("conditional", "1 if workforce.staff else 2", ACCESS),
    case("list-literal", "[1, 2] | number", ACCESS),
]

BOUNDED = [
    case("power", "10**(10**8)", BOUNDS, "**", HANG),
    case("power-of-data", "workforce.staff ** workforce.power", BOUNDS, "**", HANG,
         **{"data/workforce.yaml": "staff: 1735\ncore_share: 0.601\npower: 100000000\n"}),
    case("power-result", "9**99", BOUNDS, None, HANG),
    case("product", "(10**30) * (10**30)", BOUNDS, None, HANG),
    case("negative", "-(10**30 * 10**15)", BOUNDS, None, HANG),
    case("repeat", "'a' * 10**9", BOUNDS, None, HANG),
    case("repeat-reversed", "10**9 * 'a'", BOUNDS, None, HANG),
    case("repeat-data", "doc.title * 10**8", BOUNDS, None, HANG),
    case("center", "'a'.center(2**62)", ACCESS, "center", HANG),
    case("huge-range", "range(10**12) | number", ACCESS, "range", HANG),
    case("percent-format", "'%0999999999d' % 1", "`%` cannot be applied to a text", None, HANG),
    case("percent-format-data", "'%s' % workforce", "`%` cannot be applied to a text", None, HANG),
    case("plus-growth", "('a' * 4000) + ('a' * 4000)", BOUNDS, None, HANG),
    case("tilde-growth", "('a' * 3000) ~ ('a' * 3000)", BOUNDS, None, HANG),
    case("tilde-number", "(10**39) ~ (10**39) ~ ('a' * 4990)", BOUNDS, None, HANG),
    case("places", "workforce.staff | decimal(100000000)", BOUNDS, "100000000", HANG),
    case("places-percent", "workforce.core_share | percent(10**6)", BOUNDS, None, HANG),
    case("places-negative", "workforce.staff | decimal(-5)", BOUNDS, "-5"),
    case("float-infinite", "1e999", BOUNDS, None, HANG),
    case("float-large", "1e300 | number", BOUNDS, None, HANG),
    case("float-power", "((applicants.africa.applied * 1.0) ** 100) | number", BOUNDS, None, HANG),
    case("division-by-zero", "workforce.staff / 0", "division by zero"),
]

DEEP = [
    case("parentheses-5000", "(" * 5000 + "1" + ")" * 5000, BOUNDS, None, HANG),
    case("negated-40", "-(" * 40 + "1" + ")" * 40, BOUNDS, None, HANG),
    case("sum-5000", "1" + " + 1" * 5000, BOUNDS, None, HANG),
    case("minus-5000", "-" * 5000 + "1", BOUNDS, None, HANG),
    case("dots-3000", "workforce" + ".staff" * 3000, BOUNDS, None, HANG),
    case("filters-3000", "workforce.staff" + " | number" * 3000, BOUNDS, None, HANG),
    case("literal-5000-digits", "1" * 5000, BOUNDS, None, HANG),
    case("literal-4000-digits", "1" * 4000, BOUNDS, None, HANG),
    case("literal-text", "'" + "a" * 6000 + "'", BOUNDS, None, HANG),
]

CHARACTERS = [
    case("escape-vt", '"\\x0b"', "control character U+000B"),
    case("escape-nul", '"\\u0000"', "control character U+0000"),
    case("escape-c1", '"a" ~ "\\x85"', "control character U+0085"),
    case("escape-surrogate", '"\\ud800"', "lone surrogate U+D800"),
    case("escape-noncharacter", "'a' ~ \"\\uffff\"", "non-character U+FFFF"),
]


@pytest.mark.parametrize("row", REACH + BOUNDED + DEEP + CHARACTERS + LINES, ids=lambda row: row.id)
def test_a_figure_is_refused_at_its_place(row, refuse):
    refuse(row)
