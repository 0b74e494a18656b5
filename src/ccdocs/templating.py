"""Figures bound to data and formatted for the language being rendered, in the figure sandbox (`sandbox.py`)."""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from datetime import date
from dataclasses import dataclass
from decimal import Decimal, DecimalException
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import jinja2
from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.utils import consume

from . import cache, sandbox as rules
from .compiled_figures import Sandbox
from .errors import Hints, InputError, Problem, did_you_mean, display_path, problem
from .l10n.formats import FILTERS, Centimes, Formats, NotWhole, places_of, to_decimal, whole_hint
from .sources import spans
from .sources.characters import HINT, LINE_BREAK, first_refused, line_break
from .sources.data import grouped_cell
from .sources.yamlfile import GROUPED

MARKDOWN_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # CommonMark's ASCII punctuation, each escapable
FIGURE_BUDGET = 100_000  # characters figures may add to a file, on top of ten times the file's own length
DOTTED = re.compile(rules.DOTTED)
DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")  # 31.01.2025, 31/01/2025: a date as Geneva writes it
UNDERSCORED = re.compile(r"[-+]?_*[0-9][0-9_]*(?:\.[0-9_]+)?")  # `1_000`, `1__0`: `_` in a number's digits
RESULT = "ccdocs_figure_"  # the names a batch of expressions is assigned to, numbered


@dataclass(frozen=True)
class Figures:
    """A sandbox formatting for one language: what `render` evaluates figures with."""

    sandbox: Sandbox
    formats: Formats


def environment(language, sandbox: Sandbox | None = None) -> Figures:
    """Figures formatted for `language` (a profile, or a code) in `sandbox` (one shared by several languages
    compiles each figure once)."""
    return Figures(sandbox or Sandbox(), Formats(language))


EXPRESSION = re.compile(spans.span("{{", "}}", group=True), re.S)  # linear: see `spans`
OPENING = re.compile(r"\{\{")
NEWLINE = re.compile(r"\n")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # Markdown's: a blank line
MARKDOWN_BLANK = re.compile(r"[ \t]*")  # a blank line's characters
LINE_OPENING = re.compile(r"[ \t]*(?:(?:[-*+>]|\d{1,9}[.)]|#{1,6})[ \t]*)*")  # a line's block marks (lists, quotes,
# headings), before its text
BOUNDARY = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|:{3,})")  # a heading or fence: no paragraph runs past
LISTED = re.compile(r"^(?:[ \t]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))", re.M)  # a list's item, or an indented line
STATEMENT = re.compile(r"\{%|\{#")  # a statement or a comment: refused
FILTER_NAMED = re.compile(r"No filter named '([^']{1,80})'\.?")  # Jinja2's message for a filter it does not know
UNEXPECTED = re.compile(r"unexpected '([^']{1,20})'")  # Jinja2's parser at a token it did not expect
# ... but `{#name}` alone on its line (classes or attributes may follow the name) is a block attribute giving an
# anchor (markdown-it's attrs syntax, read by the Markdown reader); typed elsewhere it would print
ANCHOR = re.compile(r"\{#[^\W\d_][\w:.-]*(?:[ \t][^{}#\n]*)?\}")
ANCHOR_LINE = re.compile(r"^ {0,3}(" + ANCHOR.pattern + r")[ \t]*$", re.M)
# ... and so is a line of block attributes that begins with an anchor (`{#a width="5%"}`, `{#a #b}`, `{#a} {.b}`:
# the Markdown reader tells what is wrong with it), unless it ends as a comment does (`{#a note #}`)
BLOCK_LINE = re.compile(r"^ {0,3}(\{#[^\n]*[^#\n]\})[ \t]*$", re.M)


def _compiled_together(sandbox: Sandbox, sources: tuple):
    """One template assigning each checked expression of `sources` to `RESULT<i>`.

    Its Python code is kept in the user's cache, as Jinja2's bytecode cache keeps a template's, under a key
    of everything the code depends on; the bounds are enforced by the environment when it runs.
    """
    env = sandbox.env
    path = cache.entry("figures", MAGIC_NUMBER.hex(), jinja2.__version__, sandbox.version,
                       " ".join(sorted(env.filters)), *sources)
    code = _cached_code(path)
    if code is None:
        body = [nodes.Assign(nodes.Name(f"{RESULT}{index}", "store"), rules.expression(env, source), lineno=1)
                for index, source in enumerate(sources)]
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


