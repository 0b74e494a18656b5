"""Terminology: the fixed equivalents of WIPO's bodies, committees and standing terms, checked in every translation.

A glossary is a CSV file (UTF-8, comma-separated, a header row `source,target,note`), one term a row: the
term as the source language writes it (`Coordination Committee`), its equivalent in the target language
(`协调委员会`), and a note for the translator (optional). The toolkit's own glossary of a language
(`locales/<lang>/glossary.csv` in ccdocs) comes first; a document's `DOC_DIR/locales/<lang>/glossary.csv` adds
terms and, for a term both give, replaces the toolkit's row.

A term is found in a source case-insensitively, as whole words (`WIPO` in `WIPO's`, not in `wipo.int` nor in
`Learning@WIPO`: link targets, web addresses and placeholders are left out), its last word also in the plural
(`Member State` in `Member States`), the longest term first: where `WIPO Academy` (`WIPO学院`) stands, `WIPO`
(`产权组织`) is not looked for. A translation of such a source must contain the equivalent, as written. A name
kept as it is in every language (`WIPO Thrive`) is a row whose target is its source.

Terms and texts are compared in Unicode's composed form (NFC, `composed`): an accent typed as a letter and a combining
mark (`e` + U+0301: macOS input, text pasted from a PDF) is the same letter as the one character `é`, whichever of
the glossary, the source and the translation holds which.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from ..errors import InputError, Problem, display_path, problem
from ..l10n.catalog import po_path as toolkit_po_path
from .catalogs import NAME_PARTS, entries, language_folders
from ..parse.visible import shows
from ..sources import characters
from ..sources import spans
from ..sources.bounds import GLOSSARY, read_bounded
from ..sources.data import csv_records
from ..sources.spec import hint_for, not_a_file_inside

COLUMNS = ["source", "target", "note"]
NAME = "glossary.csv"
# link targets, web addresses, placeholders and note marks; the look ahead at their first characters changes no
# match and spares re trying each alternative at every position (a scan about twice as fast); `spans` keeps it linear
NOT_TEXT = re.compile(rf"(?=[\]hw{{\[])(?:{spans.span('](', ')', '[^)]')}|https?://\S+|\bwww\.\S+|{spans.FIGURE}"
                      rf"|{spans.STATEMENT}|{spans.NOTE_MARK})", re.S)
HINT = f"write a header row `{','.join(COLUMNS)}`, then one term a row: its source and target, a note if needed"
# terms a glossary may hold: a whole termbase export (WIPO Pearl, UNTERM) holds about 30,000; a check's cost and
# memory grow with the rows (300,000 rows: 770 MB)
MAX_TERMS = 100_000
# words of a term: the longest names in WIPO's and the UN's termbases take some 20 (`Marrakesh Treaty to Facilitate
# Access to Published Works for Persons Who Are Blind, …`); a place in a text may cost a walk as long (`_Index`):
# 20 terms of 2,000 words sharing all but the last, over a text repeating them, took 9 s for 20,000 words
MAX_WORDS = 40
# terms a place in the tree of terms may lead on to before they are tried whole (`_Index`)
CROWDED = 16
FOUND = 8_192  # the words an index keeps folded (`_Index._fold`)
BOUNDARY = re.compile(r"[^\w@-]")  # what may follow a term, as `_whole_words`'s `(?![\w@-])` reads it


@dataclass(frozen=True)
class Term:
    """One glossary row: the source term, its fixed equivalent, a note, and the file and line it was read at."""

    source: str
    target: str
    note: str
    file: str
    line: int

    @cached_property
    def pattern(self) -> re.Pattern:
        """The term as whole words, any spacing between them, the last word in the singular or plural."""
        return _whole_words((self,))

    def rendered_in(self, text: str) -> bool:
        """Whether the equivalent stands in `text` (case-insensitively, for a target in Latin script)."""
        return composed(self.target).casefold() in composed(text).casefold()


def read_glossary(path: Path) -> list[Term]:
    """The terms of one glossary CSV file; InputError at the file and line of every malformed row, and at the row
    beyond MAX_TERMS, and a term of more than MAX_WORDS words (a file beyond `bounds.GLOSSARY` is refused unread).

    The csv module reads it as the data reader does (`data.csv_records`, strict): a quote never closed, text after
    a closing quote, a cell over the module's field limit, a character no text may hold are refused at their line.
    A row is one line: a quoted cell running on to a later line (a quote closed rows later, which would read the
    rows between into it and leave their terms unchecked) is refused where its quote opens. A row giving a term an
    earlier row gives (`_same_term`) is refused at its line, naming the earlier one's."""
    try:
        text = read_bounded(path, GLOSSARY).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([problem(path, None, f"cannot read this glossary: {exc}", "save it as UTF-8 CSV")]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # lines counted as csv_records and refused count them
    shown = display_path(path)
    bad = [Problem(shown, line, col, f"{what} cannot stand in a glossary", characters.HINT)
           for line, col, what in characters.refused(text)]
    if bad:
        raise InputError(bad)
    rows = csv_records(path, text, "a glossary cell holds a term or a short note")
    header = next(rows, (1, []))[1]
    if [cell.strip().lower() for cell in header][:2] != COLUMNS[:2]:
        raise InputError([problem(path, 1, "the first row is not the header `source,target,note`", HINT)])
    terms, found, first = [], [], {}
    for line, row in rows:
        if any("\n" in cell for cell in row):
            found.append(_run_on(path, text, line, row))
            break
        cells = [composed(cell.strip()) for cell in row] + ["", "", ""]
        if not any(cells):
            continue
        if not shows(cells[0]) or not shows(cells[1]) or len(row) > len(COLUMNS):   # U+200B alone is no term
            found.append(problem(path, line, "a glossary row needs a source and a target term (and at most a note)",
                                 HINT))
            continue
        if len(cells[0].split()) > MAX_WORDS:
            found.append(problem(path, line, f"a glossary term holds at most {MAX_WORDS} words; this one holds "
                                 f"{len(cells[0].split()):,}", "keep the term's own name as the source, and put "
                                 "what explains it in the note"))
            continue
        given, target = first.setdefault(_same_term(cells[0]), (line, cells[1]))
        if given != line and target == cells[1]:
            continue  # a termbase's repeat of the row (a term filed under two subjects): read once, its first note
        if given != line:  # a second equivalent for the term would replace the first's unseen
            found.append(problem(path, line, f"the term `{cells[0]}` is given on line {given} already, as "
                                 f"`{target}`: a term has one equivalent, not `{cells[1]}` too",
                                 f"keep one row for it (delete this one, or line {given})"))
            continue
        if len(terms) == MAX_TERMS:
            found.append(problem(path, line, f"a glossary holds at most {MAX_TERMS:,} terms; this is one more",
                                 "keep the terms the document's texts use, or split the termbase by subject"))
            break
        terms.append(Term(cells[0], cells[1], cells[2], str(path), line))
    if found:
        raise InputError(found)
    return terms


def composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC), in which terms and texts are compared.

    >>> composed("Cafe\u0301") == "Caf\u00e9"
    True
    """
    return unicodedata.normalize("NFC", text)


def _same_term(source: str) -> str:
    """The key two rows giving one term share: the source with its case folded and its spacing made one space
    (a term is found with any spacing between its words)."""
    return " ".join(source.split()).casefold()


def _run_on(path: Path, text: str, line: int, row: list[str]) -> Problem:
    """The problem of a row starting on `line` whose quoted cell holds a line break: at the cell's opening quote."""
    cell = next(cell for cell in row if "\n" in cell)
    end = line + sum(cell.count("\n") for cell in row)
    written = text.split("\n", line)[line - 1]
    col = len(written) - len(cell.split("\n", 1)[0].replace('"', '""'))  # the cell runs on: its line ends it
    return problem(path, line, f"a quoted cell opens here and is closed only on line {end}: the lines between are "
                   "read into it, not as terms", 'close the quote on this line (a glossary row is one line; a quote '
                   'inside a quoted cell is written twice: `""`)', col if written[col - 1:col] == '"' else None)


