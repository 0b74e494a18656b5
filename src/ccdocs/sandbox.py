"""The figure sandbox: what a `{{ … }}` expression may be, what it may reach and how large its values may grow.

Content, data and catalogs are untrusted, so a figure is held to three rules, each enforced by a mechanism:

- **Grammar.** An expression is names, numbers and texts, `.name` and `[key]`, `+ - * / // % **`, unary
  `-`/`+`, `~` and filters with arguments (`{{ (a / b) | percent(1) }}`). Anything else (a call, a comparison,
  `if`, `and`, a list or dict literal, `*args`) is refused when the expression is parsed, as is nesting deeper
  than MAX_DEPTH. Nothing calls: the environment's `call` refuses too, should code ever reach it.
- **Reach.** Jinja2's immutable sandbox, whose `getattr`/`getitem` give only the data's own values: `.name` and
  `[key]` of a mapping (a data file, a row, `doc`), `rows` of a table, the `year`/`month`/`day` of a date and
  the items of a list or text. No attribute of any other object, and none starting with `_`, is reached, so no
  method, class, module or file is; and the data are read-only values (`ccdocs.sources.values`).
- **Bounds.** Every operator goes through `call_binop`/`call_unop`, every filter and `~` through a check of its
  operands: a number has at most MAX_DIGITS digits before its point and is finite, an exponent is at most
  MAX_EXPONENT, a text (repeated, joined or given) at most MAX_TEXT characters, decimal places at most
  MAX_PLACES; each is checked before the operation, so nothing large is ever computed. These checks run when
  the figure is evaluated, whatever compiled it (the compiled code is kept in the user's cache).

Each refusal is a `Refused` naming what is wrong, what to do, and the text to point at.
"""

from __future__ import annotations

import math
from inspect import signature
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError, nodes, pass_context
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from .l10n.formats import FILTERS, Centimes, Formats, beyond_centimes, to_decimal
from .sources import decimals
from .sources.values import GroupedText, NumberText, Table

MAX_DIGITS = 40  # digits of a number before its point
MAX_EXPONENT = 100  # of `**`
MAX_TEXT = 5_000  # characters of a figure's text, and of any text it is made from
MAX_PLACES = 12  # decimal places a filter is asked for
MAX_DEPTH = 32  # operations, parentheses, names and filters nested in one expression
LIMIT = 10 ** MAX_DIGITS
FORMATS = "ccdocs formats"  # the render context's key of the language's Formats: no template can name it
ORIGINS = "ccdocs origins"  # the render context's key of the data's `values.Origins` (or None): no template names it
JOIN = "ccdocs join"  # the filter `~` is compiled to: no template can name it
DATE_PARTS = ("year", "month", "day")
REACH_HINT = "a figure may only read the data and apply the ccdocs filters: `{{ (a.x / a.y) | percent(1) }}`"
BOUNDS_HINT = (f"a figure is a number of at most {MAX_DIGITS} digits or a text of at most {MAX_TEXT:,} characters, "
               f"computed with exponents up to {MAX_EXPONENT}")


# A figure naming one value (`{{ applicants.africa.region }}`): what `ccdocs i18n update` offers a translator when it
# prints a text of the data (`tables.texts.NAMING`)
DOTTED = r"[^\W\d]\w*(?:\.\w+)*"


class Untranslated(str):
    """A text of the data with no translation into the language being built (`tables.texts.translated_values`,
    outside a draft). A figure printing it by another shape than one name (`{{ a["b"] }}`, `{{ (a.b) }}`,
    `{{ a.b ~ "" }}`), which no catalog offers, is Refused (`text`): it would print untranslated without a word."""


def untranslated(value: str) -> Refused:
    """Why a figure may not print the untranslated data text `value`."""
    return Refused(f"this figure prints {value[:80]!r}, a text of the data that has no translation in this "
                   "language: the paper would print it untranslated",
                   "name the value alone, as `{{ name.key }}`, so that `ccdocs i18n update` offers the text to "
                   "the translator")


class Refused(Exception):
    """A figure that may not be evaluated: `message`, `hint` (what to do), `needle` (the text to point at)."""

    def __init__(self, message: str, hint: str, needle: str | None = None):
        super().__init__(message)
        self.message, self.hint, self.needle = message, hint, needle


class GroupedUse(Refused):
    """A figure formatting (`how`: "format") or computing with a CSV cell written as a grouped number, `cell`: told
    at the cell (`templating`), where the number is to be written, naming the figure."""

    def __init__(self, cell: GroupedText, how: str):
        super().__init__(f"`{cell}` is not a number", "", None)
        self.cell, self.how = cell, how


