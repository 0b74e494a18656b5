"""The resolved model as JSON (the `ccdocs dump --json` contract) or as readable text."""

from __future__ import annotations

import json

from ..model import (Box, Chart, Contents, Document, Heading, Image, KeyFigures, ListBlock, Marker, Note, Para,
                     Quote, Table)
from ..parse.inlines import plain
from ..transforms.walk import walk

TYPES = {Heading: "heading", Para: "para", ListBlock: "list", Table: "table", Box: "box",
         KeyFigures: "keyfigures", Quote: "quote", Marker: "marker", Contents: "contents", Chart: "chart",
         Image: "image"}


def block_text(block) -> str:
    """The plain text of a block as a reader sees it (footnote marks left out)."""
    if isinstance(block, Heading):
        return block.prefix.replace("\t", " ") + plain(block.children)
    if isinstance(block, Para):
        return plain(block.children)
    if isinstance(block, ListBlock):
        return "\n".join(f"{item.label} " + " ".join(block_text(b) for b in item.blocks) for item in block.items)
    if isinstance(block, Table):
        lines = [plain(block.caption)] if block.caption else []
        lines.append(" | ".join(c.heading for c in block.columns))
        lines += [" | ".join(row.cells) for row in block.rows]
        lines += [plain(n) for n in block.notes] + ([plain(block.source_line)] if block.source_line else [])
        return "\n".join(lines)
    if isinstance(block, Chart):
        return chart_text(block)
    if isinstance(block, Image):
        caption = [block.prefix + plain(block.caption)] if block.caption else []
        return "\n".join(caption + [f"[{block.picture.path}] {block.alt}"] + [plain(n) for n in block.notes])
    if isinstance(block, Box):
        return "\n".join(([plain(block.title)] if block.title else []) + [block_text(b) for b in block.blocks])
    if isinstance(block, KeyFigures):
        return "\n".join(f"{plain(k.figure)} {plain(k.label)}" for k in block.items)
    if isinstance(block, Quote):
        text = "\n".join(block_text(b) for b in block.blocks)
        return text + (f"\n— {plain(block.attribution)}" if block.attribution else "")
    if isinstance(block, Marker):
        return block.text
    if isinstance(block, Contents):
        return "\n".join([block.title] + [" ".join(filter(None, (e.text, e.paragraphs))) for e in block.entries])
    return ""


def chart_text(chart: Chart) -> str:
    """A chart as text: numbered caption, kind (and grouping), the categories, then each series' label and values
    as printed, then its notes."""
    lines = [chart.prefix + plain(chart.caption)] if chart.caption else []
    kind = f"{chart.kind} {chart.grouping}" if chart.kind in ("column", "bar") else chart.kind
    lines.append(kind + (f", axis: {chart.axis_title}" if chart.axis_title else ""))
    lines.append(" | ".join(("",) + chart.categories))
    lines += [" | ".join((s.label,) + s.printed) for s in chart.series]
    return "\n".join(lines + [plain(n) for n in chart.notes])


def footnotes(doc: Document) -> list[dict]:
    """Every footnote in document order, with its printed mark, part and text."""
    notes = []
    for part in doc.parts:
        for node in walk(part.blocks, Note):
            notes.append({"number": node.label, "part": part.id,
                          "text": "\n".join(block_text(b) for b in node.blocks)})
    return notes


def to_json(doc: Document) -> dict:
    """The JSON contract: meta (cover fields as printed), blocks (flat, in order), footnotes."""
    m = doc.meta
    caps = set(m.caps)
    fields = {"language_letter": m.language_letter, "symbol": m.symbol, "original": m.original, "date": m.date,
              "body": m.body, "session": m.session, "place_dates": m.place_dates, "title": m.title,
              "author": m.author}
    meta = {k: (v.upper() if k in caps else v) for k, v in fields.items()}
    meta["lang"] = m.lang
    blocks = []
    for part in doc.parts:
        for block in part.blocks:
            entry = {"part": part.id, "type": TYPES[type(block)], "label": getattr(block, "label", None),
                     "text": block_text(block)}
            if isinstance(block, Heading):
                entry["level"] = block.level
            entry["footnotes"] = [n.label for n in walk(block, Note)]
            source = getattr(block, "source", None)
            if source is not None:
                entry["source"] = f"{source.file}:{source.line}"
            if getattr(block, "anchor", ""):
                entry["anchor"] = block.anchor
            blocks.append(entry)
    parts = [{"id": p.id, "kind": p.kind, "label": p.label, "header": p.header, "first_header": p.first_header}
             for p in doc.parts]
    data = {"meta": meta, "parts": parts, "blocks": blocks, "footnotes": footnotes(doc)}
    if doc.attached:  # a transmittal: each attached document whole, in the same shape
        data["attached"] = [to_json(other) for other in doc.attached]
    return data


def to_text(doc: Document) -> str:
    """A readable outline: cover fields, then each block with its label, then the footnotes."""
    data = to_json(doc)
    lines = [f"{k}: {v}" for k, v in data["meta"].items()]
    part = None
    for block in data["blocks"]:
        if block["part"] != part:
            part = block["part"]
            lines += ["", f"== {part}"]
        label = f"{block['label']} " if block["label"] else ""
        marks = f"  [notes {', '.join(block['footnotes'])}]" if block["footnotes"] else ""
        marks += f"  {{#{block['anchor']}}}" if "anchor" in block else ""
        text = block["text"].replace("\n", "\n    ")
        lines.append(f"[{block['type']}] {label}{text}{marks}")
    lines += ["", "== footnotes"] + [f"{n['number']}\t{n['text']}" for n in data["footnotes"]]
    for other in doc.attached:
        lines += ["", f"== attached document {other.meta.symbol}", to_text(other).rstrip("\n")]
    return "\n".join(lines) + "\n"


def dumps(doc: Document) -> str:
    """The JSON form as text, stable key order, non-ASCII kept."""
    return json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"
