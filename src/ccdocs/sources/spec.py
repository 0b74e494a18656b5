"""document.yaml: its keys, their checks, and the DocumentSpec they give."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import Collector, InputError, did_you_mean, problem
from .yamlfile import YamlFile, read_yaml

LANGUAGES = ("en", "zh")
BODIES = ("coordination-committee", "program-and-budget-committee", "general-assembly")
KINDS = ("information", "decision")
PART_TYPES = ("cover-note", "report", "annex")
KEYS = {
    "symbol": True, "suffix": False, "body": True, "session": True, "venue": True,
    "first_day": True, "last_day": True, "date": True, "original": True, "languages": True,
    "title": True, "author": False, "kind": True, "theme": False, "parts": True, "data": False,
    "variables": False, "tables": False, "chapter_style": False,
}
TYPE_NAMES = {dict: "a mapping (`key: value` lines)", list: "a list (`[a, b]`)", str: "a text", int: "a whole number",
              date: "a date"}
SYMBOL = re.compile(r"^[A-Z]+(/[A-Z0-9.]+)+$")
SUFFIX = re.compile(r"^(Rev|Corr|Add|Prov)\.(\d+)?$")


@dataclass(frozen=True)
class PartSpec:
    """One part named in document.yaml: its type and content files or template."""

    type: str
    files: tuple[Path, ...] = ()
    template: str | None = None
    index: int = 0


@dataclass(frozen=True)
class DocumentSpec:
    """The checked content of document.yaml."""

    folder: Path
    yaml: YamlFile
    symbol: str
    suffix: str | None
    body: str
    session_number: int
    ordinary: int | None
    extraordinary: int | None
    venue: object
    first_day: date
    last_day: date
    date: date
    original: str
    languages: tuple[str, ...]
    title: object
    author: object
    kind: str
    theme: str
    chapter_style: str | None
    parts: tuple[PartSpec, ...]
    data: dict = field(default_factory=dict)
    variables: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)

    @property
    def full_symbol(self) -> str:
        """The symbol with its suffix, as in headers: `WO/CC/78/INF/1 Rev.`."""
        return f"{self.symbol} {self.suffix}" if self.suffix else self.symbol

    @property
    def slug(self) -> str:
        """WIPO's file name stem: `wo_cc_78_inf_1_rev`."""
        return re.sub(r"[/. ]", "_", self.full_symbol.lower()).rstrip("_")


def inside(folder: Path, raw: str, yf: YamlFile, keys: tuple, out: Collector, kind: str) -> Path | None:
    """The file `raw` named in document.yaml, refused when it leaves `folder` or is missing."""
    if not isinstance(raw, str) or not raw.strip():
        out.extend([yf.problem(keys, f"expected a {kind} file path, got {raw!r}")])
        return None
    candidate = Path(raw)
    if candidate.is_absolute():
        out.extend([yf.problem(keys, f"`{raw}` is an absolute path",
                               "name files relative to the document folder")])
        return None
    full = folder / candidate
    root = folder.resolve()
    try:
        full.resolve().relative_to(root)
    except ValueError:
        out.extend([yf.problem(keys, f"`{raw}` leaves the document folder",
                               "keep content and data inside the folder; links pointing out are refused")])
        return None
    if not full.is_file():
        out.extend([yf.problem(keys, f"{kind} file `{raw}` does not exist",
                               did_you_mean(candidate.name, _siblings(full)))])
        return None
    return full


