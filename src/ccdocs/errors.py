"""Input problems with their file, line and column, reported together."""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import ClassVar
from pathlib import Path

SHOWN = 100  # problems a command prints at most (`shown`); a file broken everywhere gives thousands
NESTED = re.compile(r"`[^`]*`|[()]")  # a hint's parentheses, code between backquotes aside (`bracketed`)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the input, located as `path:line:col`. `summary` (of the class): a line summing up the
    problems told before it, not one more thing to fix (`counted`)."""

    summary: ClassVar[bool] = False
    path: str
    line: int | None
    col: int | None
    message: str
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} ({bracketed(self.hint)})" if self.hint else text


def bracketed(hint: str) -> str:
    """`hint` as printed inside parentheses: its own parentheses as square brackets, as English nests them (`delete
    it [it often comes from …]`), code between backquotes as written.

    >>> bracketed("save it (a PNG), or write `plural=(n != 1)`")
    'save it [a PNG], or write `plural=(n != 1)`'
    """
    return NESTED.sub(lambda match: {"(": "[", ")": "]"}.get(match.group(), match.group()), hint)


def shown(problems: Iterable[Problem], limit: int = SHOWN) -> Iterator[str]:
    """The lines a command prints for `problems`, in order: each problem (`str`) up to `limit` things to fix, one
    line `… and N more errors not shown` where the rest would begin; a summary (`Problem.summary`) always shown, as a
    `note:`: the count printed under the lines (`counted`) is of the `error:` lines, and a summary is none."""
    problems = list(problems)
    hidden = max(counted(problems) - limit, 0)
    told = 0
    for item in problems:
        if not item.summary:
            told += 1
            if told == limit + 1:
                yield f"… and {hidden} more not shown (fix those above, then run the command again)"
            if told > limit:
                continue
        yield str(replace(item, severity="note") if item.summary else item)


def counted(found: Iterable[Problem]) -> int:
    """How many of the problems `found` are things to fix: all but the summaries (the error count printed under
    them by build, check and watch)."""
    return sum(not item.summary for item in found)


class InputError(Exception):
    """Raised with every problem found; the command prints them and exits 1."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


class UsageError(Exception):
    """A command-line mistake: exit 2. `problems`: those of the input found before it (a batch's folders' that
    were read before its folders were found to collide), printed before it."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)


class Failure(Exception):
    """Work that could not be finished for a reason outside the input and the command line (a full disk, a
    killed worker), its message saying what was left as it was: exit 1."""


# what the file system says of a path, besides "nothing is there", that the user can do something about
UNLOOKABLE = {errno.ENAMETOOLONG: "give a shorter path: a folder's or file's name holds at most 255 bytes",
              errno.EACCES: "a folder along it may not be searched: check its permissions, or give another path"}


def looked_at(given: str | Path, named: str = "") -> None:
    """A UsageError (exit 2) when the file system cannot look at the path `given` on the command line or in the
    environment (`named`: its option or variable, e.g. `--templates`): a name too long (ENAMETOOLONG), a folder
    along it that may not be searched; nothing when it can, whatever stands there, or nothing (the command then
    says what it expected). Every path argument is looked at so before its `is_dir`/`exists`, which raise then."""
    try:
        os.stat(given)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
            return
        text = str(given)
        cut = text if len(text) <= 60 else f"{text[:60]}…"
        raise UsageError(f"{named}{': ' if named else ''}`{printable(cut)}` cannot be looked at: "
                         f"{exc.strerror or exc} ({UNLOOKABLE.get(exc.errno, 'give another path')})") from None


def problem(path: str | Path, line: int | None, message: str, hint: str | None = None,
            col: int | None = None) -> Problem:
    """A Problem with the path made relative to the working folder where it can be."""
    return Problem(display_path(path), line, col, message, hint)


def display_path(path: str | Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it, the path as given
    first (a link is named where it stands, not where it leads), then with its links resolved.

    Worked out on strings (a path outside the working folder cost some 58 us through pathlib: a check of a paper
    of 24,000 files names each several times); the working folder's own links resolved once per folder."""
    here = os.getcwd()
    for shown, base in ((os.path.abspath(path), here), (os.path.realpath(path), _resolved(here))):
        inside = _inside(shown, base)
        if inside is not None:
            return inside
    return str(Path(path))


