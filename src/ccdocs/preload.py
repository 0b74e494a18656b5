"""What the parent of a build does once for the workers it forks later: the fonts of the jobs registered.

Each job of `build.build` runs in a worker forked from the parent; a face the parent has registered with reportlab
is inherited (`writers.pdf.faces.registered` finds it under its name), where each worker would otherwise read the
face cache again (about a sixth of a second for the sample's Chinese faces, in the PDF job and again in the DOCX
job that measures its tables). The parent registers them while the first workers make their models
(`workers.run_all`'s `prepare`).
"""

from __future__ import annotations

from .errors import InputError
from .l10n.fonts import ROLES

LATIN = tuple(role for role in ROLES if role.startswith("latin_"))
EAST_ASIAN = ("zh_body", "zh_heading")
RIGHT_TO_LEFT = ("arabic_regular", "arabic_bold")


def text_roles(lang: str) -> tuple[str, ...]:
    """The roles of the faces a paper in `lang` sets its own text in, by its profile's script: the Latin faces, and
    the East Asian or Arabic ones its script needs (a face for a script the paper only quotes is left to the job)."""
    from .l10n.language import find_language

    script = find_language(lang).script
    return LATIN + (EAST_ASIAN if script.east_asian else ()) + (RIGHT_TO_LEFT if script.direction == "rtl" else ())


def register_fonts(pairs) -> None:
    """Register in this process the face of each role of `text_roles` for each (Theme, language) of `pairs`; a
    face that cannot be found or read is left for the job that needs it, which refuses it at the theme's line."""
    from .writers.pdf.faces import FontSet

    for theme, lang in pairs:
        try:
            roles = text_roles(lang)
        except InputError:  # an unknown language: told by the job
            continue
        faces = FontSet(theme, lang)
        for role in roles:
            try:
                faces.face(role)
            except InputError:
                continue
