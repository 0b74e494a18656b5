"""Jobs side by side in forked workers: results in order, problems kept, failures raised, no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from ccdocs.errors import InputError, Problem
from ccdocs.workers import Readying, Shared, WorkerError, can_fork, run_all

forking = pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")


def square(n, spawn):
    return n * n


def with_follow_ups(n, spawn):
    for k in range(2):
        spawn(partial(square, n * 10 + k))
    return -n


def refused(name, spawn):
    raise InputError([Problem(name, 1, 1, f"{name} is wrong")])


def broken(spawn):
    return {}["missing"]


def waits_for(path: Path, spawn):
    """Stand in for a long job: say where this worker is, then wait to be ended."""
    path.write_text(str(os.getpid()))
    time.sleep(60)


def interrupts(path: Path, spawn):
    """Press Ctrl-C in the parent once the other worker has started."""
    while not path.exists() or not path.read_text():
        time.sleep(0.01)
    os.kill(os.getppid(), signal.SIGINT)
    time.sleep(60)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_outcomes_come_in_job_order_each_followed_by_what_it_spawned(workers):
    jobs = [partial(square, 2), partial(with_follow_ups, 3), partial(square, 4)]
    assert run_all(jobs, workers) == [(4, []), (-3, []), (900, []), (961, []), (16, [])]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_job_that_refuses_its_input_gives_its_problems_and_the_others_still_run(workers):
    outcomes = run_all([partial(refused, "a.md"), partial(square, 5), partial(refused, "b.md")], workers)
    assert [result for result, _ in outcomes] == [None, 25, None]
    assert [[str(p) for p in found] for _, found in outcomes] == [
        ["a.md:1:1: error: a.md is wrong"], [], ["b.md:1:1: error: b.md is wrong"]]


@forking
def test_an_unexpected_error_in_a_worker_is_raised_here_with_the_workers_traceback():
    with pytest.raises(KeyError) as caught:
        run_all([partial(square, 2), broken], 2)
    assert isinstance(caught.value.__cause__, WorkerError)
    assert "in broken" in str(caught.value.__cause__)


@forking
def test_ctrl_c_ends_every_worker_and_is_raised_here(tmp_path):
    where = tmp_path / "pid"
    with pytest.raises(KeyboardInterrupt):
        run_all([partial(waits_for, where), partial(interrupts, where)], 2)
    assert gone(int(where.read_text())), "an interrupted run leaves no worker behind"


@forking
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel ends orphans on Linux only")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    where = tmp_path / "pid"
    script = ("import os, signal, sys, threading; from functools import partial; from pathlib import Path\n"
              "sys.path.insert(0, sys.argv[2]); from test_workers import waits_for, square\n"
              "from ccdocs.workers import run_all\n"
              "def kill():\n"
              "    while not Path(sys.argv[1]).exists() or not Path(sys.argv[1]).read_text(): pass\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n"
              "threading.Thread(target=kill, daemon=True).start()\n"
              "run_all([partial(waits_for, Path(sys.argv[1])), partial(square, 1)], 2)\n")
    parent = subprocess.run([sys.executable, "-c", script, str(where), str(Path(__file__).parent)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    assert parent.returncode == -signal.SIGKILL
    pid = int(where.read_text())
    for _ in range(500):
        if gone(pid):
            break
        time.sleep(0.01)
    assert gone(pid), "a worker whose parent was killed goes on running"


def nested(spawn):
    return run_all([partial(square, 3), partial(square, 4)], 2)


@forking
def test_a_worker_runs_its_own_jobs_one_after_the_other():
    assert run_all([nested, partial(square, 2)], 2) == [([(9, []), (16, [])], []), (4, [])]


PREPARED = "CCDOCS_TEST_PREPARED"


def prepared(spawn):
    """What the worker inherited of the parent's `prepare` calls (the variable they set), itself and in the
    follow-up it spawns."""
    spawn(partial(seen, PREPARED))
    return os.environ.get(PREPARED)


def seen(name, spawn):
    return os.environ.get(name)


@forking
def test_the_prepare_calls_are_made_here_after_the_first_workers_start_and_before_any_later_one(monkeypatch):
    """The first workers start at once (they do not wait for what only later ones use); every later worker, a
    job's follow-up or the next job of a batch, inherits what the calls did."""
    monkeypatch.delenv(PREPARED, raising=False)
    calls = []
    outcomes = run_all([prepared, prepared, prepared], 2,
                       prepare=(partial(calls.append, "one"), partial(monkeypatch.setenv, PREPARED, "yes")))
    assert calls == ["one"]
    assert [result for result, _ in outcomes] == [None, "yes", None, "yes", "yes", "yes"]


