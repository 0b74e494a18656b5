"""Cross-references: each `[](#id)` gets the label of the block its anchor `{#id}` names, in the language built.

Runs after numbering, so the label is the number the target prints now: `paragraph 12` / `第12段`, `Chapter 3` /
`第3章` (`Chapter III` / `第三章` with Roman chapters), `Annex II` / `附件二`, `Table 2` / `表2`, `Figure 1` / `图1`,
`footnote 4` / `脚注4`; `[](#a)–[](#b)` gives `paragraphs 12 to 15` / `第12至15段`; a paragraph, table or figure of
an annex (numbered again in each) named from outside it, `paragraph 3 of Annex II` / `附件二第3段`, and a paragraph
of the report or the cover note (each numbered from 1) from another part, `paragraph 2 of the report` / `报告第2段`,
`paragraph 1 of the cover note` / `说明第1段`. The words come
from the toolkit catalog; each number stays a `RefNumber` piece of the label, so that the DOCX writer can make it a
field Word computes again.

An id given twice, a reference to no id, a label asked of a block that prints no number, and a range that is not
one are errors at their lines; so is a paper's cross-reference or link beyond the `LINKED`-th.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from string import Formatter

from .. import model
from ..errors import Hints, InputError, Problem
from ..l10n.catalog import Catalog
from ..model import Chart, Code, Document, Heading, Image, Link, Note, Para, Ref, RefNumber, Source, Table, Text
from ..parse.anchors import LINKED, RANGE
from ..l10n.language import Language
from .chapters import chapter_numeral
from .figures import figure_numbers
from .tables import table_numbers
from .walk import field_names, rebuild, replace, walk

WORDS = {"paragraph": "paragraph {number}", "chapter": "Chapter {number}", "table": "Table {number}",
         "figure": "Figure {number}", "footnote": "footnote {number}"}
IN_ANNEX = ("paragraph", "table", "figure")  # numbered again in each annex: named with it from outside
OTHER_PART = {"report": "{reference} of the report", "cover-note": "{reference} of the cover note"}
SENTENCE_END = re.compile(r"(^|[.!?]\s+)$")            # a label after this opens a sentence…
ABBREVIATION = re.compile(r"(^|\W)(e\.g|i\.e|cf|No|etc|viz|para|paras|Art|Doc)\.\s+$", re.I)  # …but not after these
AS_TYPED = {"columns": "column headings", "rows": "cells", "source_line": "source", "spans": "spanning headings",
            "alt": "alternative text"}  # the fields of a table or image printed as typed, as an editor names them
# a reference written where text prints as typed; its words and id hold no bracket, so that a text of many `[` is
# scanned once, not from each (a CSV cell of 40,000 took 2.1 s, four times that each doubling)
TYPED = re.compile(r"\[[^\[\]\n]*\]\(#[^)\s\[\]]*\)")
FIGURE_TYPED = re.compile(r"\{\{|\{%")  # a figure or statement opened where text prints as typed
BOOKMARK_LENGTH = 40  # Word's limit on a bookmark's name
NO_BREAK = "\u00a0"


@dataclass(frozen=True)
class Target:
    """What an anchor names: `what` it is (`paragraph`, `chapter`, `annex`, `table`, `footnote`; '' when it prints
    no number), the `number` it prints, how a RefNumber of it is computed (`kind`), its part's index and label."""

    anchor: str
    what: str
    number: str
    kind: str
    part: int
    source: Source | None
    noun: str = ""
    line: int | None = None   # the line of its anchor, where known to differ from its block's


def _block_target(block, part, p: int, chapter: int, number: int | None, language: Language, style: str) -> Target:
    anchor, source = block.anchor, block.source
    if isinstance(block, Para):
        if block.label:
            return Target(anchor, "paragraph", block.label.rstrip("."), "paragraph", p, source)
        return Target(anchor, "", "", "", p, source, "an unnumbered paragraph")
    if isinstance(block, Heading) and block.level == 1 and part.kind == "report" and block.prefix:
        return Target(anchor, "chapter", chapter_numeral(chapter, language, style), "text", p, source)
    if isinstance(block, Heading) and block.level == 1 and part.kind == "annex":
        return Target(anchor, "annex", part.label, "none", p, source)
    if isinstance(block, Heading):
        return Target(anchor, "", "", "", p, source, "a heading without a number")
    if isinstance(block, Chart | Image):
        if number is None or not block.prefix:
            return Target(anchor, "", "", "", p, source, "a figure without a number")
        return Target(anchor, "figure", str(number), "text", p, source)
    return Target(anchor, "table", str(number), "text", p, source)


