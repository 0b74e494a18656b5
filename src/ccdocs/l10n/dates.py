"""Dates and date ranges in the WO/CC cover forms of a language profile, month names and digits from babel (CLDR)."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date, tokenize_pattern, untokenize_pattern

from .language import Language, as_language


def babel_locale(language: Language | str) -> Locale:
    """Return the babel locale of a document language (its profile's `locale`): en → en, zh → zh_Hans_CN."""
    return Locale.parse(as_language(language).locale)


def _fmt(d: date, pattern: str, language: Language) -> str:
    """Format d with a CLDR pattern in the language's locale; the first of a month as the profile's `dates.first`
    (French 1er) where the pattern writes the day."""
    if d.day == 1 and language.dates.first:
        pattern = untokenize_pattern(("chars", language.dates.first) if kind == "field" and value[0] == "d"
                                     else (kind, value) for kind, value in tokenize_pattern(pattern))
    return format_date(d, pattern, locale=babel_locale(language))


def format_day(d: date, language: Language | str) -> str:
    """Format one day in the profile's `dates.day`: en 'May 21, 2026'; zh '2026年5月21日'."""
    language = as_language(language)
    return _fmt(d, language.dates.day, language)


def format_date_range(first: date, last: date, language: Language | str, prose: bool = False) -> str:
    """Format the days of a meeting from first to last, both included, in the profile's `dates` forms.

    en: 'July 7 to 15, 2026', 'March 18 and 19, 2026', 'September 30 to October 9, 2019',
    'December 30, 2026 to January 2, 2027', 'September 12, 2016' (one day).
    zh: '2026年7月7日至15日', '2011年1月12日和13日', '2019年9月30日至10月9日',
    '2026年12月30日至2027年1月2日', '2016年9月12日'.
    Two consecutive days are joined by `dates.and` ('and' / '和'), longer ranges by `dates.to` ('to' / '至'): the
    cover's forms. With `prose` (running text, after the sentence's own opening word: du, del, с) any two days or
    more are joined by `dates.prose_to` (fr '1er janvier au 31 décembre 2024'), `dates.to` where it has none.
    """
    if last < first:
        raise ValueError(f"date range ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    language = as_language(language)
    forms = language.dates
    if first == last:
        return _fmt(first, forms.day, language)
    joiner = forms.running_to if prose else forms.and_ if (last - first).days == 1 else forms.to
    if first.year != last.year:
        head, tail = forms.other_years
    elif first.month == last.month:
        head, tail = forms.same_month
    else:
        head, tail = forms.same_year
    return _fmt(first, head, language) + joiner + _fmt(last, tail, language)


def place_and_dates(place: str, first: date, last: date, language: Language | str) -> str:
    """Join a (translated) place and a date range: en 'Geneva, July 7 to 15, 2026'; zh '2026年7月7日至15日，日内瓦'."""
    language = as_language(language)
    return language.dates.place.format(place=place, dates=format_date_range(first, last, language))
