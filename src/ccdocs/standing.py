"""Workers forked once and kept: a long-lived process (`ccdocs watch`) hands each round's jobs to the same
workers, so no fork lands in a round and what a worker keeps between rounds stays warm.

Each worker is forked with the `Memo` and state it is given (a copy of the parent's at that moment: modules,
registered fonts, parsed files) and runs every job inside that memo, made active; the memo's rounds follow the
rounds given to `run`. A job always goes to the worker of its `slot` (slot modulo the workers), so the results a
worker kept for one output (its parsed texts, its writers' kept pieces) are at hand when that output is made
again. A job is called with the object the workers were given (`job(given)`: its copy in the worker, kept
from round to round); its outcome is as `workers.run_all` gives it: `(result, [])`, or `(None, problems)` for an
InputError.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import wait

from .sources.memo import Memo
from .errors import InputError
from .workers import WorkerLost, _interruptions_held, _lost, _portable, as_worker, send_outcome


class Standing:
    """`count` forked workers (started by `start`, ended by `close`), each running its jobs inside `memo` and
    calling them with `given`."""

    def __init__(self, count: int, memo: Memo, given=None):
        self.count = count
        self.memo = memo
        self.given = given
        self.workers: list = []  # (process, connection)

    def start(self) -> None:
        """Fork the workers (a copy of this process as it is now)."""
        context = multiprocessing.get_context("fork")
        gc.freeze()  # the workers' collections leave the objects inherited alone (their pages stay shared)
        try:
            for _ in range(self.count):
                mine, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, self.memo, self.given, os.getpid()), daemon=True)
                with _interruptions_held():
                    process.start()
                theirs.close()
                self.workers.append((process, mine))
        finally:
            gc.unfreeze()

    def run(self, number: int, jobs: list[tuple[int, Callable]]) -> list[tuple]:
        """The outcomes of `jobs` (slot, job), in their order, for round `number`. Raises a job's exception
        (other than an InputError) as it was raised, and WorkerLost when a worker ended without its outcome."""
        given: dict = {}
        for index, (slot, job) in enumerate(jobs):
            process, connection = self.workers[slot % self.count]
            connection.send((number, job))
            given.setdefault(connection, []).append(index)
        outcomes: dict = {}
        raised = None
        while given:
            for connection in wait(list(given)):
                try:
                    kind, payload = connection.recv()
                except EOFError:
                    process = next(p for p, c in self.workers if c is connection)
                    raise WorkerLost(_lost(process)) from None
                index = given[connection].pop(0)
                if not given[connection]:
                    del given[connection]
                if kind == "raised":
                    raised = raised or payload  # the others' outcomes are read, so the next round starts clean
                else:
                    outcomes[index] = payload
        if raised:
            exc, text = raised
            raise exc from _Traceback(text)
        return [outcomes[index] for index in range(len(jobs))]

    def close(self) -> None:
        """End the workers (they also end with this process)."""
        for process, connection in self.workers:
            connection.close()
            process.terminate()
        for process, _ in self.workers:
            process.join()
        self.workers = []


class _Traceback(Exception):
    """The traceback of an exception raised in a standing worker: the cause of the same exception raised here."""


def _serve(connection, memo: Memo, given, parent: int) -> None:
    """A worker's life: each job, called with `given` inside `memo` (a new round of it when the round number
    changes); its outcome, or its exception, sent back. Ends when the parent closes its end or ends; Ctrl-C is the
    parent's."""
    as_worker(parent)
    current = None
    while True:
        try:
            number, job = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        if number != current:
            memo.next_round()
            current = number
        try:
            with memo.active():
                message = ("done", (job(given), []))
        except InputError as exc:
            message = ("done", (None, exc.problems))
        except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
            message = ("raised", _portable(exc))
        send_outcome(connection, message)
