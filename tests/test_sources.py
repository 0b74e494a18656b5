"""document.yaml and data files: what is accepted, and how each mistake is reported."""

from __future__ import annotations

import pytest

from ccdocs.errors import InputError
from ccdocs.pipeline import read_sources, resolve_all
from ccdocs.sources.spec import read_spec
from conftest import MINIMAL


def problems_of(folder) -> list[str]:
    with pytest.raises(InputError) as caught:
        resolve_all(folder)
    return [str(p) for p in caught.value.problems]


def test_a_valid_folder_gives_the_spec(make_doc):
    spec = read_spec(make_doc())
    assert spec.full_symbol == "WO/CC/86/INF/1"
    assert spec.slug == "wo_cc_86_inf_1"
    assert [p.type for p in spec.parts] == ["cover-note", "report", "annex"]
    assert spec.languages == ("en", "zh")


BODIES = {"CC": "coordination-committee", "PBC": "program-and-budget-committee", "GA": "general-assembly"}


def with_symbol(symbol: str) -> str:
    """The minimal document.yaml under `symbol`, its body and session those a WO symbol names."""
    text = MINIMAL.replace("symbol: WO/CC/86/INF/1", f"symbol: {symbol}")
    parts = symbol.split("/")
    if parts[0] == "WO" and parts[1] in BODIES:
        text = text.replace("body: coordination-committee", f"body: {BODIES[parts[1]]}")
        text = text.replace("number: 86", f"number: {parts[2]}")
    return text


@pytest.mark.parametrize("symbol,suffix,slug", [
    ("WO/CC/86/INF/1", None, "wo_cc_86_inf_1"),
    ("WO/CC/78/INF/1", "Rev.", "wo_cc_78_inf_1_rev"),
    ("WO/PBC/32/3", "Add.2", "wo_pbc_32_3_add_2"),
])
def test_slug_follows_wipo_file_names(make_doc, symbol, suffix, slug):
    text = with_symbol(symbol).replace(f"symbol: {symbol}", f"symbol: {symbol}" + (f"\nsuffix: {suffix}" if suffix else ""))
    assert read_spec(make_doc({"document.yaml": text})).slug == slug


@pytest.mark.parametrize("old,new,fragment", [
    ("session: {", "sesion: {", "did you mean `session`?"),
    ("date: 2026-05-21", "date: 2026-02-30", "`2026-02-30` is not a date"),
    ("last_day: 2026-07-15", "last_day: 2026-07-01", "is before the first day"),
    ("languages: [en, zh]", "languages: [en, xx]", "unknown language `xx`"),
    ("body: coordination-committee", "body: coordination-comittee", "did you mean `coordination-committee`?"),
    ("content/report.md]", "../report.md]", "leaves the document folder"),
    ("content/report.md]", "/etc/passwd]", "is an absolute path"),
    ("content/report.md]", "content/missing.md]", "content file `content/missing.md` does not exist"),
    ("ordinary: 57}", "ordinary: 57, extraordinary: 3}", "not both"),
    ("number: 86,", "number: eighty-six,", "`session.number` must be a whole number"),
    ("kind: information", "kind: info", "did you mean `information`?"),
])
def test_document_yaml_mistakes_are_named_at_their_line(make_doc, old, new, fragment):
    text = MINIMAL.replace(old, new)
    messages = problems_of(make_doc({"document.yaml": text}))
    hit = [m for m in messages if fragment in m]
    assert hit, messages
    line = int(hit[0].split("document.yaml:")[1].split(":")[0])
    assert new.split(":")[0].strip("{ ") in text.splitlines()[line - 1]


def test_malformed_yaml_points_at_the_line(make_doc):
    folder = make_doc({"document.yaml": MINIMAL.replace("venue: Geneva", "venue: [Geneva")})
    messages = problems_of(folder)
    assert len(messages) == 1 and "not valid YAML" in messages[0]
    assert "document.yaml:5:" in messages[0] and "started on line 4" in messages[0]


def test_several_independent_mistakes_are_reported_together(make_doc):
    text = MINIMAL.replace("venue: Geneva", "venue: Geneva\ncolour: blue").replace("2026-05-21", "2026-13-01")
    messages = problems_of(make_doc({"document.yaml": text}))
    assert any("unknown key `colour`" in m for m in messages)
    assert any("`2026-13-01` is not a date" in m for m in messages)


def test_csv_mistakes_name_file_and_line(make_doc):
    csv = "id,region,applied\nafrica,Africa,100\nasia,Asia\nafrica,Africa,3\ntotal,,100\n"
    messages = problems_of(make_doc({"data/applicants.csv": csv}))
    assert any("applicants.csv:3:" in m and "2 cells, the header has 3" in m for m in messages)
    assert any("applicants.csv:4:" in m and "duplicate row id `africa`" in m for m in messages)


def test_a_symlink_out_of_the_folder_is_refused(make_doc, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("# Secret\n\nText.\n")
    folder = make_doc()
    (folder / "content/report.md").unlink()
    (folder / "content/report.md").symlink_to(outside)
    assert any("leaves the document folder" in m for m in problems_of(folder))


def test_sources_keep_every_content_file(make_doc):
    sources = read_sources(make_doc())
    assert len(sources.texts) == 2
    assert sources.data["applicants"]["africa"]["applied"] == 100


@pytest.mark.parametrize("symbol", ["WO/CC/86/INF/1", "WO/PBC/35/INF/1", "WO/GA/57/12", "A/66/1",
                                    "WIPO/GRTKF/IC/47/5"])
def test_wipo_symbols_are_accepted(make_doc, symbol):
    text = with_symbol(symbol)
    assert read_spec(make_doc({"document.yaml": text})).symbol == symbol


def test_the_highest_session_the_chinese_cover_can_write_builds(make_doc):
    folder = make_doc({"document.yaml": with_symbol("WO/CC/9999/INF/1")})
    assert "九千九百九十九" in resolve_all(folder)["zh"].meta.session


def test_the_cover_note_says_which_variables_are_dates():
    from ccdocs.resources import COVER_NOTES, find
    from ccdocs.sources.cover_notes import needs

    assert needs(find(COVER_NOTES, "information", ".en.md.j2")) == {"period_start": "date", "period_end": "date"}


def test_a_text_per_language_and_one_text_for_all(make_doc):
    one = read_spec(make_doc({"document.yaml": MINIMAL.replace("venue: Geneva", "venue: Geneva\nauthor: WIPO")}))
    assert (one.venue, one.author) == ("Geneva", "WIPO")
    both = MINIMAL.replace("venue: Geneva", "venue: {en: Geneva, zh: 日内瓦}")
    assert read_spec(make_doc({"document.yaml": both})).venue == {"en": "Geneva", "zh": "日内瓦"}