def _figure(value, source: str) -> str:
    """The text of one evaluated figure as Markdown reads it literally: a bounded, formatted value on one line,
    holding no character a paper refuses, its ASCII punctuation escaped so that text from the data can never
    open a heading, a list, a box, a link, a footnote mark or emphasis (CommonMark: any ASCII punctuation may
    be backslash-escaped)."""
    if isinstance(value, (float, Decimal)) or isinstance(value, bool):
        shown = (str(value).lower() if isinstance(value, bool) else repr(value) if isinstance(value, float)
                 else f"{value:f}")  # as the data writes it (`1.5`, `true`), not as Python does (`Decimal('1.5')`)
        raise rules.Refused(f"this figure gives `{shown}` unformatted",
                            "format a number with a filter: `| number`, `| decimal(1)`, `| percent(1)`")
    if isinstance(value, rules.Untranslated) and DOTTED.fullmatch(source.strip()):
        value = str(value)   # one name: the catalog offers its text (`tables.texts.shown_texts`) and checks it
    result = rules.text(value)
    refused = first_refused(result)
    if refused:
        raise rules.Refused(f"this figure gives a {refused}", HINT)
    if LINE_BREAK.search(result):
        raise rules.Refused(f"this figure's text holds a line break ({line_break(result)}): a figure is one "
                            "line of text", "write the value on one line in the data file")
    return MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", result)


def _evaluated(figures: Figures, sources: tuple, context: dict) -> list[str]:
    """The text of each expression of `sources`, compiled (once per sandbox) and evaluated as one template."""
    compiled = figures.sandbox.compiled
    template = compiled.get(sources)
    if template is None:
        template = compiled[sources] = _compiled_together(figures.sandbox, sources)
    run = template.new_context(dict(context))
    consume(template.root_render_func(run))
    return [_figure(run.vars[f"{RESULT}{index}"], source) for index, source in enumerate(sources)]


def _evaluated_together(figures: Figures, sources: list[str], context: dict) -> dict | None:
    """Each distinct expression's text, all compiled and evaluated as one template (far cheaper than one by
    one); None when any of them fails, for each to be evaluated alone and each failure reported where it stands."""
    distinct = tuple(sorted(set(sources)))
    if not distinct or any(RESULT in source for source in distinct) or any(RESULT in name for name in context):
        return None
    try:
        return dict(zip(distinct, _evaluated(figures, distinct, context)))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - evaluated again one by one, which reports each failure
        return None


def _failure(exc: Exception, hints: Hints, names=()) -> tuple[str, str]:
    """(message, hint) of a figure's failure `exc`; a key not in the data hinted with the nearest by `hints` (the
    first few of a file), a name the figure starts with among `names` (the data's and the variables' names)."""
    if isinstance(exc, rules.Refused):
        return exc.message, exc.hint
    if isinstance(exc, RecursionError):
        return rules.too_deep().message, rules.BOUNDS_HINT
    if isinstance(exc, TemplateSyntaxError):
        filtered = FILTER_NAMED.fullmatch(exc.message or "")
        if filtered:  # Jinja2's "No filter named 'numbr'.": the ccdocs filters named, the nearest first
            near = did_you_mean(filtered[1], FILTERS)
            return (f"no filter `{filtered[1]}`" + (f" ({near})" if near else ""), "the filters: " + ", ".join(FILTERS))
        message = exc.message or ""
        if message.startswith(("unexpected 'end of template'", "unexpected end of template")):
            return ("template syntax error: the figure ends where a name or a value is expected",
                    "complete it, as `{{ name | filter }}`, or write the text without the braces")
        unexpected = UNEXPECTED.fullmatch(message)
        if unexpected:  # Jinja2's "unexpected ')'": pointed at (`_pointed`)
            return (f"template syntax error: an unexpected `{unexpected[1]}` in the figure",
                    "a figure is a name, values and operators, then filters: `{{ (a.x / a.y) | percent(1) }}`")
        return f"template syntax error: {message}", "check the `{{ … }}` on this line"
    if isinstance(exc, rules.Unknown):
        near = hints(exc.key, exc.choices or names)
        return (f"undefined figure: {exc.message}" + (f" ({near})" if near else ""),
                "use a name from the data files listed under `data:` in document.yaml")
    if isinstance(exc, UndefinedError):
        return (f"undefined figure: {exc.message}",
                "use a name from the data files listed under `data:` in document.yaml")
    if isinstance(exc, NotWhole):
        return not_whole(exc, None)
    if isinstance(exc, DecimalException):
        return ("cannot format this figure: the number is too large or not a number",
                "check the value in the data file; " + rules.BOUNDS_HINT)
    return f"cannot format this figure: {exc}", "check the value in the data file and the filter"


