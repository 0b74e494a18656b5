"""Arabic ordinal words, feminine and definite, as WIPO's Arabic covers spell the session (الدورة السادسة والثمانون).

num2words spells Arabic ordinals masculine and without the article (`ست و ثمانون` for 86), which no cover prints.
"""

from __future__ import annotations

UNITS = ("", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة")
TENS = ("", "العاشرة", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون")
COMPOUND_ONE = "الحادية"   # one in 11, 21, 31 …: الحادية عشرة, الحادية والعشرون
HUNDRED = "المائة"
AFTER_HUNDRED = "بعد المائة"   # 101 to 199: the ordinal below 100, then this
HIGHEST = 199


def feminine_ordinal(n: int) -> str:
    """`n` (1 to 199) as a feminine definite Arabic ordinal; ValueError outside.

    >>> feminine_ordinal(86), feminine_ordinal(57), feminine_ordinal(11), feminine_ordinal(18)
    ('السادسة والثمانون', 'السابعة والخمسون', 'الحادية عشرة', 'الثامنة عشرة')
    >>> feminine_ordinal(1), feminine_ordinal(20), feminine_ordinal(21), feminine_ordinal(101)
    ('الأولى', 'العشرون', 'الحادية والعشرون', 'الأولى بعد المائة')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= HIGHEST:
        raise ValueError(f"an Arabic ordinal is spelled from 1 to {HIGHEST}, got {n!r}")
    if n == 100:
        return HUNDRED
    if n > 100:
        return f"{feminine_ordinal(n - 100)} {AFTER_HUNDRED}"
    tens, units = divmod(n, 10)
    if tens == 0:
        return UNITS[units]
    if units == 0:
        return TENS[tens]
    unit = COMPOUND_ONE if units == 1 else UNITS[units]
    if tens == 1:
        return f"{unit} عشرة"
    return f"{unit} و{TENS[tens]}"
