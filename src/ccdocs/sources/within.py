"""Places of a document folder a command reads or writes: never through a link leading out of the folder.

A folder may arrive with `locales`, `locales/<lang>/LC_MESSAGES` or a catalog as a symbolic link leading out of it
(to a neighbouring paper's catalogs). `check` and `build` refuse such a catalog (`spec.not_a_file_inside`); every
command that reads or writes a catalog, template or memory under a folder (`i18n extract`, `update`, `import`,
`export`, `--memory`, `next`) asks `place_inside` first, and writes through `output.write_all(..., inside=folder)`.
A hard link is refused as a link leading out is, but in a source the command line names to copy from (a memory
folder, `next`'s OLD: `spec.named_source`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, problem
from .spec import hint_for, not_a_file_inside


def place_inside(folder: Path, path: Path, what: str) -> Path | None:
    """`path`, a place of `folder` a command reads or writes (`what` names it, e.g. "the zh catalog"), when a
    regular file stands there; None when nothing does (nor a link leading nowhere inside the folder, which a
    write replaces). Raises InputError at `path` (exit 1; the caller reads and writes nothing) when the path or one
    of its folders up to `folder` is a link leading out of it (`locales -> ../other-paper/locales`: links are
    resolved and the result compared with the folder), or when something else than a regular file stands there.
    Every command reading or writing catalogs, templates and memories under a folder asks this first; the write
    itself goes through `output.write_all(..., inside=folder)`, which asks it again and writes on the folders it
    resolved, so a link made in between is not followed."""
    wrong = not_a_file_inside(folder, path)
    if wrong is None:
        return path
    if wrong == "missing":
        return None
    hint = ("make it a real folder or file of the document folder: a link leading out is never read nor written "
            "through" if "leaves" in wrong else hint_for(wrong, "make it a regular file inside the document folder, "
                                                                "or remove it", path))
    raise InputError([problem(path, None, f"{what} {wrong}", hint)])
