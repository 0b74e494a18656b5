"""Progress of a batch build (`ccdocs build DIR1 DIR2 …`): a bar on a terminal, plain lines elsewhere.

A batch's outputs are written together once every document is made, none when any fails (`build.build`): a
document done is `ready` (made, written when the whole batch succeeds), never `built`. On a terminal (standard
error), rich draws one bar that advances as each document is done; otherwise (a pipe, a file, a CI log) each
document done is one plain line, `[3/20] path/to/folder: ready` or `… : 2 errors`, with no escape sequence. At
the end, when the build succeeded: `20 folders in 4.12 s (4.9 folders/s)`; when it failed:
`19 folders made, 1 failed: nothing was written` (folders, as the lines count them: each holds one paper, in
every language and format asked, and the documents it attaches).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .errors import Failure, InputError, display_path


class Batch:
    """A context manager given to `build.build` as its `progress`: called with (folder, problems) once per folder
    when all its jobs have ended; writes to `stream` (default: standard error)."""

    def __init__(self, folders: list[Path], stream=None):
        self.total = len(folders)
        self.stream = stream or sys.stderr
        self.done = 0
        self.failed = 0
        self.start = 0.0
        self.bar = None  # rich's Progress and the task it advances, on a terminal

    def __enter__(self) -> Batch:
        self.start = time.perf_counter()
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(file=self.stream), transient=True)
            progress.start()
            self.bar = progress, progress.add_task("building", total=self.total)
        return self

    def __call__(self, folder: Path, problems: int) -> None:
        self.done += 1
        self.failed += bool(problems)
        said = "ready" if not problems else f"{problems} error{'s' if problems != 1 else ''}"
        if self.bar:
            progress, task = self.bar
            progress.update(task, advance=1, description=f"{display_path(folder)}: {said}")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {display_path(folder)}: {said}\n")
            self.stream.flush()

    def __exit__(self, kind, value, trace) -> None:
        if self.bar:
            self.bar[0].stop()
        if kind is None:
            seconds = time.perf_counter() - self.start
            self.stream.write(f"{self.total} folder{'s' if self.total != 1 else ''} in {seconds:.2f} s "
                              f"({self.total / max(seconds, 1e-9):.1f} folders/s)\n")
        elif self.done and issubclass(kind, (InputError, Failure)):  # not a usage error, said before any work
            made = self.done - self.failed
            self.stream.write(f"{made} folder{'s' if made != 1 else ''} made, {self.failed} failed: "
                              "nothing was written\n")
        self.stream.flush()
