"""`ccdocs next`: next year's report from this year's folder, as the secretariat starts it every spring.

What changes, in document.yaml where each value stands (comments and layout kept), each line marked:

- the session numbers (`--session`, `--ordinary`; otherwise the next numbers, proposed: an extraordinary session
  may fall in between, so ccdocs cannot know them), the symbol (`--symbol`, otherwise the old one with its
  session segment renumbered), the session's days and the document's date (the options, otherwise a year on:
  ccdocs cannot know the session's calendar);
- the reporting period: every date under a key naming a `period` and every year under a key `year` or `*_year`,
  in `variables:` and in the YAML data files, a year on; every other date of `variables:` is kept, marked to
  confirm;
- a transmittal's attached document (`folder:` of a `type: document` part) is kept, marked to confirm: next year's
  paper carries next year's report.

What is copied: every file of the folder a build reads (`inputs.read_files`: the content and data files
document.yaml names, the images the content shows, the glossaries `locales/<lang>/glossary.csv`), its own
`templates/`, and the content catalogs (`locales/<lang>/LC_MESSAGES/content.po`), so that every paragraph left
unchanged keeps its translation; with
`--memory`, the entries a catalog leaves untranslated are filled from earlier documents as `i18n update --memory`
fills them (`i18n.memory.fill`: the same English as it is, a close one as fuzzy). What is not: `expected/` (the
old outputs' snapshots) and anything else document.yaml does not name. An input that is no regular file inside the
folder (a link leading out, a FIFO) is never copied: refused, as the old folder's check refuses it, for a language
the paper is built in; noted for a language begun early.

The notes returned tell the editor what was set or proposed and list every symbol, year, date and figure typed in
the prose (not bound to the data), with its file, line and column: what may be stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import MAXYEAR, date, datetime
from pathlib import Path

from ..errors import InputError, Problem, UsageError, display_path, problem
from ..i18n.catalogs import DOMAIN, read_catalog
from ..i18n.extract import po_bytes
from ..i18n.memory import fill, read_memory
from ..inputs import read_files
from ..pipeline import read_sources, resolve
from ..sources.spec import named_source, not_a_file_inside, symbol_body
from ..sources.within import place_inside
from ..sources.yamlfile import read_yaml
from ..tables.texts import translatable_texts
from . import literals, marks
from .folder import check_target, make_folder
from .new import as_typed, check_symbol, option_day, refused_options
from .yamledit import Edit, apply

CONFIRM = "TO CONFIRM"
YEAR_KEY = re.compile(r"(?:.*_)?year(?:_.*)?")
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
STALE = "not bound to the data: still right?"
COVER_TEXTS = ("title", "author", "venue")  # document.yaml's texts of the cover, one or one a language


@dataclass(frozen=True)
class Options:
    """What `ccdocs next` was told; None where it was not."""

    symbol: str | None = None
    session: int | None = None
    ordinary: int | None = None
    first_day: str | None = None
    last_day: str | None = None
    date: str | None = None
    memory: tuple = ()  # paths of earlier catalogs, folders or XLIFF files (`i18n.memory.read_memory`)


def a_year_on(day: date, yaml=None, keys: tuple = (), problems: list | None = None) -> date:
    """The same day a year later (February 29 becomes February 28). A day of the year 9999, which `check` accepts
    and which has no year after it in Python's calendar, is a problem at the value at `keys` of `yaml` (the YamlFile
    it was read from), added to `problems`, and the day itself is given back (the command refuses the folder once
    every date is looked at: `next_folder`)."""
    if day.year >= MAXYEAR:
        line, col = yaml.where(*keys)
        problems.append(problem(yaml.path, line, f"`{day.isoformat()}` has no next year: ccdocs's calendar ends in "
                                f"{MAXYEAR}, and ccdocs next moves this date a year on",
                                "correct the date (the year as typed?), then run ccdocs next again", col))
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _set(keys, old, new, option: str | None, what: str) -> Edit:
    """An edit of the value at `keys`: set from `option` when given, else proposed and marked to confirm."""
    if option is not None:
        return Edit(keys, str(old), str(new), f"from {option} (was {old})", as_typed(option, new))
    return Edit(keys, str(old), str(new), f"{CONFIRM} (was {old}): {what}",
                f"`{'.'.join(map(str, keys))}: {new}`, proposed by ccdocs next ({what})")


def spec_edits(spec, o: Options, problems: list) -> list[Edit]:
    """The edits of document.yaml: symbol, session numbers, session days, document date, reporting period; a date
    that has no next year added to `problems` (`a_year_on`)."""
    raw = spec.yaml.data
    session = raw.get("session") or {}
    number = o.session or spec.session_number + 1
    edits = [_set(("session", "number"), spec.session_number, number, "--session" if o.session else None,
                  "the next number; an extraordinary session may come between (--session)")]
    if "ordinary" in session:
        edits.append(_set(("session", "ordinary"), session["ordinary"], o.ordinary or session["ordinary"] + 1,
                          "--ordinary" if o.ordinary else None, "the next ordinary session (--ordinary)"))
    elif o.ordinary:
        raise UsageError(f"{display_path(spec.yaml.path)} has no `session.ordinary` to set; write it by hand")
    elif "extraordinary" in session:
        edits.append(Edit(("session", "extraordinary"), str(session["extraordinary"]), str(session["extraordinary"]),
                          f"{CONFIRM}: the new session's kind and number (ccdocs cannot know them)"))
    if o.symbol is not None:
        check_symbol(o.symbol)
        named = symbol_body(o.symbol)
        if named and named != spec.body:  # the old folder's `body:` is right: the option is not
            raise UsageError(f"{as_typed('--symbol', o.symbol)}: the symbol is a paper of the {named}, not of the "
                             f"{spec.body} as {spec.symbol} (give a symbol of the same body; a paper of another "
                             "body starts with ccdocs new)")
    segments = spec.symbol.split("/")
    renumbered = "/".join(str(number) if s == str(spec.session_number) else s for s in segments)
    edits.append(_set(("symbol",), raw["symbol"], o.symbol or renumbered, "--symbol" if o.symbol else None,
                      "the old symbol, its session renumbered (--symbol)"))
    days = {"first_day": (o.first_day, "--first-day"), "last_day": (o.last_day, "--last-day"),
            "date": (o.date, "--date")}
    chosen = {key: option_day(given, option) if given is not None
              else a_year_on(getattr(spec, key), spec.yaml, (key,), problems) for key, (given, option) in days.items()}
    if not problems:  # (a date left unmoved would be told out of order)
        _in_order(chosen["first_day"], chosen["last_day"], o)
    for key, (given, option) in days.items():
        edits.append(_set((key,), str(raw[key]), chosen[key].isoformat(), option if given is not None else None,
                          "a year on (--date)" if key == "date" else "a year on; ccdocs cannot know the session's "
                          "days (--first-day, --last-day)"))
    edits += period_edits(raw.get("variables") or {}, ("variables",), spec.yaml, problems, dates=True)
    for index, part in enumerate(raw.get("parts") or ()):  # last year's attached report: this year's is another
        if isinstance(part, dict) and part.get("type") == "document" and isinstance(part.get("folder"), str):
            edits.append(Edit(("parts", index, "folder"), part["folder"], part["folder"],
                              f"{CONFIRM}: the attached document is last year's; name this year's folder"))
    return edits


def _in_order(first: date, last: date, o: Options) -> None:
    """UsageError, naming the options, when the session's first day falls after its last."""
    if first <= last:
        return
    if o.first_day is not None and o.last_day is not None:
        raise UsageError(f"--first-day {first} is after --last-day {last}; give the session's days in order")
    if o.first_day is not None:
        raise UsageError(f"--first-day {first} is after the last day proposed a year on ({last}); give --last-day "
                         "too")
    raise UsageError(f"--last-day {last} is before the first day proposed a year on ({first}); give --first-day too")


