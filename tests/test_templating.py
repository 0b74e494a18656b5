"""Figures bound to data: formatted per language, strict about names, sandboxed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ccdocs.errors import InputError
from ccdocs.templating import environment, render

DATA = {"workforce": {"staff": 1735, "core_share": 0.601}}


def as_read(markdown: str) -> str:
    """Rendered Markdown as its reader sees the figures: a figure's punctuation comes escaped (`1\\,735`)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def rendered(text: str, lang: str = "en") -> str:
    return as_read(render(environment(lang), text, Path("content/report.md"), DATA))


def test_figures_are_formatted_for_the_language():
    assert rendered("{{ workforce.staff | number }} / {{ workforce.core_share | percent }}") == "1,735 / 60.1%"
    assert rendered("{{ workforce.staff | number }}", "zh") == "1,735"


def test_an_undefined_figure_names_file_line_column_and_the_near_miss():
    with pytest.raises(InputError) as caught:
        rendered("Intro.\n\nWe count {{ workforce.stafff | number }} staff.\n")
    message = str(caught.value.problems[0])
    assert message.startswith("content/report.md:3:")
    assert "`stafff` is not in the data" in message and "did you mean `staff`?" in message


def test_a_syntax_error_names_its_line():
    with pytest.raises(InputError) as caught:
        rendered("One.\n\n{{ workforce.staff | number }\n")
    assert str(caught.value.problems[0]).startswith("content/report.md:3:")


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ workforce.__class__ }}",
    "{{ range(10) }}",
])
def test_the_sandbox_refuses_escapes(attack):
    with pytest.raises(InputError):
        rendered(attack)


def test_only_our_filters_exist():
    with pytest.raises(InputError) as caught:
        rendered("{{ workforce.staff | attr('real') }}")
    assert "content/report.md:1:" in str(caught.value.problems[0])


# --- the sandbox: plain values, no mutation, bounds enforced whatever compiled the figure ----------------------

def values_context(**extra) -> dict:
    """A context as the pipeline builds it: every data file a plain immutable value."""
    from ccdocs.sources.values import frozen, table

    return {"workforce": frozen({"staff": 1735, "core_share": 0.601, **extra}),
            "applicants": table([{"id": "africa", "applied": 100}, {"id": "total", "applied": 100}])}


def values_rendered(text: str, context: dict, sandbox=None) -> str:
    return as_read(render(environment("en", sandbox), text, Path("content/report.md"), context))


@pytest.mark.parametrize("attempt", [
    "{{ workforce.update({'staff': 1}) or '' }}",
    "{{ workforce.pop('staff') }}",
    "{{ workforce.__setitem__('staff', 1) }}",
    "{{ applicants.africa.clear() }}",
    "{{ applicants.rows.append(1) }}",
])
def test_a_mutation_attempt_changes_no_later_figure(attempt):
    context = values_context()
    with pytest.raises(InputError) as caught:
        values_rendered(f"First {attempt}.\n", context)
    assert "not allowed in a document" in str(caught.value)
    assert values_rendered("{{ workforce.staff | number }} of {{ applicants.africa.applied }}", context) \
        == "1,735 of 100"


def test_the_data_figures_see_are_read_only_and_reach_no_path(tmp_path):
    from ccdocs.sources.data import read_data
    from ccdocs.sources.values import data_value

    (tmp_path / "a.csv").write_text("id,applied\nafrica,100\n", encoding="utf-8")
    (tmp_path / "w.yaml").write_text("staff: 1735\nlist: [1, {a: 2}]\nshared: &x {k: 1}\nagain: *x\n",
                                     encoding="utf-8")
    table = data_value(read_data(tmp_path / "a.csv"))
    value = data_value(read_data(tmp_path / "w.yaml"))
    assert table["africa"]["applied"] == 100 and table.rows[0]["id"] == "africa"
    assert not hasattr(table, "path") and "path" not in table
    with pytest.raises(TypeError):
        value["staff"] = 1
    with pytest.raises(TypeError):
        table["africa"]["applied"] = 1
    assert isinstance(value["list"], tuple) and value["again"] is value["shared"]


def test_a_value_that_contains_itself_is_refused():
    from ccdocs.sources.values import frozen

    loop: list = [1]
    loop.append({"again": loop})
    with pytest.raises(InputError) as caught:
        frozen({"loop": loop}, "data/w.yaml")
    assert str(caught.value).startswith("data/w.yaml: error: a value contains itself")


def test_bounds_hold_when_the_compiled_figure_comes_from_the_cache(tmp_path, monkeypatch):
    from ccdocs.templating import Sandbox

    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    figure = "{{ workforce.staff ** workforce.power }}"
    assert values_rendered(figure, values_context(power=2), Sandbox()) == str(1735 ** 2)
    assert list(tmp_path.glob("figures-*")), "the compiled figure is kept in the cache"
    for _ in range(2):  # a fresh sandbox reads the code from the cache; the bound holds when it runs
        with pytest.raises(InputError) as caught:
            values_rendered(figure, values_context(power=10 ** 8), Sandbox())
        assert "figure out of bounds: an exponent of more than 100" in str(caught.value)


def test_the_cache_key_changes_with_the_sandbox_code(tmp_path, monkeypatch):
    from ccdocs.templating import Sandbox

    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    values_rendered("{{ workforce.staff }}", values_context(), Sandbox())
    first = {p.name for p in tmp_path.glob("figures-*")}
    changed = Sandbox()
    changed.version = "another version of the rules"
    values_rendered("{{ workforce.staff }}", values_context(), changed)
    assert len({p.name for p in tmp_path.glob("figures-*")} - first) == 1


