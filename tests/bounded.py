"""A call made in a forked child and waited for at most a bound: a hang fails the test, nothing is timed."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable


def _send(sender, call: Callable) -> None:
    sender.send(call())
    sender.close()


def within(call: Callable, seconds: float, what: str):
    """What `call()` returns, made in a forked child; an AssertionError saying `what` was not done when the child
    has not answered within `seconds` (the bound far above the honest cost)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send, args=(sender, call))
    child.start()
    sender.close()
    try:
        assert receiver.poll(seconds), f"{what} within {seconds} s"
        return receiver.recv()
    finally:
        if child.is_alive():
            child.kill()
        child.join()
