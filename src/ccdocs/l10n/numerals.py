"""Numbering styles a language profile names: digits, Roman, letters, Chinese numerals, spelled and suffixed ordinals.

A style is a name in `locales/<lang>/language.yaml` (`session.number`, `chapters.numbers`, …); the language's own
details (the num2words language of spelled numbers, their capitals, the ordinal suffixes) come from its profile.
"""

from __future__ import annotations

from copy import copy
from inspect import signature
from pathlib import Path
from string import ascii_lowercase
from typing import TYPE_CHECKING

from babel import Locale

from .arabic import HIGHEST as ARABIC_HIGHEST, feminine_ordinal

if TYPE_CHECKING:
    from .language import Language

Run = tuple[str, bool]  # (text, superscript)

STYLES = ("digits", "roman", "roman-lower", "alpha", "chinese", "ordinal-words", "ordinal-suffix",
          "arabic-ordinal")
CAPITALS = ("words", "first", "none")
_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_UNITS = ((10 ** 8, "亿"), (10 ** 4, "万"), (1000, "千"), (100, "百"), (10, "十"))
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _check_int(n: object, low: int, high: int | None = None) -> int:
    """Return n if it is an int (not a bool) within [low, high], else raise."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an integer, got {n!r}")
    if n < low or (high is not None and n > high):
        bound = f"{low}..{high}" if high is not None else f">= {low}"
        raise ValueError(f"{n} is outside the supported range {bound}")
    return n


def roman(number: int) -> str:
    """Upper-case Roman numeral of a number >= 1; from 4000 on, the thousands as that many M's (a list of 4,000
    sub-items is labelled, not refused with an internal error).

    >>> roman(4), roman(14), roman(1999), roman(4001)
    ('IV', 'XIV', 'MCMXCIX', 'MMMMI')
    """
    if number < 1:
        raise ValueError(f"no Roman numeral for {number}")
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def letters(n: int) -> str:
    """Lower-case letter label of n >= 1 as Word's `lowerLetter` numbering counts: a..z, then the letter doubled
    (aa, bb, … zz), tripled (aaa …) and so on, so a list of more than 26 items never repeats a label.

    >>> [letters(n) for n in (1, 26, 27, 28, 52, 53)]
    ['a', 'z', 'aa', 'bb', 'zz', 'aaa']
    """
    _check_int(n, 1)
    return ascii_lowercase[(n - 1) % 26] * ((n - 1) // 26 + 1)


def chinese_numeral(n: int) -> str:
    """Write a whole number >= 1 as a Chinese numeral in the standard reading form, at any size.

    Units 十 百 千 below 万; then 万 (10^4) and 亿 (10^8) take as their multiple the numeral of what stands before
    them (一百一十万, 一万亿), so no number is out of reach. A leading 一十 is read 十 (十一, 十万, not 一十一);
    inside a number the 一 stays (一百一十, 一万零一十); one 零 stands where the digit just below a unit is zero
    and something follows (一千零五, 一万零一, 一亿零一百万), the trailing zeros of a unit's multiple are not read
    (一千万一千). Below 一亿 this is CLDR's `zh` `%spellout-cardinal` (ICU's 一万零一); above it CLDR's rules skip
    the 零 where a group of four starts with a zero (一亿一百万) and name 10^12 兆: the textbook reading and the
    mainland's 万亿 are written instead.

    >>> [chinese_numeral(n) for n in (1, 10, 11, 20, 86, 100, 101, 110, 1005, 1010)]
    ['一', '十', '十一', '二十', '八十六', '一百', '一百零一', '一百一十', '一千零五', '一千零一十']
    >>> [chinese_numeral(n) for n in (9999, 10000, 10001, 10010, 11000, 100000, 110000, 10001000, 10100000)]
    ['九千九百九十九', '一万', '一万零一', '一万零一十', '一万一千', '十万', '十一万', '一千万一千', '一千零一十万']
    >>> [chinese_numeral(n) for n in (10 ** 8, 100010000, 101000000, 100100000, 10 ** 12, 10 ** 16)]
    ['一亿', '一亿零一万', '一亿零一百万', '一亿零一十万', '一万亿', '一亿亿']
    """
    _check_int(n, 1)
    text = _chinese(n)
    return text[1:] if text.startswith("一十") else text


def _chinese(n: int) -> str:
    """`chinese_numeral` of n >= 1 with every 一十 written out (the leading one is dropped by the caller)."""
    if n < 10:
        return _CHINESE_DIGITS[n]
    unit, name = next((unit, name) for unit, name in _CHINESE_UNITS if n >= unit)
    multiple, rest = divmod(n, unit)
    text = _chinese(multiple) + name
    if rest:
        text += ("零" if rest < unit // 10 else "") + _chinese(rest)
    return text


def ordinal_words(n: int, words: str = "en", capitalize: str = "words", options: dict | None = None) -> str:
    """Spell n as an ordinal with num2words in the language `words` (`options`: keyword arguments of its ordinals,
    as Russian's `gender`), capitalised: `words` each space- and
    hyphen-separated part except the joining word "and" (86 → Eighty-Sixth, 101 → One Hundred and First),
    `first` the first letter only, `none` as num2words writes it.

    >>> ordinal_words(72), ordinal_words(1), ordinal_words(86, capitalize="first")
    ('Seventy-Second', 'First', 'Eighty-sixth')
    """
    _check_int(n, 1)
    spelled = spelled_ordinal(n, words, options)
    if capitalize == "first":
        return spelled[:1].upper() + spelled[1:]
    if capitalize == "none":
        return spelled
    return " ".join(
        "-".join(part if part == "and" else part.capitalize() for part in word.split("-"))
        for word in spelled.split(" ")
    )


def spelling_languages() -> frozenset[str]:
    """The languages num2words spells (its `CONVERTER_CLASSES`' keys), without importing it where the per-user
    cache holds them for its installed `__init__.py` (named by that file's path, size and modification time;
    `cache`): a profile's `numbers.words` is checked wherever a profile is read, its 50 ms import paid only by a
    build that spells a number."""
    import sys

    from .. import cache

    if "num2words" in sys.modules:
        return frozenset(sys.modules["num2words"].CONVERTER_CLASSES)
    entry = _num2words_entry("num2words")
    data = cache.read(entry) if entry is not None else None
    if data is not None:
        return frozenset(data.decode("utf-8", "replace").split("\n"))
    from num2words import CONVERTER_CLASSES

    if entry is not None:
        cache.write(entry, "\n".join(sorted(CONVERTER_CLASSES)).encode())
    return frozenset(CONVERTER_CLASSES)


def _num2words_entry(kind: str, *key) -> Path | None:
    """The per-user cache entry of `kind` for `key` and the installed num2words, named by its `__init__.py`'s path,
    size and modification time (a new version or install is another name); None when it cannot be found."""
    from importlib.util import find_spec

    from .. import cache

    spec = find_spec("num2words")
    try:
        found = Path(spec.origin).stat() if spec is not None and spec.origin else None
    except OSError:
        return None
    return cache.entry(kind, spec.origin, found.st_size, found.st_mtime_ns, *key) if found else None


def spelled_ordinal(n: int, words: str, options: dict | None = None) -> str:
    """num2words' ordinal of n in the language `words`, with `options` its ordinals' keyword arguments; a
    `gender` its converter's ordinals do not take is given to a converter that inflects them by a gender stem
    (Spanish: octogésimo sexto, and with `gender: f` octogésima sexta). TypeError for options it refuses.

    Kept in the per-user cache, named by the installed num2words and the code (`i18n.cached.code`): the model of
    a cover spelling its session (`Sixty-Third`) no longer imports num2words in each build's model worker (some
    60 modules and a converter for each of its languages, 30 to 50 ms).

    >>> spelled_ordinal(86, "es", {"gender": "f"}), spelled_ordinal(86, "ru", {"gender": "f"})
    ('octogésima sexta', 'восемьдесят шестая')
    """
    from .. import cache
    from ..i18n.cached import code

    entry = _num2words_entry("ordinal", code(), n, words, sorted((options or {}).items()))
    data = cache.read(entry) if entry is not None else None
    if data is not None:
        return data.decode("utf-8", "replace")
    spelled = _spelled_ordinal(n, words, options)
    if entry is not None:
        cache.write(entry, spelled.encode("utf-8"))
    return spelled


def _spelled_ordinal(n: int, words: str, options: dict | None) -> str:
    """`spelled_ordinal`, worked out by num2words."""
    from num2words import CONVERTER_CLASSES, num2words  # on first use: its import takes 20 ms

    options = dict(options or {})
    converter = CONVERTER_CLASSES.get(words)
    gender = options.get("gender")
    if gender is not None and converter is not None and "gender" not in signature(converter.to_ordinal).parameters \
            and hasattr(converter, "gender_stem"):
        inflected = copy(converter)  # the shared converter is left as it is
        inflected.gender_stem = {"f": "a", "m": "o"}.get(options.pop("gender"), gender)
        return inflected.to_ordinal(n, **options)
    return num2words(n, lang=words, to="ordinal", **options)


def ordinal_suffix(n: int, locale: str = "en", suffixes: dict | None = None) -> str:
    """The suffix of the ordinal n by CLDR's ordinal plural category in `locale` (`suffixes`: category → suffix,
    the `other` one the fallback; English's by default).

    >>> [f"{n}{ordinal_suffix(n)}" for n in (1, 2, 3, 11, 12, 13, 21, 22, 57, 101)]
    ['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '57th', '101st']
    """
    _check_int(n, 0)
    suffixes = suffixes if suffixes is not None else {"one": "st", "two": "nd", "few": "rd", "other": "th"}
    form = Locale.parse(locale).ordinal_form(n)
    return suffixes.get(form, suffixes.get("other", ""))


def highest(style: str) -> int | None:
    """The highest number numbering `style` writes, None when it writes every whole number (Arabic ordinal words
    are spelled up to 199, `l10n.arabic`).

    >>> highest("arabic-ordinal"), highest("chinese"), highest("roman")
    (199, None, None)
    """
    return ARABIC_HIGHEST if style == "arabic-ordinal" else None


def numeral_runs(n: int, style: str, language: Language) -> list[Run]:
    """n in numbering `style` as (text, superscript) runs, with `language`'s details; ValueError for a style
    not in STYLES.

    >>> from ccdocs.l10n.language import find_language
    >>> en = find_language("en")
    >>> numeral_runs(57, "ordinal-suffix", en), numeral_runs(3, "roman-lower", en), numeral_runs(2, "alpha", en)
    ([('57', False), ('th', True)], [('iii', False)], [('b', False)])
    """
    if style == "ordinal-suffix":
        numbers = language.numbers
        return [(str(_check_int(n, 0)), False), (ordinal_suffix(n, language.locale, numbers.ordinal_suffixes), True)]
    text = {
        "digits": lambda: str(n),
        "roman": lambda: roman(n),
        "roman-lower": lambda: roman(n).lower(),
        "alpha": lambda: letters(n),
        "chinese": lambda: chinese_numeral(n),
        "ordinal-words": lambda: ordinal_words(n, language.numbers.words, language.numbers.capitalize,
                                               language.numbers.options),
        "arabic-ordinal": lambda: feminine_ordinal(n),
    }.get(style)
    if text is None:
        raise ValueError(f"unknown numbering style {style!r}; expected one of {STYLES}")
    return [(text(), False)]


def numeral(n: int, style: str, language: Language) -> str:
    """n in numbering `style` as plain text (a suffix written on the line)."""
    return "".join(text for text, _ in numeral_runs(n, style, language))