def toolkit_glossary_path(lang: str) -> Path:
    """ccdocs's own glossary of `lang`, beside its toolkit catalog (`locales/<lang>/glossary.csv`)."""
    return toolkit_po_path(lang).parents[1] / NAME


@cache
def toolkit_glossary(lang: str) -> tuple[Term, ...]:
    """The terms of ccdocs's own glossary of `lang` (none when it has none), read once."""
    path = toolkit_glossary_path(lang)
    return tuple(read_glossary(path)) if path.is_file() else ()


def glossary(folder: Path | None, lang: str) -> tuple[Term, ...]:
    """The terms checked in `lang`: the toolkit's, then the document folder's (which replace same-source ones).

    InputError when something stands at the folder's glossary place without being a regular file inside the
    folder (a link leading out of it or nowhere, a folder, a FIFO or a device): never read (a FIFO would hang, a
    link would bring in another file's terms), never taken for "no glossary" (its checks left out silently); nor is
    a glossary beside the place under another name (`_strays`)."""
    chosen = {_same_term(term.source): term for term in toolkit_glossary(lang)}
    if folder is not None:
        path = folder / "locales" / lang / NAME
        strays = [] if path.exists() or path.is_symlink() else _strays(folder, lang)
        if strays:
            raise InputError([problem(stray, None, f"this glossary is not read: ccdocs reads the {lang} glossary "
                                      f"from {display_path(path)} only, and there is none there (the terms of the "
                                      f"{lang} translation would not be checked)", f"did you mean "
                                      f"{display_path(path)}? move or rename this file there, as a UTF-8 CSV file "
                                      f"with the header `{','.join(COLUMNS)}`") for stray in strays])
        if path.exists() or path.is_symlink():
            wrong = not_a_file_inside(folder, path)
            if wrong:
                wrong = "is a link that leads nowhere" if wrong == "missing" else wrong
                raise InputError([problem(path, None, f"the {lang} glossary {wrong}", hint_for(
                    wrong, "make it a regular CSV file inside the document folder, or remove it", path))])
            chosen.update({_same_term(term.source): term for term in read_glossary(path)})
    return tuple(chosen.values())


