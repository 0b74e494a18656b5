"""Specification of single dates and meeting date ranges, English and Chinese (design §1)."""

from datetime import date

import pytest
from babel.dates import format_date, get_month_names

from ccdocs.errors import InputError
from ccdocs.l10n.dates import babel_locale, format_date_range, format_day, place_and_dates

D = date

RANGES = [
    # (first, last, English, Chinese)
    (D(2026, 7, 7), D(2026, 7, 15), "July 7 to 15, 2026", "2026年7月7日至15日"),  # same month
    (D(2026, 3, 18), D(2026, 3, 19), "March 18 and 19, 2026", "2026年3月18日和19日"),  # two days
    (D(2011, 1, 12), D(2011, 1, 13), "January 12 and 13, 2011", "2011年1月12日和13日"),
    (D(2019, 9, 30), D(2019, 10, 9), "September 30 to October 9, 2019", "2019年9月30日至10月9日"),  # months
    (D(2026, 3, 31), D(2026, 4, 1), "March 31 and April 1, 2026", "2026年3月31日和4月1日"),  # two days, months
    (D(2026, 12, 30), D(2027, 1, 2), "December 30, 2026 to January 2, 2027", "2026年12月30日至2027年1月2日"),
    (D(2026, 12, 31), D(2027, 1, 1), "December 31, 2026 and January 1, 2027", "2026年12月31日和2027年1月1日"),
    (D(2016, 9, 12), D(2016, 9, 12), "September 12, 2016", "2016年9月12日"),  # one day
]


@pytest.mark.parametrize("first, last, en, zh", RANGES)
def test_date_range_forms(first, last, en, zh):
    assert format_date_range(first, last, "en") == en
    assert format_date_range(first, last, "zh") == zh


# The French, Spanish and Russian forms of WIPO's papers (docs/languages-sources.md: WO/CC/78/INF/1 Rev., A/58/11,
# WO/BC/20/3, WO/CC/72/4; WO/CC/74/8, WO/PBC/25/INF/1, WO/CC/64/3; CDIP/16/8, WO/CC/82/INF/1), French 1er included.
LATIN_CYRILLIC_RANGES = [
    # (first, last, French, Spanish, Russian)
    (D(2020, 9, 21), D(2020, 9, 29), "21 – 29 septembre 2020", "21 a 29 de septiembre de 2020",
     "21 – 29 сентября 2020 года"),
    (D(2018, 9, 24), D(2018, 10, 2), "24 septembre – 2 octobre 2018", "24 de septiembre a 2 de octubre de 2018",
     "24 сентября – 2 октября 2018 года"),
    (D(1998, 9, 3), D(1998, 9, 4), "3 et 4 septembre 1998", "3 y 4 de septiembre de 1998", "3 и 4 сентября 1998 года"),
    (D(2016, 9, 12), D(2016, 9, 12), "12 septembre 2016", "12 de septiembre de 2016", "12 сентября 2016 года"),
    (D(2025, 1, 1), D(2025, 12, 31), "1er janvier – 31 décembre 2025", "1 de enero a 31 de diciembre de 2025",
     "1 января – 31 декабря 2025 года"),
]


@pytest.mark.parametrize("first, last, fr, es, ru", LATIN_CYRILLIC_RANGES)
def test_french_spanish_russian_range_forms(first, last, fr, es, ru):
    assert [format_date_range(first, last, lang) for lang in ("fr", "es", "ru")] == [fr, es, ru]


def test_the_first_of_a_month_is_1er_in_french_only():
    assert [format_day(D(1997, 10, 1), lang) for lang in ("fr", "es", "ru", "en")] == [
        "1er octobre 1997", "1 de octubre de 1997", "1 октября 1997 года", "October 1, 1997"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_range_ending_before_it_starts_is_an_error(lang):
    with pytest.raises(ValueError):
        format_date_range(D(2026, 7, 15), D(2026, 7, 7), lang)


def test_format_day():
    assert format_day(D(2026, 5, 21), "en") == "May 21, 2026"
    assert format_day(D(2026, 5, 21), "zh") == "2026年5月21日"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_format_day_is_cldr_long_date_for_every_month(lang):
    for month in range(1, 13):
        d = D(2026, month, 1)
        assert format_day(d, lang) == format_date(d, "long", locale=babel_locale(lang))


def test_english_month_names_are_babels():
    names = get_month_names("wide", locale="en")
    for month in range(1, 13):
        assert format_day(D(2026, month, 3), "en").startswith(names[month] + " 3, ")


@pytest.mark.parametrize(
    "place, first, last, lang, text",
    [("Geneva", D(2026, 7, 7), D(2026, 7, 15), "en", "Geneva, July 7 to 15, 2026"),
     ("Geneva", D(2019, 9, 30), D(2019, 10, 9), "en", "Geneva, September 30 to October 9, 2019"),
     ("Geneva", D(2016, 9, 12), D(2016, 9, 12), "en", "Geneva, September 12, 2016"),
     ("日内瓦", D(2026, 7, 7), D(2026, 7, 15), "zh", "2026年7月7日至15日，日内瓦"),
     ("日内瓦", D(2011, 1, 12), D(2011, 1, 13), "zh", "2011年1月12日和13日，日内瓦")],
)
def test_place_and_dates(place, first, last, lang, text):
    assert place_and_dates(place, first, last, lang) == text


def test_unknown_language():
    with pytest.raises(InputError, match="no language profile `xx`"):
        format_day(D(2026, 5, 21), "xx")
    with pytest.raises(InputError, match="no language profile `xx`"):
        babel_locale("xx")


def test_chinese_locale_is_simplified_china():
    assert str(babel_locale("zh")) == "zh_Hans_CN"
