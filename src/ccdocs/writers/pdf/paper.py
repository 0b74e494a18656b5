"""The PDF writer's paper: a WO/CC paper laid out with reportlab, footnotes at the foot of their pages."""

from __future__ import annotations

from io import BytesIO

from reportlab.platypus.doctemplate import NextPageTemplate, PageBreak

from ...gcpause import paused
from ...model import Contents, Document
from ...theme import Theme
from .document import Locate, PaperTemplate, StartDocument, StartPart
from .faces import FontSet
from .flowables import Builder
from .footnotes import NotesTail, PageNotes, Rules
from .keep import KeepWith
from .furniture import cover
from .landscape import Turn, opening

PASSES = 4   # layouts at most after the first: the numbers are stable after one


def story(builder: Builder, doc: Document, builders: list) -> list:
    """The flowables of the whole paper: cover block, then each part, a new page where the part asks; then each
    attached document from a cover page of its own, laid out by a Builder of its own added to `builders`."""
    entry = f"{doc.meta.symbol} {doc.meta.title}" if builder is not builders[0] else None
    out = [Locate(doc.meta.source("title"), "the cover")] + cover(builder, entry)
    for index, part in enumerate(doc.parts):
        out += [StartPart(part)] + opening(doc.parts, index)
        out += builder.blocks(part)
    if isinstance(out[-1], Turn):
        out.pop()   # a turn back after the last landscape page: nothing follows to stand on a portrait page
    for other in doc.attached:
        inner = Builder(other, builder.theme, builder.fonts, builder.width)
        inner.outline_count = builders[-1].outline_count  # outline keys run on through the file
        inner.maker.key = f"{len(builders)}:"             # its notes' marks are its own, as numbered in it
        inner.pages = builder.pages                       # its contents table's pages, found by its symbol
        inner.hooks = builder.hooks                       # put back once, at the layout's end
        builders.append(inner)
        out += [StartDocument(other.meta.symbol), NextPageTemplate("cover"), PageBreak()]
        out += story(inner, other, builders)
    return out


def write(doc: Document, theme: Theme) -> bytes:
    """The PDF bytes of `doc`.

    Python's cyclic collector is paused while it is laid out (gcpause): the story's flowables, their Settings and
    the pages' content all live to the end of the layout, and each collection their allocations set off only walked
    them again, with the model before them (a sixth of the writer's time on the sample). Each layout unlinks the
    cycles it made (`release`), so that all it made is freed by reference counting once its passes return, and the
    collector, resuming, has none of it to walk."""
    with paused():
        data = passes(doc, theme)[0]
    return data


def heading_pages(doc: Document, theme: Theme) -> dict[str, dict[str, str]]:
    """The printed page number (`2`; in an annex its own, `1`; in an attached document, as its own pages are
    numbered from its cover) of every heading a contents table lists, by document symbol then `Heading.toc`
    name, as the PDF prints them: for the DOCX writer's contents tables; {} when there is none.
    One layout tells: a row's height does not depend on the numbers it shows (they stand in fixed columns).
    A dry one: its pages are neither drawn nor saved; the collector paused meanwhile, as `write` does."""
    if not has_contents(doc):
        return {}
    with paused():
        found = layout(doc, theme, {}, dry=True)[1]
    return found


def has_contents(doc: Document) -> bool:
    """Whether a part of `doc`, or of a document it attaches, holds a contents table."""
    return any(isinstance(block, Contents) for part in doc.parts for block in part.blocks) \
        or any(has_contents(other) for other in doc.attached)


def passes(doc: Document, theme: Theme) -> tuple[bytes, dict[str, dict[str, str]]]:
    """Lay `doc` out until the page numbers its contents tables print are those where the headings fall (as
    reportlab's `multiBuild`): once without a contents table, twice with one (its rows' height does not depend
    on their numbers), at most PASSES times. The PDF bytes and those page numbers. The passes share one FontSet:
    each text is set, and its lines broken, once for all of them (a Setting is a function of its runs). The first
    pass of a paper with a contents table is dry (only its page numbers are read): any later pass is a whole one,
    and the last is the one whose numbers are those it prints."""
    fonts = FontSet(theme, doc.meta.lang)
    data, found = layout(doc, theme, {}, fonts, dry=has_contents(doc))
    pages = None
    for _ in range(PASSES if has_contents(doc) else 0):
        if found == pages:
            break
        pages = found
        data, found = layout(doc, theme, pages, fonts)
    return data, found


def layout(doc: Document, theme: Theme, pages: dict, fonts: FontSet | None = None, dry: bool = False) \
        -> tuple[bytes, dict[str, dict[str, str]]]:
    """One layout of `doc`, its contents tables showing `pages` (as `heading_pages` gives them), in `fonts` (a
    new FontSet when None; an earlier layout's of the same document reuses its Settings): the PDF bytes and the
    printed page of each heading a contents table lists, by document symbol then `Heading.toc` name. A `dry`
    layout places every flowable as a whole one does but draws none and saves nothing (its bytes are b""): for
    its page numbers alone. reportlab graphics' assignment hooks, taken off by its first chart, are put back as it
    ends (charts.Hooks)."""
    fonts = fonts or FontSet(theme, doc.meta.lang)
    margins = theme.pt("page.margins.left") + theme.pt("page.margins.right")
    width = PaperTemplate.page_width(theme) - margins
    builder = Builder(doc, theme, fonts, width)
    builder.pages, builder.dry = pages, dry
    try:
        builders = [builder]
        flowables = story(builder, doc, builders)
        for each in builders[1:]:
            builder.maker.problems.extend(each.maker.problems.problems)
        builder.maker.problems.raise_if_any()
        rules = Rules(width, theme.pt("pdf.note_rule_before"), theme.pt("pdf.note_rule_after"),
                      theme.pt("pdf.note_rule_width"), theme.pt("spacing.footnote_after"), rtl=builder.rtl)
        notes = PageNotes({key: flows for each in builders for key, flows in each.notes.items()}, rules, dry=dry)
        buffer = BytesIO()
        template = PaperTemplate(buffer, builder, notes)
        template._doSave = not dry   # reportlab's own switch: its multiBuild saves no pass but the last
        template.build(flowables + [NotesTail(notes)])
        found = {each.meta.symbol: {target: str(template.outline_pages[key]) for target, key in each.targets.items()
                                    if key in template.outline_pages} for each in builders if each.targets}
        release(template, flowables)
    finally:
        builder.hooks.close()
    return buffer.getvalue(), found


def release(template: PaperTemplate, flowables: list) -> None:
    """Unlink the reference cycles a finished layout leaves, so that reference counting frees it as it ends
    (`write`): each KeepWith and the story it reads (holding every flowable); the template, which its page
    templates (their `onPage` is its method), its frame and its canvas (a callback) refer back to, and which holds
    the builder, its Settings, the notes and the canvas: its attributes are dropped. Neither the flowables nor the
    template are used after the layout."""
    for flowable in flowables:
        if isinstance(flowable, KeepWith):
            flowable.follow((), 0)
    vars(template).clear()