class NotANumber(Refused):
    """A figure formatting or computing with a CSV cell of a column of figures that is not a number (`cell`, a
    `values.NumberText`): told at the cell (`templating`), as the table printing it tells it, once."""

    def __init__(self, cell: NumberText):
        super().__init__(f"`{cell}` is not a number", "", None)
        self.cell = cell


def _cell_number(value, how: str) -> None:
    """Refused when `value`, an operand or a filter's value, is a CSV cell written as a grouped number or another
    text of a column of figures, which the figure would `how` ("format", "compute with"): told at the cell."""
    if isinstance(value, GroupedText):
        raise GroupedUse(value, how)
    if isinstance(value, NumberText):
        raise NotANumber(value)


class Unformatted(Refused):
    """A filter (`name`) refusing `value`, a text (`'1,735'` quoted in YAML, a date `01.01.2025`): told at the text's
    own place in the YAML when the render knows it (`templating`), else at the figure."""

    def __init__(self, value: str, name: str, reason: str):
        if value.strip():
            super().__init__(f"cannot format this figure: {reason}", "check the value in the data file and the filter")
        else:  # `not a number: ''` said nothing of where the figure was lost
            super().__init__("cannot format this figure: its value is empty (an empty cell of a CSV file, or an empty "
                             "text)", "write the figure in the data file (0 if it is zero)")
        self.value, self.name = value, name


def not_allowed(what: str, needle: str | None = None) -> Refused:
    """The refusal of something a figure may not do or reach."""
    return Refused(f"not allowed in a document: {what}", REACH_HINT, needle)


def out_of_bounds(what: str, needle: str | None = None) -> Refused:
    """The refusal of a value beyond a bound."""
    return Refused(f"figure out of bounds: {what}", BOUNDS_HINT, needle)


def too_deep() -> Refused:
    """The refusal of an expression nested beyond MAX_DEPTH (or beyond what the parser can follow)."""
    return out_of_bounds(f"the expression is nested more than {MAX_DEPTH} levels deep")


def _every_use_fails(cls):
    """Route each operation that StrictUndefined refuses through `cls`'s own message."""
    for name, value in {**vars(Undefined), **vars(StrictUndefined)}.items():
        if value is Undefined._fail_with_undefined_error and name.startswith("__"):
            setattr(cls, name, cls._fail_with_undefined_error)
    return cls


class Unknown(UndefinedError):
    """A figure naming a key its data lacks: the message names the `key`; `choices` are the keys the data holds
    there, for the reader of the figures to hint the nearest of (`errors.Hints`: the first few of a file, not each,
    as each hint compares the key with every choice)."""

    def __init__(self, key: str, choices):
        super().__init__(f"`{key}` is not in the data")
        self.key, self.choices = key, choices


@_every_use_fails
class _Undefined(StrictUndefined):
    """StrictUndefined whose failure names the missing key (`Unknown`)."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args, **kwargs):
        name = self._undefined_name
        parent = self._undefined_obj
        if name is None:
            raise UndefinedError(str(self._undefined_hint or "a value is undefined"))
        raise Unknown(str(name), parent.keys() if isinstance(parent, Mapping) else ())


# --- grammar ---------------------------------------------------------------------------------------------------

ALLOWED = (nodes.Name, nodes.Const, nodes.Getattr, nodes.Getitem, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div,
           nodes.FloorDiv, nodes.Mod, nodes.Pow, nodes.Neg, nodes.Pos, nodes.Concat, nodes.Filter, nodes.Keyword)
REFUSED_NODES = {nodes.Call: "a call", nodes.Compare: "a comparison", nodes.CondExpr: "`if … else`",
                 nodes.And: "`and`", nodes.Or: "`or`", nodes.Not: "`not`", nodes.Test: "a test (`is …`)",
                 nodes.List: "a list", nodes.Tuple: "a tuple", nodes.Dict: "a dict", nodes.Slice: "a slice"}


# The keywords of what REFUSED_NODES names: an expression that does not parse and holds one (`{{ a if }}`,
# `{{ a if b else }}`, `{{ a and }}`) is told as that construct is when it parses (`{{ a if b }}`), not as Jinja2's
# parser words it.
KEYWORDS = {"if": nodes.CondExpr, "else": nodes.CondExpr, "and": nodes.And, "or": nodes.Or, "not": nodes.Not,
            "is": nodes.Test, "in": nodes.Compare}


CLOSERS = {"(": ")", "[": "]", "{": "}"}
CLOSED_HINTS = {"(": "close it: `{{ (a.x / a.y) | percent(1) }}`", "[": "close it: `{{ table[\"row\"].column }}`",
                "{": "a figure holds no `{ … }`: `{{ name | filter }}`"}


def _tokens(env: ImmutableSandboxedEnvironment, source: str) -> list[tuple[str, str]]:
    """(token, value) of `source` (a figure) as Jinja2's lexer splits it, whitespace left out; [] when it cannot."""
    try:
        return [(token, value) for _, token, value in env.lexer.tokeniter(source, None, state="variable")
                if token != "whitespace"]
    except TemplateSyntaxError:
        return []


