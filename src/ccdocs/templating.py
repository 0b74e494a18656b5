"""Jinja2 sandbox that binds figures to data and formats them for the language being rendered."""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass, field
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import jinja2
from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError, nodes, pass_context
from jinja2.exceptions import SecurityError
from jinja2.parser import Parser
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import consume

from . import cache
from .errors import InputError, did_you_mean, problem
from .l10n.dates import LANGUAGES
from .l10n.formats import Formats

FORMATS = "ccdocs formats"  # the render context's key of the language's Formats: no template can name it
RESULT = "ccdocs_figure_"  # the names a batch of expressions is assigned to, numbered


def _every_use_fails(cls):
    """Route each operation that StrictUndefined refuses through `cls`'s own message."""
    for name, value in {**vars(Undefined), **vars(StrictUndefined)}.items():
        if value is Undefined._fail_with_undefined_error and name.startswith("__"):
            setattr(cls, name, cls._fail_with_undefined_error)
    return cls


@_every_use_fails
class _Undefined(StrictUndefined):
    """StrictUndefined whose message names the missing key and the nearest existing one."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args, **kwargs):
        name = self._undefined_name
        parent = self._undefined_obj
        hint = None
        if parent is not None and hasattr(parent, "keys"):
            hint = did_you_mean(str(name), [str(k) for k in parent.keys()])
        if self._undefined_exception is SecurityError:
            raise SecurityError(f"`{name}` may not be used in a document")
        if name is None:
            raise UndefinedError(str(self._undefined_hint or "a value is undefined"))
        raise UndefinedError(f"`{name}` is not in the data" + (f" ({hint})" if hint else ""))


def _strict_filter(name: str):
    """Filter `name` of the rendered language's Formats, refusing an undefined value with its own message."""

    @pass_context
    def apply(context, value, *args, **kwargs):
        for item in (value, *args, *kwargs.values()):
            if isinstance(item, Undefined):
                item._fail_with_undefined_error()
        return context[FORMATS].filters()[name](value, *args, **kwargs)

    return apply


@dataclass
class Sandbox:
    """The Jinja2 sandbox (only our filters, no globals) and every figure compiled in it, for any language."""

    env: SandboxedEnvironment = field(init=False)
    compiled: dict = field(default_factory=dict)

    def __post_init__(self):
        self.env = SandboxedEnvironment(undefined=_Undefined, autoescape=False, keep_trailing_newline=True)
        self.env.filters.clear()
        self.env.filters.update({name: _strict_filter(name) for name in Formats(LANGUAGES[0]).filters()})
        self.env.globals.clear()


@dataclass(frozen=True)
class Figures:
    """A sandbox formatting for one language: what `render` evaluates figures with."""

    sandbox: Sandbox
    formats: Formats


def environment(lang: str, sandbox: Sandbox | None = None) -> Figures:
    """Figures formatted for `lang` in `sandbox` (one shared by several languages compiles each figure once)."""
    return Figures(sandbox or Sandbox(), Formats(lang))


EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
STATEMENT = re.compile(r"\{%|\{#")


def _evaluate(figures: Figures, source: str, context: dict) -> str:
    """One expression's text, compiled alone: the way every failure is reported at its own place."""
    compiled = figures.sandbox.compiled
    expression = compiled.get(source)
    if expression is None:
        expression = compiled[source] = figures.sandbox.env.compile_expression(source, undefined_to_none=False)
    value = expression(context)
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def _compiled_together(env: SandboxedEnvironment, sources: tuple):
    """One template assigning each expression of `sources` to `RESULT<i>` (as compile_expression parses it).

    Its Python code is kept in the user's cache, as Jinja2's bytecode cache keeps a template's.
    """
    path = cache.entry("figures", MAGIC_NUMBER.hex(), jinja2.__version__, type(env).__name__,
                       " ".join(sorted(env.filters)), *sources)
    code = _cached_code(path)
    if code is None:
        body = []
        for index, source in enumerate(sources):
            parser = Parser(env, source, state="variable")
            expression = parser.parse_expression()
            if not parser.stream.eos:
                raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
            expression.set_environment(env)
            body.append(nodes.Assign(nodes.Name(f"{RESULT}{index}", "store"), expression, lineno=1))
        code = env.compile(nodes.Template(body, lineno=1))
        cache.write(path, marshal.dumps(code))
    return env.template_class.from_code(env, code, env.make_globals(None))


