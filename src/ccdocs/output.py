"""Writing outputs: every target checked first, every output written beside its target, then all renamed in.

Every command that writes a file (`build`, `i18n extract`, `i18n update`, `i18n review -o`, `snapshot -o`)
writes through `write_all`, which replaces all its outputs together or none of them. What POSIX offers and
what this module makes of it:

- rename(2) replaces one directory entry atomically: a reader sees the old file or the new one, never a part
  of either. A symbolic link at a target is itself replaced; nothing is ever written through it (a link to a
  device or a pipe, such as /dev/stdout, is refused rather than replaced).
- No call replaces several entries at once. So every target is checked before any work (a folder, a FIFO or a
  read-only file in its place, a file where a folder should be, an unwritable folder: `OutputError`, exit 2),
  then every output is written and synced to a hidden temporary file `.<name>.<random>.part` beside its target
  (the step that meets a full disk or an interruption: the temporaries and the folders made for them are
  removed, `WriteError` or the interruption is raised, exit 1), then the temporaries are renamed in one by one.
  Before each rename, the old file is hard-linked aside as `.<name>.<random>.old` (moved aside where the file
  system has no hard links); when a rename fails, the renames already made are undone from these backups,
  which are removed once every rename has succeeded. Ctrl-C, SIGTERM and SIGHUP are held during the renames
  (microseconds) and take effect after them.
- What no program can promise: if the process is killed outright (SIGKILL) or the machine stops during the
  renames, each target holds its old file or its new one, whole, but not necessarily all the same one, and
  hidden `.part` or `.old` files may remain beside them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import tempfile
from pathlib import Path

from .errors import Failure, UsageError, display_path

HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


# What making a folder or file says where the place itself takes none, which os.access cannot foresee for root: a
# pseudo file system (/sys: EPERM, /proc: ENOENT), a read-only mount, a folder whose rights a file system enforces
REFUSING = frozenset({errno.EPERM, errno.EACCES, errno.EROFS, errno.ENOENT})
SYNCS = 16  # files or folders synced at once (`_at_once`): a batch of 20 papers writes 80 outputs in 40 folders


class OutputError(UsageError):
    """An output cannot go where it was asked to go; found before anything is written (exit 2)."""


class WriteError(Failure):
    """Writing the outputs failed (a full disk, say); every previous output was left or put back (exit 1)."""


def _refusal(path: Path, reason: str, hint: str, what: str = "") -> OutputError:
    return OutputError(f"cannot write {what}{path}: {reason} ({hint}); nothing was written")


def _folder_problem(folder: Path) -> tuple[str, str] | None:
    """Why files cannot be made in `folder` (made when missing), or None."""
    probe = folder
    while not os.path.lexists(probe):
        probe = probe.parent
    if probe.is_symlink() and not probe.exists():
        return f"{probe} is a broken symbolic link", "remove it or write elsewhere"
    if not probe.is_dir():
        return f"{probe} is a file, not a folder", "remove or rename it, or write elsewhere"
    if not os.access(probe, os.W_OK | os.X_OK):
        if os.statvfs(probe).f_flag & os.ST_RDONLY:
            return f"the folder {probe} is on a read-only file system", "write elsewhere"
        return f"the folder {probe} is not writable", "make it writable or write elsewhere"
    return None


def _target_problem(path: Path) -> tuple[str, str] | None:
    """Why `path` cannot be replaced by a new file, or None (a file, a symbolic link, or nothing yet)."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a file where a folder of the path should be: told by _folder_problem
        return None if exc.errno == errno.ENOTDIR else (exc.strerror, "write elsewhere")
    if stat.S_ISLNK(found.st_mode):  # replaced, unless it stands for a device or a pipe (/dev/stdout)
        try:
            found = os.stat(path)
        except OSError:
            return None
        if stat.S_ISREG(found.st_mode) or stat.S_ISDIR(found.st_mode):
            return None
    if stat.S_ISDIR(found.st_mode):
        return "it is a folder", "remove or rename it, or give the name of a file"
    if not stat.S_ISREG(found.st_mode):
        return ("it is not a regular file (a pipe, socket or device, or a link to one)",
                "give the name of a file, or write to standard output where the command can")
    if not found.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "it is read-only", "make it writable (chmod u+w) if it may be replaced, or write elsewhere"
    return None


