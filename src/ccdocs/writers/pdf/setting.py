"""A paragraph's measured characters: runs per face, their set widths, break opportunities by the cjk rules and
stretch points. What the page layout (text.py) and the DOCX's table widths (measure.py) both read; it imports no
page layout (reportlab's platypus), so the DOCX writer measures without it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate
from operator import add

from ...sources.memo import pure
from .cjk import SPACES, autospace_points, break_positions, kinds_of, stretch_points
from .faces import Face
from .invisible import SOFT_HYPHEN, hyphenated_width, ignorable

FUZZ = 1e-6
NEWLINE = re.compile("\n")
TRAILING = SPACES | {"\n"}  # what a line's set width leaves out at its end


@dataclass(frozen=True, init=False)
class Run:
    """Text in one face and size; a link target, or the footnote label when the run is a note mark. Made for every
    piece of text a write sets: `__init__` sets the fields at once, where a frozen dataclass's own sets each through
    `object.__setattr__` (twice as slow); the defaults are its arguments'."""

    text: str
    face: Face
    size: float
    rise: float
    link: str | None
    note: str | None
    color: str | None
    emboldened: bool
    keep: bool            # no line break inside it, nor before a run of the same link (a label)

    def __init__(self, text: str, face: Face, size: float, rise: float = 0.0, link: str | None = None,
                 note: str | None = None, color: str | None = None, emboldened: bool = False, keep: bool = False):
        # Runs key the Settings and the laid-out lines (a label's runs) many times a write (68,000 times in a
        # 5,000-paragraph one): hashed once, on the fields that tell runs apart in practice, without the face's own
        # (Python) hash; equality still compares every field.
        self.__dict__.update(text=text, face=face, size=size, rise=rise, link=link, note=note, color=color,
                             emboldened=emboldened, keep=keep, hashed=hash((text, size, link, note)))

    def __hash__(self) -> int:
        return self.hashed


class Advances(dict):
    """The set widths in points of characters in one face at one size, by character: each looked up in the face's
    widths once, then read in C (`map(table.__getitem__, text)`)."""

    def __init__(self, face: Face, size: float):
        super().__init__()
        self.face, self.scale = face, size / 1000

    def __missing__(self, ch: str) -> float:
        # a default-ignorable character (a soft hyphen, a direction mark) takes no room (invisible.py)
        self[ch] = width = 0.0 if ignorable(ch) else self.face.widths.get(ord(ch), self.face.default_width) * self.scale
        return width


class once:
    """An attribute worked out when first read, then kept in the instance's dict (which later reads find first):
    functools.cached_property without the lock Python 3.11 takes at each first reading (a write reads some 500)."""

    def __init__(self, compute):
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@lru_cache(maxsize=256)
def advances(face: Face, size: float) -> Advances:
    """The widths table of `face` at `size` (a face is one font file's version: `faces.registered` names it)."""
    return Advances(face, size)


@dataclass
class Setting:
    """The measured characters of one paragraph, shared by the pieces it splits into."""

    runs: tuple
    autospace: float
    # what __post_init__ measures (not arguments):
    text: str = field(init=False)
    run_of: list = field(init=False)          # the index of each character's run
    prefix: list = field(init=False)          # prefix[i]: the set width of characters [0, i), auto-spaces included
    space_before: list = field(init=False)    # the auto-space before each character
    breaks: list = field(init=False)
    marks: dict = field(init=False)
    kinds: str = field(init=False)      # the text's kind letters (cjk.kinds_of), for `stretch`
    joints: list = field(init=False)    # where a line's drawn pieces end: runs, auto-spaces, line breaks
    forced: list = field(init=False)    # the breaks after a line break: a line ends there
    layouts: dict = field(init=False)   # lines by what `TextBlock.layout` reads, for every piece set from it

    def __post_init__(self):
        # Most Settings are short (labels, headings, cells, notes): each step below is skipped when the text
        # cannot need it (no line break, no ideograph for auto-spacing), and the per-character work is done in C.
        self.marks, self.layouts = {}, {}
        run_of, widths, glued, joints = [], [], set(), [0]
        at, previous = 0, None
        for index, run in enumerate(self.runs):
            part = run.text
            if run.note is not None:
                glued.add(at)
                self.marks[at] = run.note
            if run.keep:  # a cross-reference's label stays on one line: `paragraph 12`
                glued.update(range(at + 1 if run.link != previous else at, at + len(part)))
            previous = run.link if run.keep else None
            widths += map(advances(run.face, run.size).__getitem__, part)
            run_of += [index] * len(part)
            at += len(part)
            joints.append(at)
        self.text = text = "".join([run.text for run in self.runs])
        kinds = kinds_of(text)  # read by each pass below
        self.run_of = run_of
        self.space_before = spaces = [0.0] * len(text)
        spaced = False
        if self.autospace:
            for i in autospace_points(text, kinds):
                a, b = self.runs[run_of[i - 1]], self.runs[run_of[i]]
                if a.note is None and b.note is None:
                    spaces[i] = self.autospace * b.size
                    joints.append(i)
                    spaced = True
        ends = []
        if "\n" in text:
            for match in NEWLINE.finditer(text):  # a line break takes no room, and is a piece of its own
                widths[match.start()] = 0.0
                joints += match.span()
                ends.append(match.end())
        # w + 0.0 == w: without auto-spaces the widths are summed as they are
        self.prefix = list(accumulate(map(add, widths, spaces) if spaced else widths, initial=0.0))
        self.breaks = break_positions(text, glued, kinds)
        self.kinds = kinds
        self.forced = sorted(set(ends).intersection(self.breaks)) if ends else []
        size = len(text)
        self.joints = sorted({i for i in joints if 0 < i < size})
        if SOFT_HYPHEN in text:  # a line ending at one shows a hyphen: as wide as it (shadows the method)
            self.width = partial(hyphenated_width, self)

    @once
    def stretch(self) -> list[int]:
        """The break offsets where a justified line may gain space (cjk.stretch_points): found when a justified
        line is first drawn, not for the texts only measured (a table's widths) or set otherwise aligned."""
        return stretch_points(self.text, self.breaks, self.kinds)

    @once
    def reach(self) -> list[float]:
        """The set width of the characters before each break (`prefix` at each), trailing spaces included: what
        the line breaking bisects in C (`TextBlock.break_lines`)."""
        return list(map(self.prefix.__getitem__, self.breaks))

    def width(self, start: int, end: int) -> float:
        """The set width of characters [start, end) opening a line."""
        return self.prefix[end] - self.prefix[start] - self.space_before[start] if end > start else 0.0

    def trimmed(self, start: int, end: int) -> int:
        """`end` moved back over trailing spaces and line breaks."""
        text = self.text
        while end > start and text[end - 1] in TRAILING:
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
