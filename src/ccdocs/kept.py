"""What a build keeps of the model: the blocks of a content file, made of its translated text by rendering its
figures and reading its Markdown (`parsed`).

- Within one process (`ccdocs watch`, a batch build): kept by the active `sources.memo.Memo` while the text is as
  it was and no other input file changed (`sources.memo.based`).
- Across processes (each build's model worker is a new one): kept in the per-user cache (`ccdocs.cache`, entries
  signed per user) under the text, the file's name, and `grounds`: a digest of everything else the figures and
  blocks are made of. Unpickling a file's blocks costs about a thirtieth of rendering and parsing it (the sample:
  4 ms of CPU for its 14 files in two languages, against 0.11 s of parsing and 0.02-0.03 s of figures).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from .errors import Collector
from .i18n.cached import code, read_kept, write_kept
from .i18n.catalogs import po_path as content_catalog
from .l10n.catalog import po_path as toolkit_catalog
from .sources.bounds import CATALOG, CSV, Beyond, read_within
from .sources.memo import CLOCK_TICK, based

KIND = "blocks"  # the per-user cache entries of a content file's blocks


def parsed(parse: Callable, key: tuple, out: Collector, placers: tuple, grounds: str | None = None) -> tuple:
    """The blocks `parse()` gives, kept under `key` (everything the parse is given but the placers, the file
    and its translated text first) with what each of `placers` (TablePlacer, ChartPlacer) placed meanwhile (its
    `since`: the names, each table's rows), which it counts again (`replay`) when kept blocks are given back. With `grounds` (see `grounds`) they are also
    kept in the per-user cache for the next processes. A parse that found problems is not kept: they are told
    again at each round and each build."""

    parsing = False  # the blocks are parsed now: the placers counted what they placed

    def compute():
        nonlocal parsing
        stored = _stored(key, grounds)
        if stored is not None:
            kept = read_kept(KIND, stored, "")
            if kept is not None:
                return kept
        found, before, parsing = len(out.problems), [placer.mark() for placer in placers], True
        blocks = parse()
        if len(out.problems) > found:
            return blocks, None
        result = blocks, tuple(placer.since(mark) for placer, mark in zip(placers, before))
        if stored is not None:
            write_kept(KIND, stored, result, "")
        return result

    blocks, placed = based((KIND, *key), compute, keep=lambda result: result[1] is not None)
    for placer, made in zip(placers, () if parsing else placed or ()):
        placer.replay(made)
    return blocks


def _stored(key: tuple, grounds: str | None) -> tuple | None:
    """The name of the per-user cache entry of the blocks under `key` (text, path, how problems name the path,
    draft, the words of a cell without a figure, language) and `grounds`; None without grounds. `repr` of the
    texts (a set's in order) tells any two keys apart, whatever characters they hold."""
    if grounds is None:
        return None
    text, path, shown, draft, no_figure, lang = key
    return grounds, repr((text, str(path), shown, draft, sorted(no_figure), lang))


def grounds(sources, lang: str, draft: bool, profile) -> str | None:
    """A digest (SHA-1, hex) of everything the figures and blocks of a content file of `sources` (a
    `pipeline.Sources`) in `lang` are made of besides the file's own text and name: the code (`i18n.cached.code`:
    every module of ccdocs; markdown-it-py's, mdit-py-plugins', babel's, Jinja2's and Python's versions), the
    working folder (problems and sources name files relative to it), the language, draft mode, the images the
    sources hold, and the bytes of the files read (document.yaml, the data files, the content catalog of `lang`,
    whose "data" messages translate tables' texts, the language's `profile` and toolkit catalog), a missing one
    told as such.

    None (nothing kept across processes) when the sources were not read by `pipeline.read_sources` or one of
    those files changed since it began reading them (less a file system clock's tick): the sources may then hold
    what the file held before, which is not what is hashed here. Each file is looked at after it is read."""
    spec, since = sources.spec, getattr(sources, "read_at", 0) - CLOCK_TICK
    files = (spec.yaml.path, *spec.data.values(), content_catalog(spec.folder, lang), profile.path,
             toolkit_catalog(lang, profile.locales_dir))
    digest = hashlib.sha1(repr((code(), os.getcwd(), lang, draft, str(profile.path))).encode("utf-8", "surrogatepass"))
    for path in files:
        try:  # each was read within its kind's bound (a catalog's, a CSV's, or a YAML file's, smaller)
            data = read_within(Path(path), CATALOG if Path(path).suffix == ".po" else CSV)
            changed = os.stat(path).st_ctime_ns
        except Beyond:
            return None  # grown since it was read
        except OSError:
            data, changed = None, 0
        if changed >= since:
            return None
        digest.update(repr((str(path), None if data is None else len(data))).encode("utf-8", "surrogatepass"))
        digest.update(data or b"")
    for name, picture in sorted(sources.images.items()):
        digest.update(repr((name, picture.path, picture.format, picture.size, picture.pixels,
                            hashlib.sha1(picture.data).hexdigest())).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
