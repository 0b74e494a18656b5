"""Building side by side: the same files as one by one, every job's problems together, the profile summed."""

from __future__ import annotations

import pytest

from ccdocs import build as building
from ccdocs.build import build
from ccdocs.errors import InputError
from ccdocs.stopwatch import Stopwatch
from conftest import MINIMAL, REPORT


@pytest.fixture
def two_folders(make_doc, tmp_path):
    """Two document folders: the scratch document and a copy with its own symbol."""
    first = make_doc()
    second = tmp_path / "second"
    for path in first.rglob("*"):
        if path.is_file():
            target = second / path.relative_to(first)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (second / "document.yaml").write_text(MINIMAL.replace("WO/CC/86/INF/1", "WO/CC/86/INF/2"), encoding="utf-8")
    return [first, second]


def test_side_by_side_gives_the_files_one_by_one_gives(two_folders, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    serial = build(two_folders, tmp_path / "serial", workers=1)
    parallel = build(two_folders, tmp_path / "parallel", workers=2)
    names = [str(p.relative_to(tmp_path / "serial")) for p in serial]
    assert names == [str(p.relative_to(tmp_path / "parallel")) for p in parallel]
    assert names == [f"{lang}/wo_cc_86_inf_{n}.{fmt}"
                     for n in (1, 2) for lang in ("en", "zh") for fmt in ("docx", "pdf")]
    assert [p.read_bytes() for p in serial] == [p.read_bytes() for p in parallel]


def test_the_problems_of_every_folder_are_reported_together_once_and_nothing_is_written(two_folders, tmp_path):
    first, second = two_folders
    (first / "content/report.md").write_text(REPORT.replace("workforce.staff", "workforce.stafff"), encoding="utf-8")
    (second / "content/annex.md").write_text("# Annex\n\nWe count {{ workforce.nobody }}.\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(InputError) as caught:
        build(two_folders, out, workers=2)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2, messages
    assert "`stafff` is not in the data" in messages[0] and "`nobody` is not in the data" in messages[1]
    assert not out.exists()


def test_the_profile_sums_the_stages_of_every_worker(make_doc, tmp_path):
    clock = Stopwatch()
    build([make_doc()], tmp_path / "out", clock=clock, workers=2)
    assert {"read", "model", "render", "docx", "pdf", "write"} <= set(clock.seconds)
    assert all(clock.seconds[stage] > 0 for stage in ("model", "docx", "pdf"))
    assert clock.line().endswith("(summed over 2 workers)")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_interruption_while_writing_leaves_nothing(make_doc, tmp_path, monkeypatch, workers):
    real = building.writer

    def interrupted(fmt):
        if fmt == "pdf":
            def write(doc, theme):
                raise KeyboardInterrupt
            return write
        return real(fmt)

    monkeypatch.setattr(building, "writer", interrupted)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        build([make_doc()], out, workers=workers)
    assert not out.exists()