def _refused_keyword(tokens: list[tuple[str, str]]) -> Refused | None:
    """The refusal of the first construct of REFUSED_NODES whose keyword `tokens` (a figure that does not parse)
    holds as a word of its own (not inside a quoted text); None when it holds none. A word after a `.` is a key of
    the data, however spelled (`countries.in`, `countries.is`: India's and Iceland's ISO codes), not a keyword."""
    for previous, (token, value) in zip([("", ""), *tokens], tokens):
        if token == "name" and value in KEYWORDS and previous != ("operator", "."):
            return not_allowed(f"{REFUSED_NODES[KEYWORDS[value]]} may not stand in a figure", value)
    return None


def _unclosed(tokens: list[tuple[str, str]]) -> Refused | None:
    """The refusal of a figure ending with a bracket of `tokens` still open (Jinja2: 'unexpected end of template,
    expected ')'' or ', expected ','', as a filter's arguments may go on), naming the bracket; None when all close."""
    opened = []
    for token, value in tokens:
        if token == "operator" and value in CLOSERS:
            opened.append(value)
        elif token == "operator" and value in CLOSERS.values() and opened and CLOSERS[opened[-1]] == value:
            opened.pop()
    if not opened:
        return None
    return Refused(f"template syntax error: the figure ends before its `{opened[-1]}` is closed: a "
                   f"`{CLOSERS[opened[-1]]}` is expected", CLOSED_HINTS[opened[-1]])


def _refused_node(node: nodes.Node) -> Refused:
    """Why `node` may not stand in a figure, pointing at its name when it has one."""
    what = REFUSED_NODES.get(type(node), f"`{type(node).__name__}`")
    if isinstance(node, nodes.Call):
        callee = node.node
        name = getattr(callee, "attr", None) or getattr(callee, "name", None)
        if name:
            return not_allowed(f"a call of `{name}`: a figure calls no function or method", name)
    return not_allowed(f"{what} may not stand in a figure")


def _checked(root: nodes.Expr) -> nodes.Expr:
    """`root` when it keeps to the figure grammar, nested at most MAX_DEPTH deep; else Refused."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise too_deep()
        if not isinstance(node, ALLOWED):
            raise _refused_node(node)
        if isinstance(node, nodes.Filter) and (node.dyn_args or node.dyn_kwargs):
            raise not_allowed("`*` or `**` arguments to a filter", "*")
        if isinstance(node, nodes.Const):
            scalar(node.value)
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return root


class _Joins(NodeTransformer):
    """`a ~ b ~ c` compiled as the JOIN filter, so that its operands and its length are checked."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:
        node = self.generic_visit(node)
        first, *rest = node.nodes
        return nodes.Filter(first, JOIN, rest, [], None, None, lineno=node.lineno)


def expression(env: ImmutableSandboxedEnvironment, source: str) -> nodes.Expr:
    """The checked syntax tree of one figure's `source` (the text between `{{` and `}}`).

    Raises TemplateSyntaxError for what does not parse, Refused for what the grammar or the bounds refuse.
    """
    try:
        parser = Parser(env, source, state="variable")
        tree = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
    except TemplateSyntaxError as exc:
        tokens = _tokens(env, source)
        refused = _refused_keyword(tokens)
        if refused is None and (exc.message or "").startswith("unexpected end of template"):
            refused = _unclosed(tokens)
        if refused is None:
            raise
        raise refused from None
    except RecursionError:
        raise too_deep() from None
    except ValueError:  # the lexer's int() of a literal beyond Python's digit limit
        raise out_of_bounds(f"a number of more than {MAX_DIGITS} digits") from None
    if any(isinstance(const.value, float) for const in tree.find_all(nodes.Const)):
        _kept_decimals(env, source)
    tree = _Joins().visit(_checked(tree))
    tree.set_environment(env)
    return tree