def unformatted(exc: rules.Unformatted, figure: str) -> tuple[str, str]:
    """(message, hint) of a text of the YAML that the filter of the figure at `figure` refused: a number written
    with a group separator (`'1,735'`, quoted as YAML asks of such a text) or a date not written YYYY-MM-DD.

    >>> unformatted(rules.Unformatted("1,735", "number", ""), "report.md:3")[1]
    'write the digits alone, without quotes: `1735` (the paper groups them as each language writes numbers)'
    >>> unformatted(rules.Unformatted("1__0", "number", ""), "report.md:3")[1]
    'write the digits without `_`, as `10` if that is the figure: the paper groups them as each language writes numbers'
    >>> unformatted(rules.Unformatted("01.02.2025", "date", ""), "report.md:3")[1]
    'write it as YYYY-MM-DD: `2025-02-01` (read day first, as 01.02.2025 is in Geneva; if it is month first, `2025-01-02`)'
    """
    value, name = exc.value, exc.name
    if name in ("date", "daterange"):
        message = f"`{value}` is not a date written YYYY-MM-DD, so the figure at {figure} cannot format it (`| {name}`)"
        found = DAY_FIRST.fullmatch(value.strip())
        try:
            day = date(int(found[3]), int(found[2]), int(found[1])) if found else None
        except ValueError:
            day = None
        if day is None:
            return message, "write it as YYYY-MM-DD, e.g. `2025-01-31`"
        other = ""
        if day.day <= 12 and day.day != day.month:
            other = f"; if it is month first, `{date(day.year, day.day, day.month).isoformat()}`"
        return message, f"write it as YYYY-MM-DD: `{day.isoformat()}` (read day first, as {value.strip()} is in Geneva{other})"
    message = f"`{value}` is a text, not a number, so the figure at {figure} cannot format it (`| {name}`)"
    if "_" in value and UNDERSCORED.fullmatch(value.strip()):  # `1_000`, `1__0`: no number (`to_decimal`)
        return message, (f"write the digits without `_`, as `{value.strip().replace('_', '')}` if that is the "
                         "figure: the paper groups them as each language writes numbers")
    if GROUPED.fullmatch(value.strip()):
        return message, (f"write the digits alone, without quotes: `{value.strip().replace(',', '')}` (the paper groups "
                         "them as each language writes numbers)")
    return message, "write the number without quotes and without separators, e.g. `1735` or `0.601`"


def not_whole(exc: NotWhole, figure: str | None, naming: str = "") -> tuple[str, str]:
    """(message, hint) of a value with a fractional part that `| number` (which prints whole numbers) was given:
    told where the data writes it, naming the figure at `figure` (and the CSV cell: `naming`), or at the figure when
    `figure` is None (a value it computes or types). A number of the data with three decimals may be a whole number
    written with a European thousands separator (`1.735`).

    >>> not_whole(NotWhole(Decimal("1.735"), "number"), "report.md:3")
    ('`1.735` is not a whole number, so the figure at report.md:3 cannot print it with `| number`, which prints whole numbers', 'if the point is a thousands separator [1.735 for 1,735], write `1735`; to print the decimals, write `| decimal(3)` in the figure, to round it, `| decimal(0)`')
    >>> not_whole(NotWhole(2.5, "number"), None)[0]
    'this figure gives `2.5`, not a whole number, which `| number` prints'
    """
    value = to_decimal(exc.value)
    typed, name = f"{value:f}", exc.name
    hint = f"to print the decimals, write `| decimal({places_of(value) if figure else 2})` in the figure, to round " \
           "it, `| decimal(0)`"
    if figure is None:
        return f"this figure gives `{typed}`, not a whole number, which `| {name}` prints", hint
    return (f"{naming}`{typed}` is not a whole number, so the figure at {figure} cannot print it with `| {name}`, "
            "which prints whole numbers"), whole_hint(value, hint)


