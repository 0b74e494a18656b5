"""The per-user cache: parsed fonts embed exactly as freshly parsed ones, compiled figures serve every language,
and a damaged, foreign or unwritable cache only costs time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from ccdocs import cache
from ccdocs.l10n.fonts import FontResolver
from ccdocs.templating import Sandbox, environment, render
from ccdocs.theme import load_theme
from ccdocs.writers.pdf.faces import LATER, cache_entry, loaded

THEME = load_theme()


def font(role: str):
    return FontResolver(THEME).resolve(role, "zh")


def described(ttf) -> dict:
    """Everything a font carries but its file's bytes (and the lambda reportlab keeps only while parsing), the
    tables a face from the cache reads on first use (LATER) read."""
    face = {k: v for k, v in vars(ttf.face).items() if k not in ("_ttf_data", "_pdfScale", "_later")}
    face.update((name, getattr(ttf.face, name)) for name in LATER)
    font = {k: (type(v).__name__, vars(v)) if hasattr(v, "__dict__") else v
            for k, v in vars(ttf).items() if k not in ("face", "state")}
    return {"font": font, "face": face, "bytes": bytes(ttf.face._ttf_data[:]), "state": type(ttf.state)}


def test_the_cache_folder_follows_the_environment(tmp_path):
    assert cache.cache_folder({"CCDOCS_CACHE": str(tmp_path / "c"), "XDG_CACHE_HOME": "/x"}) == tmp_path / "c"
    assert cache.cache_folder({"XDG_CACHE_HOME": "/x", "HOME": "/h"}) == Path("/x/ccdocs")
    assert cache.cache_folder({"HOME": "/h"}) == Path("/h/.cache/ccdocs")


@pytest.mark.parametrize("role", ["latin_regular", "zh_body"])
def test_a_face_from_the_cache_is_the_face_parsing_gives(tmp_path, role):
    found = font(role)
    parsed = loaded(found, "Parsed", tmp_path)
    assert cache_entry(found, tmp_path).is_file()
    restored = loaded(found, "Parsed", tmp_path)
    assert not set(LATER) & set(vars(restored.face)), "what only a subset reads is read on its first use"
    subset = [ord(ch) for ch in "WIPO 2025 年度报告，人力资源"]
    assert TTFontFace.makeSubset(restored.face, subset) == TTFontFace.makeSubset(parsed.face, subset)
    assert restored is not parsed and described(restored) == described(parsed)


def test_a_damaged_or_unwritable_cache_is_parsed_again(tmp_path):
    found = font("latin_regular")
    fresh = described(loaded(found, "F", tmp_path))
    cache_entry(found, tmp_path).write_bytes(b"not a pickle")
    assert described(loaded(found, "F", tmp_path)) == fresh
    assert described(loaded(found, "F", tmp_path)) == fresh, "the damaged entry was written again"
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert described(loaded(found, "F", blocked)) == fresh


def test_a_cached_font_embeds_byte_identically_to_a_freshly_parsed_one(make_doc, tmp_path):
    folder = make_doc()
    env = {**os.environ, "CCDOCS_CACHE": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1767225600"}
    outputs = []
    for run in ("parsed", "cached"):
        subprocess.run([sys.executable, "-m", "ccdocs", "build", str(folder), "--lang", "zh", "--format", "pdf",
                        "--out", str(tmp_path / run)], env=env, check=True, capture_output=True)
        outputs.append((tmp_path / run / "zh" / "wo_cc_86_inf_1.pdf").read_bytes())
        if run == "parsed":
            assert len(list((tmp_path / "cache").glob("face-*"))) >= 3, "the Latin and both Chinese faces are kept"
    assert outputs[0] == outputs[1]


def test_figures_compiled_once_serve_every_language(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    data = {"budget": {"total": 4_700_000, "staff": 1735}}
    text = "Total {{ budget.total | chf_millions }} for {{ budget.staff | number }} staff."
    sandbox = Sandbox()
    english = render(environment("en", sandbox), text, Path("report.md"), data)
    chinese = render(environment("zh", sandbox), text, Path("report.md"), data)
    assert (english, chinese) == ("Total CHF 4\\.7 million for 1\\,735 staff.",  # escaped for Markdown
                                  "Total 470万瑞士法郎 for 1\\,735 staff.")
    assert len(sandbox.compiled) == 1 and len(list(tmp_path.glob("figures-*"))) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    fresh = Sandbox()
    monkeypatch.setattr(fresh.env, "compile", refuse)
    assert render(environment("en", fresh), text, Path("report.md"), data) == english


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file away needs root")
def test_an_entry_someone_else_owns_is_ignored(tmp_path):
    regular, bold = font("latin_regular"), font("latin_bold")
    loaded(regular, "R", tmp_path)
    planted = cache_entry(bold, tmp_path)
    planted.write_bytes(cache_entry(regular, tmp_path).read_bytes())
    os.chown(planted, os.getuid() + 1, -1)
    assert loaded(bold, "B", tmp_path).face.name == loaded(bold, "B", tmp_path / "fresh").face.name != \
        loaded(regular, "R", tmp_path).face.name


def test_the_cache_keeps_to_its_bound_removing_the_least_recently_used_first(tmp_path, monkeypatch):
    """Entries are never stale, so nothing else removes them: without a bound, a watch typing new Chinese characters
    adds a font program (some 0.75 MB) at each new glyph set for ever. A write finding more than MOST bytes removes
    the least recently used entries down to KEEP; other files of the folder (temporaries, the user's own) are left
    alone and not counted."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "MOST", 10_000)
    monkeypatch.setattr(cache, "KEEP", 6_000)
    monkeypatch.setattr(cache, "SLACK", 0)                             # each write trims (see the test below)
    assert cache.used()
    folder = cache.cache_folder()
    for n in range(4):                                                 # 4 x 2,032 bytes: within 10,000
        cache.write(cache.entry("program", n), b"x" * 2_000)
    (folder / ".program-x.part").write_bytes(b"y" * 5_000)
    (folder / "thesis-draft-1.docx").write_bytes(b"z" * 50_000)        # CCDOCS_CACHE naming a folder of one's own
    os.utime(folder / "thesis-draft-1.docx", (1, 1))                   # (verify-9 V16: the oldest was removed)
    assert all(cache.read(cache.entry("program", n)) for n in range(4))
    for n, used in enumerate([5_000, 1_001, 1_002, 1_003]):            # the first written was read last
        os.utime(cache.entry("program", n), (used, 1_000 + n))
    cache.write(cache.entry("program", 4), b"x" * 2_000)               # 5 x 2,032 bytes: above 10,000
    kept = [n for n in range(5) if cache.entry("program", n).exists()]
    assert kept == [0, 4], kept                                         # down to 6,000: those used last
    assert (folder / ".program-x.part").exists() and (folder / "thesis-draft-1.docx").exists()


def test_a_process_trims_at_its_first_write_then_past_slack_bytes_keeping_the_bound_within_them(tmp_path, monkeypatch):
    """Trimming lists the whole folder (0.1-0.2 s of CPU for 20,000 entries): every write trimming made a first build
    of the sample list it 71 times. A process trims at its first write (a run of short processes cannot grow the
    cache), then once it has written more than SLACK bytes since its last trim; the folder's entries never exceed
    MOST + SLACK."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "MOST", 10_000)
    monkeypatch.setattr(cache, "KEEP", 6_000)
    monkeypatch.setattr(cache, "SLACK", 5_000)
    trimmed, trim = [], cache.trim
    monkeypatch.setattr(cache, "trim", lambda *a: trimmed.append(len(written)) or trim(*a))
    written, held = [], []
    for n in range(20):                                                # 2,032 bytes each with its tag
        cache.write(cache.entry("program", n), b"x" * 2_000)
        written.append(n)
        held.append(sum(cache.entry("program", k).stat().st_size for k in written if cache.entry("program", k).exists()))
    assert trimmed == [0, 3, 6, 9, 12, 15, 18], trimmed               # 7 listings, not 20
    assert max(held) <= cache.MOST + cache.SLACK, held
    assert held[-1] <= cache.MOST


def test_the_cache_keeps_to_its_bound_in_entries_too(tmp_path, monkeypatch):
    """Small entries (a content file's segments, some 300 bytes) could pile up below MOST bytes by the hundred
    thousand, listed by each process's first write (300,000: 1.7 s of CPU each): a trim finding more than
    MOST_ENTRIES removes the least recently used down to KEEP_ENTRIES, whatever their bytes."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "MOST_ENTRIES", 40)
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 30)
    monkeypatch.setattr(cache, "SLACK", 0)                             # each write trims
    assert cache.used()
    for n in range(41):                                                # 41 x 42 bytes: far within MOST
        cache.write(cache.entry("segments", n), b"x" * 10)
        os.utime(cache.entry("segments", n), (1_000 + n, 1_000 + n))
    kept = [n for n in range(41) if cache.entry("segments", n).exists()]
    assert kept == list(range(11, 41)), kept                            # down to 30: those used last


def test_entries_another_trim_removed_meanwhile_count_as_removed(tmp_path, monkeypatch):
    """Processes trimming at once each list the folder, then remove from the oldest: an entry another one removed
    since is gone all the same, so each stops where the bound is kept (counting them as still there, each went on
    removing the newer entries the other kept: 300,000 entries went down to 24, not 37,500)."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "SLACK", 10**9)                         # only the first write trims
    assert cache.used()
    for n in range(41):
        cache.write(cache.entry("segments", n), b"x" * 10)
        os.utime(cache.entry("segments", n), (1_000 + n, 1_000 + n))
    unlink = os.unlink

    def raced(path):   # the other process removed it just before
        unlink(path)
        raise FileNotFoundError(path)

    monkeypatch.setattr(cache.os, "unlink", raced)
    cache.trim(cache.cache_folder(), cache.MOST, cache.KEEP)            # within the bounds: nothing removed
    assert all(cache.entry("segments", n).exists() for n in range(41))
    monkeypatch.setattr(cache, "MOST_ENTRIES", 40)
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 30)
    cache.trim(cache.cache_folder(), cache.MOST, cache.KEEP)
    kept = [n for n in range(41) if cache.entry("segments", n).exists()]
    assert kept == list(range(11, 41)), kept
