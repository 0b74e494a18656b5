"""YAML read with the line and column of every mapping key and value, within bounds an editor never meets.

Every YAML file of a document folder (document.yaml, YAML data files) and the toolkit's themes is read here, and
whatever it holds is refused at its line and column, before anything else sees it, when it is not:

- UTF-8 text (a UTF-16 or UTF-32 file, told by its byte-order mark or its NUL bytes, or a Latin-1 one is named
  as such, at the first byte that is not UTF-8);
- free of the characters a paper refuses (`characters.py`), typed or written as an escape (`"\\x0b"`);
- nested at most `MAX_DEPTH` levels deep (aliases included);
- free of a key written twice in one mapping (YAML would silently keep the last one), also in two of Unicode's
  forms (`café` composed and decomposed: `errors.composed`);
- sparing with aliases: an alias (`*name`) may not stand inside the value it names, and all aliases together
  repeat at most `MAX_REPEATED` values (a "billion laughs" is refused at the alias that goes beyond);
- free of merge keys (`<<: *name`: which copy of a key wins is hidden; YAML 1.2 has none);
- made of texts, numbers, booleans, null, lists and mappings (no `!!binary`, `!!set`, `!!python/...`), whole
  numbers of at most `MAX_DIGITS` digits and finite decimals (no `.nan`, `.inf`, `1.0e999`).

An unquoted value is read as YAML 1.2's core schema, narrowed to what an editor means: null (`~`, `null`,
nothing), `true`/`false` in any case, whole numbers in decimal without a leading zero (`0`, `-12`, `1735`),
decimals (`0.601`, `-1.5`, `.5`, `1.5e3`); everything else is a text as written (`12:30`, `0123`, `0x1F`,
`1_000`, `NO`, `yes`, `on`, `2025-01-01`), never a number or boolean YAML 1.1 would silently make of it.

Reading is linear in the size of the file: positions are recorded while the file is composed, never by walking
the values with their aliases expanded.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

try:
    from yaml.cyaml import CParser  # libyaml's parser, when PyYAML was built with it
except ImportError:
    CParser = None

from ..errors import InputError, composed, problem, written_another_way
from . import decimals
from .bounds import YAML, Bound, read_bounded
from .characters import HINT, first_refused, refused
from .memo import of_file

MAX_DEPTH = 50
MAX_REPEATED = 10_000
MAX_DIGITS = 20  # as in a CSV file (sources/data.py): a figure still prints exactly
BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"))
SAVE_AS_UTF8 = "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"
_MERGE_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
_REFUSED_TAGS = ("binary", "set", "omap", "pairs")


def _same_key(first, second) -> str:
    """Why two keys written differently are one: read as the same value (`2024`, `+2024`), or a yes/no value and
    the number 1 or 0, which a mapping holds as one key."""
    if type(first) is type(second):
        return f"both read as {first!r}"
    return "as a yes/no value (`true`, `false`) and the number 1 or 0 are one"


class _Refused(Exception):
    """A bound of this module crossed at `mark`."""

    def __init__(self, mark, message: str, hint: str | None = None):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


def _position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Loader(yaml.SafeLoader):
    """SafeLoader that records positions, refuses what the module docstring lists, and leaves dates as strings
    (so impossible dates are ours to report)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.positions: dict = {}
        self.found: list[_Refused] = []     # problems after which reading can go on
        self._paths: list = []              # the path of each node being composed, innermost last
        self._measures: dict = {}           # composed node -> (values it holds, aliases expanded; levels)
        self._repeated = 0

    def compose_node(self, parent, index):
        if len(self._paths) >= MAX_DEPTH and not (isinstance(parent, MappingNode) and index is None):
            raise _Refused(self.peek_event().start_mark, f"values are nested more than {MAX_DEPTH} levels deep",
                           "write the structure flatter")
        path = self._path_of(parent, index)
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            node = super().compose_node(parent, index)
            self._repeat(node, mark)
            if path is not None:
                self.positions[path] = _position(mark)
            return node
        self._paths.append(path)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._paths.pop()
        self._measure(node)
        if path is not None:
            self.positions[path] = _position(node.start_mark)
        if isinstance(node, ScalarNode):
            self._check_characters(node)
        elif isinstance(node, MappingNode):
            self._check_keys(node, path)
        return node

    def _path_of(self, parent, index):
        """The keys leading to the node composed as `index` of `parent`; None for a key or inside one."""
        if parent is None:
            return ()
        above = self._paths[-1]
        if above is None or (isinstance(parent, MappingNode) and index is None):
            return None
        return above + ((self._key(index),) if isinstance(parent, MappingNode) else (index,))

    def _key(self, node):
        if isinstance(node, ScalarNode) and node.tag not in _MERGE_KEYS:
            return self.construct_object(node)
        return node.value if isinstance(node, ScalarNode) else ("<key>",) + _position(node.start_mark)

    def _measure(self, node) -> None:
        if isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value if isinstance(node, SequenceNode) else []
        measures = [self._measures[child] for child in children]
        self._measures[node] = (1 + sum(size for size, _ in measures), 1 + max((h for _, h in measures), default=0))

    def _repeat(self, node, mark) -> None:
        """Count the values an alias to `node` repeats; refuse a recursive alias and the one going too far."""
        if node not in self._measures:
            raise _Refused(mark, "this alias stands inside the value it names",
                           "an alias (`*name`) may only repeat a value written before it")
        size, height = self._measures[node]
        if len(self._paths) + height > MAX_DEPTH:
            raise _Refused(mark, f"with this alias, values are nested more than {MAX_DEPTH} levels deep",
                           "write the values out, or use fewer aliases (`*name`)")
        self._repeated += size
        if self._repeated > MAX_REPEATED:
            raise _Refused(mark, f"aliases repeat more than {MAX_REPEATED:,} values in all",
                           "write the values out, or use fewer aliases (`*name`)")

    def _check_characters(self, node) -> None:
        found = first_refused(node.value)
        if found:
            self.found.append(_Refused(node.start_mark, f"this value holds a {found}, written as an escape", HINT))

    def _check_keys(self, node, path) -> None:
        seen: dict = {}
        for key_node, _ in node.value:
            if key_node.tag in _MERGE_KEYS:
                self.found.append(_Refused(key_node.start_mark, "a merge key (`<<`) hides which copy of a value wins "
                                           "(YAML 1.2 has no merge keys)", "write the keys out"))
                continue
            if not isinstance(key_node, ScalarNode):
                continue
            key = self.construct_object(key_node)
            form = composed(key) if isinstance(key, str) else key  # `café` composed or decomposed: one name
            if form in seen:
                earlier, read = seen[form]
                first = earlier.start_mark.line + 1
                self.found.append(_Refused(key_node.start_mark, f"`{key_node.value}` is written twice in this "
                                           f"mapping, on line {first} and here (YAML would keep only the last)"
                                           if earlier.value == key_node.value else
                                           f"this key {written_another_way(key, read, first)}"
                                           if isinstance(key, str) and isinstance(read, str) and key != read else
                                           f"`{key_node.value}` is written twice in this mapping: `{earlier.value}` "
                                           f"on line {first} is the same key, {_same_key(read, key)} (only the last "
                                           "would be kept)", "keep one of them"))
                continue
            seen[form] = key_node, key
            if path is not None:
                self.positions[path + (key, "<key>")] = _position(key_node.start_mark)

    def construct_yaml_int(self, node):
        if len(node.value.lstrip("+-").replace("_", "")) > MAX_DIGITS:
            raise _Refused(node.start_mark, f"a whole number of more than {MAX_DIGITS} digits",
                           "write it in quotes if it is a code, not a figure")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        refused = decimals.unkept(node.value, value, "a YAML decimal")
        if refused:
            raise _Refused(node.start_mark, *refused)
        return value

    def construct_grouped(self, node):
        raise _Refused(node.start_mark, *grouped(node.value, "YAML"))

    def construct_refused_tag(self, node):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(node.start_mark, f"the YAML tag `{tag}` has no use in a document folder",
                       "write texts, numbers, lists and mappings, without a `!!` tag")


