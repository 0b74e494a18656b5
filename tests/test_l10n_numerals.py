"""Specification of Chinese numerals, English ordinals and the cover's session line (design §1)."""

import doctest
import os
import re
import subprocess
import sys

import pytest

from ccdocs.l10n import numerals
from ccdocs.errors import InputError
from ccdocs.l10n.numerals import chinese_numeral, ordinal_suffix, ordinal_words as english_ordinal_words
from ccdocs.l10n.session import session_runs, session_text

# --- English ordinal suffixes -------------------------------------------------------------
# Stated independently of CLDR: the last digit decides (1 st, 2 nd, 3 rd, else th),
# except that 11, 12 and 13 (and 111, 112, 113, ...) take th.
EXCEPTIONS_TH = {11, 12, 13}
BY_LAST_DIGIT = {1: "st", 2: "nd", 3: "rd"}


def expected_suffix(n):
    return "th" if n % 100 in EXCEPTIONS_TH else BY_LAST_DIGIT.get(n % 10, "th")


def test_doctests_of_numerals_pass():
    assert doctest.testmod(numerals).failed == 0


SPELLING = """
import sys
from ccdocs.l10n.numerals import spelled_ordinal
print(spelled_ordinal(86, "en"), spelled_ordinal(86, "es", {"gender": "f"}), "num2words" in sys.modules)
"""


def test_a_fresh_process_spells_a_kept_ordinal_without_num2words(tmp_path):
    """A cover's session ordinal is kept in the per-user cache: each build's model worker is a fresh process,
    which no longer imports num2words (and its every language) to spell it again."""
    env = dict(os.environ, CCDOCS_CACHE=str(tmp_path / "cache"))
    first, again = (subprocess.run([sys.executable, "-c", SPELLING], env=env, capture_output=True, text=True,
                                   check=True).stdout.split() for _ in range(2))
    assert first == ["eighty-sixth", "octogésima", "sexta", "True"]
    assert again == first[:-1] + ["False"]


def test_options_num2words_refuses_are_refused_each_time(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    for _ in range(2):  # nothing kept of a failure
        with pytest.raises(TypeError):
            numerals.spelled_ordinal(3, "en", {"colour": "red"})
    assert numerals.spelled_ordinal(3, "en") == numerals.spelled_ordinal(3, "en") == "third"


@pytest.mark.parametrize("n", range(1, 101))
def test_suffix_rule_for_1_to_100(n):
    assert ordinal_suffix(n) == expected_suffix(n)


@pytest.mark.parametrize(
    "n, written",
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (23, "23rd"), (57, "57th"), (101, "101st"), (111, "111th"), (112, "112th")],
)
def test_suffix_examples(n, written):
    assert f"{n}{ordinal_suffix(n)}" == written


def test_suffixes_come_from_the_profile_by_cldr_category():
    french = {"one": "er", "other": "e"}
    assert [ordinal_suffix(n, "fr", french) for n in (1, 2, 21)] == ["er", "e", "e"]


# --- English ordinal words ----------------------------------------------------------------
@pytest.mark.parametrize(
    "n, words",
    [(1, "First"), (2, "Second"), (3, "Third"), (12, "Twelfth"), (20, "Twentieth"), (21, "Twenty-First"),
     (32, "Thirty-Second"), (72, "Seventy-Second"), (84, "Eighty-Fourth"), (86, "Eighty-Sixth"),
     (100, "One Hundredth"), (101, "One Hundred and First")],
)
def test_ordinal_words(n, words):
    assert english_ordinal_words(n) == words


def test_ordinal_words_1_to_100_are_distinct_and_capitalised():
    words = [english_ordinal_words(n) for n in range(1, 101)]
    assert len(set(words)) == 100
    for w in words:
        assert all(part[0].isupper() for part in re.split(r"[ -]", w)), w


# --- Session line, English ------------------------------------------------------------------
@pytest.mark.parametrize("n", range(1, 101))
@pytest.mark.parametrize("kind", ["Ordinary", "Extraordinary"])
def test_english_session_forms_1_to_100(n, kind):
    count = {"ordinary": n} if kind == "Ordinary" else {"extraordinary": n}
    runs = session_runs(n, "en", **count)
    assert runs == [
        (f"{english_ordinal_words(n)} ({n}", False),
        (expected_suffix(n), True),
        (f" {kind}) Session", False),
    ]
    assert session_text(n, "en", **count) == f"{english_ordinal_words(n)} ({n}{expected_suffix(n)} {kind}) Session"


