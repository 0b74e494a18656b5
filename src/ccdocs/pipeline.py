"""From a document folder to a resolved Document in one language."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .attach import attach, attached_sources
from .compiled_figures import Sandbox
from .errors import Collector, InputError, Problem, display_path
from .gcpause import paused
from .i18n.catalogs import ContentCatalog, bounded, misplaced_catalogs, po_path, shared_catalog
from .kept import grounds, parsed
from .l10n.catalog import Catalog
from .l10n.formats import Formats
from .l10n.language import find_language
from .meta import build_meta
from .model import Document, Part
from .resources import COVER_NOTES, find, names
from .sources.content import read_contents
from .sources.cover_notes import read_template
from .sources.data import read_all
from .sources.images import read_images
from .sources.spec import DocumentSpec, read_spec
from .sources.values import Origins, data_value, frozen
from .stopwatch import Stopwatch
from .theme import load_theme
from .transforms import apply_all
from .transforms.decisions import decision_problems


@dataclass(frozen=True)
class Sources:
    """Everything read from a document folder, before any language is chosen."""

    spec: DocumentSpec
    data: dict
    texts: dict
    attached: tuple = ()                 # the Sources of the document a `type: document` part attaches
    images: dict = field(default_factory=dict)  # image path as written -> sources.images.Picture, read once
    read_at: int = 0  # time.time_ns() when reading began (0: unknown): a file changed after may be read as it was


def read_sources(folder: Path, chain: tuple = ()) -> Sources:
    """Read document.yaml, every content file and every data file, and the documents it attaches (`chain`: the
    resolved folders of the documents attaching this one); all problems together."""
    read_at = time.time_ns()
    spec = read_spec(folder)
    out = Collector()
    texts = read_contents([path for part in spec.parts for path in part.files], spec.yaml, out)
    try:
        data = read_all(spec.data)
    except InputError as exc:
        out.extend(exc.problems)
        data = {}
    images = read_images(spec.folder, texts, out)
    out.extend(misplaced_catalogs(spec))
    clashes = set(spec.data) & set(spec.variables)
    for name in sorted(clashes):
        out.extend([spec.yaml.problem(("variables", name), f"`{name}` is both a data file and a variable",
                                      "rename one of them")])
    attached, problems = attached_sources(spec, chain, read_sources)
    out.extend(problems)
    out.raise_if_any()
    return Sources(spec, data, texts, attached, images, read_at)


def _cover_template(spec: DocumentSpec, name: str, lang: str) -> Path:
    path = find(COVER_NOTES, name, f".{lang}.md.j2", spec.folder)
    if path is None:
        known = names(COVER_NOTES, f".{lang}.md.j2", spec.folder)
        raise InputError([spec.yaml.problem(("parts",), f"there is no cover-note template `{name}` in {lang}",
                                            "templates: " + ", ".join(known))])
    return path


def _context(sources: Sources, meta) -> dict:
    spec = sources.spec
    context = {name: data_value(item) for name, item in sources.data.items()}
    context.update(frozen(spec.variables, spec.yaml.path))
    context["doc"] = frozen({"title": meta.title, "body": meta.body, "symbol": meta.symbol,
                             "session": meta.session, "place_dates": meta.place_dates})
    return context


def assessed(sources: Sources, lang: str, named: bool = False) -> list:
    """Every segment's status in `lang` (all untranslated without a catalog); named by paragraph when `named`."""
    from .i18n.places import Places
    from .i18n.policy import assess_document

    spec = sources.spec
    path = po_path(spec.folder, lang)
    catalog = bounded(path, shared_catalog(path, lang)) if path.is_file() else ContentCatalog()
    place = Places(resolve(sources, spec.source)) if named else None
    return assess_document(sources, catalog, lang, place)


def _translate(sources: Sources, lang: str, draft: bool, catalog: Catalog, built: Path | None = None):
    """Segment -> text in `lang` (None: the source, for the original); refuses or marks. Without a catalog every
    segment is untranslated: a final build refuses it, a draft prints the source marked, as a catalog's empty
    entries. `built`: the folder being built, when `sources` is a document it attaches (named in the refusal's
    hint)."""
    spec = sources.spec
    if lang == spec.source:
        return None
    from .i18n.policy import pending, refusal, translator, unbegun

    review = assessed(sources, lang)
    waiting = pending(review)
    po = po_path(spec.folder, lang)
    if waiting and not draft:
        raise InputError(refusal(assessed(sources, lang, named=True), po, spec.folder, lang, built) if po.is_file()
                         else [unbegun(spec, lang, len(waiting), built)])
    return translator(review, catalog.gettext("Draft: untranslated"))


def translated(sources: Sources, path: Path, translate) -> str:
    """The content of `path` with each segment replaced by `translate(segment)` (as written when None)."""
    text = sources.texts[path]
    if translate is None:
        return text
    from .i18n.segments import apply

    return apply(text, display_path(path), translate)


def resolve(sources: Sources, lang: str, draft: bool = False, clock: Stopwatch | None = None,
            sandbox: Sandbox | None = None, theme=None) -> Document:
    """The resolved Document in `lang` (unfinished translations refused, or marked in a `draft`), numbered.

    A `sandbox` shared by several calls compiles each figure once for all of them; `theme`, the document's Theme
    when the caller has loaded it (else it is loaded here).
    """
    clock = clock or Stopwatch()
    with clock.stage("model"), paused():
        sandbox = sandbox or Sandbox()
        try:
            return _resolve(sources, lang, draft, clock, sandbox, theme=theme)
        except InputError as exc:  # a problem of a translated text is told at its catalog line first
            from .i18n.locations import in_catalog

            raise InputError(in_catalog(exc.problems, sources, lang, partial(
                _source_problems, sources, sandbox, theme))) from None


