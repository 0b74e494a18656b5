"""Time spent per build stage (read, render, model, docx, pdf, write), for `ccdocs build --profile`."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Stopwatch:
    """Seconds accumulated per stage name, in the order the stages first ran."""

    seconds: dict = field(default_factory=dict)
    running: list = field(default_factory=list)
    workers: int = 1  # processes whose stages were added together

    def _charge(self, now: float) -> None:
        if self.running:
            name, since = self.running[-1]
            self.seconds[name] = self.seconds.get(name, 0.0) + now - since

    @contextmanager
    def stage(self, name: str):
        """Charge the time inside the `with` block to `name`, less the time of stages nested in it."""
        now = time.perf_counter()
        self._charge(now)
        self.running.append((name, now))
        self.seconds.setdefault(name, 0.0)
        try:
            yield
        finally:
            now = time.perf_counter()
            self._charge(now)
            self.running.pop()
            if self.running:
                self.running[-1] = (self.running[-1][0], now)

    def add(self, seconds: dict) -> None:
        """Add the seconds of another stopwatch (a worker's) to these stages."""
        for name, value in seconds.items():
            self.seconds[name] = self.seconds.get(name, 0.0) + value

    def line(self) -> str:
        """`profile: read 0.012s render 0.034s …`: the stages sum to the build's work, less start-up (run side
        by side in several workers, the work takes less time than its sum)."""
        shared = f" (summed over {self.workers} workers)" if self.workers > 1 else ""
        return "profile: " + " ".join(f"{name} {value:.3f}s" for name, value in self.seconds.items()) + shared