# A number written with a group separator (`1,735`, `-12,000.5`): neither YAML nor CSV reads it as a number, so a
# figure could not format it, a table could not add it and a text of it would print `1,735` in every language.
GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
GROUPED_TAG = "tag:ccdocs:grouped-number"  # a plain scalar so written, refused at its place (`construct_grouped`)
DECIMAL_COMMA = re.compile(r"[-+]?[0-9]{1,3},[0-9]{3}")  # `1,500`: 1500 grouped, or 1.5 from a decimal-comma export


def grouped(value: str, reader: str, use: str = "no figure formats") -> tuple[str, str]:
    """(message, hint) refusing `value`, a number written with a group separator in a file `reader` reads, where a
    number is expected (`use`: what needs it). One comma and three digits may be a decimal comma: both readings told.

    >>> grouped("1,735", "YAML")[0]
    '`1,735` is not a number: its group separator `,` makes YAML read it as a text, which no figure formats'
    >>> grouped("12,000,000", "CSV", "the table `t` cannot add")[1]
    'write the digits alone, `12000000`: the paper groups them as each language writes numbers'
    >>> grouped("1,500", "CSV")[1].split("; ")[1]
    'if the file was exported with a decimal comma, `1,500` is 1.500: write `1.500`'
    """
    hint = f"write the digits alone, `{value.replace(',', '')}`: the paper groups them as each language writes numbers"
    if DECIMAL_COMMA.fullmatch(value):
        hint += (f"; if the file was exported with a decimal comma, `{value}` is {value.replace(',', '.')}: "
                 f"write `{value.replace(',', '.')}`")
    return (f"`{value}` is not a number: its group separator `,` makes {reader} read it as a text, which {use}",
            hint + ("; quote it if it is a text" if reader == "YAML" else ""))


