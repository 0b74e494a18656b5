"""The PDF writer alone, in one process: the seconds to write a document's PDF from its already-built model.

Run by bench/run.py with the PYTHONPATH of the ccdocs under measure (today's or BENCH_BEFORE's), so it uses
only what both have: `pipeline.read_sources`, `pipeline.resolve`, `theme.load_theme`, `writers.writer`.
Prints one JSON object: {"pdf": {"zh": s, "en": s}, "model": {"zh": s, "en": s}}, medians of RUNS, each
after one untimed write that loads the fonts.

    python bench/pdf_writer.py DOC_DIR RUNS
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path


def median_seconds(work, runs: int) -> float:
    """The median wall seconds of `runs` calls of `work()`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(folder: Path, runs: int) -> dict:
    """Seconds per language of the model (resolve) and of the PDF writer, medians of `runs`."""
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.theme import load_theme
    from ccdocs.writers import writer

    sources = read_sources(folder)
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    write = writer("pdf")
    figures: dict = {"pdf": {}, "model": {}}
    for lang in ("zh", "en"):
        doc = resolve(sources, lang)
        figures["model"][lang] = median_seconds(lambda: resolve(sources, lang), runs)
        write(doc, theme)
        figures["pdf"][lang] = median_seconds(lambda: write(doc, theme), runs)
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))