def centimes_refused(exc: Centimes, figure: str, naming: str = "") -> tuple[str, str]:
    """(message, hint) of an amount of the data written with more decimals than centimes, given to `| chf` by the
    figure at `figure` (the CSV cell named by `naming`). Three decimals from 1 to below 1,000 may be a whole number
    written with a European thousands separator (`1.735`).

    >>> centimes_refused(Centimes(Decimal("12345.675")), "report.md:3")
    ('`12345.675` has 3 decimals, more than centimes, so the figure at report.md:3 cannot print it with `| chf`, which rounds francs and centimes to whole francs', 'write the amount in francs with at most two decimals, or check its unit and its separators; to print the decimals, write `| decimal(3)` in the figure')
    >>> centimes_refused(Centimes(Decimal("1.735")), "report.md:3")[1].split(";")[0]
    'if the point is a thousands separator [1.735 for 1,735], write `1735`'
    """
    value = to_decimal(exc.value)
    places = -value.as_tuple().exponent
    return (f"{naming}`{value:f}` has {places} decimals, more than centimes, so the figure at {figure} cannot print "
            "it with `| chf`, which rounds francs and centimes to whole francs"), whole_hint(
        value, "write the amount in francs with at most two decimals, or check its unit and its separators; to print "
        f"the decimals, write `| decimal({places_of(value)})` in the figure")


def _pointed(exc: Exception, message: str, expression: str) -> int:
    """Where in `expression` a failure points: at its own needle, or the first `name` its message quotes as a
    whole word; 0 (the `{{`) when neither is found."""
    if isinstance(exc, rules.Refused):
        needle = exc.needle
    else:
        needle = message.split("`")[1] if message.count("`") >= 2 else None
    if not needle:
        return 0
    found = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)" if needle.isidentifier() else re.escape(needle),
                      expression)
    return found.start() if found else 0


def _beyond_budget(text: str, matches: list, pieces: list) -> int | None:
    """The offset of the figure whose text takes the file past FIGURE_BUDGET plus ten times its length (the
    figures' texts are pieces[1], pieces[3], … of a render), or None: a file's growth stays linear."""
    budget, added = FIGURE_BUDGET + 10 * len(text), 0
    for match, piece in zip(matches, pieces[1::2]):
        added += len(piece) - len(match.group(0))
        if added > budget:
            return match.start()
    return None


def _columns(spaces: str) -> int:
    """The columns `spaces` (spaces and tabs from a line's start) fill, a tab to the next multiple of 4."""
    width = 0
    for character in spaces:
        width = width + 4 - width % 4 if character == "\t" else width + 1
    return width


class _Lines:
    """The lines of one text as Markdown reads their kinds once its figures are filled in: blank (typed so, or
    `emptied`: holding nothing but figures whose texts are blank), a block's boundary (a heading, a fence: no
    paragraph runs on past it), or text."""

    def __init__(self, text: str, where: _Places, emptied: set):
        self.text, self.starts, self.emptied = text, where.starts, emptied

    def span(self, line: int) -> tuple[int, int]:
        """The offsets of 1-based `line`'s characters (without its line break)."""
        start = self.starts[line - 1]
        return start, (self.starts[line] - 1 if line < len(self.starts) else len(self.text))

    def blank(self, line: int) -> bool:
        """Whether `line` is absent, blank as typed, or emptied."""
        return (not 1 <= line <= len(self.starts) or line in self.emptied or
                MARKDOWN_BLANK.fullmatch(self.text, *self.span(line)) is not None)

    def bounds(self, line: int) -> bool:
        """Whether `line` is absent, blank, or a heading or fence, which a paragraph never runs on past."""
        return self.blank(line) or BOUNDARY.match(self.text, *self.span(line)) is not None

    def in_list(self, line: int) -> bool:
        """Whether a list may still be open at `line`, a block's first line: the block before it (past blank lines:
        its lines of text up to a blank line, a heading or a fence) holds a list's mark or an indented line (an
        item's content). Time: that block's length."""
        last = line - 1
        while last >= 1 and self.blank(last):
            last -= 1
        first = last
        while first > 1 and not self.bounds(first) and not self.bounds(first - 1):
            first -= 1
        return first >= 1 and LISTED.search(self.text, self.starts[first - 1], self.span(last)[1]) is not None


