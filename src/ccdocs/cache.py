"""The per-user cache (parsed fonts, compiled figures, read catalogs...): its folder, and entries authenticated,
read safely and written whole.

An entry is named by a digest of everything it depends on, so it is never stale; a missing, foreign or
damaged entry reads as None, and one that cannot be written is skipped: the caller works it out again.

What the cache trusts. Its callers unpickle an entry's bytes and run the code objects it holds, so the bytes
must be the ones this user's ccdocs wrote under that name:

- Every entry begins with an HMAC-SHA256 of its name and its bytes (`TAG` bytes), keyed by a per-user secret
  (`key_file`: `$XDG_STATE_HOME/ccdocs/cache-key`, else `~/.local/state/ccdocs/cache-key`, outside the cache
  folder) made on first use (32 random bytes, mode 0600, linked into place whole). `read` gives back an entry's
  bytes only when its tag verifies: an entry changed, moved to another name, copied from another machine or a
  CI cache restored without the key is ignored, worked out again and written anew; never unpickled, never run.
- The cache folder must be the user's own and not writable by group or others (as ssh treats ~/.ssh); the key
  must be the user's own regular file (not a link), readable by nobody else, in such a folder, and not inside
  the cache folder. Otherwise the cache is not used for that process, said once on standard error with what to
  do (a silent slowdown would hide a misconfigured CI; the warning is one line per command run).
- Entries are opened without following links (O_NOFOLLOW) and without waiting on a pipe, and must be the user's
  own regular files.
The cache is bounded (`MOST` bytes, `MOST_ENTRIES` entries): a trim that finds the folder's entries above either
removes the least recently used (by access time, else by when they were written) until they are below `KEEP` bytes
and `KEEP_ENTRIES` entries; an entry removed is worked out again when needed. The entries are counted too: a
content file's segments, structure and blocks are entries of some 300 bytes each, so checks of papers of thousands
of one-paragraph files (breaks-7 #2) left 300,000 of them (90 MB, far below `MOST`; 1.2 GB on disk, a block each),
which every later process's first write listed, 1.7 s of CPU each; `MOST` would have let them reach 1.8 million.
Trimming lists the whole folder (0.12-0.20 s of CPU for 20,000 entries), so a process trims at its first
write and then once it has written more than `SLACK` bytes since its last trim (forked workers inherit the count):
the folder holds at most `MOST` + `SLACK` bytes per process writing at once (a first build of the sample writes
71 entries, 6.4 MB, from 7 processes: it trimmed 71 times, now once, in the parent before its workers fork).
Without the bound a watch typing new Chinese characters would add a font program at each new glyph set (some
0.75 MB), every edit of a content file its parsed blocks, for as long as the user keeps ccdocs.
The folder and key are checked once per process and folder (`_opened`; a build checks them before forking, so its
workers inherit the answer). Verifying costs one HMAC over the bytes read (about 1 ms of CPU per MB, in C).
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import re
import secrets
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path

TAG = 32  # bytes of an entry's HMAC-SHA256, before its data
KEY = 32  # bytes of the per-user key
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
OWNED = hasattr(os, "getuid")  # where files have POSIX owners and modes (not on Windows: the tags alone protect)
ENTRY = re.compile(r"[a-z][a-z0-9_.-]*-[0-9a-f]{24}")  # an entry's name as `entry` makes it: kind-digest
MOST = 512 * 2**20  # bytes of entries a trim may find in the folder before it removes the least recently used
KEEP = 384 * 2**20  # bytes of entries left then (the sample's builds fill 6.3 MB: some sixty papers fit)
SLACK = 16 * 2**20  # bytes a process writes between two trims (its first write trims): 1/32 of MOST
MOST_ENTRIES = 50_000  # entries a trim may find (listing them takes some 0.3 s of CPU): the sample's builds write 71
KEEP_ENTRIES = 37_500  # entries left then


def cache_folder(environ=os.environ) -> Path:
    """Where the cache is kept: $CCDOCS_CACHE, else $XDG_CACHE_HOME/ccdocs, else ~/.cache/ccdocs."""
    if environ.get("CCDOCS_CACHE"):
        return Path(os.path.expanduser(environ["CCDOCS_CACHE"]))
    return _xdg("XDG_CACHE_HOME", ".cache", environ)


def key_file(environ=os.environ) -> Path:
    """Where the cache's key is kept: $XDG_STATE_HOME/ccdocs/cache-key, else ~/.local/state/ccdocs/cache-key."""
    return _xdg("XDG_STATE_HOME", ".local/state", environ) / "cache-key"