FIRST, SECOND = "CCDOCS_TEST_FIRST", "CCDOCS_TEST_SECOND"


def pid_noted(folder: Path, more: tuple, spawn):
    """Note this worker's pid in `folder`, then hand on each of `more` (a job needing few of the parent's
    `prepare` calls, one needing all)."""
    (folder / str(os.getpid())).touch()
    for name in more:
        spawn(partial(inherited, name))


def inherited(name, spawn):
    return name, os.environ.get(FIRST), os.environ.get(SECOND)


def ended(folder: Path, count: int) -> None:
    """Wait (30 s at most) until `count` workers noted their pid in `folder` and have all ended (`_gone`: every
    message they sent is waiting in its pipe or read), then set FIRST."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = [entry.name for entry in folder.iterdir()]
        if len(pids) == count and all(_gone(int(pid)) for pid in pids):
            break
        time.sleep(0.01)
    os.environ[FIRST] = "yes"


def _gone(pid: int) -> bool:
    """Whether the worker `pid` has ended: a zombie not yet joined, or joined already."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] == "Z"
    except FileNotFoundError:
        return True



@forking
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="the test reads workers' states in /proc")
def test_a_later_worker_waits_only_for_the_prepare_calls_its_job_needs(tmp_path, monkeypatch):
    """A build's PDF writes are forked once the PDF writer and the faces are ready, not after python-docx is
    imported too: a job `needs` the first calls; one that needs them all waits for them all."""
    monkeypatch.delenv(FIRST, raising=False)
    monkeypatch.delenv(SECOND, raising=False)
    outcomes = run_all([partial(pid_noted, tmp_path, ("few", "all")), partial(pid_noted, tmp_path, ())], 2,
                       prepare=(partial(ended, tmp_path, 2), partial(monkeypatch.setenv, SECOND, "yes")),
                       needs=lambda job: 1 if job.args[0] == "few" else 2)
    assert [result for result, _ in outcomes if result] == [("few", "yes", None), ("all", "yes", "yes")]

def test_jobs_run_one_after_the_other_make_no_prepare_call(monkeypatch):
    monkeypatch.delenv(PREPARED, raising=False)
    calls = []
    assert run_all([prepared], 1, prepare=(partial(calls.append, "one"),), shared=(partial(calls.append, "two"),)) \
        == [(None, []), (None, [])]
    assert calls == []


@forking
def test_the_shared_calls_are_made_here_before_the_first_worker_starts(monkeypatch):
    """What every job would do first (a build's language profiles and catalogs read) is done once, here: the
    first workers inherit it, as the later ones do."""
    monkeypatch.delenv(PREPARED, raising=False)
    calls = []
    outcomes = run_all([prepared, prepared, prepared], 2, prepare=(partial(calls.append, "prepared"),),
                       shared=(partial(calls.append, "shared"), partial(monkeypatch.setenv, PREPARED, "yes")))
    assert calls == ["shared", "prepared"]
    assert [result for result, _ in outcomes] == ["yes"] * 6


