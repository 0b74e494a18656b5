"""The theme: page, fonts, sizes and spacing as data, read by both writers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, problem
from .l10n.fonts import ROLES, FontError, FontResolver
from .l10n.language import known_languages
from .model import Source
from .resources import THEMES, find, names, package_templates
from .sources.images import TEMPLATES, read_picture
from .sources.themefile import points, read_theme
from .sources.yamlfile import YamlFile, read_yaml, shown


def templates_dir() -> Path:
    """The package's `templates/` folder (the repository's top-level one, installed as `ccdocs.templates`)."""
    return package_templates()


@dataclass(frozen=True)
class Theme:
    """A theme file's values, reached by dotted paths."""

    name: str
    data: dict
    path: Path
    logo: object = None                  # the `cover.logo` image read (sources.images.Picture), or None
    logo_typed: object = None            # where `cover.logo` was typed (model.Source: the theme file's line), or None

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
        try:
            return points(value)
        except ValueError:
            raise InputError([problem(self.path, None, f"`{dotted}` must be a length such as 2.5cm, "
                                                       f"got {shown(value)}")]) from None

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
    # The default theme over itself is itself: its file is parsed once (the values under `{}` are the same).
    data, yf = read_theme(path, {} if path.resolve() == default.resolve() else read_yaml(default).data, own)
    logo = read_logo(data, path, yf, shared=folder is None or not path.is_relative_to(folder / "templates"))
    typed = Source(str(path), yf.where("cover", "logo")[0]) if logo is not None else None
    theme = Theme(name, data, path, logo, typed)
    if not own:
        _check_fonts(theme, yf)
    return theme


def read_logo(data: dict, path: Path, yf: YamlFile, shared: bool):
    """The image `cover.logo` names, relative to the templates folder holding the theme's `themes/` folder and
    inside it (None when the theme names none); InputError at its line when it cannot be printed. `shared`: the
    theme is the user's or the toolkit's, not the document folder's (`images.read_picture`)."""
    raw = (data.get("cover") or {}).get("logo")
    if not raw:
        return None
    read = read_picture(path.parent.parent, str(raw), TEMPLATES, shared)
    if isinstance(read, tuple):
        raise InputError([yf.problem(("cover", "logo"), *read)])
    return read


def _check_fonts(theme: Theme, yf: YamlFile) -> None:
    """InputError at the line of each font a document's theme names (`fonts.<lang>.<role>`, or a family it gives
    stand-ins for) that the font resolver cannot find for a role it serves (nor a stand-in, nor a
    CCDOCS_FONT_<ROLE> file); a font no PDF role uses (the DOCX's heading font) must be found in its regular face."""
    resolver = FontResolver(theme)
    given = yf.data or {}
    named = [(("fonts", lang, role), family) for lang, roles in (given.get("fonts") or {}).items()
             for role, family in roles.items()]
    named += [(("pdf_fonts", "stand_ins", family), family)
              for family in ((given.get("pdf_fonts") or {}).get("stand_ins") or {})]
    problems, languages = [], known_languages()
    for keys, family in named:
        served = [(r, lg) for r in ROLES for lg in languages if resolver.theme_family(r, lg) == family]
        try:
            for r, lg in served:
                resolver.resolve(r, lg)
        except FontError as exc:
            problems.append(yf.problem(keys, exc.problems[0].message, exc.problems[0].hint))
            continue
        stand_ins = theme.get(f"pdf_fonts.stand_ins.{family}.families") or []
        if keys[0] == "fonts" and not served and not any(
                resolver.known(f, "Regular") or resolver.listed_face(f, "Regular") for f in [family, *stand_ins]):
            problems.append(yf.problem(keys, f"the font {family} is not installed, nor any stand-in",
                                       "install it, or name an installed font (`fc-list` lists them)"))
    if problems:
        raise InputError(problems)
