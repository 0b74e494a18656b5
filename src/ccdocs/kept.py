"""What a rebuild keeps of the model (`ccdocs watch`): the blocks of a content file whose text, once translated
and its figures rendered, is as it was, while no other input file changed (`sources.memo.based`)."""

from __future__ import annotations

from collections.abc import Callable

from .errors import Collector
from .sources.memo import based


def parsed(parse: Callable, key: tuple, out: Collector, placers: tuple) -> tuple:
    """The blocks `parse()` gives, kept under `key` (everything the parse is given but the placers, the file
    and its rendered text first) with the names each of `placers` (TablePlacer, ChartPlacer) placed meanwhile,
    which are marked placed again when the blocks are given back. A parse that found problems is not kept:
    they are told again at each round."""

    def compute():
        found, before = len(out.problems), [set(placer.placed) for placer in placers]
        blocks = parse()
        if len(out.problems) > found:
            return blocks, None
        return blocks, tuple(frozenset(placer.placed - names) for placer, names in zip(placers, before))

    blocks, placed = based(("blocks", *key), compute, keep=lambda result: result[1] is not None)
    for placer, names in zip(placers, placed or ()):
        placer.placed.update(names)
    return blocks
