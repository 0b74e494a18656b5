"""Rebuilding frozen model trees: map a function over blocks and inlines in document order."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from ..model import Document, Part


def rebuild(node, visit):
    """`node` with `visit` applied bottom-up to every dataclass below and at it, in document order."""
    if isinstance(node, tuple):
        return tuple(rebuild(item, visit) for item in node)
    if not is_dataclass(node):
        return node
    changes = {}
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, tuple) or is_dataclass(value):
            new = rebuild(value, visit)
            if new is not value:
                changes[f.name] = new
    node = replace(node, **changes) if changes else node
    return visit(node)


def map_parts(doc: Document, func) -> Document:
    """The document with each part replaced by `func(part)`."""
    return replace(doc, parts=tuple(func(part) for part in doc.parts))


def walk(node):
    """Every dataclass at and below `node`, in document order (top-down)."""
    if isinstance(node, tuple):
        for item in node:
            yield from walk(item)
        return
    if not is_dataclass(node):
        return
    yield node
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, tuple) or is_dataclass(value):
            yield from walk(value)


__all__ = ["rebuild", "map_parts", "walk", "Part"]
