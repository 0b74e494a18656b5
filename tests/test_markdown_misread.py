"""Text that CommonMark reads as structure where the editor wrote words (breaks-9 #9, #8, #10): each silently
changed the paper, `check` ok. A hard-wrapped line beginning `- 3%`, `+ 5%`, `> 5 years`, `1. 5 million`, `# 5 items`
under a line of text became a bullet (its sign dropped), a quotation, a list item, a heading; a line of `---` or `===`
under a sentence made it a heading (a numbered chapter); numbered lines `2.`, `3.` pasted under a paragraph or an
item were run into its text; two spaces at a line's end broke the line unseen; `2*3*4` printed `234`, its 3 in
italics. Each is refused at its line and column, by `build` and `check` alike (`refusals.refused`), in a footnote
and a list item as in a paragraph, and in a translation at its msgstr's line where the trap can stand there (a
translation is one line: only emphasis can). What is written as Markdown means it stays accepted: a list under a
line of text whose items begin with words, a list of figures after a blank line, a sentence wrapped before a year,
a `\\` line break, an escaped `\\*`.
"""

from __future__ import annotations

import pytest

from ccdocs.errors import Collector
from ccdocs.parse.markdown import parse_markdown
from refusals import Case
from test_refuses_catalogs import SECOND, catalog, msgstr, po, zh
from test_refuses_markdown import line, report

BULLET = "under a line of text begins a bullet list"
NUMBERED = "under a line of text begins a numbered list"
QUOTE = "under a line of text begins a quotation"
HEADING = "under a line of text begins a heading"
UNDERLINED = "under a line of text makes that text a heading, as"
RUN_IN = "under a line of text is read as more of that text, not as a list item"
SPACES = "spaces end this line, which Markdown reads as a line break"
STARS = "a `*` between digits is Markdown's emphasis"

WRAPPED = ("The change in the resources for travel against the approved budget was",)

CASES = [
    # #9: a sign or a figure after a block's mark, on the line under a paragraph's text
    Case("minus", report(*WRAPPED, "- 3% in 2024."), f"`- 3%` {BULLET}", line(2) + ":1"),
    Case("minus-says-what-prints", report(*WRAPPED, "- 3% in 2024."),
             "the paper would print a bullet `3% in 2024.`, its `-` lost", line(2)),
    Case("minus-hint", report(*WRAPPED, "- 3% in 2024."), "join this line to it or escape the mark [`\\-`]; if a "
         "bullet list begins here, leave a blank line before it", line(2)),
    Case("plus", report(*WRAPPED, "+ 5% in the same year."), f"`+ 5%` {BULLET}", line(2) + ":1"),
    Case("currency", report(*WRAPPED, "- $300 in 2024."), f"`- $300` {BULLET}", line(2) + ":1"),
    Case("quote", report("Staff members with a length of service", "> 5 years took part."), f"`> 5` {QUOTE}",
         line(2) + ":1"),
    Case("ordered-from-1", report("A total of", "1. 5 million was spent."), f"`1. 5` {NUMBERED}", line(2) + ":1"),
    Case("atx-heading", report("A total of 12 computers and", "# 5 items were bought."), f"`# 5` {HEADING}",
         line(2) + ":1"),
    Case("in-a-footnote", report("A note here[^q].", "", "[^q]: The change in the resources for travel was",
                                 "- 3% in 2024 against the approved budget."), f"`- 3%` {BULLET}", line(4) + ":1"),
    Case("in-a-list-item", report("- An item whose text says the change was", "  - 3% in 2024."), f"`- 3%` {BULLET}",
         line(2) + ":3"),
    Case("in-a-quote", report("> Staff with a length of service", "> > 5 years took part."), f"`> 5` {QUOTE}",
         line(2) + ":3"),
    # a heading underlined is refused wherever it stands: a paper's headings are `#`
    Case("setext-2", report("The results of the review", "---"), UNDERLINED + " `## ` before it would", line(2) + ":1"),
    Case("setext-1", report("The final figures", "==="), UNDERLINED + " `# ` before it would", line(2) + ":1"),
    Case("setext-hint", report("The final figures", "==="), "write headings as `# Title` [a chapter] or `## Title`",
         line(2)),
    # #8: numbered lines run into the text above
    Case("numbered-under-a-paragraph", report("The Committee noted the following:", "2. the report was adopted;",
                                              "3. the budget was approved."), f"`2.` {RUN_IN}", line(2) + ":1"),
    Case("numbered-under-an-item", report("1. noted the report, and in particular:", "   2. its first part;",
                                          "   3. its second part;", "2. approved the budget."), f"`2.` {RUN_IN}",
         line(2) + ":4"),
    Case("numbered-hint", report("The Committee noted the following:", "2) the report was adopted;"),
         "`2)` under a line of text is read as more of that text, not as a list item: the paper would print `2)` "
         "inside the paragraph above (for a list, leave a blank line before it and number it from `1.`", line(2)),
    Case("numbered-after-numbered", report("The Committee noted the following", "2. the report was adopted",
                                           "3. the budget was approved."), f"`3.` {RUN_IN}", line(3) + ":1"),
    # #10: an invisible line break; emphasis between digits
    Case("trailing-spaces", report("The Committee took note of the report   ", "and approved the budget."),
         f"3 {SPACES}", line(1) + ":38"),
    Case("trailing-spaces-hint", report("The Committee took note  ", "and approved the budget."),
         "delete them, or write `\\` at the end of the line if a break is meant", line(1) + ":24"),
    Case("trailing-spaces-in-a-note", report("A note here[^q].", "", "[^q]: The change was  ", "large."),
         f"2 {SPACES}", line(3) + ":21"),
    Case("stars", report("The budget is 2*3*4 times the size."),
         f"`2*3*4`: {STARS}, not a sign: the paper would print `234`", line(1) + ":15"),
    Case("stars-hint", report("The budget is 2*3*4 times the size."),
         "write `2×3×4` for a multiplication, or escape each `*` [`\\*`]", line(1)),
    Case("stars-on-a-later-line", report("The budget is", "2**3**4 times the size."), STARS, line(2) + ":1"),
]

