"""Jinja2 sandbox that binds figures to data and formats them for one language."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from .errors import InputError, did_you_mean, problem
from .l10n.formats import Formats


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


def _strict_filter(func):
    """`func` refusing an undefined value with the undefined name's own message."""

    def apply(value, *args, **kwargs):
        for item in (value, *args, *kwargs.values()):
            if isinstance(item, Undefined):
                item._fail_with_undefined_error()
        return func(value, *args, **kwargs)

    return apply


def environment(lang: str) -> SandboxedEnvironment:
    """A sandbox with only our filters and no globals, formatting for `lang`."""
    env = SandboxedEnvironment(undefined=_Undefined, autoescape=False, keep_trailing_newline=True)
    env.filters.clear()
    env.filters.update({name: _strict_filter(f) for name, f in Formats(lang).filters().items()})
    env.globals.clear()
    return env


EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
STATEMENT = re.compile(r"\{%|\{#")


def _evaluate(env: SandboxedEnvironment, source: str, context: dict, cache: dict) -> str:
    expression = cache.get(source)
    if expression is None:
        expression = cache[source] = env.compile_expression(source, undefined_to_none=False)
    value = expression(context)
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def _failure(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, TemplateSyntaxError):
        return f"template syntax error: {exc.message}", "check the `{{ … }}` on this line"
    if isinstance(exc, SecurityError):
        return f"not allowed in a document: {exc}", "templates may only read data and apply ccdocs filters"
    if isinstance(exc, UndefinedError):
        return (f"undefined figure: {exc.message}",
                "use a name from the data files listed under `data:` in document.yaml")
    return f"cannot format this figure: {exc}", "check the value in the data file and the filter"


def render(env: SandboxedEnvironment, text: str, path: Path, context: dict, cache: dict | None = None) -> str:
    """`text` with each `{{ expression }}` evaluated; every failing expression is reported at its line.

    Each distinct expression is compiled once (into `cache`, kept by the caller for one language), which
    is far cheaper than compiling a whole content file as one template.
    """
    cache = {} if cache is None else cache
    problems, pieces, last = [], [], 0

    def where(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    for match in STATEMENT.finditer(text):
        line, col = where(match.start())
        problems.append(problem(path, line, "only `{{ … }}` expressions may stand in content, not `{% … %}` "
                                "statements or `{# … #}` comments", "write the figure as `{{ name | filter }}`", col))
    for match in EXPRESSION.finditer(text):
        pieces.append(text[last:match.start()])
        last = match.end()
        try:
            pieces.append(_evaluate(env, match.group(1), context, cache))
        except (TemplateSyntaxError, UndefinedError, SecurityError, ValueError, TypeError, ArithmeticError) as exc:
            message, hint = _failure(exc)
            line, col = where(match.start())
            needle = message.split("`")[1] if message.count("`") >= 2 else None
            inner = match.group(0).find(needle) if needle else -1
            problems.append(problem(path, line, message, hint, col + inner if inner >= 0 else col))
    pieces.append(text[last:])
    starts = {m.start() for m in EXPRESSION.finditer(text)}
    for opening in re.finditer(r"\{\{", text):
        if opening.start() not in starts:
            line, col = where(opening.start())
            problems.append(problem(path, line, "template syntax error: `{{` has no closing `}}`",
                                    "close the expression: `{{ name | filter }}`", col))
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.col or 0)))
    return "".join(pieces)
