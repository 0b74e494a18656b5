"""The environment the bench runs ccdocs in: ccdocs as a user installs it, not the checkout's editable install.

The editable install's finder (`__editable___ccdocs_0_1_0_finder`, imported by `site` from a .pth file at every
Python start) and its import hook cost every process, `ccdocs --help` included; users run a wheel. So the bench
builds the checkout's wheel (its working tree, uncommitted changes included), installs it without network into
a new virtual environment in the bench's temporary folder, made without pip, and runs its `ccdocs` script. The
dependencies are the ones `.venv` holds: its site-packages is named on a line of a .pth file of the new
environment, which puts it on `sys.path` after the wheel without processing `.venv`'s own .pth files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

BUILD_INPUTS = ("pyproject.toml", "README.md", "src", "templates", "locales")  # as tests/test_wheel.py builds
DEPENDENCIES = "ccdocs-bench-dependencies.pth"


class Installed:
    """A bench-only environment holding `tree`'s wheel: its `python` and its `ccdocs` script (Paths)."""

    def __init__(self, tree: Path, folder: Path):
        folder.mkdir(parents=True)
        wheel = build_wheel(tree, folder)
        environment = folder / "env"
        _run([sys.executable, "-m", "venv", "--without-pip", environment])
        self.python = environment / "bin" / "python"
        self.ccdocs = environment / "bin" / "ccdocs"
        _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", self.python, "install",
              "-q", "--no-deps", "--no-index", "--no-compile", wheel])
        site = Path(_run([self.python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip())
        here = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
        (site / DEPENDENCIES).write_text("".join(f"{path}\n" for path in here), encoding="utf-8")
        self.wheel = wheel.name


def build_wheel(tree: Path, folder: Path) -> Path:
    """`tree`'s wheel, built in `folder` from a copy of its build inputs (no stale build/ or egg-info), with the
    build backend this environment has (no build isolation, no network)."""
    source = folder / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (tree / name).is_dir():
            shutil.copytree(tree / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(tree / name, source / name)
    _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "wheel", "-q", "--no-deps",
          "--no-build-isolation", "--no-index", "-w", folder / "dist", source])
    (wheel,) = (folder / "dist").glob("ccdocs-*.whl")
    return wheel


def _run(command: list) -> str:
    """What `command` printed; SystemExit with its stderr when it fails."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench: {' '.join(map(str, command))} failed:\n{done.stderr}")
    return done.stdout
