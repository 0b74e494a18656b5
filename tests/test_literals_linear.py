"""`ccdocs next` finds the literals typed in last year's prose (scaffold/literals) in time linear in a line: the
spans it leaves out (figures, statements, comments, link targets, autolinks, note marks, attribute lists) never
cross an opening of their kind, and each kind of literal is blanked in one pass (a line of many unclosed `{{`, or
of a million figures, was quadratic: 8,000 `{{ ` took 1.8 s, each doubling four times that). A hang fails the test
after a bound far above the honest cost; nothing is timed."""

from __future__ import annotations

from bounded import within

OPENINGS = ("{{ ", "{% ", "{# ", "](", "<a:", "[^", "{.")
REPEATS = 100_000
FIGURES = 1_000_000  # `1 ` a million times: a 2 MB line, the most a content file holds
HANG = 120


def _found() -> dict:
    """The literals of a line of each unclosed opening (then a year), and the number of those of the figures' line."""
    from ccdocs.scaffold.literals import in_line

    return {**{opening: in_line(opening * REPEATS + " 2024")[-1:] for opening in OPENINGS},
            "figures": len(in_line("1 " * FIGURES))}


def test_a_line_of_unclosed_openings_or_many_figures_is_searched_in_linear_time():
    found = within(_found, HANG, f"the literals of {REPEATS:,} unclosed openings were not found")
    assert found.pop("figures") == FIGURES
    for opening, last in found.items():  # nothing closed: the year after them is a literal the editor typed
        assert last == [(len(opening) * REPEATS + 1, "year", "2024")], (opening, last)


def test_an_attribute_list_holds_no_literal_of_the_text():
    """newcomer-10 #4: an image's `{width="50%"}` was listed by `ccdocs next` as a figure typed in the text; like
    `{#anchor}` and `{.class}`, a `{key=value}` list is layout, not prose."""
    from ccdocs.scaffold.literals import in_line

    assert in_line('![Staff by grade](figures/bars.svg){width="50%"}') == []
    assert [text for _, _, text in in_line('A 12% rise {width="50%"} and 3,000 more.')] == ["12%", "3,000"]
