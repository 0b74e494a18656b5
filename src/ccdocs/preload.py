"""What a batch build does once in its parent process for every job it forks: the fonts registered.

Each job of `build.build` runs in a worker forked from the parent; a face the parent has registered with reportlab
is inherited (`writers.pdf.faces.registered` finds it under its name), where each worker would otherwise read the
face cache again (about a third of a second of a PDF job on the sample's fonts).
"""

from __future__ import annotations

from .errors import InputError
from .l10n.fonts import ROLES


def register_fonts(pairs) -> None:
    """Register in this process the face of every role for each (Theme, language) of `pairs`; a face that cannot
    be found or read is left for the job that needs it, which refuses it at the theme's line."""
    from .writers.pdf.faces import FontSet

    for theme, lang in pairs:
        faces = FontSet(theme, lang)
        for role in ROLES:
            try:
                faces.face(role)
            except InputError:
                continue
