"""What a cover-note template needs from document.yaml: the names it prints and, for each, the kind of value.

A template is the toolkit's (or a templates folder's) text, so a value of `variables:` it cannot print must be
reported at its line in document.yaml, never at the template's. The template itself says what it needs: every
name it uses (but `doc`, the cover fields) must be given, and a name given to the `date` or `daterange` filter
must be a date.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, nodes

DATE_FILTERS = ("date", "daterange")
PROVIDED = ("doc",)


def needs(path: Path) -> dict[str, str]:
    """Each name the template at `path` uses -> `"date"` (formatted as a date) or `"value"` (printed)."""
    tree = Environment().parse(path.read_text(encoding="utf-8"))
    found = {name.name: "value" for name in tree.find_all(nodes.Name) if name.name not in PROVIDED}
    for applied in tree.find_all(nodes.Filter):
        if applied.name in DATE_FILTERS:
            found.update((arg.name, "date") for arg in (applied.node, *applied.args) if isinstance(arg, nodes.Name))
    return found

