"""LibreOffice as the tests' Word stand-in: DOCX files converted to PDF headless, with a private profile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    """The LibreOffice command; the test is skipped when LibreOffice or poppler's pdftotext is missing."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: `make test` installs libreoffice-writer-nogui")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: `make test` installs poppler-utils")
    return found


def to_pdf(files: list, work: Path) -> Path:
    """Convert `files` (DOCX) in one LibreOffice call, its profile under `work`; the folder of the PDFs
    (`work/pdf/<stem>.pdf`)."""
    command = soffice()
    profile = (work / "lo-profile").as_uri()
    subprocess.run([command, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(work / "pdf"), *map(str, files)], check=True, capture_output=True, timeout=900)
    return work / "pdf"


def render(named: dict, work: Path) -> dict:
    """LibreOffice's PDF of each DOCX of `named` (name -> path), converted together: name -> PDF path. The files
    are copied under their names first (two languages' DOCX files have the same name)."""
    copies = [shutil.copy(path, work / f"{name}.docx") for name, path in named.items()]
    folder = to_pdf(copies, work)
    return {name: folder / f"{name}.pdf" for name in named}
