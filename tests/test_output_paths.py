"""An output never replaces a file the build reads: `--out` may be the document folder (or hold its inputs), so
an output path that is, links resolved, one of the build's inputs (any name is a content file's: only content
files can be named `<slug>.<format>`) is refused before anything is written (exit 2), naming the output and the
input, in a build, a batch and a watch alike. A link at an output's own place is replaced, never written through (test_refuses_outputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, write_doc
from refusals import SLUG, Case, state

JSON = f"en/{SLUG}.json"
BUILD_INTO_DOC = ("build", "{doc}", "--format", "json", "--lang", "en", "--out", "{doc}")


def moved(old: str, new: str):
    """A setup renaming the input `old` of the document to `new`, and document.yaml naming it there."""
    def setup(folder: Path, out: Path) -> None:
        (folder / new).parent.mkdir(parents=True, exist_ok=True)
        (folder / old).rename(folder / new)
        spec = folder / "document.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return setup


def linked_to_output(folder: Path, out: Path) -> None:
    """The content file `content/annex.md` a link to the file where the English output is written."""
    (folder / "en").mkdir()
    (folder / "content/annex.md").rename(folder / JSON)
    (folder / "content/annex.md").symlink_to(Path("..") / JSON)


def output_folder_linked_into_doc(folder: Path, out: Path) -> None:
    """The content file moved to `en/<slug>.json`, and the output folder's `en/` a link to the document's `en/`."""
    moved("content/annex.md", JSON)(folder, out)
    for name in (out / "en").iterdir():  # the earlier outputs the contract seeds
        name.unlink()
    (out / "en").rmdir()
    (out / "en").symlink_to(folder / "en")


CASES = [
    Case("content-file-named-like-the-output", {}, "a content file the build reads", JSON, code=2,
         command=BUILD_INTO_DOC, setup=moved("content/annex.md", JSON)),
    Case("content-file-links-to-the-output", {}, "content/annex.md, a content file the build reads, leads to it",
         JSON, code=2, command=BUILD_INTO_DOC, setup=linked_to_output),
    Case("output-folder-links-into-the-document", {}, "a content file the build reads", JSON, code=2,
         command=("build", "{doc}", "--format", "json", "--lang", "en", "--out", "{out}"),
         setup=output_folder_linked_into_doc),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_output_that_would_replace_an_input_is_refused(refuse, case):
    said = refuse(case)
    assert "cannot write" in said and "nothing was written" in said, said
    assert "give another --out" in said


def test_a_batch_refuses_an_output_replacing_another_folders_input(tmp_path):
    from refusals import run

    first = write_doc(tmp_path / "first")
    second = write_doc(tmp_path / "second", {"document.yaml": MINIMAL.replace("INF/1", "INF/2")})
    theirs = f"en/{SLUG[:-1]}2.json"  # the second's English output, in the first folder
    moved("content/annex.md", theirs)(first, tmp_path)
    before = state(first, second)
    code, said, escaped = run(["build", str(first), str(second), "--format", "json", "--lang", "en",
                               "--out", str(first)])
    assert (code, escaped) == (2, False), said
    assert f"{theirs}: it is" in said and "a content file the build reads" in said, said
    assert state(first, second) == before


def test_check_has_no_output_to_compare(make_doc):
    """`check` writes nothing and has no --out: it does not look at outputs (as for a folder in an output's place)."""
    from refusals import run

    folder = make_doc()
    moved("content/annex.md", JSON)(folder, folder)
    code, said, _ = run(["check", str(folder)])
    assert code == 0, said


def test_a_watch_round_refuses_an_output_replacing_an_input(make_doc, tmp_path):
    from ccdocs.watch import Session

    folder = make_doc()
    moved("content/annex.md", JSON)(folder, folder)
    before = state(folder)
    told = []
    session = Session(folder, folder, ["en"], ("json",), False, lambda text, error: told.append((text, error)))
    session.round(None)
    session.close()
    assert state(folder) == before
    errors = [text for text, error in told if error]
    assert any(f"{JSON}: it is" in text and "a content file the build reads" in text for text in errors), told


def language_folder_leading_out(folder: Path, out: Path) -> Path:
    """The document folder's `en` a link to a folder outside it, the `victim` beside it (another paper's outputs)."""
    victim = folder.parent / "victim"
    victim.mkdir(exist_ok=True)
    (folder / "en").symlink_to(victim)
    return victim


def test_a_build_into_its_own_folder_never_writes_through_a_language_folder_leading_out(make_doc, tmp_path):
    """breaks-4 item 14: `build DOC --out DOC` wrote the outputs wherever a shipped `DOC/en` link pointed."""
    from refusals import run

    folder = make_doc()
    victim = language_folder_leading_out(folder, folder)
    before = state(folder, victim)
    code, said, escaped = run(["build", str(folder), "--format", "json", "--lang", "en", "--out", str(folder)])
    assert (code, escaped) == (2, False), said
    assert f"{folder / 'en'} is a link leading out of the output folder" in said, said
    assert "remove the link, or give another --out" in said and "nothing was written" in said, said
    assert state(folder, victim) == before and not any(victim.iterdir())


def test_an_output_folder_given_as_a_link_is_written_through(make_doc, tmp_path):
    """`--out` itself may be a link the user made: its outputs stay inside the folder it leads to."""
    from refusals import run

    folder, real = make_doc(), tmp_path / "real-out"
    real.mkdir()
    (tmp_path / "out-link").symlink_to(real)
    code, said, _ = run(["build", str(folder), "--format", "json", "--lang", "en", "--out", str(tmp_path / "out-link")])
    assert code == 0, said
    assert (real / JSON).is_file()


def test_a_watch_round_never_writes_through_a_language_folder_leading_out(make_doc, tmp_path):
    from ccdocs.watch import Session

    folder = make_doc()
    victim = language_folder_leading_out(folder, folder)
    told = []
    session = Session(folder, folder, ["en"], ("json",), False, lambda text, error: told.append((text, error)))
    session.round(None)
    session.close()
    assert not any(victim.iterdir())
    errors = [text for text, error in told if error]
    assert any("is a link leading out of the output folder" in text for text in errors), told


def test_an_out_folder_the_document_ships_as_a_link_leading_out_is_refused(make_doc, tmp_path, monkeypatch):
    """verify-9 V15: run from inside the folder, `build .` writes to `out`, which the folder may ship as a link to
    another paper's outputs: refused before any work, in build and watch alike; the victim stays empty."""
    from refusals import run
    from ccdocs.errors import UsageError
    from ccdocs.watch import run as watch

    folder = make_doc()
    victim = tmp_path / "victim"
    victim.mkdir()
    (folder / "out").symlink_to(victim)
    monkeypatch.chdir(folder)
    code, said, escaped = run(["build", ".", "--format", "json", "--lang", "en"])
    assert (code, escaped) == (2, False), said
    assert "lies in the document folder" in said and "through a link leading out of it" in said, said
    with pytest.raises(UsageError, match="through a link leading out of it"):
        watch(Path("."), Path("out"), ["en"], ("json",), False, lambda *_: None)
    assert not any(victim.iterdir())
