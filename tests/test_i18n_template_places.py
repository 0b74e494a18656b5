"""`i18n extract`/`update` make the template adding each entry to babel's catalog once, with all its places (verify-10
V8, a hang: babel merges an entry added again in time growing with the places it holds, so a text printed at 20,000
places took `i18n update` past a minute; 40,000 past two). The catalog is the same: the places and comments in the
order first met, each once."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from ccdocs.i18n.extract import template
from ccdocs.pipeline import read_sources

PLACES = 2_000


def test_an_entry_at_many_places_is_added_once_with_them_all(make_doc, monkeypatch):
    report = "# Introduction\n\n" + "".join(f"Repeated line.\n\nLine {n}.\n\n" for n in range(PLACES // 2))
    folder = make_doc({"content/report.md": report})
    added: list = []
    add = Catalog.add

    def counted(self, msgid, *args, **kwargs):
        added.append(msgid)
        return add(self, msgid, *args, **kwargs)

    monkeypatch.setattr(Catalog, "add", counted)
    catalog = template(read_sources(folder), lambda segment: "here")
    assert added.count("Repeated line.") == 1
    lines = [line for _, line in catalog.get("Repeated line.").locations]
    assert lines == list(range(3, 3 + 4 * (PLACES // 2), 4))
    assert catalog.get("Repeated line.").auto_comments == ["paragraph: here"]