def check_writable(folder: Path) -> None:
    """Refuse an output folder that is not a folder or cannot be created or written: an OutputError."""
    if os.path.lexists(folder) and not folder.is_dir():
        what = "a file" if folder.is_file() else "a pipe, socket, device or broken link"
        raise _refusal(folder, f"it is {what}, not a folder", "give the name of a folder", "to the output folder ")
    found = _folder_problem(folder)
    if found:
        raise _refusal(folder, *found, "to the output folder ")


def check_targets(paths) -> None:
    """Refuse, before any work, targets that `write_all` could not replace, or two that are one directory entry
    through a link to a folder on their way (`out/en` leading to `out/zh`: each output would replace the other, the
    last renamed in winning, and both be told written: `check_distinct`): an OutputError naming the first."""
    paths = list(paths)
    for path in paths:
        found = _folder_problem(Path(path).parent) or _target_problem(Path(path))
        if found:
            raise _refusal(path, *found)
    check_distinct(paths)


def check_distinct(paths) -> None:
    """Refuse two of `paths` that are one directory entry through a link to a folder on their way: an OutputError
    naming the second. A command writing its outputs in several calls of `write_all` (watch: a language a call)
    asks it of them all."""
    folders: dict = {}
    places: dict[Path, Path] = {}
    for path in paths:
        first = places.setdefault(_place(path, folders), Path(path))
        if first != Path(path):
            raise _refusal(path, f"it is {first}, another output of this command, through a link to a folder on "
                           "their way", "remove the link, or write elsewhere")


def check_not_led_out(out: Path, folders) -> None:
    """Refuse an output folder that lies in one of the document `folders` (`--out` left at `out`, run from inside
    the folder) through a link there leading out of it: the folder may ship `out` as a link to another paper's
    outputs. An OutputError naming it; an `out` reached otherwise (outside the folders, or a link the user gave as
    --out elsewhere) is the user's own choice."""
    place = Path(os.path.abspath(out))
    for folder in (Path(os.path.abspath(f)) for f in folders):
        resolved = os.path.realpath(place)
        if place.is_relative_to(folder) and not Path(resolved).is_relative_to(os.path.realpath(folder)):
            raise _refusal(out, f"it lies in the document folder {folder} through a link leading out of it, to "
                           f"{resolved}", "give --out the folder it leads to, if that is meant, or remove the link",
                           "to the output folder ")


def check_within(paths, out: Path) -> None:
    """Refuse an output whose folder, once its links are resolved, is not inside the output folder `out` (itself
    resolved: `--out` may be a link the user made): an OutputError naming the first. A document folder given as
    `--out` may ship its `en` or `zh` as a link leading elsewhere (to another paper's outputs); the build would
    write through it. A folder still to be made is inside where its nearest existing parent is."""
    if not os.path.lexists(out):  # every folder of the outputs is still to be made, inside it
        return
    root = os.path.realpath(out)
    for path in paths:
        probe = Path(os.path.abspath(path)).parent
        while not os.path.lexists(probe) and probe != probe.parent:
            probe = probe.parent
        if not Path(os.path.realpath(probe)).is_relative_to(root):
            link = next((p for p in (probe, *probe.parents) if p.is_symlink()), probe)
            raise _refusal(path, f"{link} is a link leading out of the output folder {out}",
                           "remove the link, or give another --out")


