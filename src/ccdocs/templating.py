"""Jinja2 sandbox that binds figures to data and formats them for one language."""

from __future__ import annotations

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


def _template_line(exc: BaseException, filename: str) -> int | None:
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _column(text: str, line: int | None, needle: str | None) -> int | None:
    if line is None:
        return None
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if needle and needle in source:
        return source.index(needle) + 1
    return source.find("{{") + 1 if "{{" in source else 1


def render(env: SandboxedEnvironment, text: str, path: Path, context: dict, line_offset: int = 0) -> str:
    """Render `text` (from `path`); any template error becomes an InputError at its line."""
    filename = str(path)
    try:
        code = env.compile(text, name=filename, filename=filename)
        template = env.template_class.from_code(env, code, env.make_globals(None), None)
        return template.render(context)
    except TemplateSyntaxError as exc:
        line = exc.lineno
        message, hint = f"template syntax error: {exc.message}", "check the `{{ … }}` on this line"
    except UndefinedError as exc:
        line = _template_line(exc, filename)
        message = f"undefined figure: {exc.message}"
        hint = "use a name from the data files listed under `data:` in document.yaml"
    except SecurityError as exc:
        line = _template_line(exc, filename)
        message, hint = f"not allowed in a document: {exc}", "templates may only read data and apply ccdocs filters"
    except (ValueError, TypeError, ArithmeticError) as exc:
        line = _template_line(exc, filename)
        message, hint = f"cannot format this figure: {exc}", "check the value in the data file and the filter"
    needle = message.split("`")[1] if message.count("`") >= 2 else None
    col = _column(text, line, needle)
    shown = None if line is None else line + line_offset
    raise InputError([problem(path, shown, message, hint, col)])