def period_edits(value, keys: tuple, yaml, problems: list, dates: bool = False) -> list[Edit]:
    """A year on for every date under a key naming a `period` (at any depth: `period: {start: …}`) and every year
    under `year`, `*_year`, `year_*`; with `dates` (document.yaml's `variables:`), every other date (a YAML date or
    an ISO text, as `date` reads it) kept and marked to confirm: ccdocs cannot know next year's. `value` is at
    `keys` of `yaml`, the YamlFile it was read from (where a date that has no next year is told: `problems`)."""
    if isinstance(value, dict):
        return [edit for key, item in value.items()
                for edit in period_edits(item, keys + (key,), yaml, problems, dates)]
    if isinstance(value, list):
        return [edit for index, item in enumerate(value)
                for edit in period_edits(item, keys + (index,), yaml, problems, dates)]
    key = keys[-1] if keys and isinstance(keys[-1], str) else ""
    if isinstance(value, str | date) and not isinstance(value, datetime) and ISO_DAY.fullmatch(str(value)):
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return []
        if any("period" in key.lower() for key in keys if isinstance(key, str)):
            return [_set(keys, value, a_year_on(day, yaml, keys, problems).isoformat(), None,
                         "the reporting period, a year on")]
        return [Edit(keys, str(value), str(value), f"{CONFIRM}: a date of last year's paper, kept as it was "
                                                   "(ccdocs cannot know next year's)")] if dates else []
    if YEAR_KEY.fullmatch(key.lower()) and isinstance(value, int) and not isinstance(value, bool) \
            and 1900 <= value <= 2199:
        return [_set(keys, value, value + 1, None, "the reporting year, a year on")]
    return []


