"""Where a segment stands in the resolved document, as a reader finds it: `report ¶12`, `footnote 4`."""

from __future__ import annotations

from bisect import bisect_right

from ..model import Document, Heading, Note, Para
from ..transforms.walk import walk
from .segments import Segment


def _number(block) -> str | None:
    label = getattr(block, "label", None) if isinstance(block, Para) else None
    return label.rstrip(".") if label else None


def _block_places(part) -> list[tuple[object, str]]:
    """Each top-level block of a part with its place: its own number, or the numbered paragraph it follows."""
    numbers = [_number(block) for block in part.blocks]
    places = []
    for index, block in enumerate(part.blocks):
        before = next((n for n in reversed(numbers[:index]) if n), None)
        after = next((n for n in numbers[index + 1:] if n), None)
        if numbers[index]:
            place = f"{part.id} ¶{numbers[index]}"
        elif after and (isinstance(block, Heading) or not before):
            place = f"{part.id}, before ¶{after}"
        elif before:
            place = f"{part.id}, after ¶{before}"
        else:
            place = part.id
        places.append((block, place))
    return places


class Places:
    """The places of a resolved document's blocks and footnotes, found by a segment's file and line."""

    def __init__(self, doc: Document):
        """Index every block by its source line and every footnote (all its paragraphs) by theirs."""
        self._notes: dict[tuple[str, int], str] = {}
        starts: dict[str, list[tuple[int, str]]] = {}
        for part in doc.parts:
            for block, place in _block_places(part):
                source = getattr(block, "source", None)
                if source is not None:
                    starts.setdefault(source.file, []).append((source.line, place))
                for note in (n for n in walk(block) if isinstance(n, Note)):
                    for node in walk(note):
                        where = getattr(node, "source", None)
                        if where is not None:
                            self._notes[(where.file, where.line)] = f"footnote {note.label}"
        self._starts = {file: sorted(lines) for file, lines in starts.items()}

    def __call__(self, segment: Segment) -> str:
        """The place of a segment: a footnote's number, else the block that starts at or before its line."""
        note = self._notes.get((segment.file, segment.line))
        if note:
            return note
        starts = self._starts.get(segment.file, [])
        index = bisect_right(starts, (segment.line, "\uffff"))
        return starts[index - 1][1] if index else f"{segment.file}:{segment.line}"