def _reshaping(text: str, path: Path, matches: list, pieces: list, where: _Places, failed: set) -> list:
    """A problem at each line whose figures' texts would change the blocks Markdown reads from `text` (a render's
    `pieces`, the figures' texts at odd places; no line in `failed`, where a figure failed, which is told
    already). The figures are evaluated before Markdown reads the text, so
    - a line holding nothing but figures whose texts are empty or blank would be a blank line: refused after a
      list's, quote's or heading's mark (an empty item), in the middle of a paragraph (one paragraph printed as two
      numbered ones), or as a paragraph's only line (the paragraph dropped); as a paragraph's first or last line it
      stands beside the paragraph's own blank line, and prints nothing;
    - a text beginning with spaces where its figure opens its line is refused where Markdown would read them as
      indentation: 4 columns with the line's own at a block's start (a code block), 2 where a list may be open (an
      item's content), 5 after a list's or quote's mark (a code block in it), any after a mark the line types
      without a space (the mark then opens a block); a paragraph's continuation line, or a heading, drops them.
    A figure's text holds no line break (`_figure`), so a line of `text` is the same line rendered. The first figure
    of each such line has its piece made its expression as typed (escaped), so that what Markdown reads of the rest
    is what was typed: the refusal is told once, not again as the empty list item or code block it would make.
    Time: linear in the text and the figures' texts."""
    by_line = {}
    for index, match in enumerate(matches):
        by_line.setdefault(where(match.start())[0], []).append(index)
    rendered = {}  # a line opened by figures: (the index of its first figure, its marks' text, its rendered text)
    for line, indices in by_line.items():
        first = matches[indices[0]]
        start = where.starts[line - 1]
        opening = LINE_OPENING.match(text, start, first.start()).end()
        if line in failed or opening < first.start():
            continue  # text stands before the figures on their line
        end = text.find("\n", matches[indices[-1]].end())
        after = [text[matches[index].end():matches[following].start()] for index, following in
                 zip(indices, indices[1:])] + [text[matches[indices[-1]].end():end if end >= 0 else len(text)]]
        rendered[line] = (indices[0], text[start:opening],
                          "".join(pieces[2 * index + 1] + rest for index, rest in zip(indices, after)))
    emptied = [line for line, (_, marks, shown) in rendered.items() if not marks.strip(" \t") and
               not shown.strip(" \t")]  # the lines that would be blank, in order
    before, after = {}, {}  # such a line: the line before (after) the run of such lines it stands in
    for line in emptied:
        before[line] = before.get(line - 1, line - 1)
    for line in reversed(emptied):
        after[line] = after.get(line + 1, line + 1)
    lines = _Lines(text, where, set(emptied))
    found, typed = [], []
    for line, (index, marks, shown) in rendered.items():
        match, col = matches[index], where(matches[index].start())[1]
        figure, mark = f"`{match.group(0)}`", marks.strip(" \t")
        if not shown.strip(" \t"):
            if mark:
                what = f"the line would hold only `{mark}`: an empty list item, quote or heading"
            elif not lines.bounds(before[line]) and not lines.bounds(after[line]):
                what = ("the line would be blank, which ends a paragraph in Markdown (its paragraph printed as two "
                        "numbered ones)")
            elif lines.bounds(before[line]) and lines.bounds(after[line]):
                what = "the line would be blank: the paragraph it is would be dropped"
            else:
                continue  # a paragraph's first or last line: its blank line stands beside the paragraph's own
            typed.append(index)
            found.append(problem(path, line, f"this line holds nothing but {figure}, whose text is "
                                 f"{'empty' if not pieces[2 * index + 1] else repr(pieces[2 * index + 1])}: {what}",
                                 "give the value in the data file, or write the figure on a line of text (an empty "
                                 "value then prints nothing)", col))
            continue
        lead = shown[:len(shown) - len(shown.lstrip(" \t"))]
        if not lead:
            continue
        if mark:
            spaces = marks[len(marks.rstrip(" \t")):]
            indented = not spaces or (not mark.endswith("#") and
                                      _columns(marks + lead) - _columns(marks.rstrip(" \t")) >= 5)
        else:
            starts_block = lines.bounds(line - 1)
            width = _columns(marks + lead)
            indented = starts_block and (width >= 4 or width >= 2 and lines.in_list(line))
        if indented:
            typed.append(index)
            found.append(problem(path, line, f"{figure} opens its line and its text {pieces[2 * index + 1]!r} "
                                 "begins with spaces: Markdown would read them as indentation (a code block, a "
                                 "list's nesting), not as text", "write the value without leading spaces in the data "
                                 "file", col))
    for index in typed:
        pieces[2 * index + 1] = MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", matches[index].group(0))
    return found


