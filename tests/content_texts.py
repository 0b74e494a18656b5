"""The fixtures' content texts as builds parse them, for tests that compare two ways of reading them."""

from __future__ import annotations

from functools import cache, partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def content_texts() -> list:
    """Every fixture's content files, as written and with each of its catalogs' translations applied: one
    `pytest.param` a text, its value a function giving the text (read when the test runs, not when every worker
    collects the module), its id the file and the catalog's language."""
    texts = []
    for file in sorted(ROOT.glob("fixtures/*/content/*.md")):
        name = file.relative_to(ROOT / "fixtures").as_posix()
        texts.append(pytest.param(partial(_text, file, None), id=name))
        for po in sorted(file.parents[1].glob("locales/*/LC_MESSAGES/content.po")):
            texts.append(pytest.param(partial(_text, file, po), id=f"{name}+{po.parents[1].name}"))
    return texts


@cache
def _catalog(po: Path):
    from ccdocs.i18n.catalogs import read_catalog

    return read_catalog(po)


def _text(file: Path, po: Path | None) -> str:
    """The text of `file`, with the translations of the catalog `po` applied when one is given."""
    from ccdocs.i18n.segments import apply

    text = file.read_text(encoding="utf-8")
    if po is None:
        return text
    catalog = _catalog(po)
    return apply(text, "x", lambda s: catalog.get(s.msgid).string if catalog.get(s.msgid) else None)
