"""Checks of one translated entry against its source, as plain functions (in the manner of babel's checkers).

Each checker takes an `Entry` and returns messages that name it: `report ¶12: …`; no message, no problem.

>>> placeholders(Entry("report ¶3", "We count {{ staff | number }} staff.", "我们有员工。", "zh"))
['report ¶3: placeholder `{{ staff | number }}` is missing from the translation (copy it from the source into the translation, where the sentence prints it)']
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from jinja2 import Environment, TemplateSyntaxError

from ..l10n.catalog import Catalog
from ..l10n.language import OFFICIAL, Language, profile_of
from ..parse.visible import TAB_HINT, may_hold_tab, tab_message
from ..sources import spans
from ..sources.characters import line_break
from ..transforms.references import doubled, label_words
from .glossary import terminology
from .quotes import quotation_marks

PLACEHOLDER = re.compile(rf"{spans.FIGURE}|{spans.STATEMENT}|\{{[A-Za-z_][\w.]*\}}", re.S)  # linear: `spans`
FIELD = re.compile(r"\{[A-Za-z_][\w.]*\}")
NOTE_MARK = re.compile(spans.NOTE_MARK)
TARGET = spans.span("](#", ")", r"[^)\s]", least=1, group=True)   # an anchor's id, `](#id)`: linear (`spans`)
REFERENCE = re.compile(rf"\[{TARGET}\s?[–-]\s?\[{TARGET}|\[((?:[^\[\]\\]|\\.)*){TARGET}")
LINK_TARGET = re.compile(spans.LINK_TARGET)
FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HALF_WIDTH = re.compile(rf"(?<={HAN})\s*[,;:?!()]\s*(?={HAN})")
WEB_ADDRESS = re.compile(r"\b(?:https?|ftp|mailto):[^\s)]*|\bwww\.[^\s)]*")
NO_BREAK = "\u00a0\u202f"  # the no-break space and the narrow one
OFFICIAL_LANGUAGES = frozenset(OFFICIAL)  # the UN's and WIPO's, as URLs write them
LANGUAGE_PARAMETERS = frozenset({"lang", "hl", "language", "locale", "lng"})
INLINE_MARKUP = re.compile(r"[\[<*_&]")  # what every inline rule making a link, HTML, emphasis or `*` starts at
JINJA_SYNTAX = re.compile(r"\{[{%#]")  # where Jinja2's lexer can find anything but data (no line statements)
# What a plain text (a table text) prints as typed but Markdown would read, by the markdown-it inline rule that
# reads it (HTML, links and footnotes have their own checks); `plain_marks` keeps the rules `parser()` enables.
# Strikethrough reads a run of two tildes only (one, as in `~30`, is text there too).
PLAIN_MARKS = {"emphasis": r"\*|_", "strikethrough": "~~", "backticks": "`", "escape": r"\\",
               "entity": r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"}


@dataclass(frozen=True)
class Entry:
    """One catalog entry to check: its name for messages, source, translation and the target language."""

    name: str
    source: str
    translation: str
    lang: str
    glossary: tuple | None = None  # the `glossary.Term`s `terminology` looks for; None: the toolkit's of `lang`
    profile: Language | None = None  # the profile of `lang`, looked up once per catalog by the caller; None: here
    plain: bool = False  # a plain text (a table text: msgctxt `data`), printed as typed, not read as Markdown

    @cached_property
    def language(self) -> Language | None:
        """The profile of `lang` (the one handed down, else the one found), None for a language without one."""
        return self.profile if self.profile is not None else profile_of(self.lang)

    @cached_property
    def markup(self) -> tuple[Markup, Markup]:
        """What Markdown makes of source and translation (`inline_markup`)."""
        return inline_markup(self.source), inline_markup(self.translation)


class Markup(NamedTuple):
    """What markdown-it's inline parse of a text makes that the checks compare: link targets (cross-references
    included), `*` printed as text, bold spans, inline HTML (an unclosed `<!--`, text to markdown-it, as `<!--`)."""

    hrefs: tuple[str, ...] = ()
    asterisks: int = 0
    bold: int = 0
    html: tuple[str, ...] = ()


@lru_cache(maxsize=8192)
def inline_markup(text: str) -> Markup:
    """What markdown-it's inline parse of `text` makes (`Markup`), its placeholders standing as figures and its
    footnote marks left out; parsed once per text in a process (a source is checked in every language).

    A text with none of `[ < * _ &` is parsed by no rule that makes a link, HTML, emphasis or a `*` (the entity
    `&#42;` is one): its markup is empty without parsing it.
    """
    text = PLACEHOLDER.sub("0", NOTE_MARK.sub("", text))
    if not INLINE_MARKUP.search(text):
        return Markup()
    from ..parse.markdown import parser  # markdown-it (some 30 ms to import): only a text checked anew is parsed

    tokens = parser().parseInline(text, {})
    children = tokens[0].children if tokens else []
    texts = [t.content for t in children if t.type == "text"]
    return Markup(tuple(str(t.attrs.get("href", "")) for t in children if t.type == "link_open"),
                  sum(content.count("*") for content in texts),
                  sum(t.type == "strong_open" for t in children),
                  tuple(t.content for t in children if t.type == "html_inline")
                  + ("<!--",) * sum(content.count("<!--") for content in texts))


# What a translator does about an item (a placeholder, a footnote mark, a reference, a link target, HTML) the
# translation does not hold as the source does: the hint closing each message of `_difference`.
MISSING_HINT = "copy it from the source into the translation, where the sentence prints it"
AS_OFTEN_HINT = "write it as many times as the source does"
EXTRA_HINT = "delete it, or write it as the source writes it"


def _difference(entry: Entry, found, what: str) -> list[str]:
    """Messages for the items `found(text, side)` gives that differ between source (0) and translation (1).

    An item is compared without its spaces (`{{x|number}}` is `{{ x | number }}`) and shown as written.
    """
    sides = [tuple(found(text, side)) for side, text in enumerate((entry.source, entry.translation))]
    if sides[0] == sides[1]:  # the same items in the same order (most often none): nothing differs
        return []
    shown, counts = {}, []
    for items in sides:
        for item in items:
            shown.setdefault(re.sub(r"\s+", "", item), item)
        counts.append(Counter(re.sub(r"\s+", "", item) for item in items))
    missing = [f"{entry.name}: {what} `{shown[key]}` is missing from the translation ({MISSING_HINT})"
               for key in counts[0] - counts[1]]
    extra = [f"{entry.name}: {what} `{shown[key]}` is in the translation " + (
             f"{_times(counts[1][key])}, in the source {_times(counts[0][key])} ({AS_OFTEN_HINT})" if counts[0][key]
             else f"but not in the source ({EXTRA_HINT})") for key in counts[1] - counts[0]]
    return missing + extra


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


@cache
def _figures_syntax() -> Environment:
    """Jinja2 with the figures' delimiters (its defaults), to read a text's figures without running them."""
    return Environment(keep_trailing_newline=True)


@lru_cache(maxsize=8192)
def jinja_parts(text: str) -> tuple[tuple[str, ...], str | None]:
    """Each figure, statement and comment of `text` as Jinja2 reads it (`{name}` fields too), and what stops it;
    read once per text in a process (a source is checked in every language).

    A text without `{{`, `{%` or `{#` is data alone to Jinja2's lexer: its fields are read without lexing it; a
    text whose every tag Jinja2 reads alone as one whole tag is read tag by tag (`_tag_by_tag`), each tag lexed
    once per process; any other text is lexed whole (`_lexed`).

    >>> jinja_parts("We count {{ staff }} staff {# sic #}.")
    (('{{ staff }}', '{# sic #}'), None)
    >>> jinja_parts("第二段 {{ staff")
    ((), '`{{` is not closed')
    """
    if not JINJA_SYNTAX.search(text):
        return tuple(FIELD.findall(text)), None
    parts = _tag_by_tag(text)
    return (parts, None) if parts is not None else _lexed(text)


CLOSING = {"{{": "}}", "{%": "%}", "{#": "#}"}
EATING = ("-}}", "-%}", "-#}")  # a tag end that takes the white space after it into the tag


def _tag_by_tag(text: str) -> tuple[str, ...] | None:
    """`text`'s parts as Jinja2's lexer reads them, found without lexing the whole text, or None where that
    cannot be told so (the caller lexes it whole).

    Outside a tag the lexer reads data up to the first `{{`, `{%` or `{#`; from there, a tag's tokens are decided
    by its own characters alone, up to its end. So where the text from each such opening to the first closing
    of its kind (`}}`, `%}`, `#}`) is one whole tag when lexed alone (`_whole_tag`, once per tag in a process),
    the whole text reads as those tags with data between them. A text with a `\r` (which the lexer turns into
    `\n` first) is left to the lexer.
    """
    if "\r" in text:
        return None
    found: list[str] = []
    at = 0
    while (opening := JINJA_SYNTAX.search(text, at)) is not None:
        end = text.find(CLOSING[opening.group()], opening.end())
        if end < 0 or not _whole_tag(text[opening.start():end + 2]):
            return None
        found += FIELD.findall(text[at:opening.start()])
        found.append(text[opening.start():end + 2])
        at = end + 2
    return tuple(found + FIELD.findall(text[at:]))


@lru_cache(maxsize=1024)
def _whole_tag(tag: str) -> bool:
    """Whether Jinja2 lexes `tag` alone as one figure, statement or comment from its first character to its
    last, closed without taking in white space after it (`-}}`): anything else (an error, a raw block, data
    before or after) is not."""
    return not tag.endswith(EATING) and _lexed(tag) == ((tag,), None)


def _lexed(text: str) -> tuple[tuple[str, ...], str | None]:
    """`jinja_parts` of `text` lexed whole by Jinja2."""
    found: list[str] = []
    current: list[str] | None = None
    try:
        for _, kind, value in _figures_syntax().lex(text):
            if current is None and kind.endswith("_begin"):
                current = [value]
            elif current is not None:
                current.append(value)
                if kind.endswith("_end"):
                    found.append("".join(current))
                    current = None
            elif kind == "data":
                found += FIELD.findall(value)
    except TemplateSyntaxError as exc:
        return tuple(found), exc.message or str(exc)
    return tuple(found), (f"`{current[0]}` is not closed" if current is not None else None)


def _reads(text: str) -> bool:
    """Whether Jinja2 parses `text`; a number too long to convert or nesting too deep to parse does not read
    (the figure's own check, at render time, says which bound it passes)."""
    try:
        _figures_syntax().parse(text)
    except (TemplateSyntaxError, ValueError, RecursionError):
        return False
    return True


def placeholders(entry: Entry) -> list[str]:
    """The same Jinja2 figures, statements and comments (and `{name}` fields), as often as in the source.

    Spacing aside; read by Jinja2 itself, so an unclosed `{{`, a stray `{%` or `{#` is a message here, and a
    translation of a segment that Jinja2 reads alone must read alone too (statements in a possible order).
    """
    parts = jinja_parts(entry.source), jinja_parts(entry.translation)  # each side lexed once
    found = _difference(entry, lambda _, side: parts[side][0], "placeholder")
    error = parts[1][1]
    if error and not parts[0][1]:
        found.append(f"{entry.name}: Jinja2 cannot read the translation: {error} (write `{{{{`, `{{%` and `{{#` "
                     "only as the placeholders of the source)")
    elif not found and "{%" in entry.translation and _reads(entry.source) and not _reads(entry.translation):
        found.append(f"{entry.name}: Jinja2 cannot read the translation's statements in this order (keep the "
                     "source's `{% … %}` statements in their order)")
    return found


def footnote_marks(entry: Entry) -> list[str]:
    """The same footnote marks `[^label]`, each once as in the source."""
    return _difference(entry, lambda text, _: NOTE_MARK.findall(text), "footnote mark")


def references(entry: Entry) -> list[str]:
    """The same cross-references, each once as in the source and in the same form: `[](#id)` printing the label
    (never turned into typed words, which would not follow the numbers), a range `[](#a)–[](#b)`, or a reference
    with its own words `[…](#id)` (the words translated).

    >>> references(Entry("report ¶3", "See [](#pay) and [](#a)–[](#b).", "见[第4段](#pay)和[](#a)–[](#b)。", "zh"))
    ['report ¶3: reference `[](#pay)` is missing from the translation (copy it from the source into the translation, where the sentence prints it)', 'report ¶3: reference `[…](#pay)` is in the translation but not in the source (delete it, or write it as the source writes it)']
    """
    def found(text: str, _) -> list[str]:
        shown = []
        for first, last, words, target in REFERENCE.findall(text):
            shown.append(f"[](#{first})–[](#{last})" if first else f"[{'…' if words else ''}](#{target})")
        return shown

    return _difference(entry, found, "reference") + label_words_around(entry)


def label_words_around(entry: Entry) -> list[str]:
    """A message for each reference `[](#id)` of the translation with a word of the language's labels typed
    right before or after it (`第[](#x)段`), which the label prints itself (`第第60段段`).

    >>> label_words_around(Entry("report ¶3", "See [](#x).", "该方法见第[](#x)段。", "zh"))
    ['report ¶3: `第` is typed beside `[](#x)`, whose label prints it already: write `[](#x)` alone (`[](#x)` prints the whole label)']
    """
    words, out = None, []
    for match in REFERENCE.finditer(entry.translation):
        if match.group(3):
            continue
        words = words or _label_words(entry.lang)  # read only for a reference to check: most texts have none
        word = doubled(entry.translation, entry.translation, words, match.start(), match.end())  # no slices
        if word:
            shown = match.group().replace(" ", "")
            out.append(f"{entry.name}: `{word}` is typed beside `{shown}`, whose label prints it already: write "
                       f"`{shown}` alone (`{shown}` prints the whole label)")
    return out


def _label_words(lang: str) -> tuple[set, set]:
    """The words the labels of `lang` print, from its toolkit catalog as it is now (a catalog edited in a watch
    is another catalog: `Catalog.load` reads it again)."""
    return _label_words_of(Catalog.load(lang))


@lru_cache(maxsize=8)
def _label_words_of(catalog: Catalog) -> tuple[set, set]:
    return label_words(catalog)


def _subtag(code: str) -> str:
    """The primary language subtag of a code as URLs write it: `zh` of `zh`, `zh-CN`, `zh_cn`; lower case."""
    return re.split(r"[-_]", code, maxsplit=1)[0].lower()


def localized(source: str, target: str, lang: str) -> bool:
    """Whether `target` is the link `source` with its language turned into `lang`, and nothing else changed.

    The language may stand as a path segment (`https://undocs.org/en/A/74/331` → `…/zh/A/74/331`) or as the value
    of a language query parameter (`?lang=en` → `?lang=zh`, also `hl`, `language`, `locale`), on any host; the
    source's value must be one official language (`en`, `fr`, …, `en-US` too) and every changed value the same,
    the target's primary subtag must be `lang`.

    >>> localized("https://undocs.org/en/A/74/331", "https://undocs.org/zh/A/74/331", "zh")
    True
    >>> localized("https://undocs.org/en/A/74/331", "https://undocs.org/zh/A/74/332", "zh")
    False
    """
    a, b = urlsplit(source), urlsplit(target)
    if (a.scheme, a.netloc.lower(), a.fragment) != (b.scheme, b.netloc.lower(), b.fragment):
        return False

    paths = a.path.split("/"), b.path.split("/")
    queries = parse_qsl(a.query, keep_blank_values=True), parse_qsl(b.query, keep_blank_values=True)
    if len(paths[0]) != len(paths[1]) or [k for k, _ in queries[0]] != [k for k, _ in queries[1]]:
        return False
    changed = [(x, y) for x, y in zip(*paths) if x != y]
    changed += [(v, w) for (k, v), (_, w) in zip(*queries) if v != w and k.lower() in LANGUAGE_PARAMETERS]
    others = [(k, v, w) for (k, v), (_, w) in zip(*queries) if v != w and k.lower() not in LANGUAGE_PARAMETERS]
    return (bool(changed) and not others and len({x.lower() for x, _ in changed}) == 1
            and all(_subtag(x) in OFFICIAL_LANGUAGES and x.replace("_", "-").count("-") <= 1 and _subtag(y) == lang
                    for x, y in changed))


def link_targets(entry: Entry) -> list[str]:
    """The same link targets (cross-references aside: `references`); a link may carry the target language in
    place of the source's, in a path segment or a language parameter (`localized`), whatever its host."""

    def hrefs(side: int) -> list[str]:
        return [href for href in entry.markup[side].hrefs if not href.startswith("#")]

    def targets(_, side: int) -> list[str]:
        sources = hrefs(0)
        if side == 0:
            return sources
        return [t if t in sources else next((s for s in sources if localized(s, t, entry.lang)), t)
                for t in hrefs(1)]

    return _difference(entry, targets, "link target")


def balanced_markup(entry: Entry) -> list[str]:
    """Bold `**` and italic `*` that open and close as Markdown reads them, and every bold span kept."""
    asterisks = [markup.asterisks for markup in entry.markup]
    source, translation = (markup.bold for markup in entry.markup)
    messages = []
    if asterisks[1] > asterisks[0]:
        messages.append(f"{entry.name}: a `**` or `*` in the translation opens or closes nothing and would print "
                        "as an asterisk (a closing `**` right after punctuation needs a space or the punctuation "
                        "outside it: `**重新设计工作**。`)")
    if translation < source:
        messages.append(f"{entry.name}: {source} bold span(s) in the source, {translation} in the translation (mark "
                        "the words the source makes bold with `**` on both sides)")
    return messages


def html(entry: Entry) -> list[str]:
    """No HTML in the translation that the source does not have: a comment would be printed, a tag refused.

    An unclosed `<!--` is text to markdown-it, and HTML to the build: it counts here too.
    """

    return _difference(entry, lambda _, side: entry.markup[side].html, "HTML")


@cache
def plain_marks() -> re.Pattern:
    """The marks of `PLAIN_MARKS` whose markdown-it inline rule the content parser (`parser()`) enables, as one
    pattern (made once per process: the parser never changes)."""
    from ..parse.markdown import parser

    enabled = {rule.name for rule in parser().inline.ruler.__rules__ if rule.enabled}
    return re.compile("|".join(mark for rule, mark in PLAIN_MARKS.items() if rule in enabled))


def _code(mark: str) -> str:
    """`mark` as Markdown code in a message: between double backticks and spaces where it holds a backtick."""
    return f"`` {mark} ``" if "`" in mark else f"`{mark}`"


def plain_markup(entry: Entry) -> list[str]:
    """In a plain text (`Entry.plain`: a table text), no Markdown mark or character reference (`plain_marks`:
    `*`, `_`, `~~`, `` ` ``, `\\`, `&name;`, `&#…;`) the source does not hold as often: the paper prints it as typed, where
    the same mark in a paragraph would be read. A mark the source holds (printed as typed there too) may stay.

    >>> [m.split(" in the ")[0] for m in plain_markup(Entry("table text", "Budget", "**预算** &#x202E;", "zh", plain=True))]
    ['table text: `*`', 'table text: `&#x202E;`']
    """
    if not entry.plain:
        return []
    marks = plain_marks()
    source, translation = (Counter(marks.findall(text)) for text in (entry.source, entry.translation))
    return [f"{entry.name}: {_code(mark)} in the translation of a plain table text, {_times(translation[mark])}, in the "
            f"source {_times(source[mark]) if source[mark] else 'none'}: it would be printed as typed (write the words "
            "only: no Markdown emphasis, strikethrough, code or escapes; a character itself, not its reference)"
            for mark in translation - source]


def _figures(text: str) -> set[str]:
    return set(FIGURE.findall(_cleaned(text)))


def _cleaned(text: str) -> str:
    """`text` without its placeholders, note marks and link targets, whose digits are no figures of the text."""
    return LINK_TARGET.sub("]", NOTE_MARK.sub("", PLACEHOLDER.sub(" ", text)))


def figures(entry: Entry) -> list[str]:
    """Every figure written in digits in the source (years, 65%, 1,000, P5) present in the translation, as typed or
    as the translation's language writes the same number (`written`: French 3,25 and 1 000 for 3.25 and 1,000,
    Spanish 1.735 for 1,735; the source's separators are English's, as the toolkit's source languages write them).

    >>> figures(Entry("¶3", "It grew by 3.25 per cent to 1,000 staff in 2025.", "Elle a crû de 3,25 % à 1\u202f000 "
    ...               "agents en 2025.", "fr"))
    []
    >>> figures(Entry("¶3", "It grew by 3.25 per cent.", "Elle a crû de 3,52 %.", "fr"))
    ['¶3: the figure `3.25` of the source is missing from the translation (write it as the source does, or as the language of the translation writes numbers; better, bind it to the data as a `{{ … }}` in both)']
    """
    missing = _figures(entry.source) - _figures(entry.translation)
    if missing:
        values = written(entry.translation, entry.language)
        missing = {figure for figure in missing if _value(figure, ".", ",") not in values}
    return [f"{entry.name}: the figure `{figure}` of the source is missing from the translation (write it as the "
            "source does, or as the language of the translation writes numbers; better, bind it to the data as a "
            "`{{ … }}` in both)" for figure in sorted(missing)]


def written(text: str, language: Language | None) -> set[str]:
    """The numbers written in digits in `text` as `language` writes them (its babel locale's decimal sign and group
    separator; a language grouping with a space takes any of its spaces), each as a plain decimal string."""
    decimal, group = separators(language.locale if language is not None else "en")
    groups = group + (" \u00a0\u202f" if group.isspace() else "")
    return {value for token in number_pattern(decimal, groups).findall(_cleaned(text))
            if (value := _value(token, decimal, groups)) is not None}


@lru_cache(maxsize=16)
def separators(locale: str) -> tuple[str, str]:
    """(decimal sign, group separator) of a babel `locale` (fr: `,` and U+202F)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(locale), get_group_symbol(locale)


@lru_cache(maxsize=16)
def number_pattern(decimal: str, groups: str) -> re.Pattern:
    """A number as written with `decimal` and `groups`: digits in groups of three after the first one to three, or
    digits alone, then the decimal sign and digits (a year beside a grouped number stays a number of its own)."""
    d, g = re.escape(decimal), "".join(map(re.escape, groups))
    return re.compile(rf"(?<!\d)(?:\d{{1,3}}(?:[{g}]\d{{3}})+(?!\d)|\d+)(?:{d}\d+)?")


def _value(token: str, decimal: str, groups: str) -> str | None:
    """`token`, a number written with `decimal` and `groups`, as a plain decimal string (`1000`, `3.25`)."""
    digits = "".join(ch for ch in token if ch not in groups).replace(decimal, ".")
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return None


def chinese_punctuation(entry: Entry) -> list[str]:
    """Where the language's profile asks for full-width punctuation (`typography.full_width_punctuation`: Chinese),
    no half-width `, ; : ? ! ( )` between Han characters (write `，；：？！（）`)."""
    if entry.language is None or not entry.language.typography.full_width_punctuation:
        return []
    return [f"{entry.name}: half-width `{match.group().strip()}` between Chinese characters at "
            f"“{entry.translation[max(match.start() - 3, 0):match.end() + 3]}” (use the full-width form)"
            for match in HALF_WIDTH.finditer(entry.translation)]


def space_before(entry: Entry) -> list[str]:
    """Where the language's profile asks for it (`typography.space_before`: French `: ; ! ?`), each of those marks
    after a no-break space (U+00A0, or the narrow U+202F): not glued to the word before it, nor after a space a
    line may break at. Placeholders, link targets, web addresses and a colon between digits (10:30) are left alone.

    >>> [m.split(" (")[0] for m in space_before(Entry("¶2", "See: a; b", "Voir : a; b\u00a0; c\u00a0: d", "fr"))]
    ['¶2: an ordinary space before `:` at “Voir :”', '¶2: no space before `;` at “r : a;”']
    """
    marks = entry.language.typography.space_before if entry.language is not None else ""
    if not marks:
        return []
    text = entry.translation
    skipped = [m.span() for pattern in (PLACEHOLDER, LINK_TARGET, WEB_ADDRESS) for m in pattern.finditer(text)]
    found = []
    for match in re.finditer(f"[{re.escape(marks)}]", text):
        at = match.start()
        before, after = text[at - 1:at], text[at + 1:at + 2]
        if not before or before in NO_BREAK or before in marks or (before.isdigit() and after.isdigit()) \
                or any(start <= at < end for start, end in skipped):
            continue
        found.append(f"{entry.name}: {'an ordinary space' if before.isspace() else 'no space'} before "
                     f"`{match.group()}` at “{text[max(at - 5, 0):at + 1].lstrip()}” (write a no-break space, "
                     "U+00A0, before it)")
    return found


def line_breaks(entry: Entry) -> list[str]:
    """No more lines than the source: a segment is one block (a blank line would be lost, the rest joined into
    it, `# …` after it printed as text) and a one-line text (a table heading) stays on one line. Lines end at
    every line break `str.splitlines` knows (`sources.characters.LINE_BREAK`: `\\r`, U+2028 …), as the build
    joins them (`segments.one_line`)."""
    def breaks(text: str) -> tuple[int, int]:
        lines = [line.strip() for line in text.strip().splitlines()] or [""]
        return lines.count(""), len(lines) - 1

    source, translation = breaks(entry.source), breaks(entry.translation)
    if translation[0] > source[0]:
        return [f"{entry.name}: a blank line in the translation would split its block (the build joins it into one: "
                "write one paragraph, with no empty line)"]
    if translation[1] > 0 and source[1] == 0:
        kind = line_break(entry.translation.strip())
        return [f"{entry.name}: {translation[1]} line break(s) in the translation of a one-line text, the first a "
                f"{kind} (write it on one line)"]
    return []


def tabs(entry: Entry) -> list[str]:
    """No tab in a translation (`parse.visible.tab_message`: Word's tab stop, the PDF's space), as in the source."""
    text = entry.translation.strip()   # a tab typed, or in Markdown an entity read as one (`&#9;`, `&Tab;`)
    if "\t" not in text if entry.plain else not may_hold_tab(text):
        return []
    return [f"{entry.name}: {tab_message('the translation')} ({TAB_HINT})"]


CHECKERS = (placeholders, footnote_marks, references, link_targets, balanced_markup, html, plain_markup, figures,
            chinese_punctuation, space_before, quotation_marks, line_breaks, tabs, terminology)


def check(entry: Entry) -> list[str]:
    """Every checker's messages for one entry, in checker order (not kept across a watch's rounds: some checkers
    read the toolkit catalog as it is now, which the entry does not hold)."""
    return [message for checker in CHECKERS for message in checker(entry)]
