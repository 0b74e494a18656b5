"""Another svglib than the releases ccdocs extends is told as such, never drawn otherwise nor "an internal error".

sources/svgpaint.py extends svglib 2.3's renderer through names private to it (`_shape_to_pdf_path`,
`SvgRenderer._apply_gradient_fill`, a shading's `_x0` …): pyproject.toml pins `svglib>=2.3.2,<2.4`, but pip lets
another in (`pip install -U svglib` warns and goes on; a distribution's python3-svglib with `--no-deps`). It then
failed at the first SVG with "ccdocs: internal error: ImportError: cannot import name '_shape_to_pdf_path' …; this
is a fault of ccdocs", or, where the names stood with another meaning, drew the gradients otherwise without a word
(review-13 R7). Now a paper showing an SVG is refused, exit 1, nothing written, naming the releases to install; a
paper without one is built as ever.
"""

from __future__ import annotations

import sys

import pytest
import svglib
from svglib import svglib as module

from conftest import REPORT
from refusals import in_one_process, invoke

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
SAID = ("ccdocs: error: ccdocs draws SVG images in the PDF with svglib 2.3 (svglib>=2.3.2,<2.4), whose renderer it "
        "extends; this Python has svglib ")


def showing(make_doc, tmp_path, monkeypatch, svg: bool, another) -> tuple:
    """The minimal document showing an SVG (or not), made, then checked and built with `another(monkeypatch)`'s
    svglib (svgpaint imported afresh: it checks svglib when imported; all put back after the test): (check's exit,
    words and whether an exception escaped, build's)."""
    folder = make_doc({"content/report.md": REPORT + ("\n![A box](figures/a.svg)\n" if svg else ""),
                       "figures/a.svg": SVG})
    monkeypatch.delitem(sys.modules, "ccdocs.sources.svgpaint", raising=False)
    another(monkeypatch)
    with in_one_process():
        checked = invoke(["check", str(folder)])
        built = invoke(["build", str(folder), "--out", str(tmp_path / "out")])
    return checked, built


@pytest.mark.parametrize("version, told", [
    ("2.4.0", "2.4.0 (install the supported one: pip install 'svglib>=2.3.2,<2.4')"),
    ("2.4.0rc1", "2.4.0rc1 (install the supported one"),
    ("1.5.1", "1.5.1 (install the supported one"),
])
def test_another_release_is_refused_naming_the_ones_to_install(make_doc, tmp_path, monkeypatch, version, told):
    made = showing(make_doc, tmp_path, monkeypatch, True, lambda patch: patch.setattr(svglib, "__version__", version))
    for code, text, escaped in made:
        assert (code, escaped) == (1, False), text
        assert SAID + told in text and "internal error" not in text, text
    assert not list((tmp_path / "out").rglob("*.*"))


def test_a_release_lacking_what_ccdocs_extends_is_refused_naming_it(make_doc, tmp_path, monkeypatch):
    """As 2.3.2 with its private function gone (what a later release may do under the same number's pin)."""
    for code, text, escaped in showing(make_doc, tmp_path, monkeypatch, True,
                                       lambda patch: patch.delattr(module, "_shape_to_pdf_path")):
        assert (code, escaped) == (1, False), text
        assert (SAID + f"{svglib.__version__}, which lacks _shape_to_pdf_path (install it again: pip install "
                "--force-reinstall 'svglib>=2.3.2,<2.4')") in text, text


def test_a_paper_without_svg_is_built_whatever_the_svglib(make_doc, tmp_path, monkeypatch):
    for code, text, _ in showing(make_doc, tmp_path, monkeypatch, False,
                                 lambda patch: patch.setattr(svglib, "__version__", "2.4.0")):
        assert code == 0, text


def test_the_supported_releases_are_the_ones_pyproject_pins():
    """review-14 R10: the range svgpaint checks (SUPPORTED, PIN, said in its message) is pyproject.toml's pin: a pin
    moved without it would refuse every SVG paper naming the old range."""
    import tomllib
    from pathlib import Path

    from ccdocs.sources import svgpaint

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [req.replace(" ", "") for req in project["project"]["dependencies"] if req.startswith("svglib")]
    assert pins == [svgpaint.PIN]
    low, high = svgpaint.PIN.removeprefix("svglib>=").split(",<")
    assert svgpaint.SUPPORTED == (tuple(map(int, low.split("."))), tuple(map(int, high.split("."))))
