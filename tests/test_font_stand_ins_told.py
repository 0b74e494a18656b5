"""Specification: a theme whose font and stand-ins give no face for a role is told what is really missing, at the
theme file's line (breaks-4 #18, first bullet).

`pdf_fonts.stand_ins.Arial.families: [OpenSymbol]` was told "Arial is not installed, nor any stand-in" though
OpenSymbol is installed: it lacks a bold face. `families: []` was told to install fonts-liberation2, installed: the
theme had removed the stand-ins. The message now says which font is not installed, which has no face of the style,
that the theme gives no stand-in; the package is named only when a stand-in is not installed at all.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from refusals import Case
from test_refuses_theme import MINE, mine

STAND_INS = "pdf_fonts:\n  stand_ins:\n    Arial: {{families: {}, package: fonts-liberation2}}\n"
CASES = [
    Case("installed-without-bold", mine(STAND_INS.format("[OpenSymbol]")),
         "no font for bold Latin text: Arial is not installed, and of its stand-ins OpenSymbol has no bold face",
         f"{MINE}:3"),
    Case("no-stand-in", mine(STAND_INS.format("[]")),
         "no font for Latin text: Arial is not installed, and the theme gives it no stand-in (its "
         "`pdf_fonts.stand_ins.Arial.families` is empty)", f"{MINE}:3"),
    Case("stand-in-not-installed", mine(STAND_INS.format("[Nor This]")),
         "no font for Latin text: Arial is not installed, and of its stand-ins Nor This is not installed", f"{MINE}:3"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_what_is_missing_is_said(refuse, case):
    if case.id == "installed-without-bold" and not (shutil.which("fc-list") and subprocess.run(
            ["fc-list", "OpenSymbol"], capture_output=True, text=True).stdout.strip()):
        pytest.skip("OpenSymbol (LibreOffice's, regular only) is not installed")
    said = refuse(case)
    assert ("install the Debian package fonts-liberation2" in said) == (case.id == "stand-in-not-installed"), said
    assert "nor any stand-in" not in said
