"""The `TO CONFIRM` marks `ccdocs new` and `ccdocs next` leave in YAML comments, found again for `check` and
`build`: each is a value ccdocs guessed, which the editor confirms and then deletes the mark of.

A mark counts only inside the comment that ends a value's line: YAML's own scanner tells where the file's tokens
(keys, scalars, quoted titles) stand, and a `TO CONFIRM` outside all of them, after a `#` that follows a value,
is a mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..errors import Problem, display_path

CONFIRM = "TO CONFIRM"
TOOL = re.compile(r"`ccdocs (new|next)`")
HINT = "confirm it and delete the mark"
SINCE = re.compile(rf"{CONFIRM} since ([^\s:]+)")  # a mark `ccdocs next` carried from the paper it started from
# What ccdocs new and next say in a value's comment of where the value came from: a mark (`TO CONFIRM (told from the
# symbol)`, `TO CONFIRM (was 40): …`), next's `from --session (was 40)`, new's `(today)`. Said of the old value,
# they go when next changes it (`restated`); the rest of the comment (what the key is, the editor's words) stays.
ORIGIN = re.compile(rf"{CONFIRM}\b.*|from --[\w-]+ \(was .*")
TODAY = re.compile(r"\s*\(today\)")
SEGMENT = re.compile(r"\s+#\s+")  # between the parts of a comment as ccdocs writes them: `# what  # note`


def headed(text: str, symbol: str, tool: str, note: str) -> tuple[str, int]:
    """`text` (a document.yaml) under a header naming `symbol` and the `tool` that marked its values, in place of
    the header an earlier `ccdocs new` or `next` wrote; and the number of lines the rest moved by."""
    lines = text.splitlines(keepends=True)
    old = 0
    if lines and TOOL.search(lines[0]):
        while old < len(lines) and lines[old].startswith("#"):
            old += 1
    head = [f"# {symbol}, {note} by `ccdocs {tool}`. A value marked {CONFIRM} was guessed: correct it,\n",
            "# then delete the mark. Every key is explained in docs/document-format.md of ccdocs.\n"]
    return "".join(head + lines[old:]), len(head) - old


def _tool(lines: list[str], default: str) -> str:
    """`ccdocs new` or `ccdocs next`: the tool named first by the file's leading comments (`default` if none)."""
    for line in lines:
        if not line.lstrip().startswith("#"):
            break
        found = TOOL.search(line)
        if found:
            return f"ccdocs {found.group(1)}"
    return default


def _covered(text: str) -> list[tuple[int, int, int, int]]:
    """The spans (line, col, end line, end col; 0-based) of the file's tokens; [] when YAML cannot scan it
    (the reader of the file reports that)."""
    try:
        return [(t.start_mark.line, t.start_mark.column, t.end_mark.line, t.end_mark.column)
                for t in yaml.scan(text, Loader=yaml.SafeLoader) if t.start_mark.index != t.end_mark.index]
    except yaml.YAMLError:
        return []


def _marks(text: str) -> Iterator[tuple[int, int, str]]:
    """(0-based line, 0-based column, the value) of the first `TO CONFIRM` mark in the comment ending each line of
    `text` that has one after a value (the header's explanation is none)."""
    lines = text.splitlines()
    spans = _covered(text)
    for number, line in enumerate(lines):
        for match in re.finditer(CONFIRM, line):
            col = match.start()
            inside = any((a, b) <= (number, col) < (c, d) for a, b, c, d in spans)
            ends = [d for a, b, c, d in spans if c == number and d <= col]
            hash_at = line.find("#", max(ends, default=0))
            value = line[:hash_at].strip()
            if not (inside or hash_at < 0 or hash_at > col or not value):
                yield number, col, value
                break  # one value, one mark: a line marked again is told once


def in_file(path: Path, text: str, default: str = "ccdocs new or next") -> list[Problem]:
    """A warning at the `TO CONFIRM` mark of each value left marked in the comments of the YAML file `path` (its
    text `text`), said to be left by the tool its header names, else by `default`; a mark ccdocs next carried
    unconfirmed from an earlier paper (`carried`) is said so."""
    if CONFIRM not in text:
        return []  # no mark to place: YAML's scanner (pure Python, tens of ms a file) is not run
    lines = text.splitlines()
    tool = _tool(lines, default)
    found = []
    for number, col, value in _marks(text):
        since = SINCE.match(lines[number], col)
        by = f"in {since.group(1)}, carried unconfirmed by ccdocs next" if since else f"by {tool}"
        found.append(Problem(display_path(path), number + 1, col + 1, f"`{value}` marked {CONFIRM} {by}: {HINT}",
                             None, "warning"))
    return found


def carried(text: str, symbol: str, edited: set[int]) -> str:
    """`text` (a YAML file of the paper `symbol`, which ccdocs next copies) with each value's mark on a line not
    `edited` (1-based: the values next leaves as they were) said to be carried from `symbol`: `TO CONFIRM since
    WO/PBC/40/5`, for `check` to tell it as no guess of next's; a mark carried before keeps its first paper."""
    if CONFIRM not in text:
        return text
    lines = text.splitlines(keepends=True)
    for number, col, _ in list(_marks(text)):
        if number + 1 not in edited and not SINCE.match(lines[number], col):
            end = col + len(CONFIRM)
            lines[number] = f"{lines[number][:end]} since {symbol}{lines[number][end:]}"
    return "".join(lines)


def comment_columns(text: str) -> dict[int, int]:
    """0-based column of the `#` opening the comment that ends each line (1-based) of `text` holding one after a
    value, by line; {} when YAML cannot scan the text."""
    ends: dict[int, int] = {}
    for _, _, line, col in _covered(text):
        ends[line] = max(ends.get(line, 0), col)
    found = {}
    for number, line in enumerate(text.splitlines()):
        if number in ends:
            hash_at = line.find("#", ends[number])
            if hash_at >= 0:
                found[number + 1] = hash_at
    return found


def restated(comment: str) -> list[str]:
    """The parts of a value's end comment (`# the session's first day  # TO CONFIRM …`, from its `#`) that still
    hold once ccdocs next changes the value: all but what they said of the old value's origin (`ORIGIN`, `TODAY`).

    >>> restated("# TO CONFIRM: the session's first day (--dates FIRST/LAST)")
    []
    >>> restated("# without a suffix  # from --symbol (was WO/PBC/40/5)")
    ['without a suffix']
    >>> restated("# the document's date (today)")
    ["the document's date"]
    """
    parts = (TODAY.sub("", part.lstrip("#")).strip() for part in SEGMENT.split(" " + comment.strip()))
    return [part for part in parts if part and not ORIGIN.match(part)]


def in_folder(spec) -> list[Problem]:
    """The marks left in document.yaml and in the YAML data files it names, in file order."""
    data = [p for p in spec.data.values() if p.suffix.lower() in (".yaml", ".yml")]
    found = []
    for path in [spec.yaml.path] + data:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        found += in_file(Path(path), text, "ccdocs new or next" if path == spec.yaml.path else "ccdocs next")
    return found
