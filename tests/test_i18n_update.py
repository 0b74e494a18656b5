"""`ccdocs i18n update`: an English edit makes only its own entry fuzzy; an insertion adds one empty entry."""

from __future__ import annotations

import io
import json
import re
import shutil

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ccdocs.errors import InputError
from ccdocs.i18n.catalogs import po_path, read_catalog
from ccdocs.i18n.extract import po_bytes, template, write_catalog
from ccdocs.i18n.glossary import terms_in, toolkit_glossary
from ccdocs.i18n.places import Places
from ccdocs.i18n.update import merge, update
from ccdocs.pipeline import read_sources, resolve
from conftest import ccdocs_here, run_ccdocs

CHANGED = "The Organization chose to treat these pressures as an occasion"  # report ¶2, 01-introduction.md:5
NEIGHBOUR = "The Organization serves inventors, creators, businesses and governments"  # report ¶3


def catalog_of(messages: dict, previous: dict | None = None) -> Catalog:
    catalog = Catalog(locale="zh", fuzzy=False)
    for msgid, string in messages.items():
        catalog.add(msgid, string, previous_id=(previous or {}).get(msgid, ()),
                    flags=("fuzzy",) if msgid in (previous or {}) else ())
    return catalog


def template_of(*msgids: str) -> Catalog:
    pot = Catalog()
    for line, msgid in enumerate(msgids, 1):
        pot.add(msgid, locations=[("content/report.md", line)])
    return pot


def entries(catalog: Catalog) -> dict:
    return {(m.id, m.context): (m.string or "", m.fuzzy, tuple(m.previous_id)) for m in catalog if m.id}


OLD = {"The staff grew by 5% in 2025.": "2025年员工人数增长了5%。",
       "Learning reached every sector.": "学习覆盖了每个部门。"}


def test_babel_alone_would_lend_a_new_paragraph_the_translation_of_a_kept_one():
    catalog = catalog_of(OLD)
    catalog.update(template_of(*OLD, "The staff grew by 6% in 2025."))
    assert catalog["The staff grew by 6% in 2025."].string == "2025年员工人数增长了5%。"  # the trap merge avoids


def test_a_new_paragraph_gets_an_empty_entry_even_when_it_resembles_a_kept_one():
    catalog = catalog_of(OLD)
    changes = merge(catalog, template_of(*OLD, "The staff grew by 6% in 2025."))
    assert entries(catalog) == {**{(k, None): (v, False, ()) for k, v in OLD.items()},
                                ("The staff grew by 6% in 2025.", None): ("", False, ())}
    assert (changes.new, changes.fuzzy, changes.obsolete) == (1, 0, 0)


def test_a_changed_paragraph_is_fuzzy_with_its_previous_msgid_and_translation():
    catalog = catalog_of(OLD)
    changes = merge(catalog, template_of("The staff grew by 6% in 2025.", "Learning reached every sector."))
    assert entries(catalog)[("The staff grew by 6% in 2025.", None)] == (
        "2025年员工人数增长了5%。", True, ("The staff grew by 5% in 2025.",))
    assert entries(catalog)[("Learning reached every sector.", None)] == ("学习覆盖了每个部门。", False, ())
    assert not catalog.obsolete and (changes.new, changes.fuzzy, changes.obsolete) == (0, 1, 0)


def test_a_moved_paragraph_keeps_its_entry_and_takes_its_new_place():
    catalog = catalog_of(OLD)
    merge(catalog, template_of("Learning reached every sector.", "The staff grew by 5% in 2025."))
    assert [m.id for m in catalog if m.id] == ["Learning reached every sector.", "The staff grew by 5% in 2025."]
    assert catalog["The staff grew by 5% in 2025."].locations == [("content/report.md", 2)]
    assert entries(catalog) == {(k, None): (v, False, ()) for k, v in OLD.items()}


def test_a_removed_paragraph_is_obsolete_and_comes_back_when_the_english_returns():
    catalog = catalog_of(OLD)
    changes = merge(catalog, template_of("Learning reached every sector."))
    assert list(catalog.obsolete) == ["The staff grew by 5% in 2025."] and changes.obsolete == 1
    catalog = read_catalog_bytes(po_bytes(catalog))
    merge(catalog, template_of(*OLD))
    assert entries(catalog) == {(k, None): (v, False, ()) for k, v in OLD.items()} and not catalog.obsolete


def read_catalog_bytes(data: bytes) -> Catalog:
    from ccdocs.i18n.catalogs import previous_ids

    return previous_ids(read_po(io.BytesIO(data)))


def test_previous_msgids_survive_writing_reading_and_another_update():
    old = "A long paragraph " * 12 + "with \"quotes\",\ttabs and  double spaces,\nover two lines."
    catalog = catalog_of({"A new paragraph.": "新段落。"}, previous={"A new paragraph.": [old]})
    written = po_bytes(catalog)
    assert b"#| msgid " in written
    again = read_catalog_bytes(written)
    assert again["A new paragraph."].previous_id == [old] and again["A new paragraph."].user_comments == []
    merge(again, template_of("A new paragraph."))
    assert entries(read_catalog_bytes(po_bytes(again))) == {("A new paragraph.", None): ("新段落。", True, (old,))}


