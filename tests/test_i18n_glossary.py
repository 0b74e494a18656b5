"""Terminology: a translation of a source holding a glossary term must hold its fixed equivalent.

The toolkit's glossary (locales/zh/glossary.csv) gives WIPO's bodies and standing terms as WIPO's Chinese papers
write them; a document's own `locales/zh/glossary.csv` adds names. A wrong term fails the translation at the
catalog's line; the sample papers' catalogs pass; the review page marks the terms.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from ccdocs.i18n.catalogs import po_path
from ccdocs.i18n.glossary import NOT_TEXT, Term, glossary, terms_in, toolkit_glossary_path
from ccdocs.i18n.review import document_page
from ccdocs.pipeline import assessed, read_sources
from conftest import DOCS, ccdocs_here, run_ccdocs
from refusals import Case, made_later

RIGHT, WRONG = "提交产权组织协调委员会，供其参考", "提交产权组织协调会，供其参考"  # cover-note ¶1, "Coordination Committee"


@pytest.mark.parametrize("key", ["86", "84"])
def test_the_sample_catalogs_render_every_term_they_meet(key):
    items = assessed(read_sources(DOCS[key]), "zh", named=True)
    terms = glossary(DOCS[key], "zh")
    met = sum(len(terms_in(item.segment.msgid, terms)) for item in items if item.translation)
    assert met > 40  # the terms are really looked for: WIPO, Member States, Coordination Committee, …
    assert [p for item in items for p in item.problems if "glossary" in p] == []


def test_a_wrong_term_fails_at_the_catalog_line(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["86"], folder, ignore=shutil.ignore_patterns("expected"))
    po = po_path(folder, "zh")
    text = po.read_text(encoding="utf-8")
    assert RIGHT in text
    po.write_text(text.replace(RIGHT, WRONG), encoding="utf-8")
    line = next(n for n, row in enumerate(po.read_text(encoding="utf-8").splitlines(), 1) if WRONG in row)

    result = run_ccdocs("build", folder, "--lang", "zh", "--format", "docx", "--out", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"content\.po:{line}:1: error: translation (of \S+ )?fails a check: cover-note ¶1: the term "
                     r"“Coordination Committee” is “协调委员会” in the toolkit glossary "
                     r"\(\S*locales/zh/glossary\.csv:\d+\), which the translation lacks", result.stderr), result.stderr
    assert result.stderr.count("the term “") == 1
    assert not (tmp_path / "out").exists()


def test_a_document_glossary_adds_and_replaces_terms(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["86"], folder, ignore=shutil.ignore_patterns("expected"))
    own = folder / "locales" / "zh" / "glossary.csv"
    own.write_text("source,target,note\nHuman Resources Management Department,人力资源管理司,\n"
                   "Secretariat,秘书处,kept\n", encoding="utf-8")
    terms = {t.source: t for t in glossary(folder, "zh")}
    assert terms["Secretariat"].file == str(own) and terms["Coordination Committee"].file == str(
        toolkit_glossary_path("zh"))
    failing = [p for item in assessed(read_sources(folder), "zh", named=True) for p in item.problems
               if "人力资源管理司" in p]
    assert failing and all("in the document glossary" in p and "glossary.csv:2" in p for p in failing)


@pytest.mark.parametrize(("text", "found"), [
    ("the Member States", ["Member State"]),               # plural of the last word
    ("member states of WIPO", ["WIPO", "Member State"]),   # any case
    ("see www.wipo.int/about-wipo/en/hr", []),             # web addresses are no text
    ("[the site](https://www.wipo.int/x)", []),            # nor link targets
    ("Learning@WIPO opened", []),                          # a name that merely holds the word
    ("the WIPO Academy", ["WIPO Academy"]),                # the longest term first
    ("{{ member_states | number }} States", []),            # placeholders are no text
])
def test_where_a_term_is_found(text, found):
    terms = [Term("WIPO", "产权组织", "", "g", 2), Term("Member State", "成员国", "", "g", 3),
             Term("WIPO Academy", "WIPO学院", "", "g", 4)]
    assert [t.source for t in terms_in(text, terms)] == found


@pytest.mark.parametrize("case", [
    Case("glossary-row", {"locales/zh/glossary.csv": "source,target,note\nWIPO\n"},
         "a glossary row needs a source and a target", "glossary.csv:2", setup=lambda folder, out: ccdocs_here(
             "i18n", "update", folder, "--lang", "zh")),
    Case("glossary-header", {"locales/zh/glossary.csv": "English,Chinese\nWIPO,产权组织\n"},
         "the first row is not the header", "glossary.csv:1", setup=lambda folder, out: ccdocs_here(
             "i18n", "update", folder, "--lang", "zh")),
], ids=lambda case: case.id)
def test_a_malformed_glossary_is_refused_at_its_line(refuse, case):
    refuse(case)


def glossary_place(make):
    """A case's setup: the zh catalog made, then `make(place, out)` at the document's glossary place."""
    def setup(folder, out):
        ccdocs_here("i18n", "update", folder, "--lang", "zh")
        make(folder / "locales" / "zh" / "glossary.csv", out)
    return setup


def link_out(place, out):
    (out / "terms.csv").write_text("source,target,note\nWIPO,世界知识产权组织,\n", encoding="utf-8")
    place.symlink_to(out / "terms.csv")


@pytest.mark.parametrize("case", [
    Case("glossary-link-out", {}, "the zh glossary leaves the document folder", "glossary.csv",
         setup=glossary_place(link_out)),
    Case("glossary-fifo", {}, "the zh glossary is not a regular file", "glossary.csv", timeout=120,
         setup=glossary_place(lambda place, out: os.mkfifo(place))),
    Case("glossary-folder", {}, "the zh glossary is a folder", "glossary.csv",
         setup=glossary_place(lambda place, out: place.mkdir())),
    Case("glossary-dangling", {}, "the zh glossary is a link that leads nowhere", "glossary.csv",
         setup=glossary_place(lambda place, out: place.symlink_to("gone.csv"))),
], ids=lambda case: case.id)
def test_what_stands_at_the_glossary_place_is_a_file_of_the_folder(refuse, case):
    """Never read outside the folder (another file's terms), never a hang, never taken for no glossary."""
    refuse(case)


def test_the_review_page_marks_the_terms_on_both_sides():
    html = document_page(read_sources(DOCS["86"]), "zh")
    row = re.search(r'<tr id="s1" .*?</tr>', html, re.S).group()
    assert '<mark class="term" title="协调委员会">Coordination Committee</mark>' in row
    assert '<mark class="term" title="Coordination Committee">协调委员会</mark>' in row
    assert '<mark class="term" title="成员国">Member States</mark>' in row


def by_each(text: str, terms: list[Term]) -> list[Term]:
    """The terms of `text` as every term's own finditer over the whole text finds them, longest first, each span
    taken once: what `terms_in` must give."""
    text, taken, found = NOT_TEXT.sub(" ", text), [], set()
    for term in sorted(terms, key=lambda t: -len(t.source)):
        for match in term.pattern.finditer(text):
            if all(match.end() <= start or match.start() >= end for start, end in taken):
                taken.append(match.span())
                found.add(term)
    return [term for term in terms if term in found]


def test_terms_are_found_as_each_terms_own_pattern_finds_them():
    """`terms_in` tries a term's pattern only where one scan of all the terms found a match could start: the
    terms found are those each term's own pattern finds in the whole text (overlapping terms, the longer one
    first, plurals, the dotless ı that re's case folding takes for i)."""
    terms = [Term(source, "X", "", "", line) for line, source in enumerate(
        ["WIPO", "WIPO Academy", "Member State", "State", "Academy of WIPO", "Id", "General Assembly"], 2)]
    texts = ["The WIPO Academy of WIPO and the Member States.", "States; state-led; WIPO's; wipo.int; Learning@WIPO",
             "ıd and ID and IDs", "Academy of WIPO Academy", "General  Assembly\nGeneral Assemblies", "WIPOhttp://x"]

    for text in texts:
        assert terms_in(text, terms) == by_each(text, terms), text
    assert [t.source for t in terms_in(texts[0], terms)] == ["WIPO", "Member State", "Academy of WIPO"]


def test_terms_are_found_as_each_terms_own_pattern_finds_them_whatever_the_letters_case():
    """The terms looked up by their first word, folded as re's IGNORECASE compares letters: the same terms as
    each one's own pattern over the whole text, for the letters re.I takes for others (ſ for s, ı and İ for i,
    the Kelvin sign for k, ς for σ, µ for μ), a plural, a first word that holds punctuation, a Chinese term."""
    terms = [Term(source, "X", "", "", line) for line, source in enumerate(
        ["Kiosk", "Mission Statement", "Sigma Σύνοδος", "μm", "WIPO's Academy", "Ix", "知识产权", "U.N. staff",
         "Σύνοδος"], 2)]
    texts = ["KIOſK; kıosks; the miſſion  statements", "ΣΙΓΜΑ σύνοδοσ and Sigma Σύνοδος; µm", "wipo's ACADEMY",
             "İx and IX, ıxes", "知识产权 组织，知识产权组织", "U.N. Staff; u.n. staffs; U.N.staff", "ΣΎΝΟΔΟς"]

    found = {t.source for text in texts for t in terms_in(text, tuple(terms))}
    assert {"Kiosk", "Mission Statement", "μm", "WIPO's Academy", "Ix", "知识产权", "U.N. staff"} <= found
    for text in texts:
        assert terms_in(text, tuple(terms)) == by_each(text, terms), text


def test_a_termbase_of_30000_rows_costs_a_text_only_the_terms_that_can_begin_in_it(monkeypatch):
    """A document glossary the size of a WIPO Pearl or UNTERM export (30,000 rows): a text's terms are looked up
    by their first word, so it tries the patterns of the terms whose first word it holds, and no other term's
    pattern is even compiled; the glossary itself is made ready once, not for each text."""
    from ccdocs.i18n import glossary as module

    words = [f"w{n:05d}" for n in range(30000)]
    terms = tuple(Term(f"{word} board" if n % 2 else word, "X", "", "g", n + 2) for n, word in enumerate(words))
    tried = []
    matches = module._matches
    monkeypatch.setattr(module, "_matches", lambda pattern, text, starts: tried.append(pattern) or matches(
        pattern, text, starts))
    texts = [f"The {words[7]} Board and {words[8]}s met {words[12346]} times; nothing else.", "No term here."] * 50
    made = getattr(module, "_index", None)
    made = made.cache_info().misses if made else 0
    found = [terms_in(text, terms) for text in texts]
    assert [t.source for t in found[0]] == ["w00007 board", "w00008", "w12346"]
    assert len(tried) == 3 * 50  # each text tries its three terms' patterns, never the 29,997 others
    assert sum("pattern" in term.__dict__ for term in terms) == 3
    assert module._index.cache_info().misses == made + 1  # the glossary made ready once for its 100 texts


def many_rows(count: int) -> str:
    return "source,target,note\n" + "".join(f"term {n},术语{n},\n" for n in range(count))


@pytest.mark.parametrize("case", [
    Case("glossary-too-many-rows", {"locales/zh/glossary.csv": made_later(many_rows, 100_001)},
         "a glossary holds at most 100,000 terms; this is one more", "glossary.csv:100002",
         setup=lambda folder, out: ccdocs_here("i18n", "update", folder, "--lang", "zh")),
    Case("glossary-too-large",
         {"locales/zh/glossary.csv": made_later(lambda: "source,target,note\nWIPO,产权组织," + "x" * 2**26)},
         "`glossary.csv` holds 67,108,9", "glossary.csv",
         setup=lambda folder, out: ccdocs_here("i18n", "update", folder, "--lang", "zh")),
], ids=lambda case: case.id)
def test_a_glossary_beyond_its_bounds_is_refused_at_its_row(refuse, case):
    """100,000 terms (three whole termbase exports) read; the next row refused at its line, a file beyond 64 MB
    unread."""
    refuse(case)


def test_a_glossary_of_100000_terms_is_read(tmp_path):
    from ccdocs.i18n.glossary import MAX_TERMS, read_glossary

    path = tmp_path / "glossary.csv"
    path.write_text(many_rows(MAX_TERMS), encoding="utf-8")
    assert len(read_glossary(path)) == MAX_TERMS == 100_000


def test_terms_sharing_a_first_word_are_found_as_each_terms_own_pattern_finds_them(monkeypatch):
    """A first word beginning more than CROWDED terms (`the …`): its terms are looked up along their words, its
    one-word term by the first: the same terms as each one's own pattern finds, with
    plurals, any spacing, a first word at the text's end, the letters re.I takes for others."""
    from ccdocs.i18n import glossary as module

    monkeypatch.setattr(module, "CROWDED", 2)
    terms = [Term(source, "X", "", "", line) for line, source in enumerate(
        ["the", "the board", "The Board of Appeal", "the boards", "the ſtate", "the sigma", "the  id", "then",
         "the.un", "The Kelvin", "them all", "The"], 2)]
    texts = ["The Board of Appeals met the boards; THE STATES and the  Id", "the\nboard, the sigmas; then them all",
             "ıd the ıd the\tKELVIN the.un the", "the", "theboard the b", "the board's the board-room"]

    for text in texts:
        assert terms_in(text, tuple(terms)) == by_each(text, terms), text


def test_a_termbase_whose_terms_share_their_first_word_costs_a_text_only_its_terms(monkeypatch):
    """30,000 terms that all begin with `the`: a text tries the patterns of the terms whose first two words it
    holds, not the 30,000 every `the` begins."""
    from ccdocs.i18n import glossary as module

    terms = tuple(Term(f"the w{n:05d}", "X", "", "g", n + 2) for n in range(30000)) + (Term("the", "X", "", "g", 1),)
    tried = []
    matches = module._matches
    monkeypatch.setattr(module, "_matches", lambda pattern, text, starts: tried.append(pattern) or matches(
        pattern, text, starts))
    texts = ["The w00007 and the w12346s met the board; the end.", "No term here."] * 50
    found = [terms_in(text, terms) for text in texts]
    assert [t.source for t in found[0]] == ["the w00007", "the w12346", "the"]
    assert len(tried) == 3 * 50  # its two terms and `the`, never the 29,998 others


def test_a_termbase_whose_terms_share_their_first_words_costs_a_text_only_its_terms(monkeypatch):
    """Terms that all begin with the same three words (breaks-6 #6: 99,000 `the committee said w…` and a paragraph
    saying `the committee said` 3,000 times took check past 100 s and 2.7 GB, every term tried at every place): a
    text tries the patterns of the terms whose words stand in it, however many words they share."""
    from ccdocs.i18n import glossary as module

    terms = tuple(Term(f"the committee said w{n:05d}", "X", "", "g", n + 2) for n in range(2000)) + (
        Term("the committee", "X", "", "g", 1),)
    tried = []
    matches = module._matches
    monkeypatch.setattr(module, "_matches", lambda pattern, text, starts: tried.append(pattern) or matches(
        pattern, text, starts))
    text = "The committee said " * 300 + "the Committee  said w00007s; the committee said w123."
    assert [t.source for t in terms_in(text, terms)] == ["the committee said w00007", "the committee"]
    assert len(tried) == 2  # its two terms, never the 1,999 others at each of the 302 places


def test_terms_whose_last_words_begin_a_long_word_cost_a_place_only_the_terms_ending_there(monkeypatch):
    """Terms whose last word begins a text's word (verify-11 V3: 8,000 terms `x` … `x` x 8,000 and a paragraph of
    240 such words took check past 400 s and 1.4 GB, every term tried at every place): a place tries the terms
    whose last word can end there, as the pattern ends it (before `s`, `es`, a sign, or the word's end)."""
    from ccdocs.i18n import glossary as module

    terms = tuple(Term("x" * n, "X", "", "g", n + 1) for n in range(1, 2001))
    tried = []
    matches = module._matches
    monkeypatch.setattr(module, "_matches", lambda pattern, text, starts: tried.append(pattern) or matches(
        pattern, text, starts))
    assert [len(t.source) for t in terms_in(" ".join(["x" * 2000] * 300) + ".", terms)] == [2000]
    assert len(tried) == 1  # the one term ending where the word does, never the 1,999 others at each place


def test_a_text_holding_a_term_at_many_places_is_read_in_time_linear_in_it():
    """Each place a term is found is checked against the places longer terms took along its own characters, not
    against every place taken before it (`WIPO` 20,000 times in a 100 KB paragraph took check 18 s, x4 a
    doubling: a 2 MB paragraph some hours)."""
    from bounded import within

    terms = (Term("WIPO", "产权组织", "", "g", 2), Term("WIPO Academy", "WIPO学院", "", "g", 3))
    text = "WIPO Academy; " + "WIPO " * 300_000
    assert within(lambda: [t.source for t in terms_in(text, terms)], 30, "300,000 places of a term read") == [
        "WIPO", "WIPO Academy"]


def test_terms_ending_in_a_word_are_found_as_each_terms_own_pattern_finds_them(monkeypatch):
    """Last words ending before a plural's `s` or `es`, before a sign that ends a word (`'`, `.`, `)`) or one that
    does not (`-`, `@`, `_`), holding signs themselves, a text word longer than any term's (read up to one letter
    more), past CROWDED terms too: the same terms as each one's own pattern finds."""
    from ccdocs.i18n import glossary as module

    monkeypatch.setattr(module, "CROWDED", 2)
    terms = [Term(source, "X", "", "", line) for line, source in enumerate(
        ["the box", "the boxe", "the WIPO's", "the WIPO", "the a.b", "the a", "the class", "the classes", "the end-",
         "the x@y", "the x", "the ſtate", "the statement", "the u_n", "the u", "the abcdef"], 2)]
    texts = ["the boxes, the boxeses; the WIPO's. the WIPO'sy the a.bs the a.b.c the a-b the classeses",
             "the classes) the class_ the end-s the end- the x@yes the x@ the x_y the STATES the ſtatements",
             "the u_ns the u_n the abcdefg the abcdefs the abcdefes the abcdefess the ABCDEFſ. the a'", "the"]

    for text in texts:
        assert terms_in(text, tuple(terms)) == by_each(text, terms), text
    assert [t.source for t in terms_in(texts[2], tuple(terms))] == ["the a", "the u_n", "the abcdef"]


def test_terms_sharing_their_first_words_are_found_as_each_terms_own_pattern_finds_them(monkeypatch):
    """Terms sharing up to three words past CROWDED, one ending where others go on: the same terms as each one's
    own pattern finds, with plurals, any spacing, a text ending within a term, the letters re.I takes for others."""
    from ccdocs.i18n import glossary as module

    monkeypatch.setattr(module, "CROWDED", 2)
    terms = [Term(source, "X", "", "", line) for line, source in enumerate(
        ["the board", "the board of appeal", "the board of Appeals", "the board of ſtate", "The Board of the WIPO",
         "the board of", "the Board  of Kelvin", "the boards of", "the board off"], 2)]
    texts = ["The Board of Appeals met the boards of the board of STATES", "the\nboard of the WIPO, the board of",
             "the board off the board of\tKELVIN; the board of appeal's", "the board of the", "the boardof appeal"]

    for text in texts:
        assert terms_in(text, tuple(terms)) == by_each(text, terms), text


def made_catalog(folder, out):
    ccdocs_here("i18n", "update", folder, "--lang", "zh")


HEADER = "source,target,note\n"
LONG = HEADER + "Foo term,福," + "x" * 200_000 + "\n"  # a note beyond the csv module's field limit (131,072)
NEVER_CLOSED = HEADER + 'Bad row,"x,\nWIPO,世界知识产权组织,\n'  # the quote runs to the end: WIPO's row read into it
CLOSED_LATER = HEADER + 'Bad row,"x ""y"" z,\nWIPO,世界知识产权组织,\nfoo",bar\n'  # closed two rows later


@pytest.mark.parametrize("case", [
    Case("glossary-long-cell", {"locales/zh/glossary.csv": LONG}, "a cell of more than 131,072 characters (a "
         "glossary cell holds a term or a short note", "glossary.csv:2", setup=made_catalog),
    Case("glossary-long-cell-stats", {"locales/zh/glossary.csv": LONG}, "a cell of more than 131,072 characters",
         "glossary.csv:2", setup=made_catalog, command=("i18n", "stats", "{doc}")),
    Case("glossary-long-cell-review", {"locales/zh/glossary.csv": LONG}, "a cell of more than 131,072 characters",
         "glossary.csv:2", setup=made_catalog, command=("i18n", "review", "{doc}", "--lang", "zh", "-o",
                                                        "{out}/review.html")),
    Case("glossary-quote-never-closed", {"locales/zh/glossary.csv": NEVER_CLOSED},
         "glossary.csv:2:9: error: a quote opened here is never closed", "glossary.csv:2", setup=made_catalog),
    Case("glossary-quote-closed-rows-later", {"locales/zh/glossary.csv": CLOSED_LATER},
         "glossary.csv:2:9: error: a quoted cell opens here and is closed only on line 4: the lines between are "
         "read into it, not as terms", "glossary.csv:2", setup=made_catalog),
    Case("glossary-nul", {"locales/zh/glossary.csv": HEADER + "Foo\x00term,福,\n"},
         "glossary.csv:2:4: error: control character U+0000 cannot stand in a glossary", "glossary.csv:2",
         setup=made_catalog),
], ids=lambda case: case.id)
def test_a_glossary_the_csv_module_cannot_read_row_by_row_is_refused_at_the_row(refuse, case):
    """A cell over the csv module's field limit was an internal error (exit 70) in check, build, stats and review; a
    quote left open read every later row into one cell, their terms silently unchecked: each is refused at the row
    where it begins, as the data reader refuses it."""
    refuse(case)


def test_a_glossary_row_is_read_at_its_line_after_a_quoted_note(tmp_path):
    from ccdocs.i18n.glossary import read_glossary

    path = tmp_path / "glossary.csv"
    path.write_bytes((HEADER + 'WIPO,产权组织,"a note, with a comma and ""quotes"""\r\n\r\nWIPO Thrive,WIPO Thrive,\r\n')
                     .encode())
    assert [(term.source, term.note, term.line) for term in read_glossary(path)] == [
        ("WIPO", 'a note, with a comma and "quotes"', 2), ("WIPO Thrive", "", 4)]


def test_a_glossary_term_of_more_than_max_words_is_refused_at_its_row(tmp_path):
    """A term of 41 words is refused at its line (a place in a text may cost a walk as long as a term: 20 terms of
    2,000 words sharing all but their last took a text of 20,000 words 9 s); one of 40 is read."""
    from ccdocs.errors import InputError
    from ccdocs.i18n.glossary import MAX_WORDS, read_glossary

    path = tmp_path / "glossary.csv"
    path.write_text(f"source,target,note\n{' '.join(['word'] * MAX_WORDS)},术语,\n{' '.join(['a'] * 41)},长,\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_glossary(path)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (3, "a glossary term holds at most 40 words; this one holds 41")]
