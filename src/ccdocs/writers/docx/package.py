"""Deterministic packaging: document properties without volatile values, fixed zip entry order and times."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone

from docx.opc.pkgwriter import PackageWriter

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


class _Archive:
    """The zip python-docx's package writer fills (`write(pack_uri, blob)`, `close()`): every entry deflated, with
    one fixed time and plain file permissions."""

    def __init__(self, out, stamp: tuple):
        self.zip, self.stamp = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED), stamp

    def write(self, pack_uri, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self.zip.writestr(entry, blob)

    def close(self) -> None:
        self.zip.close()


def to_bytes(document) -> bytes:
    """The saved package: python-docx's parts in its entry order (its `OpcPackage.save` and `PackageWriter.write`,
    written once into our zip rather than saved and re-zipped), one fixed time for every entry."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    archive = _Archive(out, min(max(source_date() or ZIP_EPOCH, ZIP_EPOCH), ZIP_END).timetuple()[:6])
    PackageWriter._write_content_types_stream(archive, parts)
    PackageWriter._write_pkg_rels(archive, package.rels)
    PackageWriter._write_parts(archive, parts)
    archive.close()
    return out.getvalue()