def _siblings(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []


class _Reader:
    """Reads and checks the keys of document.yaml, gathering every problem."""

    def __init__(self, yf: YamlFile, folder: Path):
        self.yf, self.folder, self.out = yf, folder, Collector()
        self.data = yf.data if isinstance(yf.data, dict) else {}

    def fail(self, keys, message, hint=None):
        self.out.extend([self.yf.problem(tuple(keys), message, hint)])

    def get(self, key, kind, required=True):
        value = self.data.get(key)
        if value is None:
            if required and KEYS.get(key):
                self.fail((), f"`{key}` is missing", f"add `{key}:` to document.yaml")
            return None
        if kind is not None and not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            kinds = kind if isinstance(kind, tuple) else (kind,)
            name = " or ".join(TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.fail((key,), f"`{key}` must be {name}, got {value!r}")
            return None
        return value

    def choice(self, key, choices, default=None):
        value = self.data.get(key, default)
        if value is None:
            return self.get(key, str)
        if value not in choices:
            self.fail((key,), f"unknown {key} `{value}`",
                      did_you_mean(str(value), choices) or "one of: " + ", ".join(choices))
            return None
        return value

    def day(self, key):
        raw = self.get(key, (str, date))
        if raw is None:
            return None
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            self.fail((key,), f"`{raw}` is not a date", "write it as YYYY-MM-DD, a day that exists")
            return None

    def unknown_keys(self):
        if not isinstance(self.yf.data, dict):
            self.fail((), "document.yaml must be a mapping of keys such as `symbol:` and `parts:`")
            return
        for key in self.data:
            if key not in KEYS:
                self.fail((key, "<key>"), f"unknown key `{key}`", did_you_mean(str(key), KEYS))

    def session(self):
        raw = self.get("session", dict)
        if raw is None:
            return None, None, None
        for key in raw:
            if key not in ("number", "ordinary", "extraordinary"):
                self.fail(("session", key, "<key>"), f"unknown key `session.{key}`",
                          did_you_mean(str(key), ("number", "ordinary", "extraordinary")))
        values = []
        for key in ("number", "ordinary", "extraordinary"):
            value = raw.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                self.fail(("session", key), f"`session.{key}` must be a whole number from 1, got {value!r}")
                value = None
            values.append(value)
        if values[0] is None and "number" not in raw:
            self.fail(("session",), "`session.number` is missing")
        if values[1] and values[2]:
            self.fail(("session",), "a session is ordinary or extraordinary, not both")
        return tuple(values)

    def languages(self):
        raw = self.get("languages", list)
        if not raw:
            return ()
        for index, lang in enumerate(raw):
            if lang not in LANGUAGES:
                self.fail(("languages", index), f"unknown language `{lang}`",
                          did_you_mean(str(lang), LANGUAGES) or "ccdocs builds: " + ", ".join(LANGUAGES))
        return tuple(lang for lang in raw if lang in LANGUAGES)

    def texts(self, key, languages, original):
        raw = self.data.get(key)
        if isinstance(raw, str):
            return raw
        if isinstance(raw, dict):
            for lang in raw:
                if lang not in LANGUAGES:
                    self.fail((key, lang, "<key>"), f"unknown language `{lang}` in `{key}`",
                              did_you_mean(str(lang), LANGUAGES))
            if original and original not in raw:
                self.fail((key,), f"`{key}` has no text in the original language `{original}`")
            return raw
        if raw is None and KEYS.get(key):
            self.fail((), f"`{key}` is missing", f"add `{key}:` to document.yaml")
        elif raw is not None:
            self.fail((key,), f"`{key}` must be a text or one text per language (`en:`, `zh:`)")
        return None

    def parts(self):
        raw = self.get("parts", list)
        parts = []
        annexes = 0
        for index, item in enumerate(raw or ()):
            keys = ("parts", index)
            if not isinstance(item, dict):
                self.fail(keys, "each part is a mapping with `type:` and `files:` or `template:`")
                continue
            for key in item:
                if key not in ("type", "files", "template"):
                    self.fail(keys + (key, "<key>"), f"unknown key `{key}` in a part",
                              did_you_mean(str(key), ("type", "files", "template")))
            kind = item.get("type")
            if kind not in PART_TYPES:
                self.fail(keys + ("type",), f"unknown part type `{kind}`",
                          did_you_mean(str(kind), PART_TYPES) or "one of: " + ", ".join(PART_TYPES))
                continue
            files = item.get("files", [])
            if isinstance(files, str):
                files = [files]
            template = item.get("template")
            if not files and not template:
                self.fail(keys, f"the {kind} part names no `files:`", "list its Markdown files")
            paths = [inside(self.folder, f, self.yf, keys + ("files", i), self.out, "content")
                     for i, f in enumerate(files)]
            annexes += kind == "annex"
            parts.append(PartSpec(kind, tuple(p for p in paths if p), template, annexes if kind == "annex" else 0))
        if raw is not None and not any(p.type == "report" for p in parts):
            self.fail(("parts",), "there is no `type: report` part")
        return tuple(parts)

    def data_files(self):
        raw = self.get("data", dict, required=False) or {}
        files = {}
        for name, value in raw.items():
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(name)):
                self.fail(("data", name, "<key>"), f"data name `{name}` is not a valid variable name",
                          "use letters, digits and `_`, starting with a letter")
                continue
            path = inside(self.folder, value, self.yf, ("data", name), self.out, "data")
            if path is not None and path.suffix.lower() not in (".csv", ".yaml", ".yml"):
                self.fail(("data", name), f"data file `{value}` is neither CSV nor YAML")
            elif path is not None:
                files[name] = path
        return files


def read_spec(folder: Path) -> DocumentSpec:
    """Read and check `folder/document.yaml`; every problem is raised together."""
    path = folder / "document.yaml"
    if not path.is_file():
        raise InputError([problem(path, None, "there is no document.yaml here",
                                  "point ccdocs at a document folder")])
    yf = read_yaml(path)
    r = _Reader(yf, folder)
    r.unknown_keys()
    symbol = r.get("symbol", str)
    if symbol and not SYMBOL.match(symbol):
        r.fail(("symbol",), f"`{symbol}` is not a WIPO symbol", "write it like WO/CC/86/INF/1, without suffix")
    suffix = r.get("suffix", str, required=False)
    if suffix and not SUFFIX.match(suffix):
        r.fail(("suffix",), f"unknown suffix `{suffix}`", "one of Rev., Corr., Add., Prov., or numbered: Add.2")
    number, ordinary, extraordinary = r.session()
    first, last, day = r.day("first_day"), r.day("last_day"), r.day("date")
    if first and last and last < first:
        r.fail(("last_day",), f"the last day {last} is before the first day {first}")
    original = r.choice("original", LANGUAGES)
    languages = r.languages()
    spec = DocumentSpec(
        folder=folder, yaml=yf, symbol=symbol, suffix=suffix, body=r.choice("body", BODIES),
        session_number=number, ordinary=ordinary, extraordinary=extraordinary,
        venue=r.texts("venue", languages, None), first_day=first, last_day=last, date=day,
        original=original, languages=languages, title=r.texts("title", languages, original),
        author=r.texts("author", languages, None) or "secretariat", kind=r.choice("kind", KINDS),
        theme=r.get("theme", str, required=False) or "default",
        chapter_style=r.choice("chapter_style", ("chapter", "roman"), default="chapter"),
        parts=r.parts(), data=r.data_files(), variables=r.get("variables", dict, required=False) or {},
        tables=r.get("tables", dict, required=False) or {},
    )
    r.out.raise_if_any()
    return spec