def _xdg(variable: str, default: str, environ) -> Path:
    """$`variable`/ccdocs, else ~/`default`/ccdocs. A `~` or `~user` that names no home folder here (a user this
    system does not know, no HOME and no passwd entry) is kept as typed, as the shell keeps it: `_unsafe_folder`
    tells it (os.path.expanduser; pathlib's raises RuntimeError)."""
    home = environ.get("HOME") or os.path.expanduser("~")
    return Path(os.path.expanduser(environ.get(variable) or os.path.join(home, default))) / "ccdocs"


def entry(kind: str, *key, folder: Path | None = None) -> Path:
    """The cache file of a `kind` of entry (`face`, `figures`) for `key`, the things it depends on. A path in the
    key may hold a byte that is not UTF-8 (Python keeps it as a lone surrogate): surrogatepass encodes any text."""
    digest = hashlib.sha1("\0".join(map(str, key)).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return (cache_folder() if folder is None else folder) / f"{kind}-{digest}"


def used(folder: Path | None = None) -> bool:
    """Whether the cache `folder` (default: `cache_folder()`) is used by this process: made when missing, it and
    the key checked (see the module), a warning printed once when not. A build calls it before forking."""
    return _opened(str(cache_folder() if folder is None else folder), str(key_file())) is not None


def read(path: Path) -> bytes | None:
    """The bytes of a cache entry, or None when the cache is not used, or the entry is missing, unreadable, a link,
    not a regular file (a pipe is opened without waiting for a writer), not the user's own, or not authenticated."""
    opened = _opened(str(path.parent), str(key_file()))
    if opened is None:
        return None
    try:
        with open(os.open(path, os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0)), "rb", buffering=0) as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode) or OWNED and found.st_uid != os.getuid():
                return None
            tag, data = handle.read(TAG), handle.readall()
    except OSError:
        return None
    return data if hmac.compare_digest(tag, _tag(opened.key, path.name, data)) else None


def write(path: Path, data: bytes) -> None:
    """Store a cache entry whole (a temporary file renamed into place), with its tag, or, when the cache is not
    used or writing fails, not at all."""
    opened = _opened(str(path.parent), str(key_file()))
    if opened is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_tag(opened.key, path.name, data))
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        opened.unwritable(exc)
        return
    try:
        opened.wrote(TAG + len(data))
    except OSError:
        return


def trim(folder: Path, most: int, keep: int) -> None:
    """When the entries in `folder` (the user's own regular files named as `entry` names them; temporaries and
    every other file, whoever's, are left alone: CCDOCS_CACHE may name a folder that holds the user's own files)
    take more than `most` bytes or are more than MOST_ENTRIES, remove the least recently used (by access time, else
    modification) down to `keep` bytes and KEEP_ENTRIES entries. Raises OSError as listing the folder does; an entry
    that cannot be removed is passed over, one that vanished since the listing counted as removed (processes
    trimming at once each removed the entries the others had, down to none)."""
    entries = []
    with os.scandir(folder) as found:
        for item in found:
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and ENTRY.fullmatch(item.name) and (not OWNED or info.st_uid == os.getuid()):
                entries.append((max(info.st_atime, info.st_mtime), info.st_size, item.path))
    total, count = sum(size for _, size, _ in entries), len(entries)
    if total <= most and count <= MOST_ENTRIES:
        return
    for _, size, name in sorted(entries):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass  # removed meanwhile (another process trimming the listing it made too): gone all the same
        except OSError:
            continue
        total, count = total - size, count - 1
        if total <= keep and count <= KEEP_ENTRIES:
            return


def _tag(key: bytes, name: str, data: bytes) -> bytes:
    """The HMAC-SHA256 of an entry named `name` holding `data`."""
    mac = hmac.new(key, name.encode() + b"\0", hashlib.sha256)
    mac.update(data)
    return mac.digest()


class _Opened:
    """A cache folder as this process uses it: the `key` its entries are tagged with, and the bytes written into it
    since this process (or the one it was forked from) last trimmed it (`unscanned`; None before the first trim)."""

    def __init__(self, folder: Path, key: bytes):
        self.folder, self.key, self.unscanned, self.told = folder, key, None, False

    def unwritable(self, exc: OSError) -> None:
        """Say once, on standard error, that an entry could not be written into the folder (a pseudo file system
        such as /proc or /sys, whose folders root may pass every check on, a full disk): nothing is kept."""
        if not self.told:
            self.told = True
            print(f"ccdocs: warning: the per-user cache keeps nothing: writing in {self.folder} fails "
                  f"({exc.strerror or exc}) (set CCDOCS_CACHE to a folder of your own that can be written, or unset "
                  "it); meanwhile each build works out again what it would keep", file=sys.stderr, flush=True)

    def wrote(self, size: int) -> None:
        """Count an entry of `size` bytes written; trim the folder at the first write and past `SLACK` bytes.
        Raises OSError as `trim` does."""
        if self.unscanned is not None and self.unscanned + size <= SLACK:
            self.unscanned += size
            return
        self.unscanned = 0
        trim(self.folder, MOST, KEEP)


