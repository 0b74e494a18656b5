"""A `--memory` path that is missing, a FIFO (or another file that is not a regular one) or a link leading
nowhere is a usage error at the option saying which, and what to give, exit 2 (as a missing DOC_DIR or XLIFF file
is), nothing read (a FIFO would block) nor written: it was told "not a translation memory", as a text file is,
whatever stood there; then an input error at its path, exit 1."""

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
    Case("missing", {}, "this translation memory does not exist", None, code=2, command=(*UPDATE, "{out}/old.po"),
         check=False),
    Case("fifo-po", {}, "this translation memory is not a regular file (a FIFO, a socket or a device)", None, code=2,
         command=(*UPDATE, "{out}/m.po"), setup=fifo("m.po"), check=False, timeout=60),
    Case("fifo-xlf", {}, "this translation memory is not a regular file", None, code=2,
         command=(*UPDATE, "{out}/m.xlf"), setup=fifo("m.xlf"), check=False, timeout=60),
    Case("fifo-next", {}, "this translation memory is not a regular file", None, code=2,
         command=(*NEXT, "{out}/m.po"), setup=fifo("m.po", catalog=True), check=False, timeout=60),
    Case("missing-next", {}, "this translation memory does not exist", None, code=2,  # read only for catalogs
         command=(*NEXT, "{out}/none.po"), check=False),
    Case("dangling-link", {}, "this translation memory is a link that leads nowhere", None, code=2,
         command=(*UPDATE, "{out}/gone.po"), setup=dangling, check=False),
], ids=lambda case: case.id)
def test_a_memory_that_is_no_regular_file_is_refused_at_its_path(refuse, case):
    said = refuse(case)
    assert "ccdocs: error: --memory " in said
    assert "(give a .po catalog, a document folder or an XLIFF (.xlf) file)" in said
