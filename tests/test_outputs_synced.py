"""The outputs of a command are made durable before they replace the previous ones: every temporary file synced to
its disk, the syncs asked at once (each waits on the disk, not on the others: the sample's four outputs took 27 ms
one after the other on the machine measured, 13 ms at once), then every folder's entries synced after the renames.
A sync that fails is a write that fails: nothing is replaced, no `.part` file is left."""

from __future__ import annotations

import errno
import os
import threading

import pytest
from test_refuses_outputs import outputs, state

from bounded import within
from ccdocs.output import WriteError, write_all


def test_every_output_and_every_folder_is_synced(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    wanted = outputs(tmp_path / "out")
    write_all(wanted)
    files = [path for path in synced if ".part" in path]
    assert len(files) == len(wanted)  # each temporary, before its rename
    assert sorted({str(path.parent) for path in wanted}) == sorted(set(synced) - set(files))


def test_the_syncs_are_asked_at_once(tmp_path, monkeypatch):
    """Each temporary's sync waits until the syncs of all have begun: one after the other, the first would wait
    in vain (a BrokenBarrierError, the write failing)."""
    wanted = outputs(tmp_path / "out")
    begun = threading.Barrier(len(wanted), timeout=10)
    real = os.fsync

    def fsync(fd):
        if ".part" in os.readlink(f"/proc/self/fd/{fd}"):
            begun.wait()
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    within(lambda: write_all(wanted), 60, "the outputs synced at once")
    assert sorted(path.read_bytes() for path in wanted) == sorted(wanted.values())


@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC])
def test_a_sync_that_fails_leaves_every_previous_output_and_names_its_own(tmp_path, monkeypatch, code):
    wanted = outputs(tmp_path / "out")
    before = state(tmp_path)
    third = sorted(wanted)[2]
    real = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(third.parent / f".{third.name}.")):
            raise OSError(code, os.strerror(code))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError, match=f"cannot write {third}: {os.strerror(code)}.*nothing was written"):
        write_all(wanted)
    assert state(tmp_path) == before  # no output replaced, no `.part` left


def test_when_several_syncs_fail_the_first_output_in_order_is_named(tmp_path, monkeypatch):
    """review-14 R5: the output named was whichever sync failed first in time (on a failing disk, all of them)."""
    wanted = outputs(tmp_path / "out")
    order = list(wanted)
    real = os.fsync

    def fsync(fd):
        name = os.readlink(f"/proc/self/fd/{fd}")
        if ".part" in name:
            target = next(path for path in wanted if os.path.basename(name).startswith(f".{path.name}."))
            threading.Event().wait(0.05 * (len(order) - order.index(target)))  # the first in order fails last
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError, match=f"cannot write {order[0]}: "):
        write_all(wanted)