class _Places:
    """Where offsets of one text stand: its lines' starts found once, each offset's line looked up among them
    (working each place out from the text's start made a file of many problems quadratic)."""

    def __init__(self, text: str):
        self.starts = [0, *(match.end() for match in NEWLINE.finditer(text))]

    def __call__(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based column) of `offset`."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def statements(text: str, path: Path, where: _Places | None = None) -> list:
    """A problem at each `{% … %}` statement and `{# … #}` comment of `text` (a content file, a cover-note template)
    at `path`: only `{{ … }}` expressions fill it. An anchor `{#name}` alone on its line is none, nor is a line
    holding one attribute block (`{#a .unnumbered}`); an anchor anywhere else would print. `where`: the text's
    `_Places`, if already made."""
    problems, anchors = [], None  # where the anchors stand, looked for at the first `{%` or `{#` (few files have any)
    for match in STATEMENT.finditer(text):
        if anchors is None:
            from .parse import attributes  # markdown-it, here only: `ccdocs new --help` imports this module
            anchors = {anchor.start(1) for anchor in ANCHOR_LINE.finditer(text)}
            anchors.update(line.start(1) + inner.start() for line in BLOCK_LINE.finditer(text)
                           if attributes.block_line(line.group(1)) for inner in STATEMENT.finditer(line.group(1)))
        if match.start() in anchors:
            continue
        where = where or _Places(text)
        line, col = where(match.start())
        if ANCHOR.match(text, match.start()):
            problems.append(problem(path, line, f"the anchor `{ANCHOR.match(text, match.start()).group(0)[:60]}` would "
                                    "print here", "write it alone on the line before the block it names", col))
            continue
        problems.append(problem(path, line, "only `{{ … }}` expressions may stand in content, not `{% … %}` "
                                "statements or `{# … #}` comments", "write the figure as `{{ name | filter }}`", col))
    return problems


def _unclosed(text: str, path: Path, matches: list, where: _Places) -> list:
    """A problem at the first `{{` of each paragraph of `text` that opens none of the expressions `matches`
    (EXPRESSION's): never closed. The others of that paragraph are counted in its message, not told one by one (a
    paragraph of thousands would print thousands of lines, each from the same slip)."""
    starts = {m.start() for m in matches}
    unclosed = [opening.start() for opening in OPENING.finditer(text) if opening.start() not in starts]
    if not unclosed:
        return []
    breaks, shown = [match.start() for match in PARAGRAPH_BREAK.finditer(text)], display_path(path)
    firsts: dict[int, list[int]] = {}  # the paragraph's number: its unclosed openings
    for offset in unclosed:
        firsts.setdefault(bisect_right(breaks, offset), []).append(offset)
    problems = []
    for offsets in firsts.values():
        more = len(offsets) - 1
        cut = f"; {more:,} more `{{{{` of this paragraph not closed either, not told one by one" if more else ""
        problems.append(Problem(shown, *where(offsets[0]), f"template syntax error: `{{{{` has no closing `}}}}`{cut}",
                                "close the expression: `{{ name | filter }}`"))
    return problems


def expressions(text: str, path: Path) -> tuple[list, list]:
    """The `{{ … }}` expressions of `text` (a template at `path`) as (its source, 1-based line, column) each, and a
    problem at each statement, comment, or `{{` never closed: what `render` would refuse before evaluating."""
    matches, where = list(EXPRESSION.finditer(text)), _Places(text)
    return ([(match.group(1), *where(match.start())) for match in matches],
            statements(text, path, where) + _unclosed(text, path, matches, where))


