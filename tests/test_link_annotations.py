"""PDF link annotations: one per link and line, whatever the justification cut the line into (issue 17, item 13).

A link spanning two lines gets one rectangle per line (not /QuadPoints, which many viewers ignore, taking the
/Rect that would then cover the text between); each covers exactly the link's glyphs on its line.
"""

from __future__ import annotations

from collections import defaultdict

import pdfplumber
import pypdf
import pytest

from test_cjk_typography import build, report

CASES = [(key, lang) for key in ("86", "84") for lang in ("en", "zh")]


def link_rects(path) -> list[tuple[int, str, tuple]]:
    """Every URI link annotation as (page index, URI, (x0, y0, x1, y1) in PDF points, y upwards)."""
    found = []
    for index, page in enumerate(pypdf.PdfReader(path).pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link" and "/URI" in annot.get("/A", {}):
                found.append((index, annot["/A"]["/URI"], tuple(float(v) for v in annot["/Rect"])))
    return found


def covered(path, rects) -> list[str]:
    """The text of the glyphs whose centre lies in each (page index, URI, rect), in reading order."""
    texts = []
    with pdfplumber.open(path) as pdf:
        for index, _, (x0, y0, x1, y1) in rects:
            page = pdf.pages[index]
            inside = [c for c in page.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                      and y0 <= page.height - (c["top"] + c["bottom"]) / 2 <= y1]
            texts.append("".join(c["text"] for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"]))))
    return texts


def same_line(a: tuple, b: tuple) -> bool:
    """Whether two rectangles share a line: their vertical extents overlap by more than half."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])


@pytest.mark.parametrize("key,lang", CASES)
def test_each_link_has_one_annotation_per_line_covering_its_glyphs(built, key, lang):
    path = built(key, lang, "pdf")
    rects = link_rects(path)
    assert rects
    by_page_uri = defaultdict(list)
    for page, uri, rect in rects:
        by_page_uri[(page, uri)].append(rect)
    for (page, uri), found in by_page_uri.items():
        shared = [(a, b) for i, a in enumerate(found) for b in found[i + 1:] if same_line(a, b)]
        assert not shared, f"page {page + 1}: {uri}: {len(shared)} pairs of annotations share a line"
    for (page, uri, _), text in zip(rects, covered(path, rects)):
        assert text and text in uri, (page + 1, uri, text)  # the links of the samples show their address


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_across_two_lines_has_one_annotation_on_each(make_doc, lang):
    url = "https://www.wipo.int/edocs/mdocs/govbody/zh/wo_pbc_39/wo_pbc_39_5.pdf"
    lead = ("见《2026/27两年期计划和预算》（文件WO/PBC/39/5），本组织的信息和通信技术职能占其预算的一部分，网址为"
            if lang == "zh" else "See the Program and Budget for the 2026/27 biennium, document WO/PBC/39/5, "
                                 "which describes the funding of the work, available at the address ")
    path = build(make_doc(report(f"{lead}[{url}]({url})。其余部分另行公布。")), lang, "pdf")
    rects = [r for r in link_rects(path) if r[1] == url]
    assert len(rects) == 2 and not same_line(rects[0][2], rects[1][2])
    assert "".join(covered(path, rects)) == url