def _catalogs(folder: Path) -> list[Path]:
    """The content catalogs of `folder`; InputError at one reached through a link leading out of it."""
    return [path for path in sorted((folder / "locales").glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
            if place_inside(folder, path, f"the {path.parent.parent.name} catalog")]


def buildable(folder: Path) -> None:
    """InputError unless `folder` resolves in its original language (the translations are the editor's next step)."""
    sources = read_sources(folder)
    resolve(sources, sources.spec.source)


def next_folder(old: Path, new: Path, o: Options, check=buildable) -> list[Problem]:
    """Write next year's folder `new` from `old`; the notes for the editor (severity `note`), in file order.

    `check(folder)` may refuse the new folder before it is put in place (nothing written): a UsageError when a value
    the command line gave or left to ccdocs next is refused (told as `new` tells it), else an InputError at the old
    folder's line.
    """
    check_target(new)
    _apart(old, new)
    with named_source(old):   # a source the command line names: a hard link in it is read (`new` is checked as any)
        return _made(old, new, o, check)


def _made(old: Path, new: Path, o: Options, check) -> list[Problem]:
    """`next_folder`'s work, `old` and `new` found apart."""
    sources = read_sources(old)
    spec = sources.spec
    root = old.resolve()
    rel = {}  # file in old -> its path relative to the folder
    for path in [p for part in spec.parts for p in part.files] + list(spec.data.values()):
        rel[path] = path.resolve().relative_to(root).as_posix()
    languages = {*spec.languages, *(p.name for p in (old / "locales").glob("*") if p.is_dir())}  # begun early
    uncopied = _unreadable_inputs(old, sources, spec.languages, languages)
    read = sorted(p for p in read_files(sources, languages) if p.is_file() and p.resolve().is_relative_to(root))
    for path in read + _catalogs(old) + sorted(p for p in (old / "templates").rglob("*") if p.is_file()):
        if path.resolve().is_relative_to(root) and path not in rel:
            rel[path] = path.relative_to(old).as_posix()
    files = {name: path.read_bytes() for path, name in rel.items()}
    filled = _from_memory(old, files, o.memory, spec.languages)
    unmoved: list[Problem] = []  # the dates that have no next year, every one told at once
    edits = {"document.yaml": (spec.yaml, spec_edits(spec, o, unmoved))}
    for path in spec.data.values():
        if path.suffix.lower() in (".yaml", ".yml"):
            yf = read_yaml(path)
            edits[rel[path]] = (yf, period_edits(yf.data, (), yf, unmoved))
    if unmoved:
        raise InputError(unmoved)
    for name, (yf, changes) in edits.items():  # a value left marked, unconfirmed, is said to be carried
        text = marks.carried(yf.path.read_text(encoding="utf-8-sig"), spec.symbol,
                             {yf.where(*edit.keys)[0] for edit in changes})
        files[name] = apply(yf, text, changes).encode("utf-8")
    symbol = next(e.new for e in edits["document.yaml"][1] if e.keys == ("symbol",))
    text, dropped = _without_suffix(spec.yaml, files["document.yaml"].decode("utf-8"))
    text, shift = marks.headed(text, symbol, "next", f"started from {spec.symbol}")
    files["document.yaml"] = text.encode("utf-8")
    try:
        make_folder(new, files, ("data",) if (old / "data").is_dir() else (), check)
    except InputError as exc:
        told = [_at_input(item, old, new, edits, shift) for item in exc.problems]
        set_here = {edit.source for _, changes in edits.values() for edit in changes if edit.source}
        if any(item.path in set_here for item in told):  # a value the command line gave or left to ccdocs next
            raise UsageError(refused_options([(_where(item), item) for item in told])) from None
        raise InputError(told) from None
    notes = [_note(new / name, yf.where(*e.keys), e) for name, (yf, changes) in edits.items()
             for e in sorted(changes, key=lambda e: yf.where(*e.keys))]
    if dropped:
        notes.insert(0, Problem(display_path(new / "document.yaml"), None, None, f"suffix: {dropped} dropped: "
                                "next year's report is a new document, not a revision of this one", None, "note"))
    notes += [Problem(display_path(new / name), None, None, f"translations: {count}", None, "note")
              for name, count in filled.items()]
    notes += _stale(sources, old, new, rel) + uncopied
    shown = display_path(new / "document.yaml")  # its lines moved by the header
    notes = [replace(n, line=n.line + shift) if n.path == shown and n.line else n for n in notes]
    left = sorted(p.name for p in old.iterdir() if p.name not in {n.split("/")[0] for n in files})
    notes += [Problem(display_path(old / name), None, None, f"not copied: {name}" + (
        " (the old outputs' snapshots: record the new ones after the first build)" if name == "expected" else
        " (document.yaml does not name it)"), None, "note") for name in left]
    return notes


def _unreadable_inputs(old: Path, sources, built, languages) -> list[Problem]:
    """The inputs of the folder `old` a build reads that are no regular file inside it (a link leading out, a FIFO,
    a folder), which next never copies: InputError at the first of a language the paper is built in (`built`), as
    its check refuses it; a note for each of a language begun early (`languages` less `built`: not built, not
    checked), saying it was not copied. The toolkit's own theme and frames, named outside the folder, are not its."""
    def named_inside(path: Path) -> bool:  # as named: an attached document's `../other` is its own folder
        return path.is_relative_to(old) and ".." not in path.relative_to(old).parts

    for path, what in read_files(sources, built).items():
        if named_inside(path):
            place_inside(old, path, what)
    notes = []
    for path, what in read_files(sources, sorted(set(languages) - set(built))).items():
        wrong = not_a_file_inside(old, path) if named_inside(path) else None
        if wrong and (wrong != "missing" or path.is_symlink()):
            wrong = "is a link that leads nowhere" if wrong == "missing" else wrong
            notes.append(Problem(display_path(path), None, None, f"{what} {wrong}: not copied (a language begun "
                                 "early: make it a regular file inside the folder before its first build)", None,
                                 "note"))
    return notes


def _from_memory(old: Path, files: dict, memory: tuple, languages: tuple) -> dict:
    """Fill the untranslated entries of the catalog of each of the document's `languages` in `files` (name ->
    bytes, replaced) from `memory`; how many were filled, by catalog name. The catalog of a language the document
    does not list yet (a translation begun early) is copied as it is."""
    filled = {}
    for path in _catalogs(old) if memory else ():
        name = path.relative_to(old).as_posix()
        lang = path.parent.parent.name
        if lang not in languages:
            continue
        catalog = read_catalog(path, lang)
        filled[name] = fill(catalog, read_memory(memory, lang))
        files[name] = po_bytes(catalog)
    return filled


def _apart(old: Path, new: Path) -> None:
    """UsageError when one folder lies inside the other (the copy would hold itself, or replace its source)."""
    a, b = old.resolve(), new.resolve().parent / new.name
    if a == b or a.is_relative_to(b) or b.is_relative_to(a):
        raise UsageError(f"{new} and {old} lie one inside the other; give a new folder beside the old one")


def _without_suffix(yf, text: str) -> tuple[str, str | None]:
    """document.yaml's text with its top-level `suffix:` line made a comment (the lines keep their numbers), and
    the suffix dropped (None if there was none)."""
    suffix = yf.data.get("suffix") if isinstance(yf.data, dict) else None
    if suffix is None:
        return text, None
    lines = text.splitlines(keepends=True)
    line = yf.where("suffix")[0]
    if not lines[line - 1].startswith("suffix:"):
        raise InputError([yf.problem(("suffix",), "ccdocs next cannot drop this suffix where it stands",
                                     "write it plainly on its own line, e.g. `suffix: Rev.`")])
    body = lines[line - 1].rstrip("\r\n")
    lines[line - 1] = f"# {body}  # dropped by ccdocs next: not a revision{lines[line - 1][len(body):]}"
    return "".join(lines), str(suffix)


def _at_input(item: Problem, old: Path, new: Path, edits: dict, shift: int) -> Problem:
    """A problem the check of the folder `new` found (nothing was written), told at its input: at a value ccdocs
    next set, the option it came from as typed or its proposal (`Edit.source`); at any other line of a file copied
    from `old` (or edited in place: `edits`, name -> (YamlFile, Edits); document.yaml `shift` lines down under its
    header), the same place in `old`."""
    shown = display_path(new)
    if item.line is None or not item.path.startswith(shown + "/"):
        return item
    name = item.path[len(shown) + 1:]
    line = item.line - shift if name == "document.yaml" else item.line
    yf, changes = edits.get(name, (None, ()))
    source = next((edit.source for edit in changes if edit.source and yf.where(*edit.keys)[0] == line), None)
    if source is not None:
        return replace(item, path=source, line=None, col=None)
    return replace(item, path=display_path(old / name), line=line)


def _where(item: Problem) -> str:
    """Where a problem `_at_input` placed is, as a usage error says it: an option or proposal, or a file and line."""
    return f"{item.path}:{item.line}" if item.line else item.path


def _note(path: Path, where: tuple[int, int], edit: Edit) -> Problem:
    return Problem(display_path(path), where[0], where[1], f"{'.'.join(map(str, edit.keys))}: {edit.new}, "
                   f"{edit.note}", None, "note")


def _stale(sources, old: Path, new: Path, rel: dict) -> list[Problem]:
    """Every literal year, date and figure of the prose, located in the new folder."""
    found = []
    for path, text in sources.texts.items():
        found += literals.in_content(new / rel[path], text)
    spec, root = sources.spec, old.resolve()
    texts = []
    for key in COVER_TEXTS:  # each language's, typed in document.yaml: no catalog offers them again
        value = spec.yaml.data.get(key)
        typed = value.items() if isinstance(value, dict) else [(None, value)]
        texts += [(text, str(spec.yaml.path), *spec.yaml.where(*((key, lang) if lang else (key,))))
                  for lang, text in typed if isinstance(text, str)]
    for literal in literals.in_texts(texts + list(translatable_texts(spec, sources.data))):
        try:
            name = literal.path.resolve().relative_to(root).as_posix()
        except ValueError:
            continue
        found.append(literals.Literal(new / name, literal.line, literal.col, literal.kind, literal.text))
    return [Problem(display_path(item.path), item.line, item.col,
                    f"{item.kind} `{item.text}` typed in the text, {STALE}", None, "note") for item in found]
