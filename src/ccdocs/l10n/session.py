"""The cover's session line, as text runs (an ordinal suffix superscript), in the form its language profile gives."""

from __future__ import annotations

from string import Formatter
from .language import Language, as_language
from .numerals import numeral_runs

Run = tuple[str, bool]
HIGHEST = 9999  # the highest session number document.yaml and `ccdocs new` take (a style may write fewer: `highest`)


def _count(value: int | None, name: str) -> int | None:
    """Check an optional ordinary/extraordinary count: None or a positive int."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def session_runs(
    number: int, language: Language | str, ordinary: int | None = None, extraordinary: int | None = None
) -> list[Run]:
    """Return the session line as (text, is_superscript) runs, adjacent runs of one kind joined.

    The profile's `session` forms place the numbers: en 'Eighty-Sixth (57th Ordinary) Session' with 'th'
    superscript, 'Seventy-Second (26th Extraordinary) Session', 'Thirty-Second Session' (no count);
    zh '第八十六届会议（第57次例会）', '第七十二届会议（第26次特别会议）', '第三十二届会议' (one run).
    Both numbers are metadata (design §1): nothing is derived from the other.
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= HIGHEST:
        raise ValueError(f"session number must be a whole number from 1 to {HIGHEST}, got {number!r}")
    ordinary = _count(ordinary, "ordinary")
    extraordinary = _count(extraordinary, "extraordinary")
    if ordinary is not None and extraordinary is not None:
        raise ValueError("a session is ordinary or extraordinary, not both")
    language = as_language(language)
    form = language.session
    count = ordinary if ordinary is not None else extraordinary
    line = form.alone if count is None else form.ordinary if ordinary is not None else form.extraordinary
    values = {"number": numeral_runs(number, form.number, language),
              "count": numeral_runs(count, form.count, language) if count is not None else []}
    runs: list[Run] = []
    for literal, name, _, _ in Formatter().parse(line):
        for run in [(literal, False)] + (values[name] if name is not None else []):
            if not run[0]:
                continue
            if runs and runs[-1][1] == run[1]:
                runs[-1] = (runs[-1][0] + run[0], run[1])
            else:
                runs.append(run)
    return runs


def session_text(
    number: int, language: Language | str, ordinary: int | None = None, extraordinary: int | None = None
) -> str:
    """Return the session line as plain text (the runs joined, superscript dropped)."""
    return "".join(text for text, _ in session_runs(number, language, ordinary, extraordinary))
