"""The figure sandbox of a process: the environment figures are compiled in (`sandbox.FigureEnvironment`) and
every figure compiled in it, shared by the languages and documents built in the process (`templating.render`).

Made before the model is (a build's parent makes one for all its jobs), it imports nothing of Jinja2: the
environment is made when the first figure is compiled, which a build whose content files' blocks are all kept in
the per-user cache (`kept`) never does (Jinja2's import and environment are about a tenth of the parent's work
before its first fork).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

RULES = ("templating.py", "sandbox.py", "sources/decimals.py")  # the modules deciding what a figure compiles to


@dataclass
class Sandbox:
    """The figure environment and every figure compiled in it (by the expressions' texts), for any language."""

    compiled: dict = field(default_factory=dict)

    @cached_property
    def env(self):
        """The `sandbox.FigureEnvironment` figures are compiled and run in, made at first use."""
        from .sandbox import FigureEnvironment

        return FigureEnvironment()

    @cached_property
    def version(self) -> str:
        """A digest of the modules that decide what a figure compiles to (`RULES`), so that a cache entry is never
        read by code other than the one that wrote it."""
        here = Path(__file__).parent
        return hashlib.sha1(b"".join((here / name).read_bytes() for name in RULES)).hexdigest()
