"""The resolved model as a JSON file beside the documents."""

from __future__ import annotations

from ..model.dump import dumps


def write(doc, theme) -> bytes:
    """`ccdocs dump --json` as bytes."""
    return dumps(doc).encode("utf-8")
