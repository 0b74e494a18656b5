"""Values of a YAML file changed where they stand: every other byte (comments, layout, quotes, order) kept, and
each changed line marked with a comment for the editor."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..sources.yamlfile import YamlFile
from .marks import comment_columns, restated


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
    """`text` (the file `yf` was read from) with `edits` made; InputError at a value not written plainly. Each
    changed line's comment keeps what it says of the key, and its notes of the old value's origin (a `TO CONFIRM`
    mark, `from --session (was 40)`, `(today)`) are replaced by the edits' notes: one mark a value.

    >>> from pathlib import Path
    >>> from ccdocs.sources.yamlfile import read_yaml
    >>> text = "session: {number: 84, ordinary: 56}\\ndate: '2025-05-16'   # signed\\n"
    >>> print(apply(read_yaml(Path("d.yaml"), text), text, [Edit(("session", "number"), "84", "85", "was 84"),
    ...     Edit(("session", "ordinary"), "56", "57", "was 56"), Edit(("date",), "2025-05-16", "2026-05-16", "a")]))
    session: {number: 85, ordinary: 57}  # was 84; was 56
    date: '2026-05-16'   # signed  # a
    <BLANKLINE>
    >>> text = "date: 2025-05-16   # the document's date (today)  # TO CONFIRM (was 2024-05-16): a year on\\n"
    >>> print(apply(read_yaml(Path("d.yaml"), text), text, [Edit(("date",), "2025-05-16", "2026-05-16", "set")]))
    date: 2026-05-16   # the document's date  # set
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
    comments = comment_columns("".join(lines))
    for line, items in notes.items():
        row = lines[line - 1]
        body = row.rstrip("\r\n")
        start = comments.get(line)  # its comment's column: what it says of the old value goes (`marks.restated`)
        said = [*restated(body[start:]), "; ".join(items)] if start is not None else ["; ".join(items)]
        lines[line - 1] = f"{body[:start] if start is not None else body + '  '}# {'  # '.join(said)}{row[len(body):]}"
    return "".join(lines)