def _kept_decimals(env: ImmutableSandboxedEnvironment, source: str) -> None:
    """Refused, pointing at it, at the first decimal typed in `source` (a figure's expression) whose float is not
    the number typed (what a figure computes with and prints: `l10n.formats.to_decimal`, the float's repr): the
    rule of a YAML decimal (`sources.yamlfile`), so that no digit typed is changed silently."""
    for _, token, typed in env.lexer.tokeniter(source, None, state="variable"):
        refused = token == "float" and decimals.unkept(typed, float(typed.replace("_", "")),
                                                       "a decimal typed in a figure")
        if refused:
            raise Refused(*refused, typed)


# --- values ----------------------------------------------------------------------------------------------------

def _kind(value) -> str:
    """What a value is, in an editor's words."""
    if isinstance(value, Table):
        return "a whole table (name a row and a column: `table.row.column`)"
    if isinstance(value, Mapping):
        return "a group of values (name one of them: `.name`)"
    if isinstance(value, (tuple, frozenset)):
        return "a list"
    if value is None:
        return "an empty value (null in the data)"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    return "this value"


def _fail_if_undefined(*values) -> None:
    for value in values:
        if isinstance(value, Undefined):
            value._fail_with_undefined_error()


def number(value):
    """`value` when it is a finite number of at most MAX_DIGITS digits before its point; else Refused."""
    _fail_if_undefined(value)
    _cell_number(value, "compute with")
    if not isinstance(value, (int, float, Decimal)):
        raise Refused(f"cannot compute with {_kind(value)}", "arithmetic is for numbers from the data")
    if isinstance(value, Decimal) and not value.is_finite() or isinstance(value, float) and not math.isfinite(value):
        raise out_of_bounds(f"`{value}` is not a finite number")
    if abs(value) >= LIMIT:
        raise out_of_bounds(f"a number of more than {MAX_DIGITS} digits")
    return value


def _exact(left, right) -> tuple:
    """The operands, a float computed with a Decimal (a CSV decimal, `* 1.5` typed in the figure) made the Decimal
    it prints as (`l10n.formats.to_decimal`): Python computes neither with the other."""
    if isinstance(left, Decimal) and isinstance(right, float):
        return left, to_decimal(right)
    if isinstance(left, float) and isinstance(right, Decimal):
        return to_decimal(left), right
    return left, right


def _length(size: int) -> None:
    if size > MAX_TEXT:
        raise out_of_bounds(f"a text of more than {MAX_TEXT:,} characters")


def scalar(value):
    """`value` when a figure may hold it (a bounded number or text, a date, a boolean); else Refused."""
    _fail_if_undefined(value)
    if isinstance(value, str):
        _length(len(value))
    elif isinstance(value, (int, float, Decimal)):
        number(value)
    elif not isinstance(value, date):
        raise Refused(f"{_kind(value)} is not a figure",
                      "name one value of the data: `{{ applicants.africa.applied }}`")
    return value


def text(value) -> str:
    """The text a figure prints for `value` (Refused when it is not a figure, or beyond a bound, or an
    `Untranslated` text)."""
    if isinstance(value, Untranslated):
        raise untranslated(value)
    return str(scalar(value))


def _joined(*values) -> str:
    """`a ~ b ~ …`: the texts of the operands, joined, at most MAX_TEXT characters."""
    size, parts = 0, []
    for value in values:
        part = text(value)
        size += len(part)
        _length(size)
        parts.append(part)
    return "".join(parts)


def _text_operation(operator: str, left, right, apply):
    """An operator one of whose operands is a text: `+` joins two texts, `*` repeats one; else Refused."""
    if operator == "+" and isinstance(left, str) and isinstance(right, str):
        text(left), text(right)   # neither an `Untranslated` text
        _length(len(left) + len(right))
        return apply(left, right)
    repeated, times = (left, right) if isinstance(left, str) else (right, left)
    if operator == "*" and isinstance(times, int) and not isinstance(times, bool):
        _length(len(repeated) * max(times, 0))
        return apply(left, right)
    raise Refused(f"`{operator}` cannot be applied to a text", "join texts with `~`; compute only with numbers")


