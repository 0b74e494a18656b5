"""Where the PDF layout is, for its errors, without a marker flowable per block (issue 19): the story reportlab's page
loop takes holds no `Locate` (each cost a pass of the loop, one a block); each block's place rides on its first
flowable a frame places (`paper.located`), which the frame hands to the document as it places it. A block that no
page can hold is still refused at its own line (tests/test_refuses_layout.py: a paragraph whose notes fill more
than a page, at its line of the annex)."""

from __future__ import annotations

from reportlab.platypus.doctemplate import ActionFlowable


def test_the_page_loop_gets_no_marker_and_each_block_its_place_on_its_first_placed_flowable(charts_sample,
                                                                                             monkeypatch):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import paper
    from ccdocs.writers.pdf.document import Locate, PaperTemplate

    doc, theme = charts_sample
    made, handed = [], []
    story = paper.story
    build = PaperTemplate.build
    monkeypatch.setattr(paper, "story", lambda *args: made.append(story(*args)) or made[-1])
    monkeypatch.setattr(PaperTemplate, "build", lambda self, flowables: handed.append(list(flowables)) or
                        build(self, flowables))
    writer("pdf")(doc, theme)
    (made,), (handed,) = made, handed
    markers = [f for f in made if isinstance(f, Locate)]
    assert len(markers) > 100                                  # the cover, then one a block (headings, paragraphs …)
    assert not [f for f in handed if isinstance(f, Locate)]
    carried = [f.located for f in handed if hasattr(f, "located")]
    assert carried == markers                                  # each block's place, in order, none lost
    for flowable in handed:
        if hasattr(flowable, "located"):
            assert not isinstance(flowable, ActionFlowable)    # placed by a frame, which tells the document
