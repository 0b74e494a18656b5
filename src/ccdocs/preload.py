"""What the parent of a build does once for the workers it forks later: the fonts of the jobs registered.

Each job of `build.build` runs in a worker forked from the parent; a face the parent has registered with reportlab
is inherited (`writers.pdf.faces.registered` finds it under its name), where each worker would otherwise read the
face cache again (about a tenth of a second for the sample's Chinese faces, in the PDF job and again in the DOCX
job that measures its tables). The parent registers them while the first workers make their models
(`workers.run_all`'s `prepare`).
"""

from __future__ import annotations

from .errors import InputError
from .l10n.fonts import ROLES


def register_fonts(pairs) -> None:
    """Register in this process the face of every role for each (Theme, language) of `pairs` (every role: finding
    which scripts a language's profile sets would cost more than the Arabic faces' two cache reads); a face that
    cannot be found or read is left for the job that needs it, which refuses it at the theme's line."""
    from .writers.pdf.faces import FontSet

    for theme, lang in pairs:
        faces = FontSet(theme, lang)
        for role in ROLES:
            try:
                faces.face(role)
            except InputError:
                continue