@cache
def _opened(folder: str, key_path: str) -> _Opened | None:
    """The cache `folder` with the key its entries are tagged with, or None (told once on standard error) when the
    folder or the key at `key_path` cannot be trusted (see the module). Checked once per process and folder."""
    key, why = None, _unsafe_folder(Path(folder), "cache folder", "CCDOCS_CACHE")
    if why is None and Path(key_path).parent.resolve().is_relative_to(Path(folder).resolve()):
        why = (f"the cache's key {key_path} would be inside the cache folder {folder}",
               "set XDG_STATE_HOME or CCDOCS_CACHE so that the key is kept outside it")
    if why is None:
        key, why = _read_key(Path(key_path))
    if key is not None:
        return _Opened(Path(folder), key)
    print(f"ccdocs: warning: the per-user cache is not used: {why[0]} ({why[1]}); meanwhile each build works out "
          "again what it would keep", file=sys.stderr, flush=True)
    return None


def _unsafe_folder(folder: Path, what: str, variable: str) -> tuple[str, str] | None:
    """Why `folder` (made, 0700, when missing) cannot hold what only this user may write, and what to do (`variable`:
    the environment variable that moves it); or None."""
    if folder.parts and folder.parts[0].startswith("~"):  # never made in the working folder under that name
        return (f"the {what} {folder} begins with {folder.parts[0]}, which names no home folder here",
                f"set {variable} to a folder of yours, as an absolute path")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.stat(folder)
    except OSError as exc:
        return f"the {what} {folder} cannot be made or read ({exc.strerror})", f"set {variable} to a folder of yours"
    if not stat.S_ISDIR(found.st_mode):
        return f"the {what} {folder} is not a folder", f"remove it, or set {variable} to a folder of yours"
    if OWNED and found.st_uid != os.getuid():
        return (f"the {what} {folder} belongs to another user (uid {found.st_uid}), who could change what ccdocs "
                "prints", f"set {variable} to a folder of your own")
    if OWNED and found.st_mode & 0o022:
        return (f"the {what} {folder} is writable by group or others (mode {stat.S_IMODE(found.st_mode):o}), who "
                "could change what ccdocs prints", f"chmod go-w {folder}")
    return None


def _read_key(path: Path) -> tuple[bytes | None, tuple[str, str] | None]:
    """The per-user key at `path`, made when missing; else None and why, with what to do."""
    why = _unsafe_folder(path.parent, "key's folder", "XDG_STATE_HOME")
    if why is not None:
        return None, why
    remake, named = f"remove {path}: a new key is made, and the cache filled again", f"the cache's key {path}"
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return _new_key(path)
    except OSError as exc:
        told = "is a link" if exc.errno == errno.ELOOP else f"cannot be read ({exc.strerror})"
        return None, (f"{named} {told}", remake)
    with open(fd, "rb", buffering=0) as handle:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            return None, (f"{named} is not a regular file", remake)
        if OWNED and found.st_uid != os.getuid():
            return None, (f"{named} belongs to another user (uid {found.st_uid})", remake)
        if OWNED and found.st_mode & 0o077:
            return None, (f"{named} may be read or written by others (mode {stat.S_IMODE(found.st_mode):o})", remake)
        key = handle.read(KEY + 1)
    return (key, None) if len(key) == KEY else (None, (f"{named} is damaged", remake))


def _new_key(path: Path) -> tuple[bytes | None, tuple[str, str] | None]:
    """A new random key, written and synced to a temporary file (mode 0600) then linked to `path` whole; the key
    another process linked there first, if one did."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".cache-key.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(KEY))
                handle.flush()
                os.fsync(handle.fileno())
            os.link(tmp, path)  # fails when another process made the key first: its key is read
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    except OSError as exc:
        return None, (f"the cache's key {path} cannot be made ({exc.strerror})",
                      "set XDG_STATE_HOME to a folder of yours")
    return _read_key(path)
