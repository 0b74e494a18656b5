"""A paper shows at most `sources.images.MOST_SHOWN` pictures, each showing counted: the showing that passes it is
refused at its line, in build and check alike, and no file is read after it (breaks-9 #5: nothing counted raster
pictures but the content's 50,000 lines, some 25,000 showings, each laid out and written again in both formats)."""

from __future__ import annotations

import io

from PIL import Image as Pillow

from conftest import REPORT
from ccdocs.sources.images import MOST_SHOWN
from refusals import Case


def _png() -> bytes:
    out = io.BytesIO()
    Pillow.new("RGB", (200, 100), "teal").save(out, "PNG")
    return out.getvalue()


def test_a_picture_shown_again_and_again_is_refused_where_the_paper_passes_its_pictures(refuse):
    shown = "".join(f"\n![Picture {i}](images/a.png)\n" for i in range(MOST_SHOWN + 5))
    report = REPORT + shown + "\n![Not there](images/missing.png)\n"
    line = report.split("\n").index(f"![Picture {MOST_SHOWN}](images/a.png)") + 1
    output = refuse(Case("pictures-shown", {"content/report.md": report, "images/a.png": _png()},
                         "this image would make the paper show 2,001 pictures, more than the 2,000 ccdocs shows in a "
                         "paper (each showing counted)", f"content/report.md:{line}:"))
    assert "(a paper shows some tens of pictures: show each once, and gather small ones into one figure)" in output
    assert output.count("pictures, more than") == 1, output   # the showings after it are not told one by one
    assert "missing.png" not in output, output                 # nor read


def test_a_paper_showing_as_many_pictures_as_the_bound_is_read(refuse):
    # the bound itself is no error: the paper fails for its missing picture alone, the last showing
    shown = "".join(f"\n![Picture {i}](images/a.png)\n" for i in range(MOST_SHOWN - 1))
    report = REPORT + shown + "\n![Not there](images/missing.png)\n"
    output = refuse(Case("pictures-at-the-bound", {"content/report.md": report, "images/a.png": _png()},
                         "image `images/missing.png` does not exist", f"content/report.md:{report.count(chr(10))}:"))
    assert "pictures, more than" not in output, output


def test_the_pixels_of_the_paper_s_pictures_are_bounded_each_picture_counted_once(refuse, monkeypatch):
    """(review-14 R13: the showings were counted, not the pixels each decodes: 2,000 distinct flat 40 Mpx PNGs of
    130 KB took some 55 minutes of check a language.) At a bound lowered to two and a half pictures of 20,000
    pixels: `a.png` shown again counts once, `c.png` passes the bound and is told at its line; no file is read
    after it."""
    from ccdocs.sources import images

    monkeypatch.setattr(images, "MOST_PIXELS", 50_000)
    report = REPORT + "".join(f"\n![Picture {name}](images/{name}.png)\n" for name in ("a", "b", "a", "a", "c", "a"))
    report += "\n![Not there](images/missing.png)\n"
    line = report.split("\n").index("![Picture c](images/c.png)") + 1
    output = refuse(Case("pictures-pixels", {"content/report.md": report, "images/a.png": _png(),
                                             "images/b.png": _png(), "images/c.png": _png()},
                         "image `images/c.png` holds 20,000 pixels, which would make the paper's pictures hold 60,000, "
                         "more than the 50,000 ccdocs reads in a paper (each picture counted once)",
                         f"content/report.md:{line}:"))
    assert "(save each picture at the size it prints at 300 dpi, some 2,000 pixels across an A4 page's text, or show " \
           "fewer)" in output, output
    assert output.count("pixels, which would make") == 1, output
    assert "missing.png" not in output, output
