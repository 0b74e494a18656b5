"""Results of pure readers and checks kept across the rebuilds of one process (`ccdocs watch`, a batch build).

A `Memo` made active by `with memo.active():` lets the functions marked `@of_file` (a reader of the file named by
its first argument) and `@pure` (a function of its arguments alone) give back a result they computed before:

- `of_file` keys a result on the file's path and the signature of what is on disk (device, inode, size,
  modification time in ns): a file saved again, or replaced by a rename, is read again;
- `pure` keys it on the arguments themselves (hashable: strings, frozen dataclasses, tuples); an argument
  that cannot be hashed calls the function as usual;
- `based` keys it on what the caller gives and on the memo's `basis`, the signatures of every input file but
  the content texts, set by who made the memo active (`ccdocs watch`): a content file's blocks are kept while
  its own text and every other input are as they were.

Results are kept for two rounds (`next_round`): one not used in the round before is dropped, so a long watch
session holds the results of the current files only. Without an active memo (every ordinary command) the marked
functions run as written. Raised errors are never kept: a file with a problem is read again, and its problem
told again, at every round. Callers must not change a result they are given (the next caller gets the same
object).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from pathlib import Path

CLOCK_TICK = 50_000_000  # ns: how far a file system time may lag time.time_ns() (a coarse clock tick, with room)

# The memo in force in this context (None: results are not kept); set only by `Memo.active`.
_ACTIVE: ContextVar[Memo | None] = ContextVar("ccdocs_memo", default=None)


class Memo:
    """Results by key, for this round and the one before; `basis`, while set by `active(basis)`: what every
    result kept by `based` also depends on (the signature of each input file but the content texts)."""

    def __init__(self) -> None:
        self.current: dict = {}
        self.previous: dict = {}
        self.basis: tuple | None = None

    @contextmanager
    def active(self, basis: tuple | None = None):
        """Keep and give back results inside the `with` block (in this thread or task); those of `based` only
        when a `basis` is given."""
        token = _ACTIVE.set(self)
        self.basis, before = basis, self.basis
        try:
            yield self
        finally:
            self.basis = before
            _ACTIVE.reset(token)

    def next_round(self) -> None:
        """Start a round: the results not used since the last call are dropped at the next one."""
        self.previous, self.current = self.current, {}

    def get(self, key, compute: Callable, keep: Callable | None = None):
        """The result kept under `key`, else `compute()`, kept under it unless `keep(result)` is false."""
        for kept in (self.current, self.previous):
            if key in kept:
                value = self.current[key] = kept[key]
                return value
        value = compute()
        if keep is None or keep(value):
            self.current[key] = value
        return value


def based(key: tuple, compute: Callable, keep: Callable | None = None):
    """`compute()`, kept by the active memo under `key` and the memo's basis when it has one (else computed),
    unless `keep(result)` is false: for a result that depends on `key` (its own text, say) and on any input file
    besides."""
    memo = _ACTIVE.get()
    if memo is None or memo.basis is None:
        return compute()
    return memo.get(("based", key, memo.basis), compute, keep)


def signature(path) -> tuple | None:
    """What tells one version of a file from another without reading it; None when it cannot be looked at."""
    try:
        found = os.stat(path)
    except (OSError, ValueError, TypeError):
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def of_file(func: Callable) -> Callable:
    """Mark `func(path, *args, **kwargs)`, a reader of the file at `path`, as kept by an active Memo."""

    @wraps(func)
    def kept(path, *args, **kwargs):
        memo = _ACTIVE.get()
        if memo is None:
            return func(path, *args, **kwargs)
        try:
            key = (func.__module__, func.__qualname__, Path(path), signature(path), args,
                   tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return func(path, *args, **kwargs)
        return memo.get(key, lambda: func(path, *args, **kwargs))

    return kept


def pure(func: Callable) -> Callable:
    """Mark `func`, whose result depends on its (hashable) arguments alone, as kept by an active Memo."""

    @wraps(func)
    def kept(*args, **kwargs):
        memo = _ACTIVE.get()
        if memo is None:
            return func(*args, **kwargs)
        try:
            key = (func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return func(*args, **kwargs)
        return memo.get(key, lambda: func(*args, **kwargs))

    return kept
