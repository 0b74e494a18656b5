"""A pause of Python's cyclic garbage collector around work that builds a large structure that lives on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (collections resume after it, if they ran before).

    Building a model allocates hundreds of thousands of small containers (markdown-it's tokens and syntax tree,
    the model's nodes, the transforms' copies) that all live to the end, or die by reference counting: every
    collection the allocations set off (hundreds per 5,000 paragraphs, a third of the time) only walks them
    again. What cyclic garbage the block leaves (the syntax tree's parent links) is collected after it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
