"""From a document folder to a resolved Document in one language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Collector, InputError, display_path, problem
from .i18n.catalogs import translations
from .i18n.segments import apply
from .l10n.catalog import Catalog
from .l10n.formats import Formats
from .meta import build_meta
from .model import Document, Part
from .parse.markdown import parse_markdown
from .sources.content import read_content
from .sources.data import jinja_value, read_all
from .sources.spec import DocumentSpec, read_spec
from .tables import TablePlacer
from .templating import environment, render
from .theme import templates_dir
from .transforms import apply_all


@dataclass(frozen=True)
class Sources:
    """Everything read from a document folder, before any language is chosen."""

    spec: DocumentSpec
    data: dict
    texts: dict


def read_sources(folder: Path) -> Sources:
    """Read document.yaml, every content file and every data file; all problems together."""
    spec = read_spec(folder)
    out = Collector()
    texts = {}
    for part in spec.parts:
        for path in part.files:
            text = read_content(path, out)
            if text is not None:
                texts[path] = text
    try:
        data = read_all(spec.data)
    except InputError as exc:
        out.extend(exc.problems)
        data = {}
    clashes = set(spec.data) & set(spec.variables)
    for name in sorted(clashes):
        out.extend([spec.yaml.problem(("variables", name), f"`{name}` is both a data file and a variable",
                                      "rename one of them")])
    out.raise_if_any()
    return Sources(spec, data, texts)


def _cover_template(spec: DocumentSpec, name: str, lang: str) -> Path:
    path = templates_dir() / "cover-notes" / f"{name}.{lang}.md.j2"
    if not path.is_file():
        known = sorted({p.name.split(".")[0] for p in path.parent.glob("*.md.j2")})
        raise InputError([spec.yaml.problem(("parts",), f"there is no cover-note template `{name}` in {lang}",
                                            "templates: " + ", ".join(known))])
    return path


def _context(sources: Sources, meta) -> dict:
    spec = sources.spec
    context = {name: jinja_value(item) for name, item in sources.data.items()}
    context.update(spec.variables)
    context["doc"] = {"title": meta.title, "body": meta.body, "symbol": meta.symbol,
                      "session": meta.session, "place_dates": meta.place_dates}
    return context


def translated(sources: Sources, path: Path, lang: str, done: dict) -> str:
    """The content of `path` in `lang`: each segment replaced by its finished translation, if any."""
    text = sources.texts[path]
    if lang == sources.spec.original or not done:
        return text
    return apply(text, display_path(path), lambda segment: done.get(segment.msgid))


def resolve(sources: Sources, lang: str) -> Document:
    """The resolved Document in `lang`: rendered, parsed, numbered, labelled, with markers."""
    spec = sources.spec
    catalog = Catalog.load(lang)
    formats = Formats(lang)
    meta = build_meta(spec, lang, catalog, formats)
    env = environment(lang)
    expressions: dict = {}
    context = _context(sources, meta)
    out = Collector()
    placer = TablePlacer(spec, sources.data, formats, catalog, out)
    done = translations(spec.folder, lang) if lang != spec.original else {}
    parts = []
    annexes = sum(p.type == "annex" for p in spec.parts)
    for part in spec.parts:
        paths = list(part.files) or [_cover_template(spec, part.template, lang)]
        blocks: list = []
        for path in paths:
            text = sources.texts.get(path)
            text = translated(sources, path, lang, done) if text is not None else path.read_text(encoding="utf-8")
            try:
                rendered = render(env, text, path, context, expressions)
            except InputError as exc:
                out.extend(exc.problems)
                continue
            blocks.extend(parse_markdown(rendered, path, display_path(path), out, placer))
        part_id = f"annex-{part.index}" if part.type == "annex" else part.type
        parts.append(Part(part.type, part_id, tuple(blocks)))
    out.raise_if_any()
    document = Document(meta, tuple(parts))
    return apply_all(document, lang, catalog, spec.chapter_style or "chapter", annexes)


def resolve_all(folder: Path, languages=None) -> dict:
    """Resolved Documents by language; problems of every language raised together."""
    sources = read_sources(folder)
    out = Collector()
    documents = {}
    for lang in languages or sources.spec.languages:
        if lang not in sources.spec.languages:
            out.extend([problem(sources.spec.yaml.path, None, f"`{lang}` is not among the document's languages",
                                "add it to `languages:` in document.yaml")])
            continue
        try:
            documents[lang] = resolve(sources, lang)
        except InputError as exc:
            out.extend(p for p in exc.problems if p not in out.problems)
    out.raise_if_any()
    return documents
