"""The model's tree walks (transforms.walk): what a transform rebuilds is only what it changes, and a walk for some
node types finds exactly those a walk of every node finds."""

from __future__ import annotations

import dataclasses

import pytest

from ccdocs.model import ListBlock, Note, Para, Ref
from ccdocs.pipeline import read_sources, resolve
from ccdocs.transforms.walk import rebuild, replace, walk
from conftest import FIXTURES


@pytest.fixture(scope="module")
def doc():
    return resolve(read_sources(FIXTURES / "wo-cc-86-inf-1"), "zh")


def test_a_rebuild_that_changes_nothing_gives_the_same_document_back(doc):
    assert rebuild(doc, lambda node: node) is doc
    assert rebuild(doc, lambda node: node, Note) is doc


def test_a_rebuild_changes_the_nodes_of_its_types_and_keeps_every_other_subtree(doc):
    seen = []

    def mark(note):
        seen.append(note)
        return replace(note, label=f"<{note.label}>")

    out = rebuild(doc, mark, Note)
    assert [n.label for n in walk(out.parts, Note)] == [f"<{n.label}>" for n in walk(doc.parts, Note)] != []
    assert len(seen) == len(list(walk(doc.parts, Note)))
    kept = [new is old for new, old in zip(out.parts[0].blocks, doc.parts[0].blocks)]
    without_notes = [not list(walk(block, Note)) for block in doc.parts[0].blocks]
    assert kept == without_notes and True in kept


@pytest.mark.parametrize("kinds", [Note, ListBlock, (Ref, Para)])
def test_a_walk_for_some_types_finds_what_a_walk_of_everything_finds(doc, kinds):
    everything = [node for node in walk(doc) if isinstance(node, kinds)]
    assert list(walk(doc, kinds)) == everything and everything


def test_replace_is_dataclasses_replace(doc):
    paragraphs = list(walk(doc.parts, Para))
    for para in paragraphs:
        assert replace(para, label="9.", role="x") == dataclasses.replace(para, label="9.", role="x")
    with pytest.raises(TypeError):
        replace(paragraphs[0], labels="9.")