def _strict_filter(name: str):
    """Filter `name` of the rendered language's Formats, its value and arguments checked first."""

    @pass_context
    def apply(context, value, *args, **kwargs):
        for item in (value, *args, *kwargs.values()):
            _cell_number(item, "format")
            scalar(item)
        for item in (*args, *kwargs.values()):
            if isinstance(item, int) and not isinstance(item, bool) and not 0 <= item <= MAX_PLACES:
                raise out_of_bounds(f"decimal places must be from 0 to {MAX_PLACES}, not {item}", str(item))
        formats = context[FORMATS]
        try:
            signature(getattr(type(formats), name)).bind(formats, value, *args, **kwargs)
        except TypeError:
            raise filter_arguments(name) from None
        if name == "chf" and _stated(context, value) and beyond_centimes(value):
            raise Centimes(value)  # told at the amount in the data; an amount the figure computes is rounded
        try:
            return formats.filters()[name](value, *args, **kwargs)
        except ValueError as exc:
            if isinstance(value, str):  # a text of the data where a number or a date is expected
                raise Unformatted(value, name, str(exc)) from None
            raise

    return apply


def _stated(context, value) -> bool:
    """Whether `value` is a number as the data writes it (a CSV cell, a YAML value), not one a figure computes."""
    origins = context.get(ORIGINS)
    return isinstance(value, float | Decimal) and origins is not None and origins.number_place(value) is not None


def filter_arguments(name: str) -> Refused:
    """The refusal of a filter given arguments its Formats method does not take, or not given one it needs
    (`{{ x | number(2) }}`, `{{ d.first | daterange }}`), saying which it takes, rather than Python's TypeError
    about positional arguments."""
    taken = [p for p in list(signature(getattr(Formats, name)).parameters.values())[2:] if p.kind != p.KEYWORD_ONLY]
    if not taken:
        return Refused(f"the filter `{name}` takes no argument", f"write `| {name}` alone")
    needed = [p for p in taken if p.default is p.empty]
    listed = ", ".join(p.name for p in taken)
    example = ", ".join(p.name if p.default is p.empty else str(p.default) for p in taken)
    counted = f"{len(taken)} argument{'s' if len(taken) > 1 else ''} ({listed})"
    return Refused(f"the filter `{name}` takes {counted}" if needed and len(needed) == len(taken) else
                   f"the filter `{name}` takes at most {counted}", f"e.g. `| {name}({example})`")


# --- the environment -------------------------------------------------------------------------------------------

class FigureEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox held to the figure rules: no call, the data's values only, every operation
    bounded. Its only filters are the ccdocs formats and JOIN; it has no globals and no tests."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"+", "-"})

    def __init__(self):
        super().__init__(undefined=_Undefined, autoescape=False, keep_trailing_newline=True, optimized=False)
        self.filters.clear()
        self.filters.update({name: _strict_filter(name) for name in FILTERS})
        self.filters[JOIN] = _joined
        self.tests.clear()
        self.globals.clear()

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja2's own signature
        """Refused: a figure calls nothing."""
        raise not_allowed("a call: a figure calls no function or method")

    def getattr(self, obj, attribute: str):
        """`.name`: a mapping's value, a table's `rows`, a date's year, month or day; nothing else."""
        _fail_if_undefined(obj)
        if attribute.startswith("_"):
            raise not_allowed(f"`{attribute}`", attribute)
        if isinstance(obj, Table) and attribute == "rows":
            return obj.rows
        if isinstance(obj, Mapping):
            return self.getitem(obj, attribute)
        if isinstance(obj, date) and attribute in DATE_PARTS:
            return getattr(obj, attribute)
        raise not_allowed(f"`{attribute}` of {_kind(obj)}: only a data file, a row or a group of values has "
                          "named values", attribute)

    def getitem(self, obj, argument):
        """`[key]`: a mapping's value, or an item of a list or a text by its position."""
        _fail_if_undefined(obj, argument)
        if isinstance(obj, Mapping):
            try:
                return obj[argument]
            except (LookupError, TypeError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, (tuple, str)) and isinstance(argument, int) and not isinstance(argument, bool):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=argument)
        raise not_allowed(f"`[…]` of {_kind(obj)}", "[")

    def call_binop(self, context, operator: str, left, right):
        """`left operator right`, its operands checked (and its size foreseen) before it is computed."""
        _fail_if_undefined(left, right)
        apply = self.binop_table[operator]
        for operand in (left, right):  # `1,000`, `nan` written for a number, computed with as one
            _cell_number(operand, "compute with")
        if isinstance(left, str) or isinstance(right, str):
            return _text_operation(operator, left, right, apply)
        left, right = _exact(number(left), number(right))
        if operator == "**" and abs(right) > MAX_EXPONENT:
            raise out_of_bounds(f"an exponent of more than {MAX_EXPONENT}", "**")
        return number(apply(left, right))

    def call_unop(self, context, operator: str, arg):
        """`-arg` or `+arg` of a number."""
        return self.unop_table[operator](number(arg))
