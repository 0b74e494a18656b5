"""What a cover-note template needs from document.yaml: the names it prints and, for each, the kind of value.

A template is the toolkit's (or a templates folder's) text, so a value of `variables:` it cannot print must be
reported at its line in document.yaml, never at the template's. The template itself says what it needs: every
name it uses (but `doc`, the cover fields) must be given, and a name given to the `date` or `daterange` filter
must be a date.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, problem
from .bounds import TEMPLATE
from .yamlfile import read_text

DATE_FILTERS = ("date", "daterange")
PROVIDED = ("doc",)


def needs(path: Path) -> dict[str, str]:
    """Each name the template at `path` uses -> `"date"` (formatted as a date) or `"value"` (printed).

    A template may come from a document's own templates folder: InputError at the line (and column) of the
    template where it is not UTF-8, holds a character a document cannot hold, or holds what a content file may
    not: a `{% … %}` statement, a `{# … #}` comment, an expression Jinja2 cannot read, a `{{` never closed."""
    # Imported here: reading a document that names no template (a build's parent, say) imports no Jinja2.
    from jinja2 import Environment, TemplateSyntaxError, nodes

    from ..templating import expressions

    written, problems = expressions(read_template(path), path)
    found: dict[str, str] = {}
    for source, line, col in written:
        try:
            tree = Environment().parse(f"{{{{{source}}}}}")
        except TemplateSyntaxError as exc:
            problems.append(problem(path, line + exc.lineno - 1, "this cover-note template is not valid: "
                                    f"{exc.message}", "correct the expression: `{{ name | filter }}`", col))
            continue
        found.update((name.name, "value") for name in tree.find_all(nodes.Name)
                     if name.name not in PROVIDED and name.name not in found)
        for applied in tree.find_all(nodes.Filter):
            if applied.name in DATE_FILTERS:
                found.update((arg.name, "date") for arg in (applied.node, *applied.args)
                             if isinstance(arg, nodes.Name))
    if problems:
        raise InputError(problems)
    return found


def read_template(path: Path) -> str:
    """The text of the cover-note template at `path`, read within `bounds.TEMPLATE`; InputError at the template
    as `yamlfile.read_text` refuses."""
    return read_text(path, TEMPLATE)
