"""The faces fontconfig knows (`fc-list`), asked once per process and kept in the per-user cache between processes.

`fc-list` takes tens of milliseconds (a process started, fontconfig's configuration parsed, its caches read), and
every build asks it in its parent, before the first write can start. Its answer changes only when fontconfig's
configuration, its caches or a font folder change, so a listing is kept with the signature (modification time, size,
inode; or its absence) of each of the paths it depends on (`watched`), and used while every one of them is as it
was: the program and the environment variables fontconfig reads name the entry; its configuration files and
folders (walked), its cache folders (`fc-cache`, which a font package's installation runs, writes there), and every
folder under the usual font folders, with the folders of the files listed (a `<dir>` of the configuration): a font
added, removed or replaced there changes its folder's time, as fontconfig itself tells a stale cache of a folder.
Anything else, or a damaged entry, runs `fc-list` again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

from .. import cache as user_cache

FORMAT = "%{family}\t%{style}\t%{file}\t%{index}\t%{fontformat}\n"
ENVIRONMENT = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
               "XDG_DATA_HOME", "XDG_CACHE_HOME")


@cache
def fontconfig_faces() -> tuple[tuple[tuple[str, ...], str, Path, int, str], ...]:
    """Every face fontconfig knows: (families, style, file, index, format), in file and index order; empty without
    fontconfig. Asked once per process (a font installed while a `ccdocs watch` runs is found when it is started
    again), and from the per-user cache while what fontconfig reads is unchanged (see the module)."""
    program = shutil.which("fc-list")
    if program is None:
        return ()
    entry = user_cache.entry("fontconfig", program, *(os.environ.get(name, "") for name in ENVIRONMENT))
    listing = kept_listing(entry)
    if listing is None:
        paths = watched(program)
        seen = signatures(paths)  # before fontconfig reads them: a change meanwhile is seen by the next process
        try:
            listing = subprocess.run([program, "-f", FORMAT], capture_output=True, text=True, timeout=20,
                                     check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return ()
        more = list(dict.fromkeys(listed_folders(listing)).keys() - set(paths))
        more.sort()
        seen = list(zip(paths + more, seen + signatures(more)))
        user_cache.write(entry, json.dumps({"listing": listing, "seen": seen}).encode())
    return faces_of(listing)


def kept_listing(entry: Path) -> str | None:
    """The listing kept in `entry`, if every path it was seen with still has the signature it had then; else None."""
    data = user_cache.read(entry)
    if data is None:
        return None
    try:
        kept = json.loads(data)
        paths, seen = zip(*kept["seen"]) if kept["seen"] else ((), ())
        listing = kept["listing"]
    except (ValueError, KeyError, TypeError):
        return None
    return listing if isinstance(listing, str) and list(seen) == signatures(paths) else None


def faces_of(listing: str) -> tuple:
    """The faces of `fc-list`'s `listing` (FORMAT's lines), sorted by file and index."""
    faces = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) == 5 and parts[3].isdigit():
            faces.append((tuple(f.strip() for f in parts[0].split(",")), parts[1].split(",")[0].strip(),
                          Path(parts[2]), int(parts[3]), parts[4]))
    return tuple(sorted(faces, key=lambda f: (str(f[2]), f[3])))


def signatures(paths) -> list:
    """For each path: [modification time in ns, size, inode] (a link followed), or None when it is missing."""
    found = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            found.append(None)
            continue
        found.append([stat.st_mtime_ns, stat.st_size, stat.st_ino])
    return found


def watched(program: str, environ=os.environ) -> list[str]:
    """The paths whose change may change what `program` (fc-list) lists, but the folders of the files it lists
    (`listed_folders`): fontconfig's configuration (files and folders, walked), its cache folders, and every folder
    under the usual font folders. In a stable order, each once."""
    home = Path(environ.get("HOME") or os.path.expanduser("~"))
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    data = Path(environ.get("XDG_DATA_HOME") or home / ".local/share")
    cached = Path(environ.get("XDG_CACHE_HOME") or home / ".cache")
    prefix = Path(program).resolve().parent.parent  # /usr, /usr/local, /opt/homebrew…
    etc = Path("/etc") if prefix == Path("/usr") else prefix / "etc"
    configs = [Path(p) for p in environ.get("FONTCONFIG_PATH", "").split(os.pathsep) if p]
    configs += [etc / "fonts", config / "fontconfig", home / ".fonts.conf", home / ".fonts.conf.d"]
    if environ.get("FONTCONFIG_FILE"):
        configs.append(Path(environ["FONTCONFIG_FILE"]))
    caches = [Path("/var/cache/fontconfig"), prefix / "var/cache/fontconfig", cached / "fontconfig",
              home / ".fontconfig"]
    fonts = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), prefix / "share/fonts", home / ".fonts",
             data / "fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    paths = [str(p) for p in caches]
    for top in configs:
        paths += walked(top, files=True)
    for top in fonts:
        paths += walked(top, files=False)
    return list(dict.fromkeys(paths))


def listed_folders(listing: str) -> list[str]:
    """The folders of the files `fc-list`'s `listing` names (those a configuration's `<dir>` adds among them)."""
    return [str(Path(line.split("\t")[2]).parent) for line in listing.splitlines() if line.count("\t") == 4]


def walked(top: Path, files: bool) -> list[str]:
    """`top` and the folders under it (and their files too with `files`; a link to a folder is one path, not walked
    into: no loop); [top] when it is missing or a file."""
    found = [str(top)]
    for folder, folders, names in os.walk(top):
        found += [os.path.join(folder, name) for name in sorted(folders)]
        if files:
            found += [os.path.join(folder, name) for name in sorted(names)]
        folders.sort()
    return found