def targets(doc: Document, language: Language, style: str) -> tuple[dict, list[Problem]]:
    """id -> Target of every anchor of `doc`, and a problem for each id given twice (at its second place)."""
    found: dict[str, Target] = {}
    problems: list[Problem] = []
    tables, figures = table_numbers(doc), figure_numbers(doc)

    def add(target: Target, before: bool = True) -> None:
        """Record `target`; the anchor of a paragraph, heading or footnote stands on the line `before` it."""
        if target.source is not None and before:
            target = replace(target, line=target.source.line - 1)
        first = found.get(target.anchor)
        if first is None:
            found[target.anchor] = target
            return
        where = f"{first.source.file}:{first.line or first.source.line}" if first.source else "another place"
        source = target.source
        problems.append(Problem(source.file if source else "document", target.line or (source and source.line), None,
                                f"the id `{target.anchor}` is given twice: here and at {where}",
                                "give each anchor its own id"))

    for p, part in enumerate(doc.parts):
        chapter = 0
        for b, block in enumerate(part.blocks):
            if isinstance(block, Heading) and block.level == 1:
                chapter += 1
            if isinstance(block, Table) and block.anchor and (p, b) not in tables:
                problems.append(Problem(block.source.file, block.source.line, None, f"the anchor `{{#{block.anchor}}}` "
                                        "names a table without a caption, which has no number and nothing to point at",
                                        f"write its caption on the line after `::: table {block.name}`"))
                found.setdefault(block.anchor, Target(block.anchor, "", "", "", p, block.source,
                                                      "a table without a caption"))
            elif isinstance(block, Para | Heading | Table | Chart | Image) and block.anchor:
                number = (figures if isinstance(block, Chart | Image) else tables).get((p, b))
                add(_block_target(block, part, p, chapter, number, language, style), isinstance(block, Para | Heading))
        for node in walk(part.blocks, Note):
            if node.anchor:
                add(Target(node.anchor, "footnote", node.label or "", "note", p, node.source))
    return found, problems


def pieces(template: str, values: dict) -> tuple:
    """The catalog's `template` as label pieces: its words as Text (their spaces no-break spaces, so that no
    writer breaks a label across lines: `paragraph 12`), each `{name}` as `values[name]` (a RefNumber, or a tuple
    of pieces).

    >>> pieces("第{number}段", {"number": RefNumber("p", "12", "paragraph")})
    (Text(text='第'), RefNumber(target='p', text='12', kind='paragraph'), Text(text='段'))
    """
    out: list = []
    for literal, name, _, _ in Formatter().parse(template):
        if literal:
            out.append(Text(literal.replace(" ", NO_BREAK)))
        if name is not None:
            value = values[name]
            out += value if isinstance(value, tuple) else [value]
    return tuple(out)


