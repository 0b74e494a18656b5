"""An exception raised in a worker reaches the parent as the same exception (its class's name, module and message)
with the worker's traceback as its cause, whether or not its class can be rebuilt from a pickle: a class whose
`__init__` needs other arguments than it keeps (cairocffi's CairoError needs a `status`) and one holding what
does not pickle at all. The command then gives the same internal-error report, and with --debug the worker's
traceback."""

from __future__ import annotations

import threading
from functools import partial

import pytest

import ccdocs.pipeline
from ccdocs.workers import WorkerError, can_fork, run_all
from refusals import invoke, seed_previous, state

forking = pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")


class NeedsStatus(Exception):
    """As cairocffi's CairoError: rebuilt from its pickle as NeedsStatus(message), which lacks `status`."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


class HoldsALock(Exception):
    """An exception whose attributes do not pickle at all."""

    def __init__(self, message):
        super().__init__(message)
        self.lock = threading.Lock()


class Plain(Exception):
    """An exception that crosses the boundary whole."""


RAISED = {"needs-status": lambda: NeedsStatus("surface finished", 12), "holds-a-lock": lambda: HoldsALock("locked"),
          "plain": lambda: Plain("plain fault")}


def square(n, spawn):
    return n * n


def raising(kind, spawn):
    raise RAISED[kind]()


@forking
@pytest.mark.parametrize("kind", sorted(RAISED))
def test_a_workers_exception_is_raised_here_as_its_class_says_it_with_the_workers_traceback(kind):
    with pytest.raises(Exception) as caught:
        run_all([partial(square, 2), partial(raising, kind)], 2)
    original = RAISED[kind]()
    assert type(caught.value).__name__ == type(original).__name__
    assert type(caught.value).__module__ == type(original).__module__
    assert str(caught.value) == str(original)
    assert isinstance(caught.value.__cause__, WorkerError)
    assert "in raising" in str(caught.value.__cause__)
    assert f"{type(original).__name__}: {original}" in str(caught.value.__cause__)


@forking
@pytest.mark.parametrize("kind", sorted(RAISED))
def test_the_command_reports_it_as_an_internal_error_and_debug_shows_the_workers_traceback(
        kind, make_doc, tmp_path, monkeypatch):
    def broken(*args, **kwargs):  # in each language's model worker
        raise RAISED[kind]()

    monkeypatch.setattr(ccdocs.pipeline, "apply_all", broken)
    original = RAISED[kind]()
    folder, out = make_doc(), tmp_path / "out"
    seed_previous(out)
    before = state(out)
    for debug in ((), ("--debug",)):
        code, output, escaped = invoke(["build", str(folder), "--format", "json", "--out", str(out), *debug])
        assert (code, escaped) == (70, False), output
        assert f"ccdocs: internal error: {type(original).__name__}: {original}; this is a fault of ccdocs" in output
        assert ("Traceback" in output) == bool(debug), output
        if debug:
            assert "in broken" in output and "WorkerError" in output, output
    assert state(out) == before
