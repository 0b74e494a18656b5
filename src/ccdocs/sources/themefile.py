"""A theme file, read and checked against the toolkit's default theme before any writer uses it.

A theme may come from a document folder or a user's templates folder (ccdocs.resources), so it is input like
document.yaml: read within the bounds of `yamlfile`, and every value it gives must be of the kind the default
theme has at the same place (a length such as `2.5cm`, a number, a colour `RRGGBB`, a text, a yes/no, a list of
texts), at a key the default theme has; what it leaves out is the default's. Only the toolkit's own themes may
name font files (`pdf_fonts.files`): a document's theme naming files on the machine is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, did_you_mean
from .yamlfile import YamlFile, read_yaml, shown

LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|cm|mm|in)\s*")
COLOUR = re.compile(r"[0-9A-Fa-f]{6}")
OPEN = ("pdf_fonts.stand_ins", "docx.headings")  # mappings whose keys are the theme's own (families, levels)
CHOICES = {"page.size": ("A4",)}
FILES = "pdf_fonts.files"
HIGHEST = 1000  # points, or a plain number (a size, a ratio): anything larger is a typing slip


def read_theme(path: Path, default: dict, own: bool) -> dict:
    """The values of the theme at `path` over `default` (the toolkit's default theme); InputError at the line of
    every value of the wrong kind or at an unknown key. `own`: the theme is the toolkit's (it may name fonts)."""
    yf = read_yaml(path)
    problems: list = []
    if yf.data is None:
        return default
    _check(yf, yf.data, default, (), problems, own)
    if problems:
        raise InputError(problems)
    return _merged(default, yf.data)


def _merged(default, value):
    if isinstance(default, dict) and isinstance(value, dict):
        return {**default, **{key: _merged(default.get(key), item) for key, item in value.items()}}
    return value


def _check(yf: YamlFile, value, default, keys: tuple, problems: list, own: bool) -> None:
    dotted = ".".join(map(str, keys))
    if dotted == FILES and value and not own:
        problems.append(yf.problem(keys, "a document's theme may not name font files",
                                   "install the fonts, or name them with CCDOCS_FONT_<ROLE>"))
        return
    if isinstance(default, dict):
        if not isinstance(value, dict):
            problems.append(yf.problem(keys, f"`{dotted or 'the theme'}` must be a mapping, got {shown(value)}"))
            return
        for key, item in value.items():
            if key in default:
                _check(yf, item, default[key], keys + (key,), problems, own)
            elif dotted in OPEN:
                _check(yf, item, next(iter(default.values()), None), keys + (key,), problems, own)
            else:
                problems.append(yf.problem(keys + (key, "<key>"), f"unknown theme key `{dotted + '.' if dotted else ''}"
                                           f"{key}`", did_you_mean(str(key), default)))
        return
    wanted = _unfit(value, default, dotted)
    if wanted:
        problems.append(yf.problem(keys, f"`{dotted}` must be {wanted}, got {shown(value)}"))


def _unfit(value, default, dotted: str) -> str | None:
    """What `value` should be, where the default theme has `default`; None when it fits."""
    number = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= HIGHEST
    if dotted in CHOICES:
        return None if value in CHOICES[dotted] else "one of " + ", ".join(CHOICES[dotted])
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "yes or no (true or false)"
    if isinstance(default, int | float):
        return None if number else f"a number from 0 to {HIGHEST}"
    if isinstance(default, list):
        return None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "a list of texts"
    if isinstance(default, str) and LENGTH.fullmatch(default):
        match = LENGTH.fullmatch(value) if isinstance(value, str) else None
        fits = number or match is not None and abs(float(match.group(1))) <= HIGHEST
        return None if fits else f"a length such as 2.5cm, 12pt or 10mm (at most {HIGHEST})"
    if isinstance(default, str) and COLOUR.fullmatch(default):
        return None if isinstance(value, str) and COLOUR.fullmatch(value) else "a colour written RRGGBB (D9D9D9)"
    return None if isinstance(value, str) and value.strip() else "a text"
