"""The PDF layout pauses Python's cyclic collector (issue 19, `gcpause`): the story's flowables, their Settings and the
pages' content live to the end of a layout, so a collection set off by their allocations would only walk them (and
the model) again. None runs inside a layout; the collector runs again after it, and the layout leaves no cyclic
garbage behind."""

from __future__ import annotations

import gc

from conftest import DOCS


def test_no_cyclic_collection_runs_while_the_pdf_is_laid_out(monkeypatch):
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.theme import load_theme
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import paper

    sources = read_sources(DOCS["86"])
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    doc = resolve(sources, "en", theme=theme)
    collections, inside = [], []

    def seen(phase, info):
        if phase == "start" and inside:
            collections.append(info["generation"])

    def within(step):   # the layout's two steps: the story's flowables made, then placed on pages and drawn
        return lambda *args, **kwargs: (inside.append(step), step(*args, **kwargs), inside.pop())[1]

    monkeypatch.setattr(paper, "story", within(paper.story))
    monkeypatch.setattr(paper.PaperTemplate, "build", within(paper.PaperTemplate.build))

    writer("pdf")(doc, theme)   # the writer's modules imported, the faces registered
    gc.collect()
    gc.callbacks.append(seen)
    try:
        data = writer("pdf")(doc, theme)
    finally:
        gc.callbacks.remove(seen)
    assert data.startswith(b"%PDF") and collections == []
    assert gc.isenabled() and gc.collect() == 0
