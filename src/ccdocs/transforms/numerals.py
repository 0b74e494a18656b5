"""Roman numerals for annex and sub-list labels (babel has none)."""

from __future__ import annotations

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Upper-case Roman numeral of 1..3999.

    >>> roman(4), roman(14), roman(1999)
    ('IV', 'XIV', 'MCMXCIX')
    """
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out
