"""Chinese numerals, English ordinal words and English ordinal suffixes for session lines."""

from __future__ import annotations

from babel import Locale

_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_UNITS = ("千", "百", "十", "")
_SUFFIXES = (("one", "st"), ("two", "nd"), ("few", "rd"), ("other", "th"))


def _check_int(n: object, low: int, high: int | None = None) -> int:
    """Return n if it is an int (not a bool) within [low, high], else raise."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an integer, got {n!r}")
    if n < low or (high is not None and n > high):
        bound = f"{low}..{high}" if high is not None else f">= {low}"
        raise ValueError(f"{n} is outside the supported range {bound}")
    return n


def chinese_numeral(n: int) -> str:
    """Write 1..9999 as a Chinese numeral in the standard reading form.

    A leading 一十 is read 十 (十一, not 一十一); inside a number the 一 stays (一百一十);
    one 零 stands for any run of zeros between non-zero digits (一千零五).

    >>> [chinese_numeral(n) for n in (1, 10, 11, 20, 86, 100, 101, 110, 1005)]
    ['一', '十', '十一', '二十', '八十六', '一百', '一百零一', '一百一十', '一千零五']
    >>> chinese_numeral(9999)
    '九千九百九十九'
    """
    _check_int(n, 1, 9999)
    digits = [int(c) for c in f"{n:04d}"]
    out: list[str] = []
    pending_zero = False
    for digit, unit in zip(digits, _CHINESE_UNITS):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_CHINESE_DIGITS[digit] + unit)
    text = "".join(out)
    return text[1:] if 10 <= n <= 19 else text


def english_ordinal_words(n: int) -> str:
    """Spell n as a capitalised English ordinal: 86 → Eighty-Sixth, 100 → One Hundredth.

    Every space- and hyphen-separated part is capitalised except the joining word "and"
    (num2words writes 101 as "one hundred and first").

    >>> english_ordinal_words(72), english_ordinal_words(1)
    ('Seventy-Second', 'First')
    """
    from num2words import num2words  # on first use: its import takes 20 ms that only English covers need

    _check_int(n, 1)
    words = num2words(n, lang="en", to="ordinal")
    return " ".join(
        "-".join(part if part == "and" else part.capitalize() for part in word.split("-"))
        for word in words.split(" ")
    )


def ordinal_suffix(n: int, lang: str = "en") -> str:
    """Return the English ordinal suffix (st, nd, rd, th) by CLDR's ordinal plural rule.

    Only English has such a suffix; Chinese ordinals are written 第…次 by the caller.

    >>> [f"{n}{ordinal_suffix(n)}" for n in (1, 2, 3, 11, 12, 13, 21, 22, 57, 101)]
    ['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '57th', '101st']
    """
    _check_int(n, 0)
    if lang != "en":
        raise ValueError(f"ordinal suffixes exist only for 'en', not {lang!r}")
    form = Locale("en").ordinal_form(n)
    return dict(_SUFFIXES)[form]
