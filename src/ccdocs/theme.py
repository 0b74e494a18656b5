"""The theme: page, fonts, sizes and spacing as data, read by both writers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, problem
from .resources import THEMES, find, names, package_templates
from .sources.themefile import read_theme
from .sources.yamlfile import read_yaml

UNITS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0}
LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|cm|mm|in)\s*$")


def templates_dir() -> Path:
    """The package's `templates/` folder (the repository's top-level one, installed as `ccdocs.templates`)."""
    return package_templates()


@dataclass(frozen=True)
class Theme:
    """A theme file's values, reached by dotted paths."""

    name: str
    data: dict
    path: Path

    def get(self, dotted: str, default=None):
        """The value at `a.b.c`, or `default`."""
        value = self.data
        for key in dotted.split("."):
            if not isinstance(value, dict) or key not in value:
                return default
            value = value[key]
        return value

    def pt(self, dotted: str) -> float:
        """A length at `dotted` in points."""
        value = self.get(dotted)
        if isinstance(value, int | float):
            return float(value)
        match = LENGTH.match(str(value))
        if not match:
            raise InputError([problem(self.path, None, f"`{dotted}` must be a length such as 2.5cm, got {value!r}")])
        return float(match.group(1)) * UNITS[match.group(2)]

    def size(self, lang: str, role: str) -> float:
        """The type size in points of `role` (body, footnote, heading1…) in `lang`."""
        return float(self.get(f"sizes.{lang}.{role}", self.get(f"sizes.en.{role}", 11)))

    def font(self, lang: str, role: str) -> str:
        """The font family a DOCX names for `role` (body, heading, latin) in `lang`."""
        return self.get(f"fonts.{lang}.{role}") or self.get(f"fonts.{lang}.body") or self.get("fonts.en.body")


def load_theme(name: str = "default", folder: Path | None = None) -> Theme:
    """The theme `themes/<name>.yaml` first found along the templates search path of `folder` (ccdocs.resources)."""
    path = find(THEMES, name, ".yaml", folder)
    if path is None:
        where = folder / "document.yaml" if folder is not None else templates_dir() / THEMES
        known = names(THEMES, ".yaml", folder)
        raise InputError([problem(where, None, f"there is no theme `{name}`", "themes: " + ", ".join(known))])
    default = package_templates() / THEMES / "default.yaml"
    own = path.resolve().is_relative_to(package_templates().resolve())
    return Theme(name, read_theme(path, read_yaml(default).data, own), path)
