"""A photograph prints the way up every viewer shows it (breaks-9 #3). A phone saves a JPEG's pixels as the sensor
took them and records the turn in the Exif `Orientation` tag (6: turn a quarter clockwise to show it); a browser,
Word's Insert Picture and a file manager undo it. ccdocs embedded the pixels as stored, in the PDF and in the Word
document: the picture printed on its side, its width and height swapped. Now the pixels are turned once, where the
image is read (`sources.images.upright`), so both writers get the same upright image and its size is measured
upright; a PNG's eXIf chunk alike."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pdfplumber
import pytest
from lxml import etree
from PIL import Image as PILImage

from ccdocs.sources.images import read_picture
from test_image_exif import built_showing

ORIENTATION = 0x0112
RED, BLUE = (220, 0, 0), (0, 0, 220)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_POINT = 12700


def stored_turned(fmt: str, orientation: int, mode: str = "RGB") -> bytes:
    """A 400 × 200 picture at 144 dpi, red on its left half and blue on its right, as a camera stores the pixels
    of a picture whose Exif `orientation` turns it to show: 6 (a quarter clockwise) shows red above blue, 8 (a
    quarter anticlockwise) blue above red."""
    image = PILImage.new("RGB", (400, 200), BLUE)
    image.paste(RED, (0, 0, 200, 200))
    exif = PILImage.Exif()
    exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.convert(mode).save(out, fmt, exif=exif.tobytes(), dpi=(144, 144))
    return out.getvalue()


PHOTOS = {"phone.jpg": (stored_turned("JPEG", 6), (RED, BLUE)),
          "scan.png": (stored_turned("PNG", 8, "RGBA"), (BLUE, RED))}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """(lang, suffix) -> the file built from the minimal document showing each picture of PHOTOS."""
    return built_showing(tmp_path_factory.mktemp("turned"), {name: data for name, (data, _) in PHOTOS.items()})


def halves(image) -> tuple:
    """The colours of `image`'s upper and lower quarter's middle."""
    rgb = image.convert("RGB")
    return tuple(rgb.getpixel((rgb.width // 2, rgb.height * y // 4)) for y in (1, 3))


def near(colours: tuple, expected: tuple) -> bool:
    return all(abs(a - b) <= 12 for got, want in zip(colours, expected) for a, b in zip(got, want))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_word_document_holds_each_picture_upright_at_its_upright_size(made, lang):
    with zipfile.ZipFile(made[lang, ".docx"]) as docx:
        media = [docx.read(name) for name in sorted(docx.namelist()) if name.startswith("word/media/")]
        body = etree.fromstring(docx.read("word/document.xml"))
    extents = [(round(int(e.get("cx")) / EMU_PER_POINT), round(int(e.get("cy")) / EMU_PER_POINT))
               for e in body.iter(f"{WP}extent")]
    assert extents == [(100, 200)] * 2   # points: 200 × 400 pixels at 144 dpi (a PNG's, per metre, near enough)
    shown = sorted(halves(PILImage.open(io.BytesIO(data))) for data in media)
    assert len(shown) == 2 and all(near(s, e) for s, e in zip(shown, sorted(c for _, c in PHOTOS.values()))), shown
    for data in media:
        assert PILImage.open(io.BytesIO(data)).getexif().get(ORIENTATION, 1) == 1   # never turned twice


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_prints_each_picture_upright(made, lang):
    pdf_path = made[lang, ".pdf"]
    with pdfplumber.open(pdf_path) as pdf:
        images = [(index, i) for index, page in enumerate(pdf.pages) for i in page.images]
    assert [(round(i["width"]), round(i["height"])) for _, i in images] == [(100, 200)] * 2
    seen = []
    for index, image in images:
        prefix = pdf_path.with_name(f"page-{index}")
        subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(pdf_path), str(prefix)], check=True)
        with PILImage.open(prefix.with_suffix(".png")) as page:
            seen.append(halves(page.crop((round(image["x0"]), round(image["top"]), round(image["x1"]),
                                          round(image["bottom"])))))
    assert all(near(s, c) for s, (_, c) in zip(seen, PHOTOS.values())), seen


def test_a_turned_picture_reads_as_the_same_bytes_each_time(tmp_path):
    (tmp_path / "phone.jpg").write_bytes(PHOTOS["phone.jpg"][0])
    first, again = (read_picture(tmp_path, "phone.jpg") for _ in range(2))
    assert first.data == again.data and first.pixels == (200, 400)


def cmyk_with_exif_first() -> bytes:
    """A CMYK JPEG (libjpeg writes it with an Adobe header, which python-docx cannot read) whose first segment is an
    Exif block turning it (6)."""
    image, out = PILImage.new("CMYK", (40, 20), (0, 200, 200, 0)), io.BytesIO()
    image.save(out, "JPEG")
    exif = PILImage.Exif()
    exif[ORIENTATION] = 6
    block = exif.tobytes()
    data = out.getvalue()
    return data[:2] + b"\xff\xe1" + (len(block) + 2).to_bytes(2, "big") + block + data[2:]


def test_a_turned_cmyk_jpeg_is_written_upright_with_the_header_the_word_document_reads(tmp_path):
    (tmp_path / "p.jpg").write_bytes(cmyk_with_exif_first())
    picture = read_picture(tmp_path, "p.jpg")
    assert picture.pixels == (20, 40) and picture.size == (20.0, 40.0) and picture.data[6:10] == b"JFIF"   # 72 dpi,
    # as Pillow reads a JPEG whose Exif block states no resolution


def test_a_png_whose_orientation_is_only_in_a_text_chunk_is_left_as_browsers_show_it():
    """review-14 R19: Pillow reads an orientation from ImageMagick's "Raw profile type exif" text chunk (how
    ImageMagick 6 keeps a photo's Exif in a PNG), which browsers and Word ignore: such a picture is not turned; one
    with the same tag in an eXIf chunk is."""
    from PIL import Image, PngImagePlugin

    from ccdocs.sources.images import upright

    exif = Image.Exif()
    exif[0x0112] = 6
    raw = exif.tobytes().hex()
    text = PngImagePlugin.PngInfo()
    text.add_text("Raw profile type exif", f"\nexif\n{len(raw) // 2:8d}\n{raw}\n")
    chunked, tagged = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(chunked, "PNG", pnginfo=text)
    Image.new("RGB", (40, 20), "red").save(tagged, "PNG", exif=exif.tobytes())
    assert upright(chunked.getvalue(), "png") is None
    assert PILImage.open(io.BytesIO(upright(tagged.getvalue(), "png"))).size == (20, 40)