@pytest.mark.parametrize("figure, col, fragment", [
    ("{{ 10**(10**8) }}", 11, "an exponent of more than 100"),
    ("{{ 'a' * 10**9 }}", 6, "a text of more than 5,000 characters"),
    ("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", 6, "nested more than 32 levels"),
    ("{{ " + "9" * 5000 + " }}", 6, "a number of more than 40 digits"),
    ('{{ "\\x0b" }}', 6, "control character U+000B"),
    ("{{ 1 +\n  doc.__class__ }}", 7, "`__class__`"),
])
def test_each_failure_is_located_at_its_line_and_column(figure, col, fragment):
    with pytest.raises(InputError) as caught:
        values_rendered(f"Intro.\n\nText {figure} end.\n", {**values_context(), "doc": {}})
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (3 + figure.count("\n"), col) and fragment in problem.message


def test_honest_figures_still_work():
    context = {**values_context(), "period_start": "2025-01-01", "period_end": "2025-12-31"}
    text = ("{{ (applicants.africa.applied / applicants.total.applied) | percent(0) }}, "
            "{{ applicants['africa'].applied - 1 }}, {{ 'CHF ' ~ (workforce.staff | number) }}, "
            "{{ period_start | daterange(period_end) }}, {{ -workforce.staff }}, {{ 2 ** 10 }}")
    assert values_rendered(text, context) == "100%, 99, CHF 1,735, January 1 to December 31, 2025, -1735, 1024"


def test_a_csv_decimal_computes_with_a_decimal_typed_in_the_figure():
    """A CSV decimal is a Decimal, a number typed with a point a float: `{{ (c.v * 1.5) | decimal(2) }}` was 'cannot
    format this figure: unsupported operand type(s) for *: 'decimal.Decimal' and 'float''; now the float is the
    Decimal it prints as, and the result exact."""
    from decimal import Decimal

    text = ("{{ (c.v * 1.5) | decimal(2) }} {{ (1.5 - c.v) | decimal(1) }} {{ (c.v ** 0.5) | decimal(3) }} "
            "{{ (c.v % 0.7) | decimal(1) }} {{ (c.v // 0.7) | number }} {{ (c.v * 0.1) | decimal(2) }}")
    assert as_read(render(environment("en"), text, Path("content/report.md"), {"c": {"v": Decimal("2.5")}})) == (
        "3.75 -1.0 1.581 0.4 3 0.25")


@pytest.mark.parametrize("typed, kept", [("12345678901234567.5", "12,345,678,901,234,568"),
                                         ("123456789012345678.9", "123,456,789,012,345,680"),
                                         ("1.0e-400", "0.0"), ("1_000_000.000_000_000_001", "1,000,000.0")])
def test_a_decimal_typed_in_a_figure_that_a_float_does_not_keep_is_refused_at_it(typed, kept):
    """As data/d.yaml's decimal (the loader's rule): `{{ (d.x * 12345678901234567.5) | decimal(1) }}` printed
    61,728,394,506,172,840.0 (exact: …172,837.5), exit 0; `1.0e-400` printed 0.00."""
    from decimal import Decimal

    text = f"Intro.\n\nV {{{{ (d.x * {typed}) | decimal(1) }}}}.\n"
    with pytest.raises(InputError) as caught:
        render(environment("en"), text, Path("content/report.md"), {"d": {"x": Decimal("2.5")}})
    assert [str(problem) for problem in caught.value.problems] == [
        f"content/report.md:3:{text.splitlines()[2].index(typed) + 1}: error: the decimal `{typed}` cannot be kept "
        f"exactly: a decimal typed in a figure keeps 15 significant digits (it would be read as {kept}) (round it to "
        "15 significant digits, or give the figure in a CSV data file, which reads decimals of up to 20 digits "
        "exactly)"]


def test_a_decimal_typed_in_a_figure_that_a_float_keeps_computes_as_before():
    text = "{{ (d.x * 0.1) | decimal(2) }} {{ 1_000.5 | decimal(1) }} {{ (2.5e3 * 2) | number }} {{ 1e2 | number }}"
    assert as_read(render(environment("en"), text, Path("content/report.md"), {"d": {"x": 3}})) == (
        "0.30 1,000.5 5,000 100")


def test_a_figure_is_read_as_its_literal_text_never_as_markdown():
    markdown = render(environment("en"), "Note: {{ note }}.", Path("content/report.md"),
                      {"note": "# heading, **bold**, [^a], <b>, [x](http://e.org), - item"})
    assert markdown == ("Note: \\# heading\\, \\*\\*bold\\*\\*\\, \\[\\^a\\]\\, \\<b\\>\\, "
                        "\\[x\\]\\(http\\:\\/\\/e\\.org\\)\\, \\- item.")


@pytest.mark.parametrize("value", ["two\nlines", "a\r\nb", "a\u2028b", "a\u2029b"])
def test_a_figure_holding_a_line_break_is_refused_at_its_place(value):
    with pytest.raises(InputError) as caught:
        render(environment("en"), "Intro.\n\nNote {{ note }}.\n", Path("content/report.md"), {"note": value})
    assert str(caught.value.problems[0]).startswith("content/report.md:3:6: error: this figure's text holds a line")


@pytest.mark.parametrize("value", [1.5, 2.0 ** 100, True])
def test_a_number_printed_unformatted_is_refused(value):
    with pytest.raises(InputError) as caught:
        render(environment("en"), "Rate {{ rate }}.", Path("content/report.md"), {"rate": value})
    assert "unformatted" in str(caught.value) and "| number" in str(caught.value)
