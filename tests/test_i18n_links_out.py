"""The i18n commands read and write a document's catalogs and template only inside its folder (breaks-3 item 0).

A folder may arrive with `locales`, `locales/zh/LC_MESSAGES` or the catalog itself as a symbolic link leading out
of it (to a neighbouring paper's catalogs, say). `check` and `build` refuse such a catalog; `i18n extract`,
`update` (a new catalog too), `import`, `export`, `update --memory` and `next` refuse it as well, at the path, exit
1, and neither read through the link nor write anything: the place outside (`out/elsewhere`, under the refusal
contract's output folder, so `refusals.state` watches it) is byte-identical afterwards.
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from pathlib import Path

import pytest
from refusals import Case, invoke

from ccdocs import output
from ccdocs.i18n.catalogs import po_path
from ccdocs.output import WriteError, write_all

CATALOG = "locales/zh/LC_MESSAGES/content.po"
LEADS = {  # what is made a link leading out, and the outside place it leads to
    "locales": "locales",
    "LC_MESSAGES": "locales/zh/LC_MESSAGES",
    "catalog": CATALOG,
}


def translated(folder: Path, out: Path) -> None:
    """A zh catalog for the minimal document, and its XLIFF at `out/zh.xlf`."""
    out.mkdir(parents=True, exist_ok=True)
    for argv in (["i18n", "update", str(folder), "--lang", "zh"],
                 ["i18n", "export", str(folder), "--lang", "zh", "-o", str(out / "zh.xlf")]):
        code, text, _ = invoke(argv)
        assert code == 0, text


def lead_out(lead: str, folder: Path, out: Path, catalog: bool = True) -> None:
    """Make `LEADS[lead]` of `folder` a link to the same place under `out/elsewhere` (holding the zh catalog when
    `catalog`, else an empty folder of that name)."""
    translated(folder, out)
    inside, outside = folder / LEADS[lead], out / "elsewhere" / LEADS[lead]
    outside.parent.mkdir(parents=True, exist_ok=True)
    if catalog:
        shutil.move(inside, outside)
    else:
        shutil.rmtree(folder / "locales")
        outside.mkdir(parents=True)
        inside.parent.mkdir(parents=True, exist_ok=True)
    inside.symlink_to(outside)


COMMANDS = {
    "extract": ("i18n", "extract", "{doc}"),
    "update": ("i18n", "update", "{doc}", "--lang", "zh"),
    "import": ("i18n", "import", "{doc}", "{out}/zh.xlf", "--lang", "zh"),
    "export": ("i18n", "export", "{doc}", "--lang", "zh", "-o", "{out}/again.xlf"),
}
CASES = [Case(f"{name}-{lead}", {}, "the zh catalog leaves the document folder", f"doc/{CATALOG}", command=command,
              setup=partial(lead_out, lead)) for name, command in COMMANDS.items() for lead in LEADS]
CASES += [  # no catalog yet: extract and update would create the template and the catalog outside
    Case(f"{name}-new-{lead}", {}, "leaves the document folder", f"doc/{CATALOG}", command=COMMANDS[name],
         setup=partial(lead_out, lead, catalog=False)) for name in ("extract", "update")
    for lead in ("locales", "LC_MESSAGES")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_catalog_reached_through_a_link_leading_out_is_neither_read_nor_written(refuse, case):
    refuse(case)


def memory_out(folder: Path, out: Path) -> None:
    """A memory folder `out/memory` whose zh catalog is a link to `out/elsewhere/content.po`."""
    translated(folder, out)
    memory = out / "memory"
    shutil.copytree(folder, memory)
    (out / "elsewhere").mkdir()
    shutil.move(memory / CATALOG, out / "elsewhere" / "content.po")
    (memory / CATALOG).symlink_to(out / "elsewhere" / "content.po")


@pytest.mark.parametrize("command", [
    ("i18n", "update", "{doc}", "--lang", "zh", "--memory", "{out}/memory"),
    ("next", "{doc}", "{out}/next", "--memory", "{out}/memory"),
], ids=["update", "next"])
def test_a_memory_folder_s_catalog_leading_out_of_it_is_not_read(refuse, command):
    refuse(Case("memory", {}, "the zh catalog of this memory leaves the document folder", f"memory/{CATALOG}",
                command=command, setup=memory_out))


def test_next_does_not_copy_a_catalog_leading_out(refuse):
    refuse(Case("next", {}, "the zh catalog leaves the document folder", f"doc/{CATALOG}",
                command=("next", "{doc}", "{out}/next"), setup=partial(lead_out, "catalog")))


def test_a_folder_made_a_link_while_the_catalog_is_written_is_not_written_through(make_doc, tmp_path, monkeypatch):
    """The check and the write are apart in time: `locales` replaced by a link leading out in between (here, as
    the temporary file is written) leaves the outside untouched and the catalog as it was."""
    folder, elsewhere = make_doc(), tmp_path / "elsewhere"
    translated(folder, tmp_path / "out")
    path = po_path(folder, "zh")
    before = path.read_bytes()
    shutil.copytree(folder / "locales", elsewhere)
    outside = {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    temporary = output._temporary

    def swapped(target, data):
        if not (folder / "locales").is_symlink():
            os.rename(folder / "locales", folder / "locales.kept")
            (folder / "locales").symlink_to(elsewhere)
        return temporary(target, data)

    monkeypatch.setattr(output, "_temporary", swapped)
    with pytest.raises(WriteError, match="replaced by a link"):
        write_all({path: b"changed"}, inside=folder)
    assert {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == outside
    assert (folder / "locales.kept" / "zh" / "LC_MESSAGES" / "content.po").read_bytes() == before
