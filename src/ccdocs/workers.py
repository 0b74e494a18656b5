"""Independent jobs side by side: one forked worker process per CPU, each job's result sent back whole.

A job is called with `spawn`: a job may hand back follow-up jobs (picklable: a partial of a module function)
as soon as it can, so that a worker left idle takes them while the job goes on with its own longest part; and,
before them, `Readying` calls that ready the parent for its follow-ups (what only the job knows once it has read its
input: the fonts of the theme it read), which the parent makes at once, before it forks any later worker.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from contextlib import contextmanager, suppress
from functools import partial
from multiprocessing.connection import wait

from . import compiled
from .errors import Failure, InputError
from .gcpause import paused

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a Linux process gets when the process that started it ends
# The bytes a worker's pipe holds (Linux: F_SETPIPE_SZ; the default is 64 KB): what a job shares and spawns is sent
# without waiting for the parent, which reads only between its own calls (the sample's Sources pickle to 85 KB, and a
# single folder's job sends them while the parent makes its 0.08 s readying call). 64 workers' pipes take 16 MB of
# the 64 MB Linux lets a user's pipes hold before it makes new ones small (pipe-user-pages-soft).
PIPE_ROOM = 256 * 1024


class Readying:
    """A call a job hands the parent with `spawn` instead of a follow-up job: the parent makes it in its own process
    as soon as it gets it, before it forks any later worker (which inherits what it did); made in place when the
    jobs run one after the other. `call`: picklable (a partial of a module function)."""

    def __init__(self, call: Callable[[], object]):
        self.call = call


class Shared:
    """An object a job hands the parent once with `spawn`, before the follow-ups it gives to: they then name it, as
    they name what the job was given (`_handed`), rather than each carrying a copy (a folder's Sources, which the
    job read: its data files go to the parent once, and every follow-up forked inherits that one object); the job's
    result names it likewise (in a tuple). Nothing to do when the jobs run one after the other."""

    def __init__(self, thing):
        self.thing = thing


class WorkerError(Exception):
    """The traceback of an exception raised in a worker: the cause of the same exception raised again here."""


class WorkerLost(Failure):
    """A worker ended without sending its outcome: killed by a signal (the kernel's out-of-memory killer, say)
    or ended by its own call to exit."""


def cpu_count() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may start workers by forking (which shares everything read so far): the platform
    forks, and this process is not itself a daemonic worker (which multiprocessing forbids to have any)."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


def worker_count(jobs: int, workers: int | None = None) -> int:
    """How many processes `run_all` uses for `jobs` jobs: up to `workers` (default: one per CPU); 1 without fork."""
    count = min(jobs, cpu_count() if workers is None else workers)
    return count if count > 1 and can_fork() else 1


def run_all(jobs: list[Callable], workers: int | None = None, done: Callable | None = None,
            prepare: tuple[Callable[[], object], ...] = (), weight: Callable[[Callable], float] | None = None,
            needs: Callable[[Callable], int] | None = None, shared: tuple[Callable[[], object], ...] = (),
            spawning: int = 0) -> list[tuple]:
    """The `(result, problems)` of each job, each followed by those of the jobs it spawned: `(result, [])`, or
    `(None, problems)` when the job raised an InputError. `done(i, outcomes)` is called as soon as job i and
    every job it spawned have ended, with their outcomes (a progress bar's tick).

    Jobs run in forked workers, at most `workers` (default: one per CPU) at a time, or one after the other
    with one CPU, one job or no fork. Any other exception of a job ends the others and is raised here; so
    does an interruption, leaving no worker behind, and a worker killed before it sent its outcome gives a
    WorkerLost.

    `shared`: calls that ready this process for every worker (what each job would otherwise do first, once per
    worker), made here in their order before the first worker is forked; not made when the jobs run one after the
    other. `prepare`: calls that ready this process for the workers forked later (imports, fonts registered), each
    made once, in this process, in their order, while the first workers run (it would otherwise only wait for
    them) and before any later worker needing them is forked, which inherits what they did; not made when the jobs
    run one after the other (each job then does what it needs itself). `needs(job)`: how many of the `prepare`
    calls, from the first, a later worker or a follow-up running `job` needs made (default: all), so that a job
    needing few is not kept waiting for the calls only others need, made after its fork.

    `weight(job)`: how long a job takes, relatively; the jobs waiting for a worker are forked the heaviest first
    (in the order they came among equals; default: all in that order), so that a long follow-up is not queued
    behind short ones. `spawning`: how many follow-up jobs the jobs will hand back in all, counted with them when
    choosing how many workers to fork (one job spawning four runs side by side with them).
    """
    count = worker_count(len(jobs) + spawning, workers)
    outcomes = _serial(jobs, done) if count < 2 else _forked(jobs, count, done, list(prepare), weight, needs,
                                                             shared)
    return [outcomes[key] for key in sorted(outcomes)]


def _outcome(job: Callable, spawn: Callable) -> tuple:
    try:
        return job(spawn), []
    except InputError as exc:
        return None, exc.problems


def _ended(index: int, pending, outcomes: dict, done: Callable | None) -> None:
    """Call `done(index, outcomes of its family)` when no job of the family of job `index` is `pending`."""
    if done and all(key[0] != index for key in pending):
        done(index, [outcome for key, outcome in outcomes.items() if key[0] == index])


def _serial(jobs: list[Callable], done: Callable | None = None) -> dict:
    """Outcomes by key: (i,) for job i, (i, k) for the k-th job it spawned, and so on."""
    outcomes = {}
    waiting = [((index,), job) for index, job in enumerate(jobs)]
    while waiting:
        key, job = waiting.pop(0)
        spawned: list = []
        outcomes[key] = _outcome(job, partial(_kept_or_made, spawned))
        waiting[:0] = [((*key, n), more) for n, more in enumerate(spawned)]
        _ended(key[0], (k for k, _ in waiting), outcomes, done)
    return outcomes


def _kept_or_made(spawned: list, more) -> None:
    """What `spawn` does when the jobs run one after the other: a follow-up job kept in `spawned`, a Readying call
    made at once, a Shared object left (the follow-ups hold it)."""
    if isinstance(more, Readying):
        more.call()
    elif not isinstance(more, Shared):
        spawned.append(more)


def _end_with(parent: int) -> None:
    """Have Linux end this worker when its parent ends (killed, say); elsewhere it ends at its next send."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


class StandIn(Exception):
    """An exception a worker raised whose class the parent cannot rebuild from its pickle (an `__init__` needing
    other arguments than the exception keeps, as cairocffi's CairoError's `status`; attributes that do not pickle):
    raised in the parent as an instance of a class made there with the original's name and module, saying what the
    original said, so that it is reported (and caught as Exception) as the original would be."""

    def __init__(self, module: str, name: str, message: str):
        super().__init__(message)
        self.origin = (module, name)

    def __reduce__(self):
        return stand_in, (*self.origin, str(self))


def stand_in(module: str, name: str, message: str) -> StandIn:
    """A StandIn of a class named `name` (a qualified name) in `module`, saying `message`."""
    kind = type(name.rsplit(".", 1)[-1], (StandIn,), {"__module__": module, "__qualname__": name})
    return kind(module, name, message)


def _said(exc: BaseException) -> str:
    """What `exc` says (str), or its class's name when saying it fails."""
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the exception
        return type(exc).__name__


def _portable(exc: BaseException) -> tuple:
    """An exception as the parent can raise it again, and its traceback's text: itself when it comes back from its
    pickle as its class saying the same, else its StandIn (`stand_in`)."""
    text = "".join(traceback.format_exception(exc))
    try:
        back = pickle.loads(pickle.dumps(exc))
        if type(back) is type(exc) and _said(back) == _said(exc):
            return exc, text
    except Exception:  # noqa: BLE001 - any exception must reach the parent
        pass
    return stand_in(type(exc).__module__, type(exc).__qualname__, _said(exc)), text


def _interruptions() -> set:
    """The signals a command treats as Ctrl-C (SIGINT, SIGTERM, SIGHUP where the platform has them)."""
    return {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextmanager
def _interruptions_held():
    """Hold Ctrl-C and its kin while a worker is forked and recorded: one arriving inside os.fork's after-fork
    callbacks would be reported there as unraisable and lost; held, it is delivered (and raised here) after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _interruptions())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def as_worker(parent: int) -> None:
    """Make this forked process a worker of `parent`: the parent alone handles Ctrl-C; SIGTERM, SIGHUP and the
    parent's end end it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # ends the worker, whatever the parent's command made of them
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held by the parent while it forked (`_interruptions_held`)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _interruptions())
    _end_with(parent)


class _Given(int):
    """In a follow-up job sent to the parent: the n-th object its worker's job was given (`_given`)."""


def _given(job: Callable) -> tuple:
    """What `job` was given that a worker running it holds as the very objects of the parent that forked it: a
    partial's arguments and keyword values."""
    return (*job.args, *job.keywords.values()) if isinstance(job, partial) else ()


def _handed(more: Callable, given: tuple) -> Callable | tuple:
    """A follow-up job as a worker sends it: a partial's arguments (and the items of a tuple among them) that are
    objects its own job was given, or has shared since (`Shared`) (the document folder's sources, its theme: as large
    as the model they come with) named by their place among them, which the parent, holding the same objects, puts
    back (`_taken`) rather than pickling them and reading them again (half the bytes of a build's follow-up write,
    and of the parent's time reading it, before a write is forked). An object a job changed is not one to hand on. A
    Readying is sent as it is."""
    if not isinstance(more, partial):
        return more
    named = _naming(given)
    return more.func, tuple(map(named, more.args)), {name: named(value) for name, value in more.keywords.items()}


def _naming(given, start: int = 0) -> Callable:
    """A function naming each object of `given` from its `start`-th by its place (`_Given`), in a tuple too (a write's
    `translated`: its sources and language; a job's result), and leaving anything else as it is."""
    place = {id(thing): _Given(n) for n, thing in enumerate(given) if n >= start}

    def named(thing):
        if id(thing) in place:
            return place[id(thing)]
        return tuple(map(named, thing)) if type(thing) is tuple else thing

    return named


def _restoring(given) -> Callable:
    """The inverse of `_naming(given)`: each `_Given` put back as the object of its place."""
    def back(thing):
        return tuple(map(back, thing)) if type(thing) is tuple else given[thing] if type(thing) is _Given else thing

    return back


def _taken(sent: Callable | tuple, given: list) -> Callable:
    """The follow-up job `_handed` sent, with the objects its worker's job was given (or shared) put back."""
    if not isinstance(sent, tuple):
        return sent
    back = _restoring(given)
    func, args, keywords = sent
    return partial(func, *map(back, args), **{name: back(value) for name, value in keywords.items()})


def _work(job: Callable, sender, parent: int) -> None:
    """A worker's life: run `job`, send back what it spawns (`_handed`), then its outcome or its exception, then
    keep what it compiled anew for the next processes (`compiled.store`: a worker ends without running atexit); the
    parent alone handles Ctrl-C."""
    as_worker(parent)
    given = list(_given(job))  # and the objects the job shared since (`Shared`), in their order

    def spawn(more) -> None:
        if isinstance(more, Shared):
            given.append(more.thing)
            sender.send(("spawn", more))
        else:
            sender.send(("spawn", _handed(more, tuple(given))))

    try:
        result, problems = _outcome(job, spawn)  # what it shared named in its result too (not what it was given:
        message = ("done", (_naming(given, len(_given(job)))(result), problems))  # a job may change that)
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        message = ("raised", _portable(exc))
    send_outcome(sender, message)
    sender.close()
    compiled.store()


def send_outcome(connection, message: tuple) -> None:
    """Send a job's `message` to the parent over `connection`; an outcome that does not pickle is sent as the job's
    error."""
    try:
        connection.send(message)
    except Exception as exc:  # noqa: BLE001 - an outcome that does not pickle is an error of the job
        connection.send(("raised", _portable(exc)))


def _lost(process) -> str:
    """What ended a worker that sent no outcome, as a sentence."""
    process.join(5)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            how = f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"was killed by signal {-code}"
        if -code == signal.SIGKILL:
            how += " (the system may have run out of memory)"
    else:
        how = "ended without a result" + (f" (exit code {code})" if code is not None else "")
    return f"a build worker (process {process.pid}) {how}; nothing was written (run the command again)"


def _widened(connection) -> None:
    """Let the pipe of `connection` hold PIPE_ROOM bytes, where the system allows it (Linux; not beyond
    /proc/sys/fs/pipe-max-size, nor once the user's pipes hold their share): else its default room, which only
    keeps a worker sending more than that waiting until the parent reads. (Called where workers are forked: fcntl is
    a POSIX module.)"""
    import fcntl

    if hasattr(fcntl, "F_SETPIPE_SZ"):
        with suppress(OSError):
            fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_ROOM)


def _prepared(call: Callable[[], object]) -> None:
    """Make one `shared` or `prepare` call without cyclic collections, what it made then frozen as the rest of this
    process's objects are while workers are forked (`_forked`): it imports modules and reads data kept for the
    process's life, which each collection its allocations set off would walk for nothing, and so would the first
    collection after it (frozen before the collector resumes)."""
    with paused():
        call()
        gc.freeze()


def _forked(jobs: list[Callable], workers: int, done: Callable | None = None, prepare: list | None = None,
            weight: Callable | None = None, needs: Callable | None = None, shared: tuple = ()) -> dict:
    """Outcomes by key, as `_serial` gives them, each job in a worker forked when one is free (the heaviest
    waiting first, by `weight`); the `shared` calls made first; the `prepare` calls made one by one while no message
    waits, those a job `needs` (default: all) before it is forked in a worker after the first ones."""
    context = multiprocessing.get_context("fork")
    outcomes: dict = {}
    waiting = [((index,), job) for index, job in enumerate(jobs)]
    spawned: dict = {}
    running: dict = {}
    ended: list = []  # the workers whose outcome came, reaped at the end: one still exiting is not waited for
    prepare, forked = prepare or [], 0
    total = len(prepare)
    gc.freeze()  # the workers' collections then leave this process's objects alone (and their pages shared)
    try:
        for call in shared:
            _prepared(call)
        while waiting or running:
            while waiting and len(running) < workers:
                if forked >= workers or len(waiting[0][0]) > 1:  # a later worker, or a follow-up: what its job
                    #                                              needs of what it inherits is ready first
                    while total - len(prepare) < (total if needs is None else needs(waiting[0][1])):
                        _prepared(prepare.pop(0))
                gc.freeze()  # and shared as the rest is (what the calls made since the last fork)
                forked += 1
                key, job = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                _widened(receiver)
                process = context.Process(target=_work, args=(job, sender, os.getpid()), daemon=True)
                with _interruptions_held():  # a Ctrl-C during fork's own callbacks would be lost there
                    process.start()
                    sender.close()
                    running[receiver] = (key, process, list(_given(job)))  # and what it shares (`Shared`)
            ready = wait(list(running), timeout=0 if prepare else None)
            if not ready and prepare:  # between two messages: a worker sending its follow-ups is never kept waiting
                _prepared(prepare.pop(0))
                continue
            for receiver in ready:
                key, process, given = running[receiver]
                try:
                    kind, payload = receiver.recv()
                except EOFError:
                    raise WorkerLost(_lost(process)) from None
                if kind == "spawn" and isinstance(payload, Shared):  # named by its place by the follow-ups
                    given.append(payload.thing)
                    continue
                if kind == "spawn" and isinstance(payload, Readying):
                    _prepared(payload.call)
                    continue
                if kind == "spawn":
                    spawned[key] = spawned.get(key, 0) + 1
                    waiting.append(((*key, spawned[key] - 1), _taken(payload, given)))
                    if weight:
                        waiting.sort(key=lambda item: -weight(item[1]))  # stable: in order among equals
                    continue
                del running[receiver]
                receiver.close()
                ended.append(process)  # its exit (the kernel freeing its memory: tens of ms) keeps no fork waiting
                if kind == "raised":
                    exc, text = payload
                    raise exc from WorkerError(text)
                outcomes[key] = _restoring(given)(payload[0]), payload[1]
                _ended(key[0], [k for k, _ in waiting] + [k for k, *_ in running.values()], outcomes, done)
    finally:
        for _, process, _ in running.values():
            process.terminate()
        for receiver, (_, process, _) in running.items():
            process.join()
            receiver.close()
        for process in ended:
            process.join()
        gc.unfreeze()
    return outcomes
