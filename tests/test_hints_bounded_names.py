"""A "did you mean" is worked out for the first few unknown names of one reading, not for each (verify-11 V10, as
917eb4c did for a chart's rows and a paper's references): an unknown `::: table` or `::: chart` name and a figure
naming a key not in the data each compared the word with every choice (difflib), so 4,000 unknown table names took
33 s and 10,000 figures naming rows missing from 100,000 some 15 minutes. Every mistake is still told at its place."""

from __future__ import annotations

import difflib

from conftest import REPORT
from ccdocs.errors import HINTED
from refusals import invoke

MISTAKES = 12


def test_unknown_table_chart_and_figure_names_are_each_told_and_the_first_few_hinted(make_doc, monkeypatch):
    blocks = "".join(f"\n::: table applicantz{i}\nCap\n:::\n\n::: chart chx{i}\nCap\n:::\n" for i in range(MISTAKES))
    figures = "".join(f"\nValue {{{{ workforce.stafx{i} | number }}}}.\n" for i in range(MISTAKES))
    folder = make_doc({"content/report.md": REPORT + blocks + figures})
    compared = []
    closest = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda word, *args, **kw: compared.append(word) or
                        closest(word, *args, **kw))
    code, output, escaped = invoke(["check", str(folder)])
    assert (code, escaped) == (1, False), output
    assert output.count("no table `applicantz") == MISTAKES and output.count("no chart `chx") == MISTAKES
    assert output.count("`stafx") == MISTAKES, output
    assert output.count("(did you mean `applicants`?)") == HINTED and output.count("(did you mean `staff`?)") == HINTED
    assert len(compared) <= 3 * HINTED, compared  # 36 on 08ab923: every name compared with every choice
