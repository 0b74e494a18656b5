"""A content file's blocks (its figures rendered, its Markdown read) are kept in the per-user cache (`ccdocs.kept`):
a fresh process (each build's model worker) reads them instead of rendering and parsing the file again, with the
same model; a changed text, data file, translation or code gives a fresh parse, a damaged or foreign entry is not
read, and a parse that found problems is never kept (its problems are told again by every build)."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from ccdocs import kept
from ccdocs.l10n.language import find_language
from ccdocs.pipeline import read_sources, resolve
from ccdocs.sources.memo import CLOCK_TICK

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "wo-cc-86-inf-1"
# Resolves the folder argv[1] in the languages argv[2] (comma-separated) in a new process; prints the content files
# parsed (by name, in order), a digest of each language's model or problems, and whether the two documents of one
# process share any block object. TEST_CODE, when set, stands for the code's digest.
CHILD = """
import hashlib, json, os, sys
from pathlib import Path
import ccdocs.kept, ccdocs.parse.markdown as markdown, ccdocs.pipeline as pipeline
from ccdocs.errors import InputError
if os.environ.get("TEST_CODE"):
    ccdocs.kept.code = lambda: os.environ["TEST_CODE"]
parsed, parse = [], markdown.parse_markdown
markdown.parse_markdown = lambda text, path, *args, **kw: parsed.append(path.name) or parse(text, path, *args, **kw)
sources, told, blocks = pipeline.read_sources(Path(sys.argv[1])), {}, []
for lang in sys.argv[2].split(","):
    try:
        document = pipeline.resolve(sources, lang)
        told[lang] = hashlib.sha1(repr(document).encode()).hexdigest()
        blocks += [id(block) for part in document.parts for block in part.blocks]
    except InputError as exc:
        told[lang] = [str(p) for p in exc.problems]
print(json.dumps({"parsed": parsed, "told": told, "shared": len(blocks) != len(set(blocks))}))
"""
FILES = 7  # the sample's content files: six and the cover note


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the sample, and a cache of its own."""
    shutil.copytree(SAMPLE, tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    return tmp_path / "doc"


def run(folder: Path, langs: str = "en,zh", **env) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(folder), langs], capture_output=True, text=True,
                          env=dict(os.environ, CCDOCS_CACHE=str(folder.parent / "cache"), **env), cwd=folder.parent,
                          check=True)
    return json.loads(done.stdout)


def entries(folder: Path) -> list[Path]:
    return sorted((folder.parent / "cache").glob(f"{kept.KIND}-*"))


def test_a_fresh_process_reads_the_blocks_it_kept_and_no_damaged_entry(folder):
    first, again = run(folder), run(folder)
    assert len(first["parsed"]) == 2 * FILES and again["parsed"] == []  # the second rendered and parsed nothing
    assert again["told"] == first["told"]  # the same models
    assert len(entries(folder)) == 2 * FILES
    assert not first["shared"] and not again["shared"]  # each document has blocks of its own
    for entry in entries(folder):
        data = bytearray(entry.read_bytes())
        data[-1] ^= 1
        entry.write_bytes(bytes(data))
    damaged = run(folder)
    assert len(damaged["parsed"]) == 2 * FILES and damaged["told"] == first["told"]  # not read: parsed again


def test_a_changed_text_data_file_translation_or_code_is_parsed_again(folder):
    first = run(folder)
    content = folder / "content" / "05-recruitment.md"
    content.write_text(content.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    assert run(folder, "en")["parsed"] == ["05-recruitment.md"]  # that file's text alone
    content.write_text((SAMPLE / "content" / "05-recruitment.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run(folder)["parsed"] == []  # its former text: its former blocks

    catalog = folder / "locales" / "zh" / "LC_MESSAGES" / "content.po"  # a table's word, in no content text
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('msgstr "申请人"', 'msgstr "应聘者"'), "utf-8")
    translated = run(folder)
    assert len(translated["parsed"]) == FILES  # every Chinese file (the English ones come first: none of them)
    assert translated["told"]["en"] == first["told"]["en"] and translated["told"]["zh"] != first["told"]["zh"]

    data = folder / "data" / "report.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("member_states: 194", "member_states: 195"), "utf-8")
    changed = run(folder)
    assert len(changed["parsed"]) == 2 * FILES
    assert changed["told"]["en"] != first["told"]["en"] and changed["told"]["zh"] != translated["told"]["zh"]
    assert len(run(folder, TEST_CODE="another code")["parsed"]) == 2 * FILES


def test_a_parse_with_problems_is_not_kept(folder):
    content = folder / "content" / "05-recruitment.md"
    content.write_text(content.read_text(encoding="utf-8") + "\n<div>raw HTML</div>\n", encoding="utf-8")
    first, again = run(folder, "en"), run(folder, "en")
    assert first["parsed"].count("05-recruitment.md") == 1 and again["parsed"] == ["05-recruitment.md"]
    assert again["told"] == first["told"] and "05-recruitment.md" in first["told"]["en"][0]  # told again, as it was


def test_no_grounds_for_sources_that_may_be_older_than_their_files(folder):
    time.sleep(2 * CLOCK_TICK / 1e9)  # the copy's files older than the reading by more than a clock tick
    sources, profile = read_sources(folder), find_language("en")
    assert isinstance(kept.grounds(sources, "en", False, profile), str)
    assert kept.grounds(replace(sources, read_at=0), "en", False, profile) is None  # not read by read_sources
    data = folder / "data" / "report.yaml"
    data.write_text(data.read_text(encoding="utf-8"), encoding="utf-8")  # saved again while being built
    assert kept.grounds(sources, "en", False, profile) is None


def test_kept_blocks_pickle_to_equal_blocks(folder):
    document = resolve(read_sources(folder), "zh")
    for part in document.parts:
        assert pickle.loads(pickle.dumps(part.blocks, protocol=pickle.HIGHEST_PROTOCOL)) == part.blocks