# A plain (unquoted) scalar is read as YAML 1.2's core schema, narrowed to what an editor means by it; everything else
# is a text: `12:30`, `0123`, `0x1F`, `1_000`, `2e5`, `NO`, `yes`, `on` and dates (kept as texts, ours to check)
# are not the numbers, booleans or timestamps YAML 1.1 would silently make of them. `<<` is still recognised, so
# that a merge key can be refused (`_check_keys`). A decimal stays a float: `1.10` is the number 1.1; one whose digits
# a float does not keep (`12345678901234567.5`, more than 15 significant digits) is refused, never printed changed.
_PLAIN = (
    ("tag:yaml.org,2002:null", r"~|(?i:null)|", "~nN"),
    ("tag:yaml.org,2002:bool", r"(?i:true|false)", "tTfF"),
    ("tag:yaml.org,2002:int", r"[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"[-+]?(?:(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?|\.(?i:inf|nan))",
     "-+.0123456789"),
    ("tag:yaml.org,2002:merge", r"<<", "<"),
    (GROUPED_TAG, GROUPED.pattern, "-+0123456789"),
)
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _firsts in _PLAIN:
    _Loader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_pattern})$"), list(_firsts) + ([""] if _tag.endswith(
        "null") else []))
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor(GROUPED_TAG, _Loader.construct_grouped)
for _tag in _REFUSED_TAGS:
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _Loader.construct_refused_tag)
_Loader.add_constructor(None, _Loader.construct_refused_tag)


