"""The contract every bad input is held to, shared by the table-driven `test_refuses_*.py` files.

A refused input must give: the expected exit code (1 for the input, 2 for the command line), no `Traceback`,
the message fragment, the location *of the input* (`file:line` of the document folder or catalog, never of the
toolkit), nothing written (no new file anywhere, previous outputs byte-identical, no `.part` file left), and
`check` refusing it too with the same message (check finds everything build would refuse).

A `Case` is one row of a table; `refused(case, make_doc, tmp_path)` runs it. Every case runs the command with
click's runner; a case with a `timeout` runs it in a forked child process (the command whole, its workers and all,
without a new interpreter's start-up) killed after that many seconds (a hang fails the test; the bound is far above
the honest cost, so this is never a timing test of the machine); other cases run in this process, the build's jobs
one after the other (see `in_one_process`).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import re
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from unittest import mock

from click.testing import CliRunner

from ccdocs import workers
from ccdocs.cli import main

SLUG = "wo_cc_86_inf_1"
PREVIOUS = {f"{lang}/{SLUG}.{fmt}": f"previous {lang} {fmt}\n".encode() for lang in ("en", "zh")
            for fmt in ("json", "docx", "pdf")}


@dataclass(frozen=True)
class Case:
    """One bad input: the files over the minimal document, the command's extra arguments, what must be said.

    `files` maps a path in the document folder to its text (str), bytes, or None (removed). `where` is the
    location that must be named (`"document.yaml:5"`, or `"document.yaml:"` when any line will do), None when the
    error is about the command line. `command` is `build` (run as `build DOC --format json --out OUT` plus `args`)
    or any other command line with `{doc}` and `{out}` standing for the folder and the output folder. `setup` may
    change the folder (or the output folder) further before the run: `setup(folder, out)`.
    """

    id: str
    files: dict
    fragment: str
    where: str | None
    code: int = 1
    args: tuple = ()
    command: tuple | None = None
    check: bool = True
    timeout: float | None = None
    env: dict = field(default_factory=dict)
    setup: Callable | None = None


def state(*roots: Path) -> dict:
    """Every file under `roots` with its bytes (symbolic links as their target's text)."""
    found = {}
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_symlink():
                found[path] = ("link", os.readlink(path))
            elif path.is_file():
                found[path] = path.read_bytes()
    return found


def seed_previous(out: Path) -> None:
    """Outputs of an earlier build, which a refused one must leave byte-identical."""
    for name, data in PREVIOUS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def invoke(argv: list[str], env: dict | None = None):
    """(exit code, everything printed, whether a Python exception escaped) of `ccdocs argv` run by click's runner
    in this process."""
    result = CliRunner().invoke(main, argv, env=env or None, catch_exceptions=True)
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    text = result.output + (repr(result.exception) if escaped else "")
    return result.exit_code, text, escaped


def _forked(sender, argv: list[str], env: dict | None, cwd: Path | None) -> None:
    """The child's side of `run` with a timeout: `invoke` in the folder `cwd`, its outcome sent whole."""
    if cwd is not None:
        os.chdir(cwd)
    sender.send(invoke(argv, env))
    sender.close()


def run(argv: list[str], env: dict | None = None, timeout: float | None = None, cwd: Path | None = None):
    """(exit code, everything printed, whether a Python exception escaped) of `ccdocs argv`; with a `timeout` (s),
    in a forked child killed when it has not ended by then (an AssertionError), as it is when it dies silently."""
    if timeout is None and cwd is None:
        return invoke(argv, env)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_forked, args=(sender, argv, env, cwd))
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise AssertionError(f"`ccdocs {' '.join(argv)}` did not end within {timeout} s")
        return receiver.recv()
    except EOFError:
        child.join()
        raise AssertionError(f"`ccdocs {' '.join(argv)}` died without an outcome (exit {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def crossed(value):
    """`value` as a worker process sends it to the build's parent: pickled and read back."""
    return pickle.loads(pickle.dumps(value))


@contextmanager
def in_one_process():
    """The build's jobs run one after the other in this process, each outcome and each job a job hands on still
    crossing the pickle of a process boundary (forked workers' results must pickle; they are tested in
    test_workers.py and test_parallel_build.py, and a case with a `timeout` runs the real command, workers and all).
    Forking the test process for every job costs more than the job."""
    serial = workers._outcome

    def outcome(job, spawn):
        return crossed(serial(job, lambda more: spawn(crossed(more))))

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(workers, "_outcome", outcome):
        yield


def located(where: str, output: str) -> bool:
    """Whether `output` names `where` (`file:line` as a whole line number, or `file:` with any line)."""
    pattern = re.escape(where) + ("" if where.endswith(":") else r"(?::\d+)?:? ")
    return re.search(r"(^|[\s/])" + pattern, output, re.M) is not None


def assert_refusal(code: int, output: str, escaped: bool, case: Case) -> None:
    """The exit code, no traceback, the fragment and the location."""
    assert not escaped, output
    assert "Traceback" not in output, output
    assert code == case.code, f"exit {code}, expected {case.code}:\n{output}"
    assert case.fragment in output, output
    if case.where is not None:
        assert located(case.where, output), f"`{case.where}` is not named:\n{output}"


def refused(case: Case, folder: Path, out: Path) -> str:
    """Run `case` against a document `folder` and an output folder `out`; assert the contract; the output."""
    seed_previous(out)
    if case.setup:
        case.setup(folder, out)
    before = state(folder, out)
    if case.command is None:
        argv = ["build", str(folder), "--format", "json", "--out", str(out), *case.args]
    else:
        argv = [str(part).format(doc=folder, out=out) for part in case.command]
    with in_one_process() if case.timeout is None else nullcontext():
        code, output, escaped = run(argv, case.env, case.timeout)
    assert_refusal(code, output, escaped, case)
    after = state(folder, out)
    assert not [p for p in after if p.name.endswith(".part")], "a .part file was left behind"
    assert after == before, "a refused command changed files: " + ", ".join(
        str(p) for p in sorted(set(after) ^ set(before) | {p for p in after if after.get(p) != before.get(p)}))
    if case.check and case.command is None and case.code == 1:
        with in_one_process() if case.timeout is None else nullcontext():
            code, checked, escaped = run(["check", str(folder)], case.env, case.timeout)
        assert_refusal(code, checked, escaped, case)
        assert state(folder, out) == before
    return output


def made_later(make: Callable, *args) -> Callable:
    """`make(*args)` as a file's content (or `put`'s data) that is made when a case first writes it, then kept:
    an input of megabytes is made by the one test writing it, not by every pytest-xdist worker collecting the
    module."""
    return cache(partial(make, *args))


def write_files(folder: Path, files: dict) -> None:
    """Write (str as UTF-8, bytes as given, a function's result: `made_later`) or remove (None) each file of
    `files` under `folder`."""
    for name, content in files.items():
        path = folder / name
        if callable(content):
            content = content()
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
