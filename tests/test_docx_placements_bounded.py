"""Charts, pictures and links cost the DOCX writer the same each, however many the paper holds (breaks-9 #5:
python-docx's own steps, at each chart, picture or link, walked every part of the package, every relationship of
the part and every `id` of the document, so the write grew with the square of their number: 1,200 placements of a
chart took check 45 s of CPU, 9,800 links a DOCX write of 89 s, 1,200 pictures 26 s)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from PIL import Image as Pillow

from bounded import within
from conftest import REPORT, write_doc
from ccdocs.pipeline import read_sources, resolve
from ccdocs.theme import load_theme
from ccdocs.writers import writer
from test_charts_refusals import COLUMNS, charted

PLACED = "\n::: chart figure\nChart {}\n:::\n"


def _docx(folder: Path):
    """A function giving the English DOCX of `folder` (its bytes), its model made now, in this process."""
    sources = read_sources(folder)
    doc, theme = resolve(sources, "en"), load_theme(sources.spec.theme, sources.spec.folder)
    return lambda: writer("docx")(doc, theme)


def _parts(data: bytes) -> dict:
    """Each part's name in the DOCX `data` -> its bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_a_chart_placed_1500_times_is_written_in_time_linear_in_them(tmp_path):
    # each chart part was named by walking every part (`next_partname`), its drawing's id by reading every id of
    # the document (`next_id`): 1,500 placements, some 45 s; now a few seconds
    placed = "".join(PLACED.format(n) for n in range(1500))
    folder = write_doc(tmp_path / "doc", charted(COLUMNS, placed))
    write = _docx(folder)
    assert within(lambda: len(write()), 20, "the DOCX of 1,500 chart placements written")


def test_9800_links_are_written_in_time_linear_in_them(tmp_path):
    # each link's relationship was looked for among all the part's, then given the lowest rId free from rId1 up
    # (`relate_to`): 9,800 links (within the paper's 10,000) took the DOCX write 89 s; now a second
    report = REPORT + "".join("\n" + " ".join(f"[page {i}.{j}](https://www.wipo.int/p/{i}/{j})" for j in range(49))
                              + "\n" for i in range(200))
    folder = write_doc(tmp_path / "doc", {"content/report.md": report})
    write = _docx(folder)
    assert within(lambda: len(write()), 20, "the DOCX of 9,800 links written")


def test_1500_pictures_are_written_in_time_linear_in_them(tmp_path):
    # each picture was looked for among the stored ones by hashing each, named by listing their numbers, related as
    # a link is and given an id as a chart's drawing: 1,200 pictures took the DOCX write 26 s
    for n in range(1500):
        path = tmp_path / f"doc/images/p{n}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        Pillow.new("RGB", (200, 100), (n % 256, n // 256, 0)).save(path)
    report = REPORT + "".join(f"\n![Picture {n}](images/p{n}.png)\n" for n in range(1500))
    folder = write_doc(tmp_path / "doc", {"content/report.md": report})
    write = _docx(folder)
    assert within(lambda: len(write()), 20, "the DOCX of 1,500 pictures written")


def test_parts_and_relationships_are_named_as_python_docx_names_them(tmp_path):
    # the writer's own counts and maps give what python-docx's searches gave: the lowest number and rId free, one
    # relationship a part and target however often shown or linked, each drawing an id of its own
    for name, colour in (("a", "red"), ("b", "blue")):
        path = tmp_path / f"doc/images/{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        Pillow.new("RGB", (200, 100), colour).save(path)
    files = charted(COLUMNS, PLACED.format(1) + PLACED.format(2))
    files["content/report.md"] += ("\n![A](images/a.png)\n\n![B](images/b.png)\n\n![A again](images/a.png)\n\n"
                                   "See [WIPO](https://www.wipo.int/) and [again](https://www.wipo.int/).[^w]\n\n"
                                   "[^w]: Also [WIPO](https://www.wipo.int/) and [PCT](https://www.wipo.int/pct/).\n")
    parts = _parts(_docx(write_doc(tmp_path / "doc", files))())
    rels = re.findall(r'Id="rId(\d+)" Type="[^"]*/(\w+)" Target="([^"]+)"',
                      parts["word/_rels/document.xml.rels"].decode())
    assert sorted(int(rid) for rid, _, _ in rels) == list(range(1, len(rels) + 1))
    assert [(kind, target) for _, kind, target in rels if kind in ("chart", "image", "hyperlink")] == [
        ("chart", "charts/chart1.xml"), ("chart", "charts/chart2.xml"), ("image", "media/image1.png"),
        ("image", "media/image2.png"), ("hyperlink", "https://www.wipo.int/")]
    notes = re.findall(r'Id="rId(\d+)" Type="[^"]*/hyperlink" Target="([^"]+)"',
                       parts["word/_rels/footnotes.xml.rels"].decode())
    assert notes == [("1", "https://www.wipo.int/"), ("2", "https://www.wipo.int/pct/")]
    assert sorted(n for n in parts if n.startswith(("word/charts/chart", "word/media/"))) == [
        "word/charts/chart1.xml", "word/charts/chart2.xml", "word/media/image1.png", "word/media/image2.png"]
    ids = re.findall(r'<wp:docPr id="(\d+)"', parts["word/document.xml"].decode())
    assert ids == [str(n) for n in range(1, 6)]   # two charts, three pictures
