"""Dates and date ranges in the WO/CC cover forms, with month names and digits from babel (CLDR)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from babel import Locale
from babel.dates import format_date

LANGUAGES = ("en", "zh")


class _RangeStyle(NamedTuple):
    """CLDR date patterns and connecting words for one language's date ranges."""

    day: str  # a full date
    month_day: str  # month and day, year left out
    day_only: str  # day alone, month and year left out
    day_year: str  # day and year, month left out (English same-month end)
    to: str  # between the ends of a range of three or more days
    and_: str  # between two consecutive days
    place: str  # "{place}" and "{dates}" joined


def babel_locale(lang: str) -> Locale:
    """Return the babel locale of a document language: en → en, zh → zh_Hans_CN."""
    if lang == "en":
        return Locale("en")
    if lang == "zh":
        return Locale("zh", territory="CN", script="Hans")
    raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")


def _style(lang: str) -> _RangeStyle:
    """Return the range style of a language (design §1: the cover's place-and-dates line)."""
    if lang == "en":
        return _RangeStyle("MMMM d, y", "MMMM d", "d", "d, y", " to ", " and ", "{place}, {dates}")
    if lang == "zh":
        return _RangeStyle("y年M月d日", "M月d日", "d日", "d日", "至", "和", "{dates}，{place}")
    raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")


def _fmt(d: date, pattern: str, lang: str) -> str:
    """Format d with a CLDR pattern in the language's locale."""
    return format_date(d, pattern, locale=babel_locale(lang))


def format_day(d: date, lang: str) -> str:
    """Format one day: en 'May 21, 2026'; zh '2026年5月21日'."""
    return _fmt(d, _style(lang).day, lang)


def format_date_range(first: date, last: date, lang: str) -> str:
    """Format the days of a meeting from first to last, both included.

    en: 'July 7 to 15, 2026', 'March 18 and 19, 2026', 'September 30 to October 9, 2019',
    'December 30, 2026 to January 2, 2027', 'September 12, 2016' (one day).
    zh: '2026年7月7日至15日', '2011年1月12日和13日', '2019年9月30日至10月9日',
    '2026年12月30日至2027年1月2日', '2016年9月12日'.
    Two consecutive days are joined by 'and' / '和', longer ranges by 'to' / '至'.
    """
    if last < first:
        raise ValueError(f"date range ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    style = _style(lang)
    if first == last:
        return _fmt(first, style.day, lang)
    joiner = style.and_ if (last - first).days == 1 else style.to
    if first.year != last.year:
        head, tail = style.day, style.day
    elif lang == "en":
        head = style.month_day
        tail = style.day_year if first.month == last.month else style.day
    else:
        head = style.day
        tail = style.day_only if first.month == last.month else style.month_day
    return _fmt(first, head, lang) + joiner + _fmt(last, tail, lang)


def place_and_dates(place: str, first: date, last: date, lang: str) -> str:
    """Join a (translated) place and a date range: en 'Geneva, July 7 to 15, 2026'; zh '2026年7月7日至15日，日内瓦'."""
    return _style(lang).place.format(place=place, dates=format_date_range(first, last, lang))
