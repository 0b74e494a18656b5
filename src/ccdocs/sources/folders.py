"""Another document folder named in document.yaml: the document a transmittal's `type: document` part attaches.

The folder is named relative to the document folder and must stay inside the documents repository (see `root`),
also once links are followed; an absolute path, a way out through `..` or a link, the document's own folder, a
missing folder or one without document.yaml are refused where they are named. Only metadata is looked at.
"""

from __future__ import annotations

import errno
from pathlib import Path, PureWindowsPath

from ..errors import Collector, did_you_mean
from .yamlfile import YamlFile, shown

MAX_DEPTH = 4  # documents attached within attached documents: a transmittal of a transmittal is already rare


def root(folder: Path) -> Path:
    """The folder an attached document must stay inside: the nearest folder at or above `folder` holding `.git`
    (the documents repository), else `folder`'s parent (its sibling folders). Only `folder` decides, never the
    folder ccdocs runs from."""
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return here.parent


def attached_folder(folder: Path, raw, yf: YamlFile, keys: tuple, out: Collector) -> Path | None:
    """The document folder `raw` (named at `keys` of `yf`, relative to `folder`); None, the problem recorded in
    `out`, when it is not a text, is absolute, leaves `root(folder)` (also through a link), is `folder` itself, is
    missing, is not a folder, or holds no document.yaml."""
    if not isinstance(raw, str) or not raw.strip():
        out.extend([yf.problem(keys, f"expected the path of a document folder, got {shown(raw)}",
                               "folder: ../wo-cc-86-inf-1")])
        return None
    if Path(raw).is_absolute() or PureWindowsPath(raw).anchor:
        out.extend([yf.problem(keys, f"`{raw}` is an absolute path",
                               "name the attached document's folder relative to this document folder")])
        return None
    full = folder / raw
    try:
        top, resolved = root(folder), full.resolve()
        inside = resolved.is_relative_to(top)
        exists, is_dir, has_spec = full.exists(), full.is_dir(), (full / "document.yaml").is_file()
    except (OSError, RuntimeError) as exc:
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        reason = "is a link that leads nowhere (a loop)" if loop else f"cannot be looked at: {exc.strerror or exc}"
        out.extend([yf.problem(keys, f"`{raw}` {reason}", "name a document folder of this repository")])
        return None
    if not inside:
        out.extend([yf.problem(keys, f"`{raw}` leaves the documents repository {top}",
                               "attach a document folder of the same repository; links pointing out are refused")])
    elif resolved == folder.resolve():
        out.extend([yf.problem(keys, f"`{raw}` is this document's own folder: a document cannot attach itself",
                               "name the folder of the document to attach")])
    elif not exists:
        siblings = _folders(full.parent)
        out.extend([yf.problem(keys, f"document folder `{raw}` does not exist",
                               did_you_mean(full.name, siblings) or "name the attached document's folder")])
    elif not is_dir:
        out.extend([yf.problem(keys, f"`{raw}` is not a folder", "name the attached document's folder")])
    elif not has_spec:
        out.extend([yf.problem(keys, f"`{raw}` holds no document.yaml: it is not a document folder",
                               "name the attached document's folder")])
    else:
        return full
    return None


def _folders(path: Path) -> list[str]:
    try:
        return [p.name for p in path.iterdir() if p.is_dir()] if path.is_dir() else []
    except OSError:
        return []