class _Resolver:
    """Labels of the references of one document; the problems they raise."""

    def __init__(self, doc: Document, catalog: Catalog, found: dict):
        self.doc, self.catalog, self.found = doc, catalog, found
        self.hints = Hints()  # the missing anchors' "did you mean", the first few
        self.problems: list[Problem] = []
        self.words = label_words(catalog)
        self.attached = {node.anchor: other.meta.symbol for other in doc.attached for node in walk(other.parts)
                         if getattr(node, "anchor", "")}   # anchor -> symbol of the attached document giving it

    def chained(self, children: tuple) -> None:
        """A problem for each dash between two references left after ranges were made (`anchors.ranges`): one of
        them has words or is a range already (`[see](#a)–[](#b)`, `[](#a)–[](#b)–[](#c)`)."""
        for index, node in enumerate(children[1:-1], 1):
            if isinstance(node, Text) and RANGE.fullmatch(node.text) and isinstance(children[index - 1], Ref) \
                    and isinstance(children[index + 1], Ref):
                shown = " ".join("–".join(f"[](#{t})" for t in ref.targets) for ref in children[index - 1::2][:2])
                self.fail(children[index + 1], f"a range runs from one reference to one other, both without words: "
                          f"`{shown}` is not one", "write `[](#first)–[](#last)`, or name each apart: "
                          "`[](#a) and [](#b)`")

    def doubling(self, children: tuple) -> None:
        """A problem for each reference among `children` with label words typed beside it."""
        for index, node in enumerate(children):
            if not (isinstance(node, Ref) and not node.children and node.label):
                continue
            before = children[index - 1].text if index and isinstance(children[index - 1], Text) else ""
            after = children[index + 1].text if index + 1 < len(children) and isinstance(children[index + 1], Text) \
                else ""
            word = doubled(before, after, self.words)
            if word:
                shown = "–".join(f"[](#{target})" for target in node.targets)
                label = "".join(piece.text for piece in node.label).replace(NO_BREAK, " ")
                self.fail(node, f"`{word}` is typed beside `{shown}`, whose label prints it already: `{label}`",
                          f"take `{word}` away: `{shown}` prints the whole label")

    def fail(self, ref: Ref, message: str, hint: str) -> None:
        source = ref.source
        self.problems.append(Problem(source.file if source else "document", source.line if source else None,
                                     source.col if source else None, message, hint))

    def label(self, ref: Ref, part: int) -> tuple:
        """The label pieces of `ref`, written in the part of index `part` (() with a problem recorded)."""
        shown = "–".join(f"[](#{target})" for target in ref.targets)
        missing = [target for target in ref.targets if target not in self.found]
        for target in missing:
            if target in self.attached:
                self.fail(ref, f"the anchor `{{#{target}}}` of `{shown}` is in the attached document "
                          f"{self.attached[target]}: references do not cross documents",
                          f"write the words out: `paragraph 3 of document {self.attached[target]}`")
                continue
            hint = self.hints(target, self.found) or \
                "give the block an anchor `{#" + target + "}` on the line before it"
            self.fail(ref, f"there is no anchor `{{#{target}}}` for the reference `{shown}`", hint)
        if missing:
            return ()
        first = self.found[ref.targets[0]]
        if ref.children and len(ref.targets) == 1:
            return ()
        if not first.what:
            where = f" at {first.source.file}:{first.source.line}" if first.source else ""
            self.fail(ref, f"`{shown}` would print a number, but the anchor `{{#{first.anchor}}}` names {first.noun}"
                           f"{where}", f"write the reference's own words: `[the words](#{first.anchor})`")
            return ()
        if len(ref.targets) == 1:
            number = RefNumber(first.anchor, first.number, first.kind)
            label = (number,) if first.what == "annex" else pieces(self.catalog.gettext(WORDS[first.what]),
                                                                     {"number": number})
        else:
            label = self.range(ref, shown, first, self.found[ref.targets[1]])
            if not label:
                return ()
        return self.qualified(label, first, part)

    def qualified(self, label: tuple, first: Target, part: int) -> tuple:
        """`label` named with the part its target is in, when read from another part that numbers the same
        kind of block afresh: an annex (`paragraph 3 of Annex II` / `附件二第3段`) for paragraphs, tables and
        figures; the report or the cover note (`paragraph 2 of the report` / `报告第2段`) for paragraphs, which
        every part numbers from 1 (tables and figures run on from the cover note through the report); and a footnote
        read across the cover note's edge (`footnote ** of the cover note`, `footnote 4 of the report`), since the
        cover note marks its notes `*`, `**` while the report and annexes number theirs through."""
        target_part = self.doc.parts[first.part]
        if first.what == "footnote" and first.part != part and target_part.kind in OTHER_PART \
                and "cover-note" in (target_part.kind, self.doc.parts[part].kind):
            return pieces(self.catalog.gettext(OTHER_PART[target_part.kind]), {"reference": label})
        if first.part == part or first.what not in IN_ANNEX:
            return label
        if target_part.kind == "annex":
            annex = RefNumber(first.anchor, target_part.label, "none")
            only = sum(p.kind == "annex" for p in self.doc.parts) == 1
            template = "{reference} of the {annex}" if only else "{reference} of {annex}"
            return pieces(self.catalog.gettext(template), {"reference": label, "annex": annex})
        if first.what == "paragraph" and target_part.kind in OTHER_PART:
            return pieces(self.catalog.gettext(OTHER_PART[target_part.kind]), {"reference": label})
        return label

    def range(self, ref: Ref, shown: str, first: Target, last: Target) -> tuple:
        """The label pieces of a range of paragraphs (() with a problem recorded when it is not one)."""
        if ref.children or first.what != "paragraph" or last.what != "paragraph" or first.part != last.part \
                or int(first.number) >= int(last.number):
            self.fail(ref, f"`{shown}` is not a range of paragraphs: a range runs from a numbered paragraph to a "
                           "later one of the same part", "name each block in its own reference, `[](#a) and [](#b)`")
            return ()
        return pieces(self.catalog.gettext(range_words(first.number, last.number)),
                      {"first": RefNumber(first.anchor, first.number, first.kind),
                       "last": RefNumber(last.anchor, last.number, last.kind)})


