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


def test_a_folder_s_problems_are_told_in_one_order_whatever_the_cpus(make_doc, tmp_path):
    """review-12 R1: one folder built side by side makes its models in one worker, the Chinese first (its PDF is the
    longest write): its writes' problems were told zh first, en first on one CPU. Now in the languages' order (each
    language's model problems, then its writes'), however many CPUs run them."""
    folder = make_doc()
    yaml = (folder / "document.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("title: {en: Annual Report", "title: {en: \U0001f600 Annual Report").replace(
        "zh: 人力资源年度报告}", "zh: \u2603 人力资源年度报告}")   # a character no font holds: told by the PDF writes
    (folder / "document.yaml").write_text(yaml, encoding="utf-8")
    told = []
    for workers in (1, 2):
        with pytest.raises(InputError) as caught:
            build([folder], tmp_path / "out", workers=workers, write=False)
        told.append([p.message for p in caught.value.problems])
    assert told[0] == told[1]
    assert [("U+1F600" in m, "U+2603" in m) for m in told[1]] == [(True, False), (False, True)], told[1]


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
