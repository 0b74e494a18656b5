"""Specification: a file of a document folder with another name (a hard link) is refused as a link leading out is.

A symbolic link leading out of the folder is refused (`leaves the document folder`); a hard link is no link to
follow: it is the outside file itself under a name of the folder (`ln outside/secret.md content/extra.md`, made by
anyone who may read and write the file, or carried by a tar or cpio archive). Read, it printed the outside file in
the paper (breaks-8 #2). Nothing tells whether another name of a file lies outside the folder, so every input the
folder gives (document.yaml, content, data, images, the catalogs and glossaries under locales/, the folder's own
themes, cover-note frames and logo) is refused when it has more than one name: at the line naming it, or at the
file, saying what it is and what to do (copy it), exit 1, nothing written, `check` refusing it too; the i18n
commands reading or writing a catalog refuse it as well. A templates folder of the user's or the toolkit's is no
document folder (an installer may link a package's files): a hard link there is read. Nor is a folder the command
line names as a source to copy from, a memory folder (`--memory`) or `ccdocs next`'s OLD: archives of past papers
are often snapshots of hard links (`cp -al`, `rsync --link-dest`), and their files are read there, as a memory file
named on the command line is (review-13 R12); the snapshot itself is still refused as a document folder.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from functools import partial
from pathlib import Path

import pytest
from PIL import Image
from refusals import Case, invoke

from conftest import MINIMAL, REPORT, ccdocs_here, write_doc

SAID = "is a hard link (the file has 2 names)"
SECRET = "The secret password is hunter2.\n"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


def linked(name: str, folder: Path, out: Path, made=None) -> None:
    """Make `folder/name` a second name of a file outside the folder (`out/elsewhere/…`), holding what the folder's
    file held (after `made(folder, out)`, when given, made it)."""
    if made is not None:
        made(folder, out)
    inside, outside = folder / name, out / "elsewhere" / Path(name).name
    outside.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(inside, outside)
    os.link(outside, inside)


def catalog_made(folder: Path, out: Path) -> None:
    assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0


CATALOG = "locales/zh/LC_MESSAGES/content.po"
THEMED = {"document.yaml": MINIMAL + "theme: own\n", "templates/themes/own.yaml": "page: {}\n"}
LOGO = {"document.yaml": MINIMAL + "theme: own\n", "templates/themes/own.yaml": "cover:\n  logo: images/logo.png\n",
        "templates/images/logo.png": png()}
FRAME = "{{ doc.title }}\n\nThe Secretariat.\n"

CASES = [
    Case("content", {}, SAID, "doc/document.yaml:14", setup=partial(linked, "content/report.md")),
    Case("annex", {}, SAID, "doc/document.yaml:15", setup=partial(linked, "content/annex.md")),
    Case("data-yaml", {}, SAID, "doc/document.yaml:17", setup=partial(linked, "data/workforce.yaml")),
    Case("data-csv", {}, SAID, "doc/document.yaml:18", setup=partial(linked, "data/applicants.csv")),
    Case("document-yaml", {}, f"document.yaml {SAID}", "doc/document.yaml:", setup=partial(linked, "document.yaml")),
    Case("image", {"content/report.md": REPORT + "\n![A mark](figures/a.png)\n", "figures/a.png": png()}, SAID,
         "doc/content/report.md:13", setup=partial(linked, "figures/a.png")),
    Case("catalog", {}, f"the zh catalog {SAID}", f"doc/{CATALOG}:", setup=partial(linked, CATALOG,
                                                                                        made=catalog_made)),
    Case("glossary", {"locales/zh/glossary.csv": "source,target,note\nWIPO,产权组织,\n"}, f"the zh glossary {SAID}",
         "doc/locales/zh/glossary.csv:", setup=partial(linked, "locales/zh/glossary.csv", made=catalog_made)),
    Case("theme", THEMED, f"this theme {SAID}", "doc/templates/themes/own.yaml:",
         setup=partial(linked, "templates/themes/own.yaml")),
    Case("cover-note-frame", {"templates/cover-notes/information.en.md.j2": FRAME}, f"this cover-note frame {SAID}",
         "doc/templates/cover-notes/information.en.md.j2:",
         setup=partial(linked, "templates/cover-notes/information.en.md.j2")),
    Case("logo", LOGO, SAID, "doc/templates/themes/own.yaml:2", setup=partial(linked, "templates/images/logo.png")),
    Case("i18n-update", {}, f"the zh catalog {SAID}", f"doc/{CATALOG}:", command=("i18n", "update", "{doc}", "--lang",
                                                                               "zh"),
         setup=partial(linked, CATALOG, made=catalog_made)),
    Case("i18n-export", {}, f"the zh catalog {SAID}", f"doc/{CATALOG}:",
         command=("i18n", "export", "{doc}", "--lang", "zh", "-o", "{out}/zh.xlf"),
         setup=partial(linked, CATALOG, made=catalog_made)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_input_with_another_name_is_refused_and_nothing_is_read_through_it(refuse, case):
    output = refuse(case)
    assert "hunter2" not in output
    assert "(give the file one name: replace it by a copy of itself (`cp " in output.replace("[", "(")
    assert "or delete its other name (`find \"$(stat -c %m " in output.replace("[", "(")


def test_the_outside_file_is_not_printed(make_doc, tmp_path):
    """The breaker's recipe: a content file listed in `files:` is a second name of a file outside the folder."""
    folder = make_doc()
    (tmp_path / "secret.md").write_text(SECRET, encoding="utf-8")
    os.link(tmp_path / "secret.md", folder / "content" / "extra.md")
    yaml = folder / "document.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("files: [content/report.md]",
                                                             "files: [content/report.md, content/extra.md]"))
    code, text, _ = invoke(["dump", str(folder), "--lang", "en"])
    assert code == 1 and "hunter2" not in text, text
    assert "`content/extra.md` is a hard link (the file has 2 names)" in text, text


