"""No construct the format does not know is printed as text: other tools' commands standing alone (`[TOC]`,
`[[_TOC_]]`, `${toc}`, `{:toc}`, `\\tableofcontents`), a hand-typed marker, a task-list box, an unknown container
and a raw HTML block are errors at their line in `check` and `build`; brackets in running text, an omission `[…]`
and an escaped `\\[` print as typed.
"""

from __future__ import annotations

import json

import pytest

from conftest import REPORT
from refusals import Case, run

FILE = "content/report.md"


def report(*lines: str) -> dict:
    """The minimal report with `lines` added after a blank line (the first of them is line 13)."""
    return {FILE: REPORT + "\n" + "".join(f"{text}\n" for text in lines)}


def line(n: int) -> str:
    return f"{FILE}:{12 + n}"


ZH_TOC = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh\\n"\n\n'
          'msgid "Introduction"\nmsgstr "::: toc"\n')  # a heading's translation typed as another tool's command
COMMAND = "is the markup of another tool"
CASES = [
    Case("toc-markdown", report("[TOC]"), COMMAND, line(1)),
    Case("toc-lowercase", report("Text.", "", "[toc]"), COMMAND, line(3)),
    Case("toc-gitlab", report("[[_TOC_]]"), COMMAND, line(1)),
    Case("toc-wiki", report("[[toc]]"), COMMAND, line(1)),
    Case("toc-at", report("@[toc]"), COMMAND, line(1)),
    Case("toc-dollar", report("${toc}"), COMMAND, line(1)),
    Case("toc-kramdown", report("{:toc}"), COMMAND, line(1)),
    Case("toc-latex", report("\\tableofcontents"), COMMAND, line(1)),
    Case("newpage-latex", report("Text.", "", "\\newpage", "", "More."), COMMAND, line(3)),
    Case("marker-by-hand", report("[Annex follows]"), "prints the `[… follows]`", line(1)),
    Case("marker-by-hand-zh", report("[后接附件]"), COMMAND, line(1)),
    Case("toc-in-box", report("::: box", "[TOC]", ":::"), COMMAND, line(2)),
    Case("toc-in-item", report("- [TOC]"), COMMAND, line(1)),
    Case("task-open", report("- [ ] draft the report"), "task-list box", line(1)),
    Case("task-done", report("- one", "- [x] two"), "task-list box", line(2)),
    Case("container-toc", report("::: toc", ":::"), "`::: toc` is not a container", line(1)),
    Case("container-tip", report("::: tip", "A hint.", ":::"), "`::: tip` is not a container", line(1)),
    Case("html-block", report("<div>", "Text.", "</div>"), "HTML", line(1)),
    Case("toc-emphasised", report("*[TOC]*", "", "**[TOC]**", "", "_[toc]_"), COMMAND, line(1)),
    Case("toc-strong", report("Text.", "", "**[TOC]**"), COMMAND, line(3)),
    Case("toc-hard-break", report("[TOC]\\"), COMMAND, line(1)),
    Case("toc-full-width", report("［TOC］"), COMMAND, line(1)),
    Case("toc-lenticular", report("【TOC】"), COMMAND, line(1)),
    Case("toc-heading", report("## [TOC]"), "as a heading is a command of another tool", line(1)),
    Case("newpage-with-words", report("\\newpage Annex"), COMMAND, line(1)),
    Case("admonition", report("!!! note", "    A hint."), COMMAND, line(1)),
    Case("admonition-collapsed", report('??? note "Hint"', "    A hint."), COMMAND, line(1)),
    Case("display-formula", report("$$", "x = 1", "$$"), COMMAND, line(1)),
    Case("heading-translated-as-a-container", {FILE: REPORT, "locales/zh/LC_MESSAGES/content.po": ZH_TOC},
         "`::: toc` as a heading is a command of another tool", "locales/zh/LC_MESSAGES/content.po:",
         args=("--draft", "--lang", "zh"), check=False),
    Case("strikethrough", report("Text.", "", "The ~~old~~ new rule."), "struck-through text", line(3)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_unknown_construct_refused_at_its_line(refuse, case):
    """`build` and `check` refuse it at its line; nothing is written."""
    refuse(case)


def _texts(node) -> list[str]:
    if isinstance(node, dict):
        return ([node["text"]] if isinstance(node.get("text"), str) else []) + [t for v in node.values()
                                                                                 for t in _texts(v)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def test_brackets_an_editor_types_print_as_typed(make_doc, tmp_path):
    """`[sic]` and `[emphasis added]` in a sentence, an omission `[…]` alone in a quotation, `\\[TOC]` escaped:
    printed with their brackets, in the paragraphs where they were typed."""
    folder = make_doc(report("The Committee noted [sic] the report.", "", "> First quoted paragraph.", ">",
                             "> […]", ">", "> Last quoted paragraph [emphasis added].", "", "\\[TOC]"))
    out = tmp_path / "out"
    code, output, _ = run(["build", str(folder), "--format", "json", "--out", str(out), "--lang", "en"])
    assert code == 0, output
    blocks = _texts(json.loads((out / "en" / "wo_cc_86_inf_1.json").read_text(encoding="utf-8")))
    lines = {line for text in blocks for line in text.split("\n")}  # a quotation: one line a paragraph
    for typed in ("The Committee noted [sic] the report.", "[…]", "Last quoted paragraph [emphasis added].", "[TOC]"):
        assert typed in lines


def test_a_figure_that_cannot_be_read_hides_nothing_else_of_its_file(make_doc):
    """A Hugo shortcode `{{< toc >}}` is a template syntax error at its line; the rest of the file is still read:
    the `[TOC]` two lines below and the unknown container after it are reported too, each at its line."""
    folder = make_doc(report("{{< toc >}}", "", "[TOC]", "", "::: tip", "A hint.", ":::"))
    code, output, escaped = run(["check", str(folder)])
    assert code == 1 and not escaped
    for where, said in ((line(1), "template syntax error"), (line(3), COMMAND), (line(5), "is not a container")):
        assert any(f"{where}:" in text and said in text for text in output.splitlines()), (where, output)
