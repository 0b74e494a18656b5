"""The fixtures' content texts as builds parse them, for tests that compare two ways of reading them."""

from __future__ import annotations

from pathlib import Path

from ccdocs.i18n.catalogs import read_catalog
from ccdocs.i18n.segments import apply

ROOT = Path(__file__).resolve().parents[1]


def content_texts() -> list[str]:
    """Every fixture's content files, as written and with each of its catalogs' translations applied."""
    texts = []
    for file in sorted(ROOT.glob("fixtures/*/content/*.md")):
        text = file.read_text(encoding="utf-8")
        texts.append(text)
        for po in sorted(file.parents[1].glob("locales/*/LC_MESSAGES/content.po")):
            catalog = read_catalog(po)
            texts.append(apply(text, "x", lambda s, c=catalog: c.get(s.msgid).string if c.get(s.msgid) else None))
    return texts
