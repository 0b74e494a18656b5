"""The parts and relationships the writer adds for each chart, picture and link, each in constant time.

python-docx's own steps cost the paper's size at each one: `package.next_partname` walks every part of the
package (its walk keeps the parts visited in a list), `part.relate_to` looks through every relationship of the
part for one to reuse and then for a free rId from rId1 up, `image_parts` hashes every picture stored to find a
match and lists their numbers to name the next, and `part.next_id` reads every `id` of the document's XML: a paper
of 1,200 charts, 1,200 pictures or 5,000 links was written in a time growing with the square of their number
(breaks-9 #5). Here the write's state (`WriterState`) keeps what python-docx searched for: each relationship made
by its source part, type and target; each picture stored by its digest, each SVG by its bytes; how many chart
parts were made; the next drawing's id. The parts and ids are named as python-docx names them (the lowest number
free, which is the next: nothing is removed from the package while it is written), so the DOCX is the same.
"""

from __future__ import annotations

from docx.image.image import Image as DocxImage
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.parts.image import ImagePart

from .state import WriterState

SVG_CONTENT_TYPE = "image/svg+xml"


def relate(state: WriterState, source: Part, target: Part | str, reltype: str) -> str:
    """The rId of `source`'s relationship of `reltype` to `target` (a part, or an external URL), made the first
    time, then reused (as python-docx's `relate_to`). Its rId is the next of the part's: every relationship is
    added, by python-docx too, as the lowest rId free, so rId1 to rIdN are taken and rIdN+1 is free."""
    key = (source, reltype, target)
    rid = state.related.get(key)
    if rid is None:
        rels = source.rels
        rid = f"rId{len(rels) + 1}"
        if rid in rels:  # not so after all: python-docx's own search for the lowest free, never a rel replaced
            rid = rels._next_rId
        rels.add_relationship(reltype, target, rid, isinstance(target, str))
        state.related[key] = rid
    return rid


def chart_partname(state: WriterState) -> PackURI:
    """The name of the next chart part, `/word/charts/chartN.xml` (N from 1, as `package.next_partname`)."""
    state.charts_made += 1
    return PackURI(f"/word/charts/chart{state.charts_made}.xml")


def picture_part(state: WriterState, picture: DocxImage) -> ImagePart:
    """The media part of `picture`, stored once however often shown (found by its digest, as python-docx's
    `get_or_add_image_part`), named `/word/media/imageN.EXT` with N the next number (as `_next_image_partname`)."""
    part = state.pictures.get(picture.sha1)
    if part is None:
        stored = state.document.part.package.image_parts
        part = ImagePart.from_image(picture, PackURI(f"/word/media/image{len(stored) + 1}.{picture.ext}"))
        stored.append(part)
        state.pictures[picture.sha1] = part
    return part


def vector_part(state: WriterState, data: bytes) -> Part:
    """The part of the SVG `data`, stored once however often shown, named `/word/media/vectorN.svg`."""
    part = state.vectors.get(data)
    if part is None:
        part = Part(PackURI(f"/word/media/vector{len(state.vectors) + 1}.svg"), SVG_CONTENT_TYPE, data,
                    state.document.part.package)
        state.vectors[data] = part
    return part


def shape_id(state: WriterState) -> int:
    """The id of the next drawing (`wp:docPr/@id`): one more than the document's highest, as python-docx's
    `next_id`, which reads every `id` of the document, is asked only for the first."""
    if not state.next_shape:
        state.next_shape = state.document.part.next_id
    state.next_shape += 1
    return state.next_shape - 1
