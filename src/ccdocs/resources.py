"""Where ccdocs finds its own files and a documents repository's themes and cover-note frames.

The package carries the repository's top-level `templates/` and `locales/` folders as the packages
`ccdocs.templates` and `ccdocs.locales` (mapped by pyproject.toml, found with importlib.resources, the same
in a wheel and in an editable install).

A theme NAME is `themes/NAME.yaml` and a cover-note frame NAME in LANG is `cover-notes/NAME.LANG.md.j2`,
looked for in this order, the first found winning:

1. the document folder's own `templates/`;
2. the folder given by `--templates DIR`, or else by the environment variable `CCDOCS_TEMPLATES`;
3. the package's templates.

A name is a name, never a path: a letter or digit, then letters, digits, `-` and `_`. Something at a name's
place that is not a regular file inside its templates folder (a link leading out or to nothing, a folder, a FIFO)
is an error, never skipped for the next folder: the paper would silently take another frame.
"""

from __future__ import annotations

import os
import re
from importlib.resources import files
from pathlib import Path

from .errors import InputError, UsageError, looked_at, problem

ENV = "CCDOCS_TEMPLATES"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
THEMES = "themes"
COVER_NOTES = "cover-notes"
KINDS = {THEMES: "theme", COVER_NOTES: "cover-note frame"}


def package_templates() -> Path:
    """The package's `templates/` folder (themes/, cover-notes/)."""
    return Path(str(files("ccdocs.templates")))


def package_locales() -> Path:
    """The package's `locales/` folder (the toolkit's own catalogs, `<lang>/LC_MESSAGES/ccdocs.po`)."""
    return Path(str(files("ccdocs.locales")))


def is_name(name: object) -> bool:
    """Whether `name` can name a theme or frame: `default`, `wo-cc_2` (not `../x`, `a/b`, `a.b`, '')."""
    return isinstance(name, str) and NAME.fullmatch(name) is not None


def user_templates() -> Path | None:
    """The folder named by `CCDOCS_TEMPLATES` (`--templates` sets it), or None; UsageError if not a folder."""
    value = os.environ.get(ENV, "")
    if not value:
        return None
    path = Path(value)
    looked_at(path, ENV)
    if not path.is_dir():
        raise UsageError(f"{ENV}={value!r} is not a folder (it names a folder of themes/ and cover-notes/)")
    return path


def search_path(folder: Path | None = None) -> list[Path]:
    """The templates folders searched, in order: `folder/templates`, the user's folder, the package's."""
    found = [folder / "templates"] if folder is not None else []
    user = user_templates()
    return found + ([user] if user is not None else []) + [package_templates()]


def find(kind: str, name: object, suffix: str, folder: Path | None = None) -> Path | None:
    """The file `<kind>/<name><suffix>` first found along the search path, or None (also for a bad name).

    `kind` is THEMES or COVER_NOTES; `suffix` e.g. `.yaml` or `.en.md.j2`. A place the file system cannot look
    at (a path too long, a loop of links, no permission) holds nothing. A file of the document folder's own
    `templates/` is taken as its other files are (`within.place_inside`: a hard link is refused too).
    """
    if not is_name(name):
        return None
    for base in search_path(folder):
        path = base / kind / f"{name}{suffix}"
        home = folder if folder is not None and base == folder / "templates" else base
        found = standing(path, home)
        if found is None:
            continue
        if found and home is folder:
            from .sources.within import place_inside  # here: sources.spec, which it imports, imports this module

            place_inside(folder, path, f"this {KINDS[kind]}")
        if found:
            return path
        raise InputError([problem(path, None, f"this {KINDS[kind]} is not a regular file inside {home} (a link "
                                  "leading out or to nothing, a folder, a FIFO or a device)",
                                  "make it a file, or remove it to use the next one along the search path")])
    return None


def standing(path: Path, home: Path, linked_folder: bool = False) -> bool | None:
    """What stands at `path`: True for a regular file inside `home` (or a link leading to one), False for anything
    else (a link leading out or to nothing, a folder, a FIFO, a device), None for nothing, or where the file system
    cannot look (a path too long, a loop of links, no permission). `linked_folder`: a link in place of `path`'s
    folder is something standing there, even when nothing is at `path`."""
    try:
        if not (path.exists() or path.is_symlink() or linked_folder and path.parent.is_symlink()):
            return None
        return path.is_file() and path.resolve().is_relative_to(home.resolve())
    except (OSError, RuntimeError):
        return None


def names(kind: str, suffix: str, folder: Path | None = None) -> list[str]:
    """Every name of `kind` with files ending in `suffix` along the search path, sorted (for hints); a place the
    file system cannot list holds none."""
    stems = set()
    for base in search_path(folder):
        try:
            stems.update(p.name[: -len(suffix)] for p in (base / kind).glob(f"*{suffix}"))
        except OSError:
            continue
    return sorted(stem for stem in stems if is_name(stem))
