"""Charts, pictures and links cost the DOCX writer the same each, however many the paper holds, and a paper's charts
are counted against bounds of their own (`charts.place.MOST_CHARTS`, `MOST_FIGURES`), the placement that passes one
refused at its `::: chart` line, in build and check alike (breaks-9 #5: nothing counted a chart's placements, and
python-docx's own steps, at each chart, picture or link, walked every part of the package, every relationship of
the part and every `id` of the document, so the write grew with the square of their number: 1,200 placements of a
chart took check 45 s of CPU, 9,800 links a DOCX write of 89 s, 1,200 pictures 26 s)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path
from unittest import mock

from PIL import Image as Pillow

from bounded import within
from conftest import REPORT, ccdocs_here, write_doc
from ccdocs.charts import place
from ccdocs.pipeline import read_sources, resolve
from ccdocs.sources.memo import CLOCK_TICK
from ccdocs.theme import load_theme
from ccdocs.writers import writer
from refusals import Case
from test_charts_refusals import COLUMNS, charted

PLACED = "\n::: chart figure\nChart {}\n:::\n"   # each 4 lines: the `::: chart` line is the second
FIRST = (REPORT + "\n").count("\n") + 2          # the line of the first placement after the minimal report


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
    # the document (`next_id`): 1,500 placements, some 45 s; now a few seconds (the bound lifted for the writer)
    placed = "".join(PLACED.format(n) for n in range(1500))
    folder = write_doc(tmp_path / "doc", charted(COLUMNS, placed))
    with mock.patch.object(place, "MOST_CHARTS", 1500):
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


def test_a_chart_placed_again_and_again_is_refused_where_the_paper_passes_its_charts(refuse):
    # 400 placements of a chart: refused at the 301st, in a child bounded
    placed = "".join(PLACED.format(n) for n in range(400))
    hint = "more than the 300 ccdocs draws in a paper"
    output = refuse(Case("charts-placed-again", charted(COLUMNS, placed), hint,
                         f"content/report.md:{FIRST + 300 * 4}", timeout=90))
    assert f"content/report.md:{FIRST + 300 * 4}:1: error: this `::: chart` would make the paper draw 301 charts, " \
           "more than the 300 ccdocs draws in a paper (each `::: chart` draws its chart again) (a paper draws some " \
           "tens of charts of some tens of figures: place each chart once" in output
    assert output.count(hint) == 1, output   # the placements after it are not told one by one


def test_charts_of_many_figures_are_refused_where_the_paper_passes_their_figures(refuse):
    # a chart's figures (categories x series) counted at each placement: the third chart of 2 x 2 passes 10
    spec = COLUMNS.replace("[{key: applied, label: Applications}]", "[{key: applied, label: A}, {key: hired, label: H}]")
    with mock.patch.object(place, "MOST_FIGURES", 10):
        refuse(Case("chart-figures", charted(spec + "    rows: [africa, asia]\n",
                                             "".join(PLACED.format(n) for n in range(5))),
                    "this chart's 4 figures would make the paper's charts draw 12, more than the 10 ccdocs draws in a "
                    "paper", f"content/report.md:{FIRST + 2 * 4}"))


def test_a_file_whose_blocks_are_kept_counts_its_charts_again(tmp_path):
    # the bound made 1 chart: the report's chart is kept in the cache by the first check; the annex placing it again
    # passes the bound, which the second check, reading the report's blocks from the cache, must see
    files = charted(COLUMNS)
    folder = write_doc(tmp_path / "doc", files)
    time.sleep(2 * CLOCK_TICK / 1e9)  # the files older than the reading by more than a clock tick: blocks are kept
    with mock.patch.object(place, "MOST_CHARTS", 1):
        first = ccdocs_here("check", folder)
        assert first.returncode == 0, first.stdout + first.stderr
        (folder / "content/annex.md").write_text("# Annex title\n\n::: chart figure\nAgain\n:::\n")
        time.sleep(2 * CLOCK_TICK / 1e9)
        second = ccdocs_here("check", folder)
    assert second.returncode == 1, second.stdout + second.stderr
    assert "content/annex.md:3:1: error: this `::: chart` would make the paper draw 2 charts, more than the 1 " \
           "ccdocs draws" in second.stdout + second.stderr
