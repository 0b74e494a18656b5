"""Table figures per language: thousands of francs, parenthesized decreases, dashes, n/a, no negative zero."""

from __future__ import annotations

from decimal import Decimal

import jinja2
import pytest

from ccdocs.l10n.catalog import Catalog
from ccdocs.l10n.formats import Formats
from ccdocs.tables.compute import NA
from ccdocs.tables.place import cell_text
from ccdocs.tables.spec import ColumnSpec
from ccdocs.tables.texts import Words

EN, ZH = Formats("en"), Formats("zh")


@pytest.mark.parametrize("formats", [EN, ZH], ids=["en", "zh"])
@pytest.mark.parametrize("value, kind, places, options, expected", [
    (13930, "integer", 0, {}, "13,930"),
    (Decimal("0.428"), "percent", 1, {}, "42.8%"),
    (Decimal("42.8"), "percent_value", 1, {}, "42.8%"),
    (Decimal("4.66"), "decimal", 1, {}, "4.7"),
    (58488445, "chf_thousands", 0, {}, "58,488"),
    (-810700, "chf_thousands", 0, {"parentheses": True}, "(811)"),
    (-3108499, "chf_thousands", 0, {"parentheses": True}, "(3,108)"),
    (-810700, "chf_thousands", 0, {}, "-811"),
    (0, "chf_thousands", 0, {"dash_zero": True}, "-"),
    (0, "chf_thousands", 0, {}, "0"),
    (Decimal("-0.4047"), "percent", 0, {}, "-40%"),
    (Decimal("-0.0009"), "percent", 0, {}, "0%"),
    (Decimal("-0.0048"), "percent", 0, {"parentheses": True}, "0%"),
    (Decimal("-0.04"), "decimal", 1, {}, "0.0"),
])
def test_the_same_figure_in_both_languages(formats, value, kind, places, options, expected):
    assert formats.figure(value, kind, places, **options) == expected


def test_francs_keep_their_currency_words():
    assert EN.figure(857300, "chf") == "CHF 857,300"
    assert ZH.figure(857300, "chf") == "857,300瑞士法郎"
    assert EN.chf(Decimal("-0.2")) == "CHF 0"


def test_not_applicable_is_the_toolkit_catalogs():
    column = ColumnSpec("change", "Change", "percent")
    printed = [cell_text(NA, column, formats, Words(Catalog.load(formats.lang))) for formats in (EN, ZH)]
    assert printed == ["n/a", "不适用"]


def test_in_parentheses_only_touches_negatives():
    assert [EN.in_parentheses(t) for t in ("-811", "811", "-", "n/a")] == ["(811)", "811", "-", "n/a"]


def test_an_unknown_figure_kind_is_refused():
    with pytest.raises(ValueError, match="unknown figure kind"):
        EN.figure(1, "thousands")


def test_chf_thousands_is_a_filter_for_figures_in_text():
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters.update(ZH.filters())
    text = env.from_string("{{ (a - b) | chf_thousands }} / {{ a | chf_millions }}").render(a=79229999, b=80430268)
    assert text == "-1,200 / 7920万瑞士法郎"
