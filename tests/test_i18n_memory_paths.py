"""A `--memory` path that is missing, a FIFO (or another file that is not a regular one) or a link leading
nowhere is refused at its path saying which, and what to give, exit 1, nothing read (a FIFO would block) nor
written: it was told "not a translation memory", as a text file is, whatever stood there."""

from __future__ import annotations

import os

import pytest

from refusals import Case, invoke


def fifo(name, catalog=False):
    def setup(folder, out):
        if catalog:  # `next` reads a memory for the catalogs it copies
            assert invoke(["i18n", "update", str(folder), "--lang", "zh"])[0] == 0
        os.mkfifo(out / name)
    return setup


def dangling(folder, out):
    (out / "gone.po").symlink_to(out / "nothing.po")


UPDATE = ("i18n", "update", "{doc}", "--lang", "zh", "--memory")
NEXT = ("next", "{doc}", "{out}/next", "--memory")


@pytest.mark.parametrize("case", [
    Case("missing", {}, "this translation memory does not exist", "old.po", command=(*UPDATE, "{out}/old.po"),
         check=False),
    Case("fifo-po", {}, "this translation memory is not a regular file (a FIFO, a socket or a device)", "m.po",
         command=(*UPDATE, "{out}/m.po"), setup=fifo("m.po"), check=False, timeout=60),
    Case("fifo-xlf", {}, "this translation memory is not a regular file", "m.xlf",
         command=(*UPDATE, "{out}/m.xlf"), setup=fifo("m.xlf"), check=False, timeout=60),
    Case("fifo-next", {}, "this translation memory is not a regular file", "m.po",
         command=(*NEXT, "{out}/m.po"), setup=fifo("m.po", catalog=True), check=False, timeout=60),
    Case("dangling-link", {}, "this translation memory is a link that leads nowhere", "gone.po",
         command=(*UPDATE, "{out}/gone.po"), setup=dangling, check=False),
], ids=lambda case: case.id)
def test_a_memory_that_is_no_regular_file_is_refused_at_its_path(refuse, case):
    assert "(give a .po catalog, a document folder or an XLIFF [.xlf] file)" in refuse(case)