def _cached_code(path: Path):
    """The code object kept at `path`, or None."""
    data = cache.read(path)
    try:
        return None if data is None else marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None


def _evaluated_together(figures: Figures, sources: list[str], context: dict) -> dict | None:
    """Each distinct expression's text, all compiled and evaluated as one template (far cheaper than one by
    one); None when any of them fails, for `_evaluate` to report each failure where it stands."""
    distinct = tuple(sorted(set(sources)))
    if not distinct or any(RESULT in source for source in distinct) or any(RESULT in name for name in context):
        return None
    compiled = figures.sandbox.compiled
    try:
        template = compiled.get(distinct)
        if template is None:
            template = compiled[distinct] = _compiled_together(figures.sandbox.env, distinct)
        run = template.new_context(dict(context))
        consume(template.root_render_func(run))
        values = [run.vars[f"{RESULT}{index}"] for index in range(len(distinct))]
        if any(isinstance(value, Undefined) for value in values):
            return None
        return {source: str(value) for source, value in zip(distinct, values)}
    except Exception:  # noqa: BLE001 - evaluated again one by one, which reports or raises as before
        return None


def _failure(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, TemplateSyntaxError):
        return f"template syntax error: {exc.message}", "check the `{{ … }}` on this line"
    if isinstance(exc, SecurityError):
        return f"not allowed in a document: {exc}", "templates may only read data and apply ccdocs filters"
    if isinstance(exc, UndefinedError):
        return (f"undefined figure: {exc.message}",
                "use a name from the data files listed under `data:` in document.yaml")
    return f"cannot format this figure: {exc}", "check the value in the data file and the filter"


def render(figures: Figures, text: str, path: Path, context: dict) -> str:
    """`text` with each `{{ expression }}` evaluated; every failing expression is reported at its line.

    The distinct expressions of a text are compiled together once per sandbox (a translation with the same
    figures reuses them); when one fails, each is evaluated alone so that each failure is located.
    """
    context = {**context, FORMATS: figures.formats}
    problems, pieces, last = [], [], 0

    def where(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    for match in STATEMENT.finditer(text):
        line, col = where(match.start())
        problems.append(problem(path, line, "only `{{ … }}` expressions may stand in content, not `{% … %}` "
                                "statements or `{# … #}` comments", "write the figure as `{{ name | filter }}`", col))
    matches = list(EXPRESSION.finditer(text))
    together = _evaluated_together(figures, [match.group(1) for match in matches], context)
    for match in matches:
        pieces.append(text[last:match.start()])
        last = match.end()
        if together is not None:
            pieces.append(together[match.group(1)])
            continue
        try:
            pieces.append(_evaluate(figures, match.group(1), context))
        except (TemplateSyntaxError, UndefinedError, SecurityError, ValueError, TypeError, ArithmeticError) as exc:
            message, hint = _failure(exc)
            line, col = where(match.start())
            needle = message.split("`")[1] if message.count("`") >= 2 else None
            inner = match.group(0).find(needle) if needle else -1
            problems.append(problem(path, line, message, hint, col + inner if inner >= 0 else col))
    pieces.append(text[last:])
    starts = {m.start() for m in matches}
    for opening in re.finditer(r"\{\{", text):
        if opening.start() not in starts:
            line, col = where(opening.start())
            problems.append(problem(path, line, "template syntax error: `{{` has no closing `}}`",
                                    "close the expression: `{{ name | filter }}`", col))
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.col or 0)))
    return "".join(pieces)