def render(figures: Figures, text: str, path: Path, context: dict, out=None, origins=None) -> str:
    """`text` with each `{{ expression }}` evaluated; every failing expression is reported at its line and column:
    raised as an InputError, or, given a Collector `out`, added to it and the text returned with each failing
    figure left as typed (escaped), so that the rest of the file is still read as written and only its own problems
    reported. A text of the
    data a filter refuses is told where it is written, naming the figure, when `origins` (a `values.Origins`) finds it.

    The distinct expressions of a text are compiled together once per sandbox (a translation with the same
    figures reuses them); when one fails, each is evaluated alone so that each failure is located.
    """
    context = {**context, rules.FORMATS: figures.formats, rules.ORIGINS: origins}
    where, hints = _Places(text), Hints()
    names = tuple(name for name in context if name.isidentifier())  # what a figure may start with (a hint's choices)
    problems, pieces, last = statements(text, path, where), [], 0
    cells, failed = [], set()  # the CSV cells a figure may not take as numbers (told there), and those figures' lines
    matches = list(EXPRESSION.finditer(text))
    together = _evaluated_together(figures, [match.group(1) for match in matches], context)
    for match in matches:
        pieces.append(text[last:match.start()])
        last = match.end()
        if together is not None:
            pieces.append(together[match.group(1)])
            continue
        try:
            pieces.append(_evaluated(figures, (match.group(1),), context)[0])
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a figure raises is reported at its place
            # as typed: an empty figure changed the blocks around it (`- **** staff`: no key figure, a false error)
            pieces.append(MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", match.group(0)))
            message, hint = _failure(exc, hints, names)
            line, col = where(match.start() + _pointed(exc, message, match.group(0)))
            if isinstance(exc, rules.GroupedUse):  # told at the CSV cell, where the number is to be written
                cell = exc.cell
                cells.append(grouped_cell(display_path(cell.place[0]), cell.place[1:], cell.row_id, cell.column,
                                          str(cell), f"the figure at {display_path(path)}:{line}:{col} cannot "
                                          f"{exc.how}"))
                failed.add(line)
                continue
            if isinstance(exc, rules.NotANumber):  # told at the CSV cell, as the table printing it tells it: once
                cells.append(exc.cell.problem())
                failed.add(line)
                continue
            if isinstance(exc, Centimes):  # raised for an amount of the data only (`sandbox`): told where written
                place = origins.number_place(exc.value)
                cells.append(problem(place[0], place[1], *centimes_refused(exc, f"{display_path(path)}:{line}",
                                                                           place[3]), place[2]))
                failed.add(line)
                continue
            if isinstance(exc, NotWhole) and origins is not None and (place := origins.number_place(exc.value)):
                # told at the number in the data (a CSV cell, a YAML key), naming the figure's line
                cells.append(problem(place[0], place[1], *not_whole(exc, f"{display_path(path)}:{line}", place[3]),
                                     place[2]))
                failed.add(line)
                continue
            place = origins(exc.value) if isinstance(exc, rules.Unformatted) and origins is not None else None
            if place is not None:  # told at the text in the YAML, where the number or date is to be written, naming
                # the figure's line (not its column: a translation's differs, and the languages' builds tell it once)
                cells.append(problem(place[0], place[1], *unformatted(exc, f"{display_path(path)}:{line}"), place[2]))
                failed.add(line)
                continue
            problems.append(problem(path, line, message, hint, col))
    pieces.append(text[last:])
    problems += _reshaping(text, path, matches, pieces, where, failed | {item.line for item in problems})
    overflow = _beyond_budget(text, matches, pieces)
    if overflow is not None:
        line, col = where(overflow)
        problems.append(problem(path, line, f"the figures of this file add more than {FIGURE_BUDGET:,} characters "
                                "and ten times the file's own length, from this figure on",
                                "figures are values from the data, not text generated in bulk", col))
    problems += _unclosed(text, path, matches, where)
    problems = sorted(problems, key=lambda p: (p.line or 0, p.col or 0)) + list(dict.fromkeys(cells))
    if problems and out is None:
        raise InputError(problems)
    if problems:
        out.extend(problems)
    return "".join(pieces)
