"""Snapshots of built documents and their unified diffs."""

from __future__ import annotations

import difflib
import multiprocessing
import os
import resource
import signal
from dataclasses import dataclass
from pathlib import Path

from .. import workers
from ..errors import UsageError
from .docx_snapshot import docx_snapshot
from .pdf_snapshot import pdf_snapshot

READERS = {".docx": docx_snapshot, ".pdf": pdf_snapshot}
KINDS = {".docx": "DOCX", ".pdf": "PDF"}


@dataclass(frozen=True)
class Budget:
    """What reading one file may cost: `cpu` seconds of CPU, `memory` bytes of address space beyond what the
    process held before, `wall` seconds in all (a reader that waits rather than computes)."""

    cpu: int
    memory: int
    wall: int


# The largest paper ccdocs makes (5,000 paragraphs: 313 pages in Chinese, a 670 KB PDF) takes a PDF snapshot
# ~25 s of CPU and 55 MB (each page let go once read), its DOCX 0.5 s and 60 MB, on a loaded machine. A received
# file that needs several times that (a page stream inflating to millions of path operators, a part of millions
# of elements) is refused.
BUDGET = Budget(cpu=150, memory=512 * 2**20, wall=600)
# A snapshot's text, read from a file or made from a DOCX or PDF: that 5,000-paragraph paper's is some 1.5 MB, and
# `ccdocs diff` of two texts of 9 MB (100,000 lines) takes difflib some 1 s; a 404 MB text took 12.6 s and 1.8 GB
# (breaks-9). A DOCX or PDF file: that paper's PDF is 670 KB; a paper of photographs (20 MB each at most) may be
# far larger, but one beyond MOST_FILE would not be read within the budget's memory anyway.
MOST_TEXT = 16 * 2**20
MOST_FILE = 256 * 2**20


def snapshot(path: Path, budget: Budget | None = None) -> str:
    """The canonical text of a DOCX or PDF file, or the file itself when it is already a snapshot.

    A file that cannot be read as what its name says (random bytes, an empty file, a zip without
    `word/document.xml`, a truncated PDF, text that is not UTF-8) is a UsageError, exit 2: like diff(1),
    `ccdocs diff` keeps exit 1 for "they differ". So is one whose reading would exceed `budget` (default BUDGET):
    a DOCX or PDF is read in a forked process that the kernel stops beyond its CPU seconds and address space, and
    that is killed beyond its wall seconds (`_within`): a received file can make no reader hang or eat the memory.
    """
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    kind = KINDS.get(suffix, "snapshot (UTF-8 text)")
    most = MOST_TEXT if reader is None else MOST_FILE
    try:
        with open(path, "rb") as handle:
            data = handle.read(most + 1)
        if len(data) > most:
            raise UsageError(f"{path} holds more than {most // 2**20} MB, more than the snapshot of any paper "
                             f"{'needs' if reader is None else 'is made from'}; give a file ccdocs or Word wrote")
        if reader is None:  # its line ends as text mode reads them (`\r\n`, `\r`: `\n`)
            return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever reading the file raises
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise UsageError(f"{path} is not a readable {kind} ({reason}); give a file ccdocs or Word wrote, "
                         "whole") from exc
    done, said = _within(reader, data, budget or BUDGET)
    if done and len(said) > MOST_TEXT:
        done, said = False, f"its text would hold more than {MOST_TEXT // 2**20} MB, more than any paper's"
    if done:
        return said
    raise UsageError(f"{path} is not a readable {kind} ({said}); give a file ccdocs or Word wrote, whole")


def _within(reader, data: bytes, budget: Budget) -> tuple[bool, str]:
    """`(True, reader(data))`, or `(False, why not)`: the reader's error, or the budget it would exceed. Run in a
    forked child (where the platform forks; in this process otherwise, bounded by the readers' own limits only)."""
    if not workers.can_fork():
        return _read(reader, data)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(reader, data, budget, sender, os.getpid()), daemon=True)
    child.start()
    sender.close()
    outcome, late = None, False
    try:
        if receiver.poll(budget.wall):
            outcome = receiver.recv()
        else:
            late = True
    except EOFError:  # ended without a word: the kernel stopped it
        pass
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome is not None:
        return outcome
    if late:
        return False, f"reading it takes more than {budget.wall} s, more than any document needs"
    if child.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return False, f"reading it takes more than {budget.cpu} s of CPU, more than any document needs"
    return False, f"reading it ended with exit status {child.exitcode}"


def _child(reader, data: bytes, budget: Budget, sender, parent: int) -> None:
    """The forked reader: limits set, `_read`'s outcome sent."""
    workers.as_worker(parent)
    resource.setrlimit(resource.RLIMIT_CPU, (budget.cpu, budget.cpu + 5))  # SIGXCPU at the first, SIGKILL after
    held = _address_space()
    if held is not None:
        resource.setrlimit(resource.RLIMIT_AS, (held + budget.memory, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        outcome = _read(reader, data)
    except MemoryError:
        outcome = False, f"reading it needs more than {budget.memory // 2**20} MB, more than any document needs"
    sender.send(outcome)
    sender.close()


def _read(reader, data: bytes) -> tuple[bool, str]:
    """`(True, reader(data))`, or `(False, the error it raised)`; a MemoryError goes up (`_child` says it)."""
    try:
        return True, reader(data)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file makes the readers raise
        return False, str(exc) or type(exc).__name__


def _address_space() -> int | None:
    """The bytes of address space this process holds (Linux's /proc/self/statm), None where it cannot be told."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def unified(old: str, new: str, old_name: str = "a", new_name: str = "b") -> str:
    """A unified diff of two snapshots; empty when they are equal."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        old_name, new_name))