def check_inputs(paths, inputs: dict[Path, str], reader: str = "the build", option: str | None = "--out") -> None:
    """Refuse, before any work, an output that would replace a file `reader` (a command) reads: an OutputError naming
    the first output and the input, and `option` (where the output was named; None: the command writes that place
    only) in the hint. `inputs`: what each input is, by path (`inputs.read_files`). An output replaces the
    entry at its place (its folder's links resolved, not its own: a link there is replaced, never written
    through), which must be neither an input's own entry nor the file an input leads to through links."""
    folders: dict = {}  # each folder's links resolved once (inputs share few folders)
    read = {}
    for path, what in inputs.items():
        place = _place(path, folders)
        for found in (place, Path(os.path.realpath(place))) if os.path.islink(place) else (place,):
            read.setdefault(found, (path, what, place))
    for path in paths:
        if _place(path, folders) in read:
            name, what, place = read[_place(path, folders)]
            raise _refusal(path, f"it is {display_path(name)}, {what} {reader} reads"
                           if _place(path, folders) == place
                           else f"{display_path(name)}, {what} {reader} reads, leads to it through links",
                           f"give another {option}, or rename that file" if option else
                           "rename that file and name it so in document.yaml: this command writes that place only")


def _place(path: Path, folders: dict) -> Path:
    """The directory entry `path` names: its folder's links resolved (kept in `folders`), its own name kept."""
    path = Path(os.path.abspath(path))
    if path.parent not in folders:
        folders[path.parent] = Path(os.path.realpath(path.parent))
    return folders[path.parent] / path.name


