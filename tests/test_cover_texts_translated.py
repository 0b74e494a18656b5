"""A venue or author given as one text is printed on each cover through ccdocs's catalog: one the catalog of a
language does not translate would print as typed, in another language, on that cover without a word
(newcomer-10 #7: `venue: New York` on the Chinese cover), so it is refused at its line of document.yaml, and
`ccdocs new` writes such a venue as a mapping for each language, marked to translate."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL
from refusals import Case, invoke


@pytest.mark.parametrize("case", [
    Case("venue", {"document.yaml": MINIMAL.replace("venue: Geneva", "venue: New York")},
         "`venue: New York` has no zh translation in ccdocs's catalog: the zh cover would print it as written",
         "document.yaml:4"),
    Case("author", {"document.yaml": MINIMAL + "author: the Director General\n"},
         "`author: the Director General` has no zh translation", "document.yaml:"),
], ids=lambda case: case.id)
def test_a_cover_text_no_catalog_translates_is_refused_at_its_line(refuse, case):
    assert "(give it in each language: `" in refuse(case)


def test_a_cover_text_given_in_each_language_or_known_is_printed(make_doc):
    folder = make_doc({"document.yaml": MINIMAL.replace("venue: Geneva", "venue: {en: New York, zh: 纽约}")})
    code, output, _ = invoke(["dump", str(folder), "--lang", "zh"])
    assert code == 0 and "纽约" in output
    code, output, _ = invoke(["dump", str(make_doc()), "--lang", "zh"])  # Geneva: the catalog's 日内瓦
    assert code == 0 and "日内瓦" in output


def test_new_writes_a_venue_no_catalog_translates_as_a_mapping_to_translate(tmp_path):
    folder = tmp_path / "new"
    code, output, _ = invoke(["new", str(folder), "--symbol", "WO/GA/57/3", "--kind", "decision", "--languages",
                              "en,zh,fr", "--venue", "New York"])
    assert code == 0, output
    line = next(x for x in (folder / "document.yaml").read_text(encoding="utf-8").splitlines()
                if x.startswith("venue:"))
    assert re.match(r'venue: \{en: "New York", zh: "New York", fr: "New York"\} +# TO CONFIRM: translate it for '
                    r"zh, fr", line), line
    code, output, _ = invoke(["check", str(folder)])  # zh and fr not begun: refused until translated
    assert code == 1 and output.count(": error: ") == 2, output
    assert re.findall(r": error: `(\w+)` has no catalog \(", output) == ["zh", "fr"], output
    code, output, _ = invoke(["build", str(folder), "--draft", "--format", "json", "--out", str(tmp_path / "out")])
    assert code == 0 and "`venue: {en" in output and "marked TO CONFIRM" in output
