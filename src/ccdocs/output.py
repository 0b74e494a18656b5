"""Writing outputs safely: checked target folder, temporary file, atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UsageError


def check_writable(folder: Path) -> None:
    """Refuse an output folder that cannot be created or written, before any work starts."""
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to the output folder {folder}: {probe} is not a writable folder")


def _temporary(path: Path, data: bytes) -> Path:
    """`data` written and synced to a hidden temporary file beside `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every output to a temporary file first, then rename them all into place.

    An error or interruption while writing leaves every previous output as it was; only the
    renames, which take microseconds, change what is in the folder.
    """
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs.items():
            temporaries.append((_temporary(path, data), path))
    except BaseException:
        for tmp, _ in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in temporaries:
        os.replace(tmp, path)