def _strays(folder: Path, lang: str) -> list[str]:
    """Where the document has no glossary of `lang`: the glossaries an editor or a termbase export may have put
    beside its place, named, never read (breaks-7 #6): a file named `glossary` (any case, any extension: an
    export left as `.xlsx` or `.tbx`) in a folder naming the language (`locales/zh_CN/`, `ZH`, the language's
    own), or in `locales/` named by the language and `glossary` (`glossary.zh.csv`, `zh_glossary.csv`)."""
    locales = folder / "locales"
    stem = NAME.split(".")[0]
    found = [entry.path for home in language_folders(locales, lang) for entry in entries(home.path)
             if not entry.is_dir(follow_symlinks=False) and entry.name.casefold().split(".")[0] == stem]
    if not locales.is_symlink():
        found += [entry.path for entry in entries(locales) if not entry.is_dir(follow_symlinks=False)
                  and {lang.casefold(), stem} <= set(NAME_PARTS.split(entry.name.casefold()))]
    return sorted(found)


def terms_in(text: str, terms) -> list[Term]:
    """The terms standing in `text`, in glossary order, each once; a longer term's words taken before a shorter's.

    >>> [t.source for t in terms_in("The WIPO Academy and WIPO's Member States.", [Term("WIPO", "产权组织", "", "", 2),
    ...     Term("WIPO Academy", "WIPO学院", "", "", 3), Term("Member State", "成员国", "", "", 4)])]
    ['WIPO', 'WIPO Academy', 'Member State']

    The work grows with the text and the terms whose words stand in it, not with the glossary (a termbase export
    holds 30,000 rows): a term's own pattern is tried only where its words stand (`_Index`).
    """
    index = _index(_Same(terms if isinstance(terms, tuple) else tuple(terms)))
    text = NOT_TEXT.sub(" ", composed(text))
    tried = index.candidates(text)
    if not tried:  # most texts hold no term
        return []
    taken = bytearray(len(text))  # 1 at each character a term found stands on: a match is checked along itself
    found = set()
    for rank in sorted(tried):  # longest first
        term = index.longest_first[rank]
        for match in _matches(term.pattern, text, tried[rank]):
            start, end = match.span()
            if taken.find(1, start, end) < 0:
                taken[start:end] = b"\x01" * (end - start)
                found.add(term)
    return [index.terms[at] for at in sorted(at for term in found for at in index.places[term])]


