"""Deterministic packaging: document properties without volatile values, fixed zip entry order and times."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone

from ...model import Meta
from ...source_date import source_date

PROPERTY_LENGTH = 255  # characters python-docx (like Word) keeps in a core property
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)
ZIP_END = datetime(2107, 12, 31, 23, 59, 58, tzinfo=timezone.utc)  # the last time a zip entry can hold


def set_properties(document, meta: Meta):
    """Title, author (`dc:creator`, as the PDF's Author), subject (the symbol), language; created and modified
    from SOURCE_DATE_EPOCH, else the date."""
    props = document.core_properties
    props.title = meta.title[:PROPERTY_LENGTH]
    props.author = meta.author[:PROPERTY_LENGTH]
    props.subject = meta.symbol[:PROPERTY_LENGTH]
    props.language = meta.locale_tag
    when = source_date()
    if when is None:
        day = date.fromisoformat(meta.issued) if meta.issued else ZIP_EPOCH.date()
        when = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    props.created = props.modified = when.replace(tzinfo=None)


def to_bytes(document) -> bytes:
    """The saved package, re-zipped with python-docx's entry order and one fixed time for every entry."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = min(max(source_date() or ZIP_EPOCH, ZIP_EPOCH), ZIP_END).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