def test_a_file_linked_in_a_templates_folder_of_the_users_is_read(make_doc, tmp_path):
    """A templates folder given by --templates is the user's own, not a document folder: a theme and its logo there
    that have other names (as a package's files may, linked by an installer) are read."""
    folder = make_doc()  # its zh catalog made (conftest.write_doc), then the theme only the templates folder holds
    (folder / "document.yaml").write_text(MINIMAL + "theme: shared\n", encoding="utf-8")
    templates = tmp_path / "templates"
    (templates / "themes").mkdir(parents=True)
    (templates / "images").mkdir()
    (tmp_path / "kept.yaml").write_text("cover:\n  logo: images/logo.png\n", encoding="utf-8")
    (tmp_path / "kept.png").write_bytes(png())
    os.link(tmp_path / "kept.yaml", templates / "themes" / "shared.yaml")
    os.link(tmp_path / "kept.png", templates / "images" / "logo.png")
    # --templates sets CCDOCS_TEMPLATES for the build's workers: the runner takes it back after the command (env),
    # or it would stay set for the tests this process runs next (test_wheel's, which build without it)
    code, text, _ = invoke(["check", str(folder), "--templates", str(tmp_path / "templates")],
                           env={"CCDOCS_TEMPLATES": None})
    assert code == 0, text
    assert "CCDOCS_TEMPLATES" not in os.environ


def snapshot(folder: Path, to: Path) -> Path:
    """`to`, a snapshot of `folder` as `cp -al` and `rsync --link-dest` make one: each file a second name of the
    folder's."""
    shutil.copytree(folder, to, copy_function=os.link)
    return to


def test_a_memory_folder_in_a_snapshot_of_hard_links_is_read(make_doc, tmp_path):
    """A memory named by its folder reads its catalog as the catalog named itself is read (it was refused: "the zh
    catalog of this memory is a hard link")."""
    memory = snapshot(make_doc(), tmp_path / "archive" / "wo-cc-86-inf-1")
    folder = write_doc(tmp_path / "new", {CATALOG: None})
    code, text, _ = invoke(["i18n", "update", str(folder), "--lang", "zh", "--memory", str(memory)])
    assert code == 0, text
    assert "# memory: exact, from " in (folder / CATALOG).read_text(encoding="utf-8")


def test_next_year_s_folder_is_made_from_a_snapshot_of_hard_links_as_copies(make_doc, tmp_path):
    """`ccdocs next` from a snapshot of hard links makes the new folder of copies, each of one name (it was refused:
    "document.yaml is a hard link"); the snapshot itself is no document folder to build."""
    old = snapshot(make_doc(), tmp_path / "archive" / "doc")
    code, text, _ = invoke(["next", str(old), str(tmp_path / "next"), "--symbol", "WO/CC/87/INF/1"])
    assert code == 0, text
    made = [path for path in (tmp_path / "next").rglob("*") if path.is_file()]
    assert (tmp_path / "next" / CATALOG) in made and all(path.stat().st_nlink == 1 for path in made)
    code, text, _ = invoke(["check", str(old)])
    assert code == 1 and f"document.yaml {SAID}" in text, text


def test_the_command_the_hint_gives_makes_the_file_one_of_one_name(make_doc, tmp_path):
    """The file named is in the folder already, its other name elsewhere (review-13 R4: the hint said "copy the file
    into the folder"): the hint's own command, run as printed from the folder the command ran in, gives it one name,
    and the folder builds; the file outside keeps its bytes (the hint's `find` of its names, which scans the file
    system holding it, was run by hand: both names listed)."""
    folder = make_doc()
    linked("data/applicants.csv", folder, tmp_path)
    code, text, _ = invoke(["check", str(folder)])
    assert code == 1, text
    command = re.search(r"replace it by a copy of itself \[`([^`]+)`\]", text).group(1)
    subprocess.run(command, shell=True, check=True, cwd=os.getcwd())
    assert (folder / "data" / "applicants.csv").stat().st_nlink == 1
    assert invoke(["check", str(folder)])[0] == 0
    assert (tmp_path / "elsewhere" / "applicants.csv").read_text() == (folder / "data/applicants.csv").read_text()


def test_a_backup_an_interrupted_write_left_is_named_as_the_other_name(make_doc, tmp_path):
    """A ccdocs write links the old file aside (`.<name>.<random>.old`) an instant before it replaces it: killed in
    between, it leaves the catalog with two names. The hint names that backup to delete, not a copy to make."""
    folder = make_doc()
    os.link(folder / CATALOG, folder / "locales/zh/LC_MESSAGES/.content.po.1a2b3c4d.old")
    code, text, _ = invoke(["check", str(folder)])
    assert code == 1 and f"the zh catalog {SAID}" in text, text
    assert "(delete `" in text.replace("[", "(") and ("locales/zh/LC_MESSAGES/.content.po.1a2b3c4d.old` beside it, "
                                                       "its other name: the previous version a ccdocs command "
                                                       "interrupted while writing the file left there") in text, text