LABEL_TEMPLATES = tuple(WORDS.values()) + ("paragraphs {first} to {last}", "Annex {number}")
FIRST_WORD = re.compile(r"[\s\u00a0]*([^\W\d_]+)")  # matched at a place: as long as the spaces and word
WIDE = 0x2E80  # from here on (CJK) words are not set apart by spaces: a label's word is matched as a string


def label_words(catalog: Catalog) -> tuple[set, set]:
    """(words a label opens with, words it ends with) in the catalog's language, of every kind of label:
    ({'paragraph', 'chapter', 'annex', …}, set()) in English, ({'第', '表', '附件', …}, {'段', '章'}) in Chinese;
    English ones in lower case without a plural `s`."""
    leads, trails = set(), set()
    for template in LABEL_TEMPLATES:
        fields = list(Formatter().parse(catalog.gettext(template)))
        lead = fields[0][0] if fields[0][1] is not None else ""
        trail = fields[-1][0] if len(fields) > 1 and fields[-1][1] is None else ""
        leads.update(_word(w) for w in re.findall(r"[^\W\d_]+", lead)[-1:])
        trails.update(_word(w) for w in re.findall(r"[^\W\d_]+", trail)[:1])
    return leads, trails


def _word(word: str) -> str:
    return word if ord(word[0]) >= WIDE else word.lower().removesuffix("s")


def doubled(before: str, after: str, words: tuple[set, set], end: int | None = None, start: int = 0) -> str:
    """The label word (`label_words`) typed right before or after a reference, which its label prints itself
    (`paragraph [](#x)` -> `paragraph paragraph 12`, `第[](#x)段` -> `第第60段段`), or ''. The reference stands
    between `before[:end]` (all of it by default) and `after[start:]`; only the spaces and the word beside it are
    read, so checking each of a text's references in the whole text is linear in it, not in references x length."""
    leads, trails = words
    end = len(before) if end is None else end
    close = _spaces_before(before, end, lambda c: c in " \u00a0")
    last = _word_before(before, _spaces_before(before, end, str.isspace))
    first, opening = FIRST_WORD.match(after, start), _spaces_after(after, start)
    for lead in leads:
        if ord(lead[0]) >= WIDE and before.endswith(lead, 0, close) or last and _word(last) == lead:
            return lead if ord(lead[0]) >= WIDE else last
    for trail in trails:
        if ord(trail[0]) >= WIDE and after.startswith(trail, opening) or first and _word(first.group(1)) == trail:
            return trail if ord(trail[0]) >= WIDE else first.group(1)
    return ""


def _spaces_before(text: str, end: int, space) -> int:
    """Where the characters `space` says are spaces, ending at `end` of `text`, begin."""
    while end and space(text[end - 1]):
        end -= 1
    return end


def _spaces_after(text: str, start: int) -> int:
    """Where the spaces and no-break spaces from `start` of `text` end."""
    while start < len(text) and text[start] in " \u00a0":
        start += 1
    return start


