"""Regression fixtures: expected snapshots, reproducible bytes, readable diffs, DOCX and PDF agreeing."""

from __future__ import annotations

import hashlib
import re

import pytest

from ccdocs.build import build
from ccdocs.sources.spec import read_spec
from ccdocs.testing.regression import compare_snapshots, snapshot_name
from ccdocs.testing.snapshot import snapshot, unified
from conftest import DOCS, run_ccdocs

KEYS = sorted(DOCS)
LANGUAGES = {key: read_spec(DOCS[key]).languages for key in KEYS}  # as each document.yaml lists them
FORMATS = ("docx", "pdf")


@pytest.mark.parametrize("key", KEYS)
def test_outputs_match_the_expected_snapshots(built, key, request):
    snapshots = {snapshot_name(lang, fmt): snapshot(built(key, lang, fmt))
                 for lang in LANGUAGES[key] for fmt in FORMATS}
    differences = compare_snapshots(DOCS[key], snapshots, update=request.config.getoption("--update-fixtures"))
    assert not differences, "\n".join(str(d) for d in differences)


@pytest.mark.parametrize("key", ["84", "budget"])
def test_two_builds_with_source_date_epoch_are_byte_identical(tmp_path, monkeypatch, key):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = build([DOCS[key]], tmp_path / "a", ["en", "zh"])  # two languages suffice (84 lists fr too)
    second = build([DOCS[key]], tmp_path / "b", ["en", "zh"])
    digests = [[hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] for paths in (first, second)]
    assert len(first) == 4 and digests[0] == digests[1]


def test_one_changed_word_changes_exactly_one_line_and_diff_says_so(built, copy_fixture, tmp_path):
    folder = copy_fixture("84")
    report = folder / "content" / "05-hr-function.md"
    text = report.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    words = heading.split()
    changed = " ".join(words[:-1] + ["Xylophones"])
    report.write_text(text.replace(heading, changed, 1), encoding="utf-8")
    out = build([folder], tmp_path / "out", ["en"])
    for path in out:
        old = snapshot(built("84", "en", path.suffix[1:]))
        new = snapshot(path)
        removed = [l for l in unified(old, new).splitlines() if l.startswith("-") and not l.startswith("---")]
        added = [l for l in unified(old, new).splitlines() if l.startswith("+") and not l.startswith("+++")]
        assert len(removed) == len(added) == 1, (path.suffix, removed, added)
        assert "Xylophones" in added[0]
        result = run_ccdocs("diff", built("84", "en", path.suffix[1:]), path)
        assert result.returncode == 1 and "Xylophones" in result.stdout
    same = built("84", "en", "pdf")
    assert run_ccdocs("diff", same, same).returncode == 0


def _squash(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[\s*^]", "", text)


def _found(text: str, body: str, pieces: int = 5) -> bool:
    """Whether `text` stands in `body`, whole or wrapped over at most `pieces` lines of a table row."""
    if text in body:
        return True
    return pieces > 1 and any(text[:cut] in body and _found(text[cut:], body, pieces - 1)
                              for cut in range(len(text) - 1, 0, -1))


def _docx_view(text: str):
    labels = re.findall(r"^\[Numbered Paragraph\] (\d+\.)\t", text, re.M)
    notes = dict(re.findall(r"^(\*+|\d+)\t(.*)$", text.split("== footnotes", 1)[1], re.M)) \
        if "== footnotes" in text else {}
    cells = [piece.strip() for line in text.splitlines() if line.startswith(("  | ", "  H| "))
             for cell in line.split("|")[1:] for piece in cell.split(" / ") if piece.strip()]
    return labels, notes, cells


def _pdf_view(text: str):
    labels, notes, note = [], {}, None
    body_text = []
    for page in text.split("\n== page ")[1:]:
        zone = "body"
        for line in page.splitlines()[2:]:
            if line == "footnotes:":
                zone = "notes"
                continue
            if line.startswith("fonts:"):
                break
            if line.startswith("links: "):  # the page's internal links, after its notes
                continue
            line = line.strip()
            if zone == "body":
                body_text.append(line)
                match = re.match(r"^(\d+\.)\t", line)
                if match:
                    labels.append(match.group(1))
            else:
                match = re.match(r"^(\*+|\d+)\s+(.*)$", line)
                expected = str(int(note) + 1) if note and note.isdigit() else "1"
                if match and match.group(1) in ("*", "**", expected):
                    note = match.group(1)
                    notes[note] = match.group(2)
                elif note:
                    notes[note] += line
    return labels, notes, _squash("".join(body_text))


@pytest.mark.parametrize(("key", "lang"), [(key, lang) for key in KEYS for lang in LANGUAGES[key]])
def test_docx_and_pdf_carry_the_same_labels_notes_and_cells(built, key, lang):
    docx_labels, docx_notes, cells = _docx_view(snapshot(built(key, lang, "docx")))
    pdf_labels, pdf_notes, pdf_body = _pdf_view(snapshot(built(key, lang, "pdf")))
    assert docx_labels == pdf_labels
    assert list(docx_notes) == list(pdf_notes)
    for mark, text in docx_notes.items():
        assert _squash(text) == _squash(pdf_notes[mark]), mark
    missing = [cell for cell in cells if not _found(_squash(cell), pdf_body)]
    assert not missing
