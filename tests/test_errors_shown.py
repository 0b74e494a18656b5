"""How a command prints the problems it refuses: at most `errors.SHOWN` of them, then how many more, the summary
always; a hint inside its parentheses with its own parentheses as square brackets."""

from __future__ import annotations

import time

from lxml import etree

from ccdocs.errors import SHOWN, Problem, bracketed, problem, shown
from ccdocs.i18n.policy import Tally
from ccdocs.sources.characters import HINT as CHARACTER_HINT
from refusals import invoke
from test_refuses_catalogs import PO, SECOND, catalog

X = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_the_first_hundred_problems_are_printed_then_how_many_more_then_the_summary():
    found = [Problem("a.md", n, None, f"problem {n}") for n in range(1, 251)]
    tally = Tally("content.po", None, None, "250 of 250 messages are not ready")
    lines = list(shown([*found, tally]))
    assert lines[:SHOWN] == [str(item) for item in found[:SHOWN]] and SHOWN == 100
    assert lines[SHOWN:] == ["… and 150 more not shown (fix those above, then run the command again)",
                             "content.po: note: 250 of 250 messages are not ready"]
    assert list(shown(found[:SHOWN])) == [str(item) for item in found[:SHOWN]]


def test_the_count_under_a_refused_translation_is_the_number_of_error_lines_above_it(make_doc, tmp_path):
    """newcomer-12 N9: one untranslated segment printed two `error:` lines (the segment, then the catalog's tally
    of the messages not ready) over `1 error; nothing was written.`; the tally, a summary, is a note."""
    folder = make_doc({PO: catalog(translated={SECOND: ""})})
    code, output, escaped = invoke(["build", str(folder), "--lang", "zh", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    lines = output.splitlines()
    assert code == 1 and not escaped and lines[-1] == "1 error; nothing was written.", output
    assert [": error: " in line for line in lines[:-1]] == [True, False], output
    assert ": note: 1 of " in lines[1] and "not ready for a final build" in lines[1], output


def test_a_hint_holding_parentheses_prints_them_as_brackets_inside_its_own():
    told = str(problem("a.md", 3, "a control character U+0085 in this file", CHARACTER_HINT, 7))
    assert told.endswith("(delete it [it often comes from copying out of another program])")
    assert told.count("(") == told.count(")") == 1
    assert bracketed("write `plural=(n != 1);` (or copy it)") == "write `plural=(n != 1);` [or copy it]"


def test_an_import_refusing_150_repeated_units_prints_a_hundred_and_counts_them_all(make_doc, tmp_path):
    """Each unit repeating an entry's source is refused (one translation would silently win); a stale unit, whose
    source is no entry, is skipped with a warning instead (test_i18n_xliff)."""
    folder, xlf = make_doc(), tmp_path / "other.xlf"
    for argv in (["i18n", "update", str(folder), "--lang", "zh"],
                 ["i18n", "export", str(folder), "--lang", "zh", "-o", str(xlf)]):
        assert invoke(argv)[0] == 0
    tree = etree.parse(str(xlf))
    body = next(tree.iter(f"{X}body"))
    for n in range(150):
        unit = etree.SubElement(body, f"{X}trans-unit", id=f"x{n}")
        etree.SubElement(unit, f"{X}source").text = "Second paragraph."
        etree.SubElement(unit, f"{X}target").text = f"另一文件的第{n}段。"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    code, output, escaped = invoke(["i18n", "import", str(folder), str(xlf), "--lang", "zh"])
    lines = output.splitlines()
    assert code == 1 and not escaped
    assert len(lines) == SHOWN + 2 and all("this unit's source is also at line" in line for line in lines[:SHOWN])
    assert lines[-2:] == ["… and 50 more not shown (fix those above, then run the command again)",
                          "150 errors; nothing was written."]


def test_a_watch_round_prints_problems_the_same_way(tmp_path):
    from ccdocs.watch import Session

    said = []
    session = Session(tmp_path, tmp_path / "out", ["en"], ("pdf",), False, lambda text, err: said.append(text))
    session._report("content/a.md saved", [Problem("a.md", n, None, f"problem {n}") for n in range(1, 131)], [],
                    ["en"], time.perf_counter())
    assert said[SHOWN - 1].startswith(f"a.md:{SHOWN}:1: error:") and len(said) == SHOWN + 2
    assert said[SHOWN] == "… and 30 more not shown (fix those above, then run the command again)"
    assert "130 errors (en: previous outputs kept)" in said[-1]