def _matches(pattern: re.Pattern, text: str, starts: list[int]):
    """`pattern.finditer(text)` for a pattern that can match only at `starts` (ascending): tried there alone."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


class _Node:
    """A place in `_Index`'s tree of terms, after some words: the words that lead further (folded, `_folded`), the
    terms whose last word comes next (its folded last word: their ranks), those last words' lengths, how
    many terms pass here (`count`), and, where at most CROWDED do and none did at a place before, their ranks."""

    __slots__ = ("further", "last", "lengths", "count", "few")

    def __init__(self):
        self.further: dict[str, _Node] = {}
        self.last: dict[str, list[int]] = {}
        self.lengths: set[int] = set()
        self.count = 0
        self.few: list[int] | None = None


class _Index:
    """A glossary made ready for `terms_in`: its distinct terms longest first, each one's places in the glossary,
    and a tree of their words, folded as re.I compares letters (`_folded`). At a place of a text the tree is walked
    along the text's words while more than CROWDED terms lead on, then the few left are tried whole: a place costs
    the terms whose words stand there, not all those sharing its first words (breaks-6 #6: 99,000 terms beginning
    `the committee said` made each of its 3,000 places in a paragraph try them all)."""

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms
        self.places: dict[Term, list[int]] = {}
        for at, term in enumerate(terms):
            self.places.setdefault(term, []).append(at)
        self.longest_first = tuple(sorted(self.places, key=lambda t: -len(t.source)))
        self.root = _Node()
        paths = []
        for rank, term in enumerate(self.longest_first):
            *words, last = [_folded(word) for word in term.source.split()]
            path = [self.root]
            for word in words:
                path.append(path[-1].further.setdefault(word, _Node()))
            path[-1].last.setdefault(last, []).append(rank)
            for node in path:
                node.count += 1
            paths.append(path)
        for rank, path in enumerate(paths):
            few = next((node for node in path if node.count <= CROWDED), None)
            if few is not None:
                few.few = (few.few or []) + [rank]
        nodes = [self.root]
        for node in nodes:
            node.lengths = {len(last) for last in node.last}
            nodes += node.further.values()
        longest = max((len(word) for term in terms for word in term.source.split()), default=0)
        first = re.escape("".join(sorted({term.source[0] for term in terms})))
        # where any term may begin (at one of their first letters, not inside a word, an address or a name@), and
        # the word there, up to three characters longer than the longest word of a term (its `es` and what ends it:
        # `_ends` reads a token cut shorter as a word ending there, review-11 R8); then each next word
        self.starts = re.compile(rf"(?=[{first}])(?<![\w.@-])(?=(\S{{1,{longest + 3}}}))", re.I) if terms else None
        self.next = re.compile(rf"\s+(\S{{1,{longest + 3}}})")
        self.folded: dict[str, str] = {}  # `_fold`'s, at most FOUND of them

    def candidates(self, text: str) -> dict[int, list[int]]:
        """{rank of a term in `longest_first`: the places in `text`, ascending, where it may stand}: all the places
        its pattern can match, the words before its last one standing there whole (each followed by spacing), its
        last word beginning the next where the pattern can end it (`_ends`; re.I compares letter for letter); past
        CROWDED terms, any place their first words begin."""
        tried: dict[int, list[int]] = {}
        if self.starts is None:
            return tried
        for match in self.starts.finditer(text):
            start, word, node = match.start(), match, self.root
            while node is not None:
                if node.few is not None:
                    for rank in node.few:
                        tried.setdefault(rank, []).append(start)
                    break
                token = self._fold(word[1])
                for length in _ends(token) & node.lengths if node.last else ():   # (& walks the smaller set)
                    for rank in node.last.get(token[:length], ()):
                        tried.setdefault(rank, []).append(start)
                node = node.further.get(token)
                word = self.next.match(text, word.end(1)) if node is not None else None
                if word is None:
                    break
        return tried

    def _fold(self, token: str) -> str:
        """`_folded(token)`, kept for the next place holding the same word (a paper's words recur)."""
        folded = self.folded.get(token)
        if folded is None:
            folded = _folded(token)
            if len(self.folded) < FOUND:
                self.folded[token] = folded
        return folded


def _ends(token: str) -> set[int]:
    """The lengths of the beginnings of `token` (a text's word, up to its first spacing) at which a term's last
    word can end, as `_whole_words` lets it: before `s` or `es` or nothing, then a character neither a letter, a
    digit, `_`, `@` nor `-` (or the token's end). As many as the token's such characters, thrice at most: a place
    costs the terms whose last word stands there, not one per length of the terms' last words (verify-11 V3)."""
    ends = set()
    for stop in [match.start() for match in BOUNDARY.finditer(token)] + [len(token)]:
        ends.add(stop)
        if token[stop - 1:stop] == "s":
            ends.add(stop - 1)
        if token[max(stop - 2, 0):stop] == "es":
            ends.add(stop - 2)
    return ends


class _Same:
    """A terms tuple as a cache key by identity: hashing 30,000 terms for each text costs as much as trying them.
    The key holds the tuple, so its id is not reused while the entry lives."""

    __slots__ = ("terms",)

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms

    def __hash__(self) -> int:
        return id(self.terms)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.terms is self.terms


@lru_cache(maxsize=64)
def _index(same: _Same) -> _Index:
    """The `_Index` of a terms tuple, made once while the tuple is in use."""
    return _Index(same.terms)


def _folded(text: str) -> str:
    """`text` with each character replaced by one re's IGNORECASE takes for the same: its simple lower case, then
    one of the extra equivalents re's own table gives (ı for i, ſ for s, ς for σ …). Two strings re.I matches
    letter for letter fold equal, and a string keeps its length (İ folds to i, where str.lower makes two)."""
    before, after = _folding()
    return text.translate(before).lower().translate(after)


@cache
def _folding() -> tuple[dict[int, str], dict[int, str]]:
    """`_folded`'s str.translate tables: before lower(), after it (from re._casefix, the table re.I uses)."""
    from re import _casefix  # noqa: PLC0415 (private, but the very table re compiles IGNORECASE with)

    return {0x130: "i"}, {code: chr(min(code, *same)) for code, same in _casefix._EXTRA_CASES.items()
                          if min(code, *same) != code}


def _whole_words(terms: tuple[Term, ...]) -> re.Pattern:
    """Any of `terms` as whole words, any spacing between them, the last word in the singular or plural.

    The look ahead at the terms' first letters changes no match: it lets re skip the other positions without
    trying the look behind and every term at each (a scan 5 to 10 times faster).
    """
    words = "|".join(r"\s+".join(re.escape(word) for word in term.source.split()) for term in terms)
    first = re.escape("".join(sorted({term.source[0] for term in terms})))
    term = rf"(?:{words})(?:s|es)?(?![\w@-])"
    return re.compile(rf"(?=[{first}])(?<![\w.@-]){term}", re.I)


def terminology(entry) -> list[str]:
    """Each glossary term (`entry.glossary`, or the toolkit's of `entry.lang`) the source contains whose equivalent
    the translation lacks.

    >>> term = Term("Coordination Committee", "协调委员会", "", "glossary.csv", 2)
    >>> entry = type("E", (), {"name": "report ¶1", "source": "To the Coordination Committee.",
    ...                        "translation": "提交协调会。", "lang": "zh", "glossary": (term,)})
    >>> terminology(entry)  # doctest: +ELLIPSIS
    ['report ¶1: the term “Coordination Committee” is “协调委员会” in the document glossary (glossary.csv:2), which...']
    """
    terms = toolkit_glossary(entry.lang) if entry.glossary is None else entry.glossary
    lacking = [term for term in terms_in(entry.source, terms) if not term.rendered_in(entry.translation)]
    toolkit = toolkit_glossary_path(entry.lang) if lacking else None  # looked up only for a message
    return [f"{entry.name}: the term “{term.source}” is “{term.target}” in the "
            f"{'toolkit' if Path(term.file) == toolkit else 'document'} glossary ({display_path(term.file)}:"
            f"{term.line}), which the translation lacks (write it so, or give the document its own row for the term "
            f"in DOC_DIR/locales/{entry.lang}/{NAME})"
            for term in lacking]
