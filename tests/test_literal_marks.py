"""A footnote mark or reference link that is text, not markup, prints as text (breaks-5 #12): a figure's text (its
punctuation escaped) or a mark typed escaped (`\\[^n]`) printed literally, yet the check of marks left as text told
"footnote `[^n]` is not defined" at it, beside "footnote `[^n]` is never used" at the note. Only a mark the block's
lines hold unescaped is told now.
"""

from __future__ import annotations

from refusals import Case, invoke
from test_refuses_markdown import FILE, line, report
from test_refuses_yaml import doc

VARIABLES = "variables: {period_start: 2025-01-01, period_end: 2025-12-31}"


def with_variable(text: str) -> dict:
    return doc(VARIABLES, VARIABLES[:-1] + f', who: "{text}"}}')


def test_a_figure_text_holding_a_mark_prints_it_as_text(make_doc):
    folder = make_doc({**with_variable("see [^n] and [a][b] here"),
                       **report("Text {{ who }}.", "", "More[^n].", "", "[^n]: The note.")})
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (0, False), output
    code, output, _ = invoke(["dump", str(folder), "--lang", "en"])
    assert "Text see [^n] and [a][b] here." in output


def test_an_escaped_mark_prints_as_text_and_a_typed_one_is_still_refused(refuse):
    output = refuse(Case("typed-beside-escaped", report("Escaped \\[^m] here.", "", "Typed [^m] here."),
                         "footnote `[^m]` is not defined", line(3)))
    assert f"{line(1)}:" not in output   # the escaped one is text
    output = refuse(Case("figure-mark-note-unused", {**with_variable("see [^n] here"),
                                                     **report("Text {{ who }}.", "", "[^n]: The note.")},
                         "footnote `[^n]` is never used", f"{FILE}:"))
    assert "is not defined" not in output
