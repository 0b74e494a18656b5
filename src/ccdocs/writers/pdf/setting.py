"""A paragraph's measured characters: runs per face, their set widths, break opportunities by the cjk rules and
stretch points. What the page layout (text.py) and the DOCX's table widths (measure.py) both read; it imports no
page layout (reportlab's platypus), so the DOCX writer measures without it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add, mul

from ...sources.memo import pure
from .cjk import AUTOSPACE, SPACES, break_positions, stretch_points
from .faces import Face

FUZZ = 1e-6
NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Run:
    """Text in one face and size; a link target, or the footnote label when the run is a note mark."""

    text: str
    face: Face
    size: float
    rise: float = 0.0
    link: str | None = None
    note: str | None = None
    color: str | None = None
    emboldened: bool = False
    keep: bool = False            # no line break inside it, nor before a run of the same link (a label)


@dataclass
class Setting:
    """The measured characters of one paragraph, shared by the pieces it splits into."""

    runs: tuple
    autospace: float
    text: str = ""
    run_of: list = field(default_factory=list)
    prefix: list = field(default_factory=list)
    space_before: list = field(default_factory=list)
    breaks: list = field(default_factory=list)
    marks: dict = field(default_factory=dict)
    stretch: list = field(default_factory=list)
    joints: list = field(default_factory=list)    # where a line's drawn pieces end: runs, auto-spaces, line breaks
    forced: list = field(default_factory=list)    # the breaks after a line break: a line ends there
    layouts: dict = field(default_factory=dict)   # lines by what `TextBlock.layout` reads, for every piece set from it

    def __post_init__(self):
        pieces, run_of, widths, glued, joints = [], [], [], set(), set()
        at, previous = 0, None
        for index, run in enumerate(self.runs):
            if run.note is not None:
                glued.add(at)
                self.marks[at] = run.note
            if run.keep:  # a cross-reference's label stays on one line: `paragraph 12`
                glued.update(range(at + 1 if run.link != previous else at, at + len(run.text)))
            previous = run.link if run.keep else None
            face, scale = run.face, run.size / 1000
            widths += map(mul, map(face.widths.get, map(ord, run.text), repeat(face.default_width)), repeat(scale))
            run_of += [index] * len(run.text)
            pieces.append(run.text)
            joints.add(at)
            at += len(run.text)
        self.text = text = "".join(pieces)
        self.run_of = run_of
        spaces = [0.0] * len(text)
        if self.autospace:
            for match in AUTOSPACE.finditer(text, 1):
                i = match.start()
                a, b = self.runs[run_of[i - 1]], self.runs[run_of[i]]
                if a.note is None and b.note is None:
                    spaces[i] = self.autospace * b.size
                    joints.add(i)
        ends = []
        for match in NEWLINE.finditer(text):  # a line break takes no room, and is a piece of its own
            widths[match.start()] = 0.0
            joints.update(match.span())
            ends.append(match.end())
        self.space_before = spaces
        self.prefix = list(accumulate(map(add, widths, spaces), initial=0.0))
        self.breaks = break_positions(text, glued)
        self.stretch = stretch_points(text, self.breaks)
        self.forced = sorted(set(ends).intersection(self.breaks))
        self.joints = sorted(i for i in joints if 0 < i < len(text))

    def width(self, start: int, end: int) -> float:
        """The set width of characters [start, end) opening a line."""
        return self.prefix[end] - self.prefix[start] - self.space_before[start] if end > start else 0.0

    def trimmed(self, start: int, end: int) -> int:
        """`end` moved back over trailing spaces and line breaks."""
        while end > start and (self.text[end - 1] in SPACES or self.text[end - 1] == "\n"):
            end -= 1
        return end


measured = pure(Setting)  # a Setting of the same runs given back in a watch's later rounds (it is never changed)


def kept(settings: dict, runs, autospace: float) -> Setting:
    """The Setting of `runs` at `autospace`: from `settings` (one write's, by runs and auto-spacing: a label, a mark, a
    table's cell measured for the widths then set, a repeated sentence set once), else made and kept there."""
    key = (tuple(runs), autospace)
    found = settings.get(key)
    if found is None:
        found = settings[key] = measured(*key)
    return found
