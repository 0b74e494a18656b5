"""Values of a YAML file changed where they stand: every other byte (comments, layout, quotes, order) kept, and
each changed line marked with a comment for the editor."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..sources.yamlfile import YamlFile


@dataclass(frozen=True)
class Edit:
    """Replace the scalar at `keys`, written as `old`, by `new`; `note` goes in a comment at the end of its line;
    `source`, where the new value came from as the editor would name it (`--session 87`, a value proposed), to tell
    a refusal of it there ("" for a value kept as it was)."""

    keys: tuple
    old: str
    new: str
    note: str
    source: str = ""


def apply(yf: YamlFile, text: str, edits: list[Edit]) -> str:
    """`text` (the file `yf` was read from) with `edits` made; InputError at a value not written plainly.

    >>> from pathlib import Path
    >>> from ccdocs.sources.yamlfile import read_yaml
    >>> text = "session: {number: 84, ordinary: 56}\\ndate: '2025-05-16'   # signed\\n"
    >>> print(apply(read_yaml(Path("d.yaml"), text), text, [Edit(("session", "number"), "84", "85", "was 84"),
    ...     Edit(("session", "ordinary"), "56", "57", "was 56"), Edit(("date",), "2025-05-16", "2026-05-16", "a")]))
    session: {number: 85, ordinary: 57}  # was 84; was 56
    date: '2026-05-16'   # signed  # a
    <BLANKLINE>
    """
    lines = text.splitlines(keepends=True)
    notes: dict[int, list[str]] = {}
    for edit in sorted(edits, key=lambda e: yf.where(*e.keys), reverse=True):
        line, col = yf.where(*edit.keys)
        row = lines[line - 1]
        start = col - 1 + (row[col - 1:col] in ("'", '"'))
        if edit.keys not in yf.positions or not row.startswith(edit.old, start):
            raise InputError([yf.problem(edit.keys, "ccdocs next cannot change this value where it stands",
                                         "write it plainly on its line, e.g. `2025-07-08` or `84`")])
        lines[line - 1] = row[:start] + edit.new + row[start + len(edit.old):]
        notes.setdefault(line, []).insert(0, edit.note)
    for line, items in notes.items():
        body = lines[line - 1].rstrip("\r\n")
        lines[line - 1] = f"{body}  # {'; '.join(items)}{lines[line - 1][len(body):]}"
    return "".join(lines)
