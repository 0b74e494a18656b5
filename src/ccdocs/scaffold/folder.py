"""A new document folder written whole or not at all: made as a hidden sibling, checked, then renamed into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, UsageError, display_path, looked_at


def check_target(target: Path) -> None:
    """UsageError unless `target` can become a new folder: absent (or an empty folder); its missing parents are
    made by `make_folder`."""
    if not str(target) or target == Path():
        raise UsageError("the new folder's name is empty; give the path of a folder to create")
    looked_at(target)
    if target.is_symlink() or (target.exists() and not (target.is_dir() and not any(target.iterdir()))):
        raise UsageError(f"{target} already exists; give the path of a new (or empty) folder: nothing is overwritten")
    parent = target.resolve().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(f"cannot create {target}: {parent} is not a folder")


def make_folder(target: Path, files: dict[str, bytes], folders: tuple[str, ...] = (),
                check: Callable[[Path], None] | None = None) -> None:
    """Write `files` (relative path -> bytes) and the empty `folders` as the new folder `target`.

    Everything is written into a hidden sibling first; `check(sibling)` may raise InputError (its problems are
    reported as if in `target`, nothing is left behind); then the sibling is renamed to `target` in one step.
    Missing parent folders are made first, and removed again if nothing is written.
    """
    check_target(target)
    parent = target.resolve().parent
    made = [p for p in (parent, *parent.parents) if not p.exists()]
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {target}: {exc.strerror or exc}; nothing was written") from None
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    try:
        scratch.chmod(0o777 & ~_umask())
        for name in folders:
            (scratch / name).mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (scratch / name).parent.mkdir(parents=True, exist_ok=True)
            (scratch / name).write_bytes(data)
        if check is not None:
            try:
                check(scratch)
            except InputError as exc:
                raise InputError([_moved(p, scratch, target) for p in exc.problems]) from None
        if target.is_dir():
            target.rmdir()
        os.rename(scratch, target)
    except OSError as exc:
        raise UsageError(f"cannot create {target}: {exc.strerror or exc}; nothing was written") from None
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
        for folder in made if not target.is_dir() else ():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def _umask() -> int:
    """The process's file-creation mask (read by setting it, then set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _moved(item, scratch: Path, target: Path):
    """A problem found in the scratch folder, named as in the target folder."""
    before, after = display_path(scratch), display_path(target)
    path = item.path.replace(before, after, 1) if item.path.startswith(before) else item.path
    return type(item)(path, item.line, item.col, item.message, item.hint, item.severity)