def _word_before(text: str, end: int) -> str:
    """The word (letters, `[^\\W\\d_]` as `re` reads it) ending at `end` of `text`, or ''."""
    begin = end
    while begin and text[begin - 1].isalnum() and not text[begin - 1].isdecimal() and text[begin - 1] != "_":
        begin -= 1
    return text[begin:end]


def range_words(first: str, last: str) -> str:
    """The catalog's words for the paragraphs `first` to `last` (numbers as printed), for a reference and a
    contents table alike: `paragraphs {first} and {last}` for two in a row, else `paragraphs {first} to {last}`."""
    return "paragraphs {first} and {last}" if int(last) == int(first) + 1 else "paragraphs {first} to {last}"


def _capitalised(children: tuple) -> tuple:
    """`children` with the label of a reference that opens a sentence capitalised (`Paragraph 12 sets out…`): at
    the start of a block, or after `.`, `!` or `?` and a space, but not after an abbreviation (`e.g.`, `cf.`)."""
    out = list(children)
    for index, node in enumerate(out):
        if not (isinstance(node, Ref) and not node.children and node.label and isinstance(node.label[0], Text)):
            continue
        before = out[index - 1] if index else None
        if before is None or (isinstance(before, Text) and SENTENCE_END.search(before.text)
                              and not ABBREVIATION.search(before.text)):
            head = node.label[0].text
            out[index] = replace(node, label=(Text(head[:1].upper() + head[1:]),) + node.label[1:])
    return tuple(out)


def _strings(value, source) -> list[tuple[str, Source | None]]:
    """(text, nearest Source) of every str in `value` (a str, tuple or dataclass, a Text's text included), in
    order."""
    found = []

    def collect(value, source):   # calls, not nested generators each str would pass through
        if isinstance(value, str):
            found.append((value, source))
        elif isinstance(value, tuple):
            for item in value:
                collect(item, source)
        elif (names := field_names(type(value))) is not None and not isinstance(value, Code | Source):
            source = getattr(value, "at", None) or getattr(value, "source", None) or source
            for name in names:
                collect(getattr(value, name), source)

    collect(value, source)
    return found


def typed_references(doc: Document) -> list[Problem]:
    """A problem for each reference, figure `{{ … }}` or statement `{% … %}` written in a text the writers print as
    typed, not read as Markdown nor filled in: the title and other cover fields, a data table's column headings,
    cells, notes, source and unit, a chart's texts, an image's alternative text (at the nearest place known: the
    field's line in document.yaml or the row's in its data file, else the block's)."""
    problems: list[Problem] = []

    def check(text: str, source, what: str) -> None:
        def fail(message: str, hint: str) -> None:
            problems.append(Problem(source.file if source else "document.yaml", source.line if source else None,
                                    None, message, hint))

        match = TYPED.search(text)
        if match:
            fail(f"`{match.group()}` in {what} would print as typed: only a paragraph, heading, caption, list or "
                 "footnote of the text reads a cross-reference", "write the reference in the text, or the words it "
                                                                 "would print")
        match = FIGURE_TYPED.search(text)
        if match:
            shown = text[match.start():][:60]
            fail(f"`{shown}` in {what} would print as typed, braces and all: a figure `{{{{ … }}}}` is filled in only "
                 "in the text (a paragraph, heading, caption, list or footnote)",
                 "write the value itself here, or the sentence in the text")

    for f in fields(doc.meta):
        value = getattr(doc.meta, f.name)
        if isinstance(value, str):
            check(value, doc.meta.source(f.name), f"the cover's `{f.name}`")
    for part in doc.parts:
        for block in part.blocks:
            if not isinstance(block, Table | Image | Chart):
                continue
            for f in fields(block):
                if f.name in ("caption", "source", "anchor", "prefix", "name"):
                    continue
                what = f"this {type(block).__name__.lower()}'s {AS_TYPED.get(f.name, f.name.replace('_', ' '))}"
                value, (items, whole) = getattr(block, f.name), _typed_at(block, f.name)
                for item, place in zip(value, items) if items else ((value, whole),):
                    for text, source in _strings(item, place or block.source):
                        check(text, source, what)
    return problems


