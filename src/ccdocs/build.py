"""Building document folders into files: every output made in memory, then written atomically."""

from __future__ import annotations

from pathlib import Path

from .output import check_writable, write_all
from .pipeline import read_sources, resolve
from .errors import Collector, InputError
from .stopwatch import Stopwatch
from .theme import load_theme
from .writers import writer


def build(folders: list[Path], out: Path, languages=None, formats=("docx", "pdf"), draft: bool = False,
          clock: Stopwatch | None = None) -> list[Path]:
    """Build each folder in each language and format into `out/<lang>/<slug>.<fmt>`; the paths written.

    A `draft` prints untranslated, fuzzy or failing segments as their marked source instead of refusing them;
    a `clock` collects the time spent per stage.
    """
    check_writable(out)
    clock = clock or Stopwatch()
    problems, outputs = Collector(), {}
    for folder in folders:
        try:
            with clock.stage("read"):
                sources = read_sources(folder)
                theme = load_theme(sources.spec.theme)
            for lang in languages or sources.spec.languages:
                if lang not in sources.spec.languages:
                    raise InputError([sources.spec.yaml.problem(("languages",), f"`{lang}` is not among the "
                                                                "document's languages",
                                                                "add it to `languages:` in document.yaml")])
                doc = resolve(sources, lang, draft=draft, clock=clock)
                for fmt in formats:
                    with clock.stage(fmt):
                        outputs[out / lang / f"{sources.spec.slug}.{fmt}"] = writer(fmt)(doc, theme)
        except InputError as exc:
            problems.extend(exc.problems)
    problems.raise_if_any()
    with clock.stage("write"):
        write_all(outputs)
    return list(outputs)