class _FastLoader(_Loader):
    """_Loader reading the events of libyaml's parser (PyYAML's C extension, several times faster than its Python
    parser): the nodes and their marks are the same, composed and checked by _Loader. A file it does not read
    cleanly is read again by _Loader, so that every refusal is told as _Loader tells it."""

    def __init__(self, text: str):
        super().__init__(text)
        self._events = CParser(text)

    def check_event(self, *choices):
        return self._events.check_event(*choices)

    def peek_event(self):
        return self._events.peek_event()

    def get_event(self):
        return self._events.get_event()

    def dispose(self):
        self._events.dispose()


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and where each value stands in it."""

    path: Path
    data: object
    positions: dict

    def where(self, *keys) -> tuple[int, int]:
        """1-based line and column of the value at `keys`, or of its nearest located parent.

        `keys + ("<key>",)` locates a mapping key itself; a value reached through an alias is located at the
        alias."""
        keys = tuple(keys)
        while keys not in self.positions and keys:
            keys = keys[:-1]
        return self.positions.get(keys, (1, 1))

    def problem(self, keys: tuple, message: str, hint: str | None = None):
        """A Problem located at the value under `keys`."""
        line, col = self.where(*keys)
        return problem(self.path, line, message, hint, col)


def shown(value: object, most: int = 60) -> str:
    """`value` as a message quotes it: as YAML writes it (`true`, `2026-05-21`, `[1, 2]`, a text quoted), an
    empty value (None) as such; cut to `most` characters.

    >>> shown([1, True, None]), shown(None), shown(False), shown("x" * 100, 10)
    ('[1, true, null]', 'an empty value', 'false', "'xxxxxxxx…")
    """
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        text = repr(value)
    else:
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=math.inf).strip()
        text = text.removesuffix("...").strip()
    return text if len(text) <= most else text[: most - 1] + "…"


def decode(path: Path, data: bytes) -> str:
    """The UTF-8 text of `data` (a UTF-8 byte-order mark dropped); InputError naming any other encoding and the
    line of the first byte that is not UTF-8."""
    for bom, name in BOMS:
        if data.startswith(bom):
            raise InputError([problem(path, 1, f"the file is {name} text, not UTF-8", SAVE_AS_UTF8, 1)])
    at = data.find(b"\x00")
    if at < 0:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            at = exc.start
            message = f"the file is not UTF-8 text: byte 0x{data[at]:02X} ({exc.reason}; Latin-1, Windows-1252?)"
    else:
        message = "the file holds NUL bytes: it looks like UTF-16 text, not UTF-8"
    start = data.rfind(b"\n", 0, at) + 1
    col = len(data[start:at].decode("utf-8", "replace")) + 1
    raise InputError([problem(path, data.count(b"\n", 0, at) + 1, message, SAVE_AS_UTF8, col)])


def read_text(path: Path, bound: Bound = YAML) -> str:
    """The text of the file at `path`, refused like a YAML file's when it is not UTF-8 or holds a character a
    document cannot hold (each at its line), when it is larger than `bound` allows (a YAML file's: `bounds.YAML`),
    or when the file system cannot read it (no permission, an I/O error)."""
    try:
        data = read_bounded(path, bound)
    except OSError as exc:
        raise InputError([problem(path, None, f"the file cannot be read: {exc.strerror or exc}",
                                  "check that the file can be opened (its permissions, the disk)")]) from None
    return checked(path, decode(path, data))


def checked(path: Path, text: str) -> str:
    """`text` (read from `path`); InputError at the line of each character a document cannot hold."""
    typed = [problem(path, line, f"a {what} here", HINT, col) for line, col, what in refused(text)]
    if typed:
        raise InputError(typed)
    return text


@of_file
def read_yaml(path: Path, text: str | None = None) -> YamlFile:
    """Parse `path` (or `text` as if read from it); InputError at the line of a syntax error or of anything the
    module docstring lists.

    What a text parses to is kept in the per-user cache (`i18n.cached.kept`, named by the path, the text, PyYAML's
    version, whether libyaml parses it, and the code's digest): this module's loader composes in Python, checking each node (its depth, aliases, characters,
    keys), some 3-6 ms a profile or theme of the toolkit, which every build's folder worker and parent read again.
    A text that is refused is parsed, and told, every time."""
    from ..i18n import cached

    text = read_text(path) if text is None else checked(path, text)
    return cached.kept("yaml", (str(path), text, yaml.__version__, CParser is not None), lambda: _parsed(path, text),
                       cached.code())


def _parsed(path: Path, text: str) -> YamlFile:
    """The YamlFile of `text` read from `path` (see `read_yaml`)."""
    if CParser is not None:
        try:
            return _read(path, _FastLoader(text))
        except (InputError, yaml.YAMLError):
            pass  # read again below, to be refused as the Python parser refuses it
    return _read(path, _Loader(text))


def _read(path: Path, loader: _Loader) -> YamlFile:
    """The YamlFile `loader` reads from `path`; InputError as `read_yaml` tells it."""
    try:
        node = loader.get_single_node()
        if loader.found:
            raise InputError([_located(path, found) for found in loader.found])
        data = loader.construct_document(node) if node is not None else None
    except _Refused as exc:
        raise InputError([_located(path, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        message = f"this is not valid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != mark.line:
            message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise InputError([problem(path, line, message, "check the indentation and quotes on this line", col)])
    finally:
        loader.dispose()
    return YamlFile(path, data, loader.positions)


def _located(path: Path, refusal: _Refused):
    line, col = _position(refusal.mark)
    return problem(path, line, refusal.message, refusal.hint, col)