@pytest.mark.parametrize(
    "args, text",
    [((1, "en", 1, None), "First (1st Ordinary) Session"),
     ((2, "en", 2, None), "Second (2nd Ordinary) Session"),
     ((3, "en", None, 3), "Third (3rd Extraordinary) Session"),
     ((11, "en", 11, None), "Eleventh (11th Ordinary) Session"),
     ((12, "en", None, 12), "Twelfth (12th Extraordinary) Session"),
     ((13, "en", 13, None), "Thirteenth (13th Ordinary) Session"),
     ((22, "en", 22, None), "Twenty-Second (22nd Ordinary) Session"),
     ((84, "en", 56, None), "Eighty-Fourth (56th Ordinary) Session"),
     ((86, "en", 57, None), "Eighty-Sixth (57th Ordinary) Session"),
     ((72, "en", None, 26), "Seventy-Second (26th Extraordinary) Session"),
     ((100, "en", 100, None), "One Hundredth (100th Ordinary) Session"),
     ((100, "en", None, 100), "One Hundredth (100th Extraordinary) Session"),
     ((32, "en", None, None), "Thirty-Second Session")],
)
def test_session_text_examples(args, text):
    assert session_text(*args) == text


def test_session_runs_mark_only_the_suffix_superscript():
    assert session_runs(86, "en", ordinary=57) == [
        ("Eighty-Sixth (57", False), ("th", True), (" Ordinary) Session", False)]
    assert session_runs(32, "en") == [("Thirty-Second Session", False)]


# --- Session line, Chinese ------------------------------------------------------------------
@pytest.mark.parametrize(
    "args, text",
    [((86, "zh", 57, None), "第八十六届会议（第57次例会）"),
     ((84, "zh", 56, None), "第八十四届会议（第56次例会）"),
     ((72, "zh", None, 26), "第七十二届会议（第26次特别会议）"),
     ((32, "zh", None, None), "第三十二届会议"),
     ((10, "zh", None, None), "第十届会议"),
     ((100, "zh", 1, None), "第一百届会议（第1次例会）")],
)
def test_chinese_session_line(args, text):
    assert session_runs(*args) == [(text, False)]
    assert session_text(*args) == text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_session_cannot_be_both_ordinary_and_extraordinary(lang):
    with pytest.raises(ValueError):
        session_runs(86, lang, ordinary=57, extraordinary=26)


@pytest.mark.parametrize("bad", [0, -1, True, 1.0, "86"])
def test_session_number_must_be_a_positive_int(bad):
    with pytest.raises(ValueError):
        session_runs(bad, "en")
    with pytest.raises(ValueError):
        session_runs(86, "en", ordinary=bad)


def test_session_unknown_language():
    with pytest.raises(InputError, match="no language profile `xx`"):
        session_runs(86, "xx", ordinary=57)


# --- Chinese numerals -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "n, numeral",
    [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
     (32, "三十二"), (72, "七十二"), (86, "八十六"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
     (110, "一百一十"), (111, "一百一十一"), (200, "二百"), (1000, "一千"), (1005, "一千零五"),
     (1010, "一千零一十"), (1100, "一千一百"), (2019, "二千零一十九"), (9999, "九千九百九十九")],
)
def test_chinese_numeral_examples(n, numeral):
    assert chinese_numeral(n) == numeral


DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
UNITS = {"十": 10, "百": 100, "千": 1000}


def read_chinese(text):
    """An independent reader of the numerals: sum of digit × unit, a bare leading 十 meaning 10."""
    total, digit = 0, None
    for ch in text:
        if ch in UNITS:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            digit = DIGITS[ch]
    return total + (digit or 0)


def test_chinese_numerals_1_to_100_are_distinct():
    assert len({chinese_numeral(n) for n in range(1, 101)}) == 100


def test_chinese_numerals_read_back_for_1_to_9999():
    for n in range(1, 10000):
        text = chinese_numeral(n)
        assert read_chinese(text) == n, (n, text)
        assert "零零" not in text and not text.endswith("零") and not text.startswith("一十"), (n, text)


@pytest.mark.parametrize("bad", [0, -5])  # past 9,999: tests/test_numbering_large.py
def test_chinese_numeral_range(bad):
    with pytest.raises(ValueError):
        chinese_numeral(bad)
