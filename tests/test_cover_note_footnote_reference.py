"""A reference to a footnote across the cover note's edge names the note's part, as a paragraph's does (breaks-9,
noticed: wording).

The cover note marks its notes `*`, `**`, `***`; the report and the annexes number theirs through, 1, 2, 3. A report's
`[](#cn-note)` printed `footnote **`, where a reference to the cover note's paragraph prints `paragraph 3 of the
cover note`: the note is now `footnote ** of the cover note` (`说明脚注**`), and a report's note named from the cover
note `footnote 1 of the report`; a note of the report named from an annex, one series, stays `footnote 1`.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import MINIMAL

from ccdocs.model import Para
from ccdocs.parse.inlines import plain
from ccdocs.pipeline import read_sources, resolve

COVER = """\
Cover intro, see [](#r-note).[^c1]

{#c2}
Second cover paragraph.[^c2]

[^c1]: First cover note footnote.

{#c-note}
[^c2]: Second cover note footnote.
"""
REPORT = """\
# Intro

First, see [](#c-note) and [](#c2).[^r1]

{#r-note}
[^r1]: A report note.
"""
ANNEX = "# Annex title\n\nAnnex paragraph, see [](#r-note).\n"
PRINTED = {
    "en": ["Cover intro, see footnote 1 of the report.", "First, see footnote ** of the cover note and paragraph 2 of "
           "the cover note.", "Annex paragraph, see footnote 1."],
    "zh": ["Cover intro, see 报告脚注1.", "First, see 说明脚注** and 说明第2段.", "Annex paragraph, see 脚注1."],
}


@pytest.fixture
def folder(make_doc):
    return make_doc({"content/cover-note.md": COVER, "content/report.md": REPORT, "content/annex.md": ANNEX,
                     "document.yaml": MINIMAL.split("tables:\n")[0].replace(
                         "{type: cover-note, template: information}",
                         "{type: cover-note, files: [content/cover-note.md]}")})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_footnote_read_across_the_cover_notes_edge_is_named_with_its_part(folder, lang):
    doc = resolve(read_sources(folder), lang)
    printed = [plain(block.children).replace("\u00a0", " ") for part in doc.parts for block in part.blocks
               if isinstance(block, Para)]
    for sentence in PRINTED[lang]:
        assert sentence in printed, printed


def test_the_docx_prints_the_words_beside_the_notes_field(folder, tmp_path):
    from refusals import invoke

    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "docx", "--out",
                                    str(tmp_path / "out")])
    assert code == 0 and not escaped, output
    with zipfile.ZipFile(tmp_path / "out/en/wo_cc_86_inf_1.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    # the note's mark is a field Word computes (NOTEREF), the part's words the run right after its end
    found = re.search(r"NOTEREF _Ref_c_?note \\h .*?<w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t[^>]*>([^<]*)<",
                      body)
    assert found and found[1].replace("\u00a0", " ") == " of the cover note", found and found[0]