def test_table_texts_are_matched_within_their_context():
    catalog = Catalog(locale="zh", fuzzy=False)
    catalog.add("Share of learning activity", "学习活动占比", context="data")
    pot = Catalog()
    pot.add("Share of all learning activity", context="data")
    merge(catalog, pot)
    message = catalog.get("Share of all learning activity", "data")
    assert message.fuzzy and message.previous_id == ["Share of learning activity"]


# The scenario on a copy of a sample document, with its own catalog made here --------------------------------


def translation_of(msgid: str) -> str:
    """A stand-in translation that keeps everything the checkers look for (the glossary's equivalents too)."""
    return f"{msgid}〔译{''.join(term.target for term in terms_in(msgid, toolkit_glossary('zh')))}〕"


@pytest.fixture
def translated_copy(copy_fixture):
    """A copy of WO/CC/86/INF/1 whose zh catalog comes from extract + update, every entry filled in."""
    folder = copy_fixture("86")
    shutil.rmtree(folder / "locales", ignore_errors=True)
    sources = read_sources(folder)
    path, _ = update(folder, "zh", template(sources, Places(resolve(sources, "en"))))
    catalog = read_catalog(path)
    for message in catalog:
        if message.id:
            message.string = translation_of(message.id)
    write_catalog(catalog, path)
    resolve(read_sources(folder), "zh")  # complete: a final build passes
    return folder


def edit(folder, old: str, new: str) -> None:
    path = folder / "content/01-introduction.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_changing_one_english_paragraph_makes_exactly_that_entry_fuzzy(translated_copy, tmp_path):
    folder = translated_copy
    before = entries(read_catalog(po_path(folder, "zh")))
    old_msgid = next(msgid for msgid, _ in before if msgid.startswith(CHANGED))
    edit(folder, "treat these pressures as an occasion", "treat these pressures as an opportunity")

    result = ccdocs_here("i18n", "update", folder, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "0 new, 1 fuzzy, 0 obsolete" in result.stdout
    after = entries(read_catalog(po_path(folder, "zh")))
    new_msgid = old_msgid.replace("an occasion", "an opportunity")
    assert after.pop((new_msgid, None)) == (translation_of(old_msgid), True, (old_msgid,))
    before.pop((old_msgid, None))
    assert after == before

    with pytest.raises(InputError) as refused:
        resolve(read_sources(folder), "zh")
    lines = [str(p) for p in refused.value.problems]
    assert re.fullmatch(r'\S*locales/zh/LC_MESSAGES/content\.po:\d+:1: error: fuzzy segment of '
                        r'\S*01-introduction\.md:5 \(report ¶2\): "The Organization chose to treat these pressures '
                        r'as an…"', lines[0]), lines
    assert len(lines) == 2 and "1 of" in lines[1] and "ccdocs build" in lines[1] and "--draft" in lines[1]

    out = tmp_path / "out"
    final = run_ccdocs("build", folder, "--lang", "zh", "--format", "json", "--out", out)
    assert final.returncode == 1 and "01-introduction.md:5 (report ¶2)" in final.stderr and not out.exists()
    draft = run_ccdocs("build", folder, "--lang", "zh", "--format", "json", "--out", out, "--draft")
    assert draft.returncode == 0, draft.stderr
    assert re.search(r"content\.po:\d+:1: warning: fuzzy segment of \S*01-introduction\.md:5 \(report ¶2\)",
                     draft.stderr)
    blocks = json.loads((out / "zh/wo_cc_86_inf_1.json").read_text(encoding="utf-8"))["blocks"]
    para = next(b for b in blocks if b["part"] == "report" and b["label"] == "2.")
    assert para["text"].startswith("[草稿：未翻译] The Organization chose to treat these pressures as an opportunity")
    neighbour = next(b for b in blocks if b["part"] == "report" and b["label"] == "3.")
    kept = next(msgid for msgid, _ in before if msgid.startswith(NEIGHBOUR))  # its stand-in translation, unmarked
    assert neighbour["text"].startswith(NEIGHBOUR) and neighbour["text"].endswith(translation_of(kept)[len(kept):])


def test_inserting_a_paragraph_adds_one_empty_entry_and_changes_nothing_else(translated_copy):
    folder = translated_copy
    before = entries(read_catalog(po_path(folder, "zh")))
    neighbour = next(msgid for msgid, _ in before if msgid.startswith(NEIGHBOUR))
    inserted = neighbour.replace("inventors, creators", "inventors, designers")  # close enough to tempt babel
    edit(folder, neighbour, f"{neighbour}\n\n{inserted}")

    result = ccdocs_here("i18n", "update", folder, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "1 new, 0 fuzzy, 0 obsolete" in result.stdout
    after = entries(read_catalog(po_path(folder, "zh")))
    assert after.pop((inserted, None)) == ("", False, ())
    assert after == before

    with pytest.raises(InputError) as refused:
        resolve(read_sources(folder), "zh")
    assert re.search(r"content\.po:\d+:1: error: untranslated segment of \S*01-introduction\.md:9 "
                     r"\(report ¶4\)", str(refused.value.problems[0]))
    document = resolve(read_sources(folder), "zh", draft=True)
    report = next(part for part in document.parts if part.id == "report")
    assert report.blocks[4].label == "4." and "草稿：未翻译" in str(report.blocks[4].children[0])
