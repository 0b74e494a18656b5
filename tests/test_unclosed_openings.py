"""Unclosed `{{` (and `{%`, `[^`, `](`) cost time linear in the text and one problem a paragraph (breaks-5 #16).

`\\{\\{.*?\\}\\}` scanned from each unclosed `{{` to the end of the text: a 60 KB msgstr of `{{ ` kept `check` past
two minutes, a 60 KB content paragraph took 65 s and printed 20,000 errors. The bounds below are far above the
honest cost (a fraction of a second for the patterns, a few seconds for a command): a hang fails, nothing is timed.
"""

from __future__ import annotations

import re

from bounded import within
from refusals import Case

from test_refuses_catalogs import SECOND, catalog, msgstr, po, zh

OPENINGS = ("{{ ", "{% ", "[^", "](", "[](#", "[a](#")
REPEATS = 100_000  # 300 KB of `{{ `: quadratic scans take minutes here, linear ones milliseconds
HANG = 120


def _patterns() -> dict[str, re.Pattern]:
    from ccdocs import templating
    from ccdocs.i18n import checkers, glossary, review, xliff
    from ccdocs.parse import pipe_tables

    return {"checkers.PLACEHOLDER": checkers.PLACEHOLDER, "checkers.NOTE_MARK": checkers.NOTE_MARK,
            "checkers.LINK_TARGET": checkers.LINK_TARGET, "checkers.REFERENCE": checkers.REFERENCE, "xliff.CODE": xliff.CODE, "review.KEEP": review.KEEP,
            "glossary.NOT_TEXT": glossary.NOT_TEXT, "templating.EXPRESSION": templating.EXPRESSION,
            "pipe_tables.FIGURE": pipe_tables.FIGURE}


def _scan_all() -> dict:
    """Every pattern over a long text of each unclosed opening: the longest span found (none closed: at most a
    bracket, xliff's code for a link's text), by pattern and opening."""
    return {(name, opening): max((len(m.group()) for m in pattern.finditer(opening * REPEATS + "end")), default=0)
            for name, pattern in _patterns().items() for opening in OPENINGS}


def test_every_pattern_finding_placeholders_scans_unclosed_openings_in_linear_time():
    found = within(_scan_all, HANG, f"the patterns did not scan {REPEATS:,} unclosed openings")
    assert max(found.values()) <= 1, {key: longest for key, longest in found.items() if longest > 1}


def test_a_figure_holding_another_opening_is_found_from_the_last_one():
    """What the linear patterns change: a span never crosses its own opening (`{{ a {{ b }}` holds `{{ b }}`)."""
    patterns = _patterns()
    assert patterns["checkers.PLACEHOLDER"].findall("x {{ a {{ b }} {% if c %}") == ["{{ b }}", "{% if c %}"]
    assert patterns["templating.EXPRESSION"].findall("{{ a }} {{ b\n}} {{ c") == [" a ", " b\n"]
    assert patterns["checkers.NOTE_MARK"].findall("[^a [^b] [^]") == ["[^b]"]
    assert patterns["xliff.CODE"].findall("[a](b](c) [](#d)") == ["[", "](c)", "[](#d)"]
    assert patterns["glossary.NOT_TEXT"].sub("_", "see ](x ](y z) {{ f }}") == "see ](x _ _"


PARAGRAPH = "Text " + "{{ " * 20_000 + "end."


def test_a_paragraph_of_unclosed_figures_is_one_problem_counting_the_rest(refuse):
    """20,000 `{{ ` in one paragraph and one more in another: two problems, the first counting 19,999 more (was
    20,001 problems, 65 s)."""
    case = Case("unclosed-figures", {"content/report.md": f"# I\n\n{PARAGRAPH}\n\nLast {{{{ paragraph.\n"},
                "`{{` has no closing `}}`; 19,999 more `{{` of this paragraph not closed either",
                "content/report.md:3:6", timeout=HANG)
    output = refuse(case)
    assert output.count("has no closing") == 2 and "content/report.md:5:6: error:" in output, output


def test_a_translation_of_unclosed_figures_is_checked_in_linear_time(refuse):
    """A msgstr of 40,000 `{{ ` (120 KB, within the catalog's bound): refused at its line at once (the quadratic
    scans of the translation checks took minutes)."""
    text = "{{ " * 40_000 + "第二段。"
    refuse(zh("unclosed-figures-translation", po(catalog(translated={SECOND: text})), "fails a check",
              msgstr(SECOND), timeout=HANG))
