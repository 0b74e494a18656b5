"""The files a build reads from a document folder, by path: what no output may replace (`output.check_inputs`)."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .i18n.catalogs import po_path
from .i18n.glossary import NAME as GLOSSARY
from .pipeline import Sources
from .resources import COVER_NOTES, THEMES, find


def read_files(sources: Sources, languages, theme=None) -> dict[Path, str]:
    """What each file `sources` and the documents it attaches read in `languages` is, by its path as named (not
    resolved): document.yaml, the content and data files, the images shown, the content catalogs and glossaries of
    `languages`, the cover-note frames and the theme (`theme`, a `theme.Theme`, adds its logo; without it the
    theme's file is looked up). The toolkit's own files (fonts, its catalogs) are left out: an output's name
    (`<slug>.<format>`) cannot be theirs."""
    found: dict[Path, str] = {}
    waiting = [sources]
    while waiting:
        inner = waiting.pop()
        spec, folder = inner.spec, inner.spec.folder
        found.update(spec_files(spec))
        found.update((folder / name, "an image the content shows") for name in inner.images)
        for lang in languages:
            found[po_path(folder, lang)] = f"the {lang} content catalog"
            found[folder / "locales" / lang / GLOSSARY] = f"the {lang} glossary"
            for part in spec.parts:
                if part.template:
                    found[_found(COVER_NOTES, part.template, f".{lang}.md.j2", folder)] = "a cover-note frame"
        found[_found(THEMES, spec.theme, ".yaml", folder)] = "its theme"
        waiting += inner.attached
    if theme is not None and theme.logo is not None:
        found[theme.path.parent.parent / theme.logo.path] = "the theme's logo"
    found.pop(None, None)
    return found


def spec_files(spec) -> dict[Path, str]:
    """What each file `spec` (a `sources.spec.DocumentSpec`) names is, by its path as named: its document.yaml, its
    content and data files; what a command reading no more than the spec may still not replace."""
    found = {spec.yaml.path: "its document.yaml"}
    found.update((path, "a content file") for part in spec.parts for path in part.files)
    found.update((path, f"the data file `{name}`") for name, path in spec.data.items())
    return found


def _found(kind: str, name: str, suffix: str, folder: Path) -> Path | None:
    """The templates file `find` gives (None when there is none, or what stands there is refused)."""
    try:
        return find(kind, name, suffix, folder)
    except InputError:
        return None