TRANSLATIONS = [
    zh("stars", po(catalog(translated={SECOND: "预算是 2*3*4 倍。"})), STARS, msgstr(SECOND)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_text_read_as_structure_refused(refuse, case):
    refuse(case)


@pytest.mark.parametrize("case", TRANSLATIONS, ids=lambda c: c.id)
def test_translation_read_as_structure_refused(refuse, case):
    refuse(case)


ACCEPTED = {
    "list-of-words-under-text": "The Committee:\n- noted the report;\n- approved the budget.\n",
    "numbered-list-of-words-under-text": "The Committee:\n1. noted the report;\n2. approved the budget.\n",
    "quote-of-words-under-text": "As the Director said:\n> Staff are our strength.\n",
    "list-of-figures-after-a-blank-line": "The changes were:\n\n- 3% in 2024;\n- 5% in 2025.\n",
    "numbered-figures-after-a-blank-line": "The changes were:\n\n1. 5 million in 2024;\n2. 3 million in 2025.\n",
    "items-of-figures": "- The change was large;\n- 3% in 2024.\n",
    "heading-of-figures-after-a-blank-line": "Text.\n\n## 2025 in review\n",
    "sentence-wrapped-before-a-year": "The report was adopted in\n2024. The budget followed.\n",
    "sentence-wrapped-before-a-number": "Staff members aged over\n65. The others stayed.\n",
    "backslash-break": "The Committee took note of the report\\\nand approved the budget.\n",
    "spaces-ending-a-paragraph": "The Committee took note of the report.  \n\nNext.\n",
    "one-space": "The Committee took note of the report \nand approved the budget.\n",
    "escaped-stars": "The budget is 2\\*3\\*4 times the size.\n",
    "times": "The budget is 2×3×4 times the size.\n",
    "bold-figure": "The budget is **1,735** staff and *5* posts.\n",
    "escaped-minus": "The change was\n\\- 3% in 2024.\n",
    # review-14 R14: a line ending in a colon introduces the list (or quotation) under it, figures or not
    "list-of-figures-under-a-colon": "The Committee decided:\n- 3 new posts are created;\n- 2 posts are abolished.\n",
    "numbered-figures-under-a-colon": "The changes were as follows:\n1. 5 million in 2024;\n2. 3 million in 2025.\n",
    "list-of-figures-under-a-full-width-colon": "委员会决定：\n- 3个新职位；\n- 2个职位取消。\n",
    "quote-of-figures-under-a-colon": "The Director General said:\n> 5 years of reform have changed us.\n",
}


@pytest.mark.parametrize("text", list(ACCEPTED.values()), ids=list(ACCEPTED))
def test_markdown_meaning_what_it_says_accepted(text):
    out = Collector()
    parse_markdown("# T\n\n" + text, None, "r.md", out, None)
    assert not out.problems, [str(p) for p in out.problems]
