"""The PDF layout pauses Python's cyclic collector (issue 19, `gcpause`): the story's flowables, their Settings and the
pages' content live to the end of a layout, so a collection set off by their allocations would only walk them (and
the model) again. None runs while the story is made and placed; and the layout unlinks the cycles it made
(`paper.release`), so that what it made is freed by reference counting when the writer returns, leaving the
collector, when it resumes, nothing of it to walk."""

from __future__ import annotations

import gc

import pytest

from conftest import DOCS


@pytest.fixture(scope="module")
def sample():
    """The sample's English model (charts, tables, notes) and its theme, written once (the writer's modules
    imported, its faces registered)."""
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.theme import load_theme
    from ccdocs.writers import writer

    sources = read_sources(DOCS["86"])
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    doc = resolve(sources, "en", theme=theme)
    writer("pdf")(doc, theme)
    return doc, theme


def test_no_cyclic_collection_runs_while_the_pdf_is_laid_out(sample, monkeypatch):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf import paper

    collections, inside = [], []

    def seen(phase, info):
        if phase == "start" and inside:
            collections.append(info["generation"])

    def within(step):   # the layout's two steps: the story's flowables made, then placed on pages and drawn
        return lambda *args, **kwargs: (inside.append(step), step(*args, **kwargs), inside.pop())[1]

    monkeypatch.setattr(paper, "story", within(paper.story))
    monkeypatch.setattr(paper.PaperTemplate, "build", within(paper.PaperTemplate.build))
    gc.collect()
    gc.callbacks.append(seen)
    try:
        data = writer("pdf")(*sample)
    finally:
        gc.callbacks.remove(seen)
    assert data.startswith(b"%PDF") and collections == [] and gc.isenabled()


def test_what_the_layout_made_is_freed_without_the_collector(sample):
    from ccdocs.writers import writer
    from ccdocs.writers.pdf.document import PaperTemplate
    from ccdocs.writers.pdf.flowables import Builder
    from ccdocs.writers.pdf.footnotes import NoteFrame
    from ccdocs.writers.pdf.setting import Setting
    from ccdocs.writers.pdf.text import TextBlock

    gc.collect()
    gc.disable()
    try:
        writer("pdf")(*sample)
        left = [type(o).__name__ for o in gc.get_objects()
                if isinstance(o, TextBlock | Setting | Builder | NoteFrame | PaperTemplate)]
    finally:
        gc.enable()
    assert left == []
