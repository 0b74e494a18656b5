"""Specification: finding a theme's fonts costs one look-up a family, whatever the faces installed, and a font has
at most 8 stand-ins.

A document's theme listing 8,000 uninstalled stand-ins took `check` 12 s of CPU here (50 faces installed), and
grows with the faces a workstation has (breaks-8 #8): each family was looked for by a pass over every face
fontconfig lists, lower-casing each face's names again. The listing is now indexed once by lower-cased family
(`FontResolver.faces_of`), and a theme naming more than 8 stand-ins for a font is refused at the list's line. The
hang test runs the breaker's count of look-ups against a workstation's listing of many faces in a forked child,
with a bound far above the honest cost (it is no timing: before the index it took minutes).
"""

from __future__ import annotations

from pathlib import Path

from bounded import within
from refusals import Case
from test_refuses_theme import MINE, mine

from ccdocs.l10n.fonts import FontResolver
from ccdocs.theme import load_theme

FACES = tuple(((f"Installed Family {i}", f"IF{i}"), "Regular", Path(f"/nowhere/if{i}.ttf"), 0, "TrueType")
              for i in range(20_000))
STAND_INS = "pdf_fonts:\n  stand_ins:\n    Arial: {{families: [{}]}}\n"


def test_a_font_given_more_stand_ins_than_are_tried_is_refused_at_its_list(refuse):
    families = ", ".join(f"Nofont Family {i}" for i in range(9))
    said = refuse(Case("nine", mine(STAND_INS.format(families)), "`pdf_fonts.stand_ins.Arial.families` names 9 fonts, "
                       "more than the 8 ccdocs tries in turn for a font", f"{MINE}:3"))
    assert "name the few installed fonts closest to Arial, in the order to try them" in said


def test_eight_stand_ins_are_tried_in_turn(make_doc):
    """At the bound, the eighth stand-in (installed) is the face found."""
    folder = make_doc(mine(STAND_INS.format(", ".join([f"Nofont Family {i}" for i in range(7)] + ["Liberation Sans"]))))
    theme = load_theme("mine", folder)
    assert FontResolver(theme).resolve("latin_regular").family == "Liberation Sans"


def test_each_family_looked_for_is_one_look_up_among_many_installed_faces():
    """8,000 families looked for in a listing of 20,000 faces: each is a look-up of the index (before it, each a pass
    over the 20,000 faces, minutes in all); the faces listed are still found, in any case."""
    resolver = FontResolver(None, {}, faces=lambda: FACES)

    def looked_for():
        absent = [resolver.listed_face(f"Nofont Family {i}", style) for i in range(2_000)
                  for style in ("Regular", "Bold", "Italic", "Bold Italic")]
        return absent.count(None), resolver.installed("if19999"), resolver.installed("INSTALLED FAMILY 7")

    assert within(looked_for, 60, "8,000 families looked for") == (8_000, True, True)
