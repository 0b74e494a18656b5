"""The live rebuild loop measured from outside: `ccdocs watch` on a copy of a document folder, one paragraph of
its content edited again and again, each rebuild's status line read as it is printed.

The interface relied on: `ccdocs watch DOC_DIR --lang L --out DIR` builds, then prints one line per rebuild
holding its seconds (`… 0.27 s` or `0.27s`); a problem line reads `path:line:col: error: …`.
"""

from __future__ import annotations

import queue
import re
import shutil
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path

SECONDS = re.compile(r"(\d+(?:\.\d+)?) ?s\b")
PROBLEM = re.compile(r":\d+:\d+: error")
FIRST_BUILD_WAIT = 180.0    # seconds for the first build's line on a loaded machine
REBUILD_WAIT = 60.0


def available(ccdocs: list[str], env: dict) -> bool:
    """Whether this ccdocs has a `watch` command."""
    return subprocess.run(ccdocs + ["watch", "--help"], capture_output=True, env=env).returncode == 0


def paragraph_line(path: Path) -> int:
    """The index of the first line of `path` that is a paragraph of running text (not a heading, list, table,
    container or note)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if len(line) > 80 and line[:1].isalpha())


def edit(path: Path, index: int, turn: int) -> None:
    """Change line `index` of `path`: a word added at its end on even turns, taken away on odd ones."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[index] = lines[index] + " Indeed." if turn % 2 == 0 else lines[index].removesuffix(" Indeed.")
    path.write_text("\n".join(lines), encoding="utf-8")


def status(lines: queue.Queue, wait: float) -> tuple[float, str]:
    """The next line with a seconds figure (arrival time, text); other lines (a banner) passed over."""
    deadline = time.perf_counter() + wait
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no status line within {wait:.0f} s")
        try:
            arrived, line = lines.get(timeout=left)
        except queue.Empty:
            continue
        if line is None:
            raise TimeoutError("the command ended")
        if PROBLEM.search(line):
            raise TimeoutError(f"the rebuild failed: {line.strip()}")
        if SECONDS.search(line):
            return arrived, line


def settle(lines: queue.Queue, quiet: float = 1.0) -> None:
    """Pass over what the command prints after its first build (it starts watching then) until `quiet`
    seconds go by without a line."""
    while True:
        try:
            lines.get(timeout=quiet)
        except queue.Empty:
            return


def rebuilds(ccdocs: list[str], env: dict, sample: Path, tmp_path: Path, edits: int, lang: str = "en"):
    """Median seconds of `edits` one-paragraph rebuilds of `sample` in `lang` (both formats): as the status
    lines tell them, and from the file's save to the line; with the last line. A string saying why not when
    the loop cannot be measured."""
    if not available(ccdocs, env):
        return "not available (no `ccdocs watch`)"
    folder = tmp_path / "watched"
    shutil.copytree(sample, folder)
    content = sorted((folder / "content").glob("*.md"))[0]
    index = paragraph_line(content)
    lines: queue.Queue = queue.Queue()
    process = subprocess.Popen(ccdocs + ["watch", str(folder), "--lang", lang, "--out", str(tmp_path / "watch-out")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**env, "PYTHONUNBUFFERED": "1"})

    def read():
        for line in process.stdout:
            lines.put((time.perf_counter(), line))
        lines.put((time.perf_counter(), None))

    threading.Thread(target=read, daemon=True).start()
    own, wall, last = [], [], ""
    try:
        status(lines, FIRST_BUILD_WAIT)
        settle(lines)
        for turn in range(edits):
            saved = time.perf_counter()
            edit(content, index, turn)
            arrived, last = status(lines, REBUILD_WAIT)
            own.append(float(SECONDS.findall(last)[-1]))
            wall.append(arrived - saved)
    except TimeoutError as exc:
        return f"not measured: {exc}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {"own": statistics.median(own), "wall": statistics.median(wall), "line": last.strip()}
