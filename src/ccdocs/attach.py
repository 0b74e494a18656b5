"""Transmittals: a paper that carries another document whole after its own parts (`type: document`).

The attached document is read from its own folder by the same pipeline (its document.yaml, content, data and
catalogs, its problems at its own paths), resolved in the transmittal's language into a Document of its own, and
carried on the transmittal's Document as `attached`: the transmittal's transforms never see it, so its paragraphs,
notes, annexes and markers stay as it numbers them itself. Only the transmittal's closing marker changes: its last
part ends with `[Document WO/CC/86/INF/1 follows]`.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import InputError, display_path
from .l10n.catalog import Catalog
from .model import Document, Marker
from .sources.folders import MAX_DEPTH
from .sources.spec import DocumentSpec


def _keys(spec: DocumentSpec) -> tuple:
    """The document.yaml keys of the `folder:` of `spec`'s document part."""
    raw = spec.yaml.data.get("parts") if isinstance(spec.yaml.data, dict) else None
    index = next((i for i, item in enumerate(raw or ()) if isinstance(item, dict) and item.get("type") == "document"),
                 0)
    return ("parts", index, "folder")


def attached_sources(spec: DocumentSpec, chain: tuple, read) -> tuple[tuple, list]:
    """(the Sources of the documents `spec` attaches, the problems found), each read with `read(folder, chain)`.

    `chain` holds the resolved folders of the documents that attach `spec`'s, outermost first. Refused at the
    `folder:` line: a document attaching one of those (a cycle), attachments deeper than MAX_DEPTH, an attached
    document not built in every language of `spec` (and the one it is keyed in). The attached document's own problems
    come at its own files.
    """
    found, problems = [], []
    here = chain + (spec.folder.resolve(),)
    for part in spec.parts:
        if part.type != "document":
            continue
        target = part.folder.resolve()
        if target in here:
            path = " → ".join(display_path(p) for p in here[here.index(target):] + (target,))
            problems.append(spec.yaml.problem(_keys(spec), f"attaching `{display_path(part.folder)}` makes a "
                                              f"cycle: {path}", "a document cannot carry itself, even through "
                                              "another; remove one of the attachments"))
            continue
        if len(here) > MAX_DEPTH:
            problems.append(spec.yaml.problem(_keys(spec), f"documents attached within attached documents more "
                                              f"than {MAX_DEPTH} deep", "attach the innermost document directly"))
            continue
        try:
            sources = read(part.folder, here)
        except InputError as exc:
            problems += exc.problems
            continue
        wanted = dict.fromkeys((*spec.languages, spec.source or spec.original))  # the keyed one: i18n
        for lang in (lang for lang in wanted if lang not in sources.spec.languages):
            problems.append(spec.yaml.problem(_keys(spec), f"the attached document {sources.spec.full_symbol} is not "
                                              f"built in `{lang}`, a language of this paper",
                                              f"add `{lang}` to `languages:` in "
                                              f"{display_path(sources.spec.yaml.path)}, or remove `{lang}` here"))
        found.append(sources)
    return tuple(found), problems


def attach(doc: Document, attached: tuple, catalog: Catalog) -> Document:
    """`doc` carrying the resolved `attached` Documents after its parts; its last part's closing marker (placed
    by `insert_markers`) becomes `[Document <symbol> follows]`, naming the first of them."""
    if not attached:
        return doc
    *parts, last = doc.parts
    blocks = last.blocks[:-1] if last.blocks and isinstance(last.blocks[-1], Marker) else last.blocks
    follows = Marker(catalog.format("[Document {symbol} follows]", symbol=attached[0].meta.symbol))
    return replace(doc, parts=(*parts, replace(last, blocks=blocks + (follows,))), attached=tuple(attached))