def _typed_at(block, name: str) -> tuple[tuple, Source | None]:
    """Where the field `name` of a table, chart or image was typed, as the block records it: (a Source or None for
    each item, when it records one an item: a note's line, a category's data row; else (), and the Source of the
    whole field: a table's source line and unit, a chart's axis title, in document.yaml), None where it records none
    (the field is told at the Sources it holds, or at the block's)."""
    notes = getattr(block, "notes_typed", ())
    if name == "notes":
        return notes[:len(block.notes)], None
    if name == "categories":
        return getattr(block, "categories_typed", ()), None
    if name == "source_line" and isinstance(block, Table) and len(notes) > len(block.notes):
        return (), notes[len(block.notes)]
    if name == "axis_title":
        return (), block.axis_title_typed
    if name == "unit" and isinstance(block, Table):
        return (), block.unit_typed
    return (), None


def bound_links(doc: Document) -> None:
    """InputError at the cross-reference or link of `doc` (its parts, then its attached documents) beyond the
    `LINKED`-th, when there is one."""
    for count, node in enumerate(walk(doc, (Ref, Link)), 1):
        if count > LINKED:
            source = node.source
            raise InputError([Problem(source.file if source else "document", source.line if source else None,
                                      source.col if source else None,
                                      f"this is the paper's cross-reference or link number {count:,}: a paper holds "
                                      f"at most {LINKED:,} (each is a link in the PDF and a field in the DOCX, costing "
                                      "a build many times its words)",
                                      "write most of them as words (`paragraph 12`, the address as text), or split "
                                      "the paper: the longest papers hold some hundreds")])


def resolve_references(doc: Document, language: Language, catalog: Catalog, chapter_style: str) -> Document:
    """Every Ref of `doc` with its label; InputError with every problem of the anchors and references (at the
    first beyond `LINKED` alone: `bound_links`)."""
    bound_links(doc)
    found, problems = targets(doc, language, chapter_style)
    problems += typed_references(doc)
    resolver = _Resolver(doc, catalog, found)
    parts = []
    for index, part in enumerate(doc.parts):

        def visit(node, index=index):
            if isinstance(node, Ref):
                return replace(node, label=resolver.label(node, index))
            if isinstance(node, Para | Heading) and any(isinstance(child, Ref) for child in node.children):
                resolver.doubling(node.children)
                resolver.chained(node.children)
                return replace(node, children=_capitalised(node.children))
            return node

        parts.append(rebuild(part, visit, (Ref, Para, Heading)))
    problems += resolver.problems
    if problems:
        raise InputError(problems)
    return replace(doc, parts=tuple(parts))


def _ascii(match) -> str:
    """A character a bookmark's name cannot hold: `_` for `-` or `:`, the code point's hex digits for a letter of
    another script (`人` -> `4EBA`), so that `{#人才}` and `{#人力}` keep names of their own."""
    char = match.group()
    return "_" if char.isascii() else f"{ord(char):X}"


@cache
def anchored() -> tuple[type, ...]:
    """The model's node classes with an `anchor` field (a paragraph, heading, note, table, chart, image): what a walk
    for anchors looks at, passing over every text (a third of the time a walk of every node takes)."""
    return tuple(cls for cls in vars(model).values() if isinstance(cls, type) and "anchor" in (field_names(cls) or ()))


def bookmarks(doc: Document, taken: set | None = None) -> dict:
    """anchor id -> the name of its bookmark (DOCX) and destination (PDF): Word's hidden form `_Ref_…`, at most
    40 characters of ASCII letters, digits and `_`, unique in the document and not among the names already
    `taken` (`{#pay-gap}` -> `_Ref_pay_gap`, `{#人才}` -> `_Ref_4EBA624D`)."""
    names: dict[str, str] = {}
    taken = set(taken or ())
    for node in walk(doc.parts, anchored()):
        anchor = node.anchor
        if not anchor or anchor in names:
            continue
        base = "_Ref_" + re.sub(r"[^A-Za-z0-9_]", _ascii, anchor)
        name, n = base[:BOOKMARK_LENGTH], 1
        while name in taken:
            n += 1
            name = f"{base[:BOOKMARK_LENGTH - len(str(n)) - 1]}_{n}"
        names[anchor] = name
        taken.add(name)
    return names