def _make_folders(folder: Path, made: list[Path]) -> None:
    """Make `folder` and its missing parents, each added to `made` (deepest last) as soon as it is made."""
    missing = []
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _temporary(path: Path, data: bytes) -> Path:
    """`data` written to a hidden temporary file beside `path` (synced with the others: `_unsynced`)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _unsynced(paths, folders: bool = False) -> tuple[Path, Exception] | None:
    """Sync each file (each folder, with `folders`) at `paths` to its disk, the syncs asked at once (`_at_once`):
    the disk takes them together, where one after the other each waited for the one before (four outputs of the
    sample: 27 ms one after the other, 13 ms at once, medians of 8 on the machine measured; a folder's sync some
    7 ms). The first (path, exception) that failed, else None."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if folders else os.O_RDWR

    def sync(path: Path) -> None:
        fd = os.open(path, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    failed = _at_once(sync, list(paths))
    return failed[0] if failed else None


def _at_once(call, items: list) -> list[tuple]:
    """`call(item)` for each of `items`, in threads (at most SYNCS at once: fsync waits without holding the GIL);
    each (item, exception) a call raised, in the order of `items` (not of the threads' timing), once every call
    has ended."""
    import threading

    failed: list[tuple] = []
    left = list(reversed(list(enumerate(items))))

    def work() -> None:
        while True:
            try:
                index, item = left.pop()
            except IndexError:  # no item left (another thread took the last)
                return
            try:
                call(item)
            except Exception as exc:
                failed.append((index, item, exc))

    threads = [threading.Thread(target=work) for _ in range(min(SYNCS, len(items)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [(item, exc) for _, item, exc in sorted(failed, key=lambda found: found[0])]  # in `items` order


def _aside(path: Path) -> Path | None:
    """The previous entry at `path` kept as a hidden backup beside it (None when there is none)."""
    if not os.path.lexists(path):
        return None
    backup = path.with_name(f".{path.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS):
            raise
        os.rename(path, backup)
    return backup


@contextlib.contextmanager
def _signals_held():
    """Ctrl-C, SIGTERM and SIGHUP delivered only when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _discard(paths) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _remove_folders(folders: list[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _sync_folders(paths) -> None:
    """Make the renames durable: each folder's entries synced, at once (where the platform can)."""
    _unsynced(dict.fromkeys(Path(p).parent for p in paths), folders=True)


def _renamed_in(temporaries: dict[Path, Path]) -> None:
    """Rename every temporary onto its target, undoing them all when one fails; a WriteError then."""
    backups: dict[Path, Path | None] = {}
    renamed: list[Path] = []
    with _signals_held():
        try:
            for path, tmp in temporaries.items():
                backups[path] = _aside(path)
                os.replace(tmp, path)
                renamed.append(path)
        except OSError as exc:
            failed = _put_back(backups, renamed)
            _discard(temporaries.values())
            _discard(b for p, b in backups.items() if b is not None and p not in failed)
            told = (f"; could not put back {', '.join(map(str, failed))}: the previous versions are kept beside "
                    "them as hidden .old files") if failed else "; every previous output was put back"
            raise WriteError(f"cannot write {path}: {exc.strerror or exc}{told}") from exc
    _discard(b for b in backups.values() if b is not None)
    _sync_folders(temporaries)


def _put_back(backups: dict[Path, Path | None], renamed: list[Path]) -> list[Path]:
    """Undo the renames made so far from their backups; the targets that could not be put back."""
    failed = []
    for path, backup in backups.items():
        try:
            if backup is not None:
                os.replace(backup, path)
            elif path in renamed:
                path.unlink()
        except OSError:
            failed.append(path)
    return failed


def write_all(outputs: dict[Path, bytes], inside: Path | None = None, within: Path | None = None) -> None:
    """Replace every output together, or none: an OutputError for a target that cannot be replaced (before
    anything is written), a WriteError when writing fails (nothing is changed, and no `.part` file is left).
    `within`: the output folder every output must stay in, checked again here (`check_within`).

    `inside`: the document folder the outputs are places of (catalogs, templates). Each is checked again as
    `within.place_inside` checks it (InputError, nothing written, for a link leading out) and written on its folder's
    path with every link resolved at that check, so a link put in place of a folder afterwards is not followed."""
    outputs = {Path(path): data for path, data in outputs.items()}
    check_targets(outputs)
    if within is not None:
        check_within(outputs, within)
    if inside is not None:
        outputs = {_resolved_inside(inside, path): data for path, data in outputs.items()}
    folders: list[Path] = []
    temporaries: dict[Path, Path] = {}
    try:
        for path, data in outputs.items():
            _make_folders(path.parent, folders)
            temporaries[path] = _temporary(path, data)
        failed = _unsynced(temporaries.values())
        if failed is not None:
            tmp, exc = failed  # told at its own output: the handler below names `path`
            path = next(target for target, written in temporaries.items() if written == tmp)
            raise exc
    except BaseException as exc:
        _discard(temporaries.values())
        _remove_folders(folders)
        if isinstance(exc, OSError) and exc.errno in REFUSING:  # the place takes no file: as check_writable's
            raise _refusal(path, exc.strerror or str(exc), "write elsewhere") from exc
        if isinstance(exc, OSError):
            room = "free some space or " if exc.errno in (errno.ENOSPC, errno.EDQUOT) else ""
            raise WriteError(f"cannot write {path}: {exc.strerror or exc} ({room}write elsewhere); "
                             "nothing was written") from exc
        raise
    moved = [path for path in temporaries if inside is not None and os.path.realpath(path.parent) != str(path.parent)]
    if moved:  # a folder on the way was replaced by a link while the outputs were written: none is renamed in
        _discard(temporaries.values())
        _remove_folders(folders)
        raise WriteError(f"cannot write {moved[0]}: a folder on its way was replaced by a link while it was written; "
                         "nothing was written")
    try:
        _renamed_in(temporaries)
    except WriteError:
        _remove_folders(folders)
        raise


def _resolved_inside(folder: Path, path: Path) -> Path:
    """`path` with its folders' links resolved, once `within.place_inside` found that none leads out of `folder`."""
    from .sources.within import place_inside

    place_inside(folder, path, "this file")
    return Path(os.path.realpath(path.parent)) / path.name


def write_text(path: Path, text: str) -> None:
    """Replace one text file (UTF-8) as `write_all` does."""
    write_all({Path(path): text.encode("utf-8")})
