"""The previous English (`#| msgid`) is the text the translation was made from, across any number of updates,
as GNU `msgmerge --previous` keeps it, until the translator clears the fuzzy flag."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ccdocs.i18n.catalogs import po_path, read_catalog
from conftest import FIXTURES, ccdocs_here

FIRST = "The Organization chose to treat these pressures as an occasion to strengthen its operating model"
SECOND = "The Organization chose to treat these pressures as a chance to strengthen its operating model"
THIRD = "The Organization decided to treat these pressures as a chance to strengthen its operating model"
INTRO = Path("content/01-introduction.md")


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / INTRO
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def update(folder: Path) -> str:
    result = ccdocs_here("i18n", "update", folder, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    return result.stdout


def previous_lines(po_text: str, msgid_start: str) -> str:
    """The `#|` lines of the entry whose msgid starts with `msgid_start`, joined as written in the .po."""
    entry = next(block for block in po_text.split("\n\n") if f'msgid "{msgid_start}' in block)
    return "".join(re.findall(r'^#\| (?:msgid )?"(.*)"$', entry, re.M))


@pytest.fixture(scope="module")
def edited_twice(tmp_path_factory):
    """A copy of the sample whose paragraph 2 is edited, updated, edited again and updated again."""
    folder = tmp_path_factory.mktemp("previous") / "doc"
    shutil.copytree(FIXTURES / "wo-cc-86-inf-1", folder, ignore=shutil.ignore_patterns("expected"))
    edit(folder, FIRST, SECOND)
    first = update(folder)
    after_first = po_path(folder, "zh").read_text(encoding="utf-8")
    edit(folder, SECOND, THIRD)
    second = update(folder)
    return folder, first, after_first, second, po_path(folder, "zh").read_text(encoding="utf-8")


def test_after_one_edit_the_previous_msgid_is_the_original_english(edited_twice):
    _, first, after_first, _, _ = edited_twice
    assert "0 new, 1 fuzzy, 0 obsolete" in first
    assert previous_lines(after_first, SECOND).startswith(FIRST)


def test_after_a_second_edit_the_previous_msgid_is_still_the_original_english(edited_twice):
    _, _, _, second, po_text = edited_twice
    assert "0 new, 1 fuzzy, 0 obsolete" in second  # the same entry, changed again
    assert previous_lines(po_text, THIRD).startswith(FIRST)
    assert SECOND not in po_text  # the intermediate English is nowhere: not as #|, not as an obsolete entry
    message = next(m for m in read_catalog(po_path(edited_twice[0], "zh")) if m.id.startswith(THIRD))
    assert message.fuzzy and message.previous_id[0].startswith(FIRST)
    assert message.string.startswith("本组织选择")  # the translation made from the first English, kept


def test_the_review_page_diff_shows_both_changes(edited_twice, tmp_path):
    folder = edited_twice[0]
    page = tmp_path / "review.html"
    result = ccdocs_here("i18n", "review", folder, "--lang", "zh", "-o", page)
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    row = next(r for r in html.split("<tr") if "decided" in r)
    deleted, inserted = re.findall(r"<del>(.*?)</del>", row), re.findall(r"<ins>(.*?)</ins>", row)
    assert "chose" in " ".join(deleted) and "decided" in " ".join(inserted)  # the second edit
    assert "an occasion" in " ".join(deleted) and "a chance" in " ".join(inserted)  # the first edit