@forking
def test_what_the_calls_make_is_left_to_no_collection_of_this_process():
    """The calls import modules and read data kept for the process's life: no cyclic collection walks what they
    make, during the call or after it (frozen before the collector resumes; a cold sample build's parent made
    ~200 collections, ~0.05-0.1 s, most of them during its imports)."""
    import gc

    collections = []

    def counted(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    def allocates():
        kept.extend([[n] for n in range(100_000)])  # containers, as modules' and data's are

    kept: list = []
    gc.callbacks.append(counted)  # the collector's own list (the module attribute is that list)
    try:
        run_all([prepared, prepared, prepared], 2, prepare=(allocates,), shared=(allocates,))
    finally:
        gc.callbacks.remove(counted)
    assert len(collections) < 10, collections  # collected as they come, the 200,000 lists set off ~280


def logs(path: Path, name: str, spawn):
    """Write `name` to the log at `path` as this worker starts."""
    with open(path, "a") as handle:
        handle.write(name + "\n")


def hands_on(path: Path, spawn):
    spawn(partial(logs, path, "light"))
    spawn(partial(logs, path, "heavy"))


def holds_until_logged(path: Path, spawn):
    """Keep the other worker's place until a follow-up has started (then one more place frees)."""
    deadline = time.monotonic() + 30
    while (not path.exists() or not path.read_text()) and time.monotonic() < deadline:
        time.sleep(0.01)


@forking
def test_the_heaviest_follow_up_waiting_is_forked_first(tmp_path):
    """A job hands on a light job, then a heavy one, while the other worker is busy: the one place that frees
    takes the heavy job (a build's zh PDF is not queued behind the en DOCX)."""
    log = tmp_path / "log"
    run_all([partial(hands_on, log), partial(holds_until_logged, log)], 2,
            weight=lambda job: 1 if job.args[1] == "heavy" else 0)
    assert log.read_text().split() == ["heavy", "light"]
    log.unlink()
    run_all([partial(hands_on, log), partial(holds_until_logged, log)], 2)
    assert log.read_text().split() == ["light", "heavy"], "without weights, in the order handed on"


def hands_on_what_it_was_given(given: dict, other: dict, spawn):
    """Hand on a follow-up given what this job was given, a copy of it, and what it made itself."""
    spawn(partial(where_they_are, given, dict(given), made={"made": "here"}, also=other))
    return None


def where_they_are(given: dict, copied: dict, spawn, made: dict, also: dict):
    """The addresses of the objects this follow-up was given, in its worker (a fork of the parent: the same
    addresses as the parent's objects, for those that are the parent's own), and their values."""
    return {name: (id(thing), thing) for name, thing in
            (("given", given), ("copied", copied), ("made", made), ("also", also))}


@forking
def test_a_follow_up_gets_back_the_very_objects_its_job_was_given():
    """What a job hands on of what it was given (a build's sources and theme, beside the model it made) reaches the
    parent as a reference, not as a copy to pickle and read again: the follow-up's worker, forked from the parent,
    holds the parent's own objects. What the job made, or copied, comes as a copy, equal."""
    given, other = {"texts": "x" * 100_000}, {"theme": 1}
    outcomes = run_all([partial(hands_on_what_it_was_given, given, other), partial(square, 3)], 2)
    assert outcomes[0] == (None, [])
    seen, problems = outcomes[1]
    assert problems == []
    assert seen["given"] == (id(given), given) and seen["also"] == (id(other), other)
    assert seen["copied"][1] == given and seen["copied"][0] != id(given)
    assert seen["made"][1] == {"made": "here"}
    assert outcomes[2] == (9, [])


READIED = "CCDOCS_TEST_READIED"


def readies_then_hands_on(spawn):
    """Hand the parent a call that readies it (sets READIED), then two follow-ups reading what they inherited, and
    note this worker's pid."""
    spawn(Readying(partial(set_variable, READIED, "yes")))
    spawn(partial(readied_in, os.getpid()))
    spawn(partial(readied_in, os.getpid()))
    return os.getpid(), os.environ.get(READIED)


def set_variable(name: str, value: str) -> None:
    os.environ[name] = value


def readied_in(spawner: int, spawn):
    return os.getpid() != spawner, os.getpid() == os.getppid(), os.environ.get(READIED)


@forking
def test_a_jobs_readying_call_is_made_in_the_parent_before_its_follow_ups_are_forked(monkeypatch):
    """A single folder's job reads the folder, then hands the parent the fonts to register for the writes it
    spawns next: the parent makes the call itself (the job's own process is not readied), and every follow-up,
    forked from the parent while the job still runs (`spawning`: one job, two workers), inherits what it did."""
    monkeypatch.delenv(READIED, raising=False)
    outcomes = run_all([readies_then_hands_on], 2, spawning=2)
    (pid, readied_here), *follow_ups = [result for result, _ in outcomes]
    assert readied_here is None and pid != os.getpid()
    assert follow_ups == [(True, False, "yes")] * 2
    assert os.environ.get(READIED) == "yes"


def test_a_readying_call_is_made_in_place_when_the_jobs_run_one_after_the_other(monkeypatch):
    monkeypatch.delenv(READIED, raising=False)
    outcomes = run_all([readies_then_hands_on], 2)  # one job, no follow-up counted: no worker forked
    assert [result for result, _ in outcomes] == [(os.getpid(), "yes"), (False, False, "yes"), (False, False, "yes")]


BIG = "x" * 100_000


def shares_then_hands_on(spawn):
    """Share one object (made here, as a folder's job reads its Sources), then hand it to two follow-ups."""
    thing = {"data": BIG}
    spawn(Shared(thing))
    spawn(partial(identity_of, (thing, "a")))
    spawn(partial(identity_of, (thing, "b")))


def identity_of(pair, spawn):
    return id(pair[0]), pair[1], len(pair[0]["data"])


@forking
def test_an_object_a_job_shares_goes_to_the_parent_once_and_its_follow_ups_inherit_that_one(monkeypatch):
    """review-12 R8: each write of a single folder carried a pickled copy of its Sources (data files of megabytes,
    read back in the parent once per write). Shared once, the follow-ups name it: both get the parent's one object
    (inherited by their forks at one address), not a copy each."""
    outcomes = run_all([shares_then_hands_on], 2, spawning=2)
    (a, name_a, size_a), (b, name_b, size_b) = [result for result, _ in outcomes[1:]]
    assert (name_a, name_b, size_a, size_b) == ("a", "b", 100_000, 100_000)
    assert a == b


def shares_hands_on_and_returns(spawn):
    thing = {"data": BIG}
    spawn(Shared(thing))
    spawn(partial(identity_of, (thing, "a")))
    return thing, len(BIG)


@forking
def test_a_jobs_result_names_what_it_shared(monkeypatch):
    """review-12 R8 (follow-up): a single folder's job returned its Sources for the command's notes, a second copy
    of its data in the parent beside the one it had shared. A job's result names what it shared: the parent's outcome
    is the one object its follow-ups inherited."""
    (result, _), (follow_up, _) = run_all([shares_hands_on_and_returns], 2, spawning=1)
    thing, size = result
    assert size == 100_000 and thing == {"data": BIG}
    assert id(thing) == follow_up[0]


def readies_then_shares_much(folder: Path, spawn):
    """Hand the parent a readying call that waits for this job, then share SOURCES_LIKE bytes (a folder's Sources
    pickle to 85 KB for the sample, past a pipe's default 64 KB) and note, once the sending returned, that it
    did: what a single folder's job does before making its models."""
    spawn(Readying(partial(waits_for_note, folder / "sent")))
    spawn(Shared(b"s" * SOURCES_LIKE))
    (folder / "sent").touch()


SOURCES_LIKE = 200_000


def waits_for_note(path: Path) -> None:
    """A long readying call (the parent registering fonts): it ends when `path` is made, or after 20 s, and says
    which (environment variable READIED)."""
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.environ[READIED] = "noted" if path.exists() else "waited"


@forking
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipes are widened where Linux lets them")
def test_a_job_shares_what_it_read_while_the_parent_makes_its_readying_call(tmp_path, monkeypatch):
    """A single folder's job sent its Sources (85 KB) while the parent registered the fonts (its readying call), and
    waited for the parent to read them past the pipe's 64 KB: its models came 0.08-0.2 s late. A worker's pipe
    holds what it sends now (`workers.PIPE_ROOM`): the job goes on at once."""
    monkeypatch.delenv(READIED, raising=False)
    run_all([partial(readies_then_shares_much, tmp_path)], 2, spawning=1)
    assert os.environ.get(READIED) == "noted"
