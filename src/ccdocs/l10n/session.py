"""The cover's session line, as text runs with the English ordinal suffix marked superscript."""

from __future__ import annotations

from .numerals import chinese_numeral, english_ordinal_words, ordinal_suffix

Run = tuple[str, bool]
HIGHEST = 9999  # the highest number a session line can hold: Chinese numerals are written up to 9999


def _count(value: int | None, name: str) -> int | None:
    """Check an optional ordinary/extraordinary count: None or a positive int."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def session_runs(
    number: int, lang: str, ordinary: int | None = None, extraordinary: int | None = None
) -> list[Run]:
    """Return the session line as (text, is_superscript) runs.

    en: 'Eighty-Sixth (57th Ordinary) Session' with 'th' superscript,
    'Seventy-Second (26th Extraordinary) Session', 'Thirty-Second Session' (no count);
    zh: '第八十六届会议（第57次例会）', '第七十二届会议（第26次特别会议）', '第三十二届会议' (one run).
    Both numbers are metadata (design §1): nothing is derived from the other.
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= HIGHEST:
        raise ValueError(f"session number must be a whole number from 1 to {HIGHEST}, got {number!r}")
    ordinary = _count(ordinary, "ordinary")
    extraordinary = _count(extraordinary, "extraordinary")
    if ordinary is not None and extraordinary is not None:
        raise ValueError("a session is ordinary or extraordinary, not both")
    count = ordinary if ordinary is not None else extraordinary
    if lang == "en":
        words = english_ordinal_words(number)
        if count is None:
            return [(f"{words} Session", False)]
        kind = "Ordinary" if ordinary is not None else "Extraordinary"
        return [(f"{words} ({count}", False), (ordinal_suffix(count), True), (f" {kind}) Session", False)]
    if lang == "zh":
        text = f"第{chinese_numeral(number)}届会议"
        if count is not None:
            kind = "例会" if ordinary is not None else "特别会议"
            text += f"（第{count}次{kind}）"
        return [(text, False)]
    raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'zh'")


def session_text(
    number: int, lang: str, ordinary: int | None = None, extraordinary: int | None = None
) -> str:
    """Return the session line as plain text (the runs joined, superscript dropped)."""
    return "".join(text for text, _ in session_runs(number, lang, ordinary, extraordinary))