def _source_problems(sources: Sources, sandbox: Sandbox, theme) -> list[Problem]:
    """What `_resolve` refuses in the document's source language (none when it resolves): the problems of the
    data and the text, not of a translation."""
    try:
        _resolve(sources, sources.spec.source, False, Stopwatch(), sandbox, theme=theme)
    except InputError as exc:
        return exc.problems
    return []


def _resolve(sources: Sources, lang: str, draft: bool, clock: Stopwatch, sandbox: Sandbox,
             built: Path | None = None, theme=None) -> Document:
    # Imported here, not at the top: what only a model uses (tables, charts; the translation's policy above) is
    # imported by the build's model workers, not by the parent before it forks them (`build.build`); what only
    # reading a content file uses (Jinja2 for its figures, markdown-it), by the first whose blocks are not kept.
    from .charts.place import ChartPlacer
    from .tables.place import TablePlacer

    spec = sources.spec
    profile = find_language(lang)
    catalog = Catalog.load(lang, profile.locales_dir)
    formats = Formats(profile)
    meta = build_meta(spec, catalog, formats)
    context = _context(sources, meta)
    out = Collector()
    if built is None and not draft:  # a toolkit message left in English: a note in a draft (cli), refused here
        out.extend(catalog.untranslated())
    placer = TablePlacer(spec, sources.data, formats, catalog, out)
    charts = ChartPlacer(placer)
    keyed = spec.source or lang
    if lang != keyed:  # a text of the data a figure prints is translated as a table prints it (one untranslated
        from .tables.texts import translated_values   # refused outside a draft where no catalog offers it)

        context = {**translated_values({k: v for k, v in context.items() if k != "doc"}, placer.words, not draft),
                   "doc": context["doc"]}
    keyed_catalog = catalog if keyed == lang else Catalog.load(keyed, find_language(keyed).locales_dir)
    no_figure = frozenset(c.gettext("n/a") for c in (catalog, keyed_catalog))  # a cell with no figure, either tongue
    translate = _translate(sources, lang, draft, catalog, built)
    origins = Origins(sources)
    kept_on = grounds(sources, lang, draft, profile)  # what the blocks are made of besides each file's text

    def _blocks(text: str, path: Path, shown: str) -> tuple:
        """The blocks of `text`, the content of `path` (named `shown`), its figures rendered first."""
        from .parse.markdown import parse_markdown
        from .templating import Figures, render

        try:
            with clock.stage("render"):
                rendered = render(Figures(sandbox, formats), text, path, context, out, origins)  # a failing figure
                # left empty; a text of the data it refuses told where it is written (`origins`)
        except InputError as exc:
            out.extend(exc.problems)
            return ()
        return parse_markdown(rendered, path, shown, out, placer, draft=draft, place_chart=charts,
                              pictures=sources.images, no_figure=no_figure)

    parts = []
    annexes = sum(p.type == "annex" for p in spec.parts)
    for part in (p for p in spec.parts if p.type != "document"):
        paths = list(part.files) or [_cover_template(spec, part.template, lang)]
        blocks: list = []
        for path in paths:
            text = sources.texts.get(path)
            with clock.stage("translate"):
                text = translated(sources, path, translate) if text is not None else read_template(path)
            shown = display_path(path)
            blocks.extend(parsed(lambda: _blocks(text, path, shown), (text, path, shown, draft, no_figure, lang), out,
                                 (placer, charts), kept_on))
        part_id = f"annex-{part.index}" if part.type == "annex" else part.type
        parts.append(Part(part.type, part_id, tuple(blocks), landscape=part.landscape))
    placer.check_all_placed()
    charts.check_all_placed()
    out.extend(decision_problems(parts, spec.kind, spec, complete=not out.problems))
    out.raise_if_any()
    built = built or spec.folder
    attached = tuple(_resolve(s, lang, draft, clock, sandbox, built) for s in sources.attached)
    document = Document(meta, tuple(parts), attached=attached)  # a reference into one is told so
    document = apply_all(document, profile, catalog, spec.chapter_style or "chapter", annexes,
                         figures=(theme if theme is not None else load_theme(spec.theme, spec.folder)).get(
                             "chart.numbered", True))
    return attach(document, attached, catalog)


def resolve_all(folder: Path, languages=None, drafts: bool = False) -> dict:
    """Resolved Documents by language; problems of every language raised together. `drafts`: the translations
    resolved as drafts (a new folder, whose translations are not begun), the source language as a final build."""
    sources = read_sources(folder)
    out = Collector()
    documents = {}
    sandbox = Sandbox()
    for lang in languages or sources.spec.languages:
        if lang not in sources.spec.languages:
            out.extend([sources.spec.unlisted(lang)])
            continue
        try:
            documents[lang] = resolve(sources, lang, drafts and lang != sources.spec.source, sandbox=sandbox)
        except InputError as exc:
            seen = set(out.problems)  # a set: a language may have thousands of problems
            out.extend(p for p in dict.fromkeys(exc.problems) if p not in seen)
    out.raise_if_any()
    return documents