def _inside(path: str, folder: str) -> str | None:
    """`path` (absolute, normalised) relative to `folder` when inside it (`.` for the folder itself), else None."""
    if path == folder:
        return "."
    start = folder if folder.endswith(os.sep) else folder + os.sep
    return path[len(start):] if path.startswith(start) else None


@cache
def _resolved(folder: str) -> str:
    """The working folder `folder` with its links resolved."""
    return os.path.realpath(folder)


def printable(text: str) -> str:
    """`text` as UTF-8 can hold it: a path's byte that is not UTF-8 (Python keeps it as a lone surrogate, U+DC80 ..
    U+DCFF) written `\\udcff`, as Python's standard error prints it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


HINTED = 5  # the mistakes of one list that get a "did you mean" (`Hints`)


def did_you_mean(word: str, choices) -> str | None:
    """A hint naming the closest known word, or None; a word differing from a choice only in how its accents are
    written (`another_form`) is told so, both spelled by their code points, since they look the same.

    >>> print(did_you_mean("caf\\u00e9", ["cafe\\u0301", "cafes"]))  # doctest: +ELLIPSIS
    `cafe\\u0301` is known, the name typed here being `caf\\u00e9`: the same letters with their accents written ...
    """
    from difflib import get_close_matches  # here: `ccdocs --help` imports this module, and needs no difflib

    choices = [str(c) for c in choices]
    same = another_form(word, choices)
    if same is not None:
        return (f"`{code_points(same)}` is known, the name typed here being `{code_points(word)}`: the same letters "
                "with their accents written another way, as one character or as a letter and a combining mark, "
                "typed or pasted on another system; retype one as the other")
    close = get_close_matches(word, choices, n=1) or [c for c in choices if word and c.startswith(word)][:1]
    return f"did you mean `{close[0]}`?" if close else None


def another_form(word: str, choices) -> str | None:
    """The choice that is `word` in another of Unicode's forms (`e` + U+0301 for `é`, as macOS and text pasted
    from a PDF may write it), or None: equal in the composed form (NFC), not as typed."""
    if word.isascii():
        return None
    form = composed(word)
    return next((choice for choice in choices if choice != word and not choice.isascii()
                 and composed(choice) == form), None)


def composed(name: str) -> str:
    """`name` in Unicode's composed form (NFC), the form names are compared in when two must not be one another
    written another way (`another_form`, `written_another_way`)."""
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def written_another_way(name: str, first: str, line: int) -> str:
    """Words saying that `name` is `first`, written on `line`, in another of Unicode's forms (`composed` alike), both
    spelled by their code points since they look the same: `cafe\\u0301` is `caf\\u00e9` of line 3 written …"""
    return (f"`{code_points(name)}` is `{code_points(first)}` of line {line} written another way: the same letters "
            "with their accents as one character or as a letter and a combining mark (typed or pasted on another "
            "system): they look alike, and a figure would read whichever its own spelling matches")


def code_points(name: str) -> str:
    """`name` with each character beyond ASCII written as its code point (`cafe\\u0301.md`)."""
    return "".join(char if char.isascii() else f"\\u{ord(char):04x}" for char in name)


class Hints:
    """`did_you_mean` for the mistakes of one reading (a table's or chart's spec against its data, a paper's
    references against its anchors), the first `most` of them: each compares its word with every choice, so a hint
    for each of thousands of mistakes among thousands of choices would cost their product (minutes for a `rows:`
    list of 400 ids missing from 100,000 rows); the later ones get none."""

    def __init__(self, most: int = HINTED):
        self.left = most

    def __call__(self, word: str, choices) -> str | None:
        if self.left <= 0:
            return None
        self.left -= 1
        return did_you_mean(word, choices)


class Collector:
    """Gathers independent problems so that one run reports them all."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, *args, **kwargs) -> None:
        """Record one problem (the arguments of `problem`)."""
        self.problems.append(problem(*args, **kwargs))

    def extend(self, problems) -> None:
        """Record several problems."""
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        """Raise InputError when anything was recorded."""
        if self.problems:
            raise InputError(self.problems)
