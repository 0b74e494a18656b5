"""The `TO CONFIRM` marks `ccdocs new` and `ccdocs next` leave in YAML comments, found again for `check` and
`build`: each is a value ccdocs guessed, which the editor confirms and then deletes the mark of.

A mark counts only inside the comment that ends a value's line: YAML's own scanner tells where the file's tokens
(keys, scalars, quoted titles) stand, and a `TO CONFIRM` outside all of them, after a `#` that follows a value,
is a mark.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import Problem, display_path

CONFIRM = "TO CONFIRM"
TOOL = re.compile(r"`ccdocs (new|next)`")
HINT = "confirm it and delete the mark"


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


def in_file(path: Path, text: str, default: str = "ccdocs new or next") -> list[Problem]:
    """A warning at every `TO CONFIRM` mark left in the comments of the YAML file `path` (its text `text`), said
    to be left by the tool its header names, else by `default`."""
    if CONFIRM not in text:
        return []  # no mark to place: YAML's scanner (pure Python, tens of ms a file) is not run
    lines = text.splitlines()
    spans = _covered(text)
    tool = _tool(lines, default)
    found = []
    for number, line in enumerate(lines):
        for match in re.finditer(CONFIRM, line):
            col = match.start()
            inside = any((a, b) <= (number, col) < (c, d) for a, b, c, d in spans)
            ends = [d for a, b, c, d in spans if c == number and d <= col]
            hash_at = line.find("#", max(ends, default=0))
            value = line[:hash_at].strip()
            if inside or hash_at < 0 or hash_at > col or not value:
                continue  # a mark is the comment after a value; the header's explanation is none
            found.append(Problem(display_path(path), number + 1, col + 1,
                                 f"`{value}` marked {CONFIRM} by {tool}: {HINT}", None, "warning"))
    return found


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
