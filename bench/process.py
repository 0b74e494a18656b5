"""Whole processes timed for the bench: one run (wall seconds, peak memory, stderr), and rounds of several
commands taken in turn, so that the load of a shared machine falls on all of them alike."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


class Failed(Exception):
    """A command under measure exited with an error: the command and what it printed on stderr."""

    def __init__(self, command: list[str], stderr: str):
        super().__init__(f"bench: {' '.join(command)} failed:\n{stderr}")
        lines = [line for line in stderr.splitlines() if line.strip()] or ["no message"]
        self.last = next((line for line in lines if ": error:" in line), lines[-1])  # the first error, else the end


@dataclass
class Run:
    """One finished process: wall seconds, peak resident MB of its largest process, what it printed."""

    seconds: float
    megabytes: float
    stdout: str
    stderr: str


@dataclass
class Timed:
    """One command to time: `command` in `env`; its runs accumulate in `runs`."""

    command: list[str]
    env: dict
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak(self) -> float:
        return max(r.megabytes for r in self.runs)


def environment(tmp_path: Path, tree: Path | None = None) -> dict:
    """The environment of the commands: compiled bytecode and a cache in `tmp_path`; `tree`'s ccdocs if given.

    Every ccdocs command runs as an installed ccdocs runs: in a new process, its bytecode compiled once (kept in
    `tmp_path`, whatever PYTHONDONTWRITEBYTECODE says), with its own cache of parsed fonts and compiled figures.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(tmp_path / "bytecode"), CCDOCS_CACHE=str(tmp_path / "cache"))
    if tree:
        env["PYTHONPATH"] = str(overlay(tree, tmp_path / "src"))
    return env


def overlay(tree: Path, folder: Path) -> Path:
    """`folder` holding a `ccdocs` package made of `tree`'s: its modules linked, its top-level templates/ and
    locales/ copied in as the packages ccdocs.templates and ccdocs.locales (as the wheel installs them).

    On PYTHONPATH, `tree/src` alone would take those two packages from the editable install of today's tree."""
    package = folder / "ccdocs"
    package.mkdir(parents=True)
    for entry in (tree / "src" / "ccdocs").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for name in ("templates", "locales"):
        shutil.copytree(tree / name, package / name)
        (package / name / "__init__.py").touch()
    return folder


def measure(command: list[str], env: dict) -> Run:
    """One run of `command`; Failed when it fails. The peak memory is wait4's: the largest
    of the process and the workers it waited for."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise Failed(command, stderr)
    return Run(wall, usage.ru_maxrss / 1024, stdout, stderr)


def rounds(timed: list[Timed], runs: int) -> None:
    """Run every command of `timed` once per round, in turn, for `runs` rounds."""
    for _ in range(runs):
        for item in timed:
            item.runs.append(measure(item.command, item.env))
