"""A figure is evaluated before Markdown reads the text, so its text could change the blocks typed: one alone on its
line giving an empty or blank text made a blank line (one typed paragraph, one catalog segment, printed as two
numbered paragraphs, every later number moved and the language versions numbering differently; or a paragraph
dropped), and one opening its line with a text of leading spaces an indented code block. Each is refused at the
figure, naming its text, and told once (`templating._reshaping`), not as the empty list item or code block it
would have made."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL, REPORT
from refusals import Case

FILE = "content/report.md"
SPLIT = "We count {{ workforce.staff | number }} staff.[^staff]"
BLANK = "this line holds nothing but `{{ workforce.note }}`, whose text is "
INDENTED = "`{{ workforce.note }}` opens its line and its text '    x' begins with spaces"


def with_note(note: str, line: str) -> dict:
    """The minimal document, its data's `note` being `note`, its report's first paragraph (line 3) split by `line`
    (line 4)."""
    return {"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\nnote: {note}\n",
            FILE: REPORT.replace(SPLIT, f"We count\n{line}\nour staff.[^staff]")}


CASES = [
    Case("empty-in-a-paragraph", with_note('""', "{{ workforce.note }}"), BLANK + "empty: the line would be blank, "
         "which ends a paragraph in Markdown (its paragraph printed as two numbered ones) (give the value "
         "in the data file, or write the figure on a line of text", f"{FILE}:4:1"),
    Case("spaces-in-a-paragraph", with_note('"   "', "  {{ workforce.note }}"), BLANK + "'   '", f"{FILE}:4:3"),
    Case("empty-paragraph", with_note('""', "\n{{ workforce.note }}\n"), BLANK + "empty: the line would be blank",
         f"{FILE}:5:1"),
    Case("empty-list-item", with_note('""', "\n- {{ workforce.note }}\n"), BLANK + "empty: the line would hold only "
         "`-`: an empty list item", f"{FILE}:5:3"),
    Case("indented-code", with_note('"    x"', "\n{{ workforce.note }}\n"), INDENTED + ": Markdown would read them "
         "as indentation (a code block, a list's nesting), not as text (write the value without leading spaces in the "
         "data file)", f"{FILE}:5:1"),
    Case("empty-paragraph-under-a-heading", {**with_note('""', "x"), FILE: "# Introduction\n{{ workforce.note }}\n"},
         BLANK + "empty: the line would be blank: the paragraph it is would be dropped", f"{FILE}:2:1"),
    Case("spaces-nesting-in-a-list", with_note('"  x"', "\n- a\n\n{{ workforce.note }}\n"),
         "`{{ workforce.note }}` opens its line and its text '  x' begins with spaces", f"{FILE}:7:1"),
    Case("space-making-a-list-mark", with_note('" x"', "-{{ workforce.note }}"),
         "`{{ workforce.note }}` opens its line and its text ' x' begins with spaces", f"{FILE}:4:2"),
    Case("code-in-a-list-item", with_note('"    x"', "\n- {{ workforce.note }}\n"),
         "`{{ workforce.note }}` opens its line and its text '    x' begins with spaces", f"{FILE}:5:3"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_figure_that_would_change_the_blocks_is_refused_at_it(refuse, case):
    output = refuse(case)
    assert len(re.findall(r": error: ", output)) == 1, output  # not again as an empty list item or a code block


@pytest.mark.parametrize("note, line", [('""', "Total{{ workforce.note }} staff"), ('""', "- a {{ workforce.note }}"),
                                        ('"x"', "{{ workforce.note }}"), ('"  x"', "a {{ workforce.note }}")])
def test_a_figure_on_a_line_of_text_prints_its_text(make_doc, note, line):
    """An empty value on a line of text prints nothing; a value opening its line without spaces, or after text,
    prints as ever."""
    from refusals import invoke

    folder = make_doc(with_note(note, line))
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (0, False), output


@pytest.mark.parametrize("note, line, printed", [
    ('" x"', "{{ workforce.note }}", "We count x our staff."),  # a paragraph's continuation line drops its spaces
    ('" x"', "\n{{ workforce.note }} is the name.\n", "x is the name."),  # 1-3 columns at a paragraph's start too
    ('"  x"', "  {{ workforce.note }}", "We count x our staff."),
    ('"\tx"', "{{ workforce.note }}", "We count x our staff."),
    ('""', "{{ workforce.note }}\n", "We count"),  # an empty last line of a paragraph prints nothing
    ('""', "\n{{ workforce.note }}", "our staff."),  # nor an empty first line
    ('"  "', "{{ workforce.note }}\n{{ workforce.note }}\n", "We count"),
])
def test_an_ordinary_figure_line_prints_as_markdown_reads_it(make_doc, note, line, printed):
    """Spaces Markdown drops (a paragraph's continuation line, 1-3 columns at its start) and a blank line beside a
    paragraph's own blank line change no block: checked ok (they were refused on 4a607f4), printed as before. In
    English alone: what Markdown makes of the text keyed in it (a translation is a text of its own)."""
    from refusals import invoke

    folder = make_doc({**with_note(note, line), "document.yaml": MINIMAL.replace("[en, zh]", "[en]")})
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (0, False), output
    code, output, _ = invoke(["dump", str(folder), "--lang", "en"])
    assert printed in output, output


def test_figure_lines_cost_linear_time():
    """50,000 lines holding nothing but a figure: each line's texts joined once (4a607f4 joined every figure of the
    file at each such line: 20,000 lines took 114 s)."""
    from pathlib import Path

    from bounded import within
    from ccdocs.templating import environment, render

    text = "# Intro\n\n" + "{{ d.x }}\n" * 50_000 + "\n" + "Text\n{{ d.e }}\n\n{{ d.e }}\nText\n\n" * 10_000
    rendered = within(lambda: render(environment("en"), text, Path("content/report.md"), {"d": {"x": "5", "e": ""}}),
                      20, "50,000 figure lines rendered")
    assert rendered.count("5\n") == 50_000 and rendered.endswith("Text\n\n\n\nText\n\n")
