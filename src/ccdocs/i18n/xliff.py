"""A content catalog as XLIFF 1.2 for computer-assisted translation tools (Trados, memoQ, …), and back.

XLIFF 1.2, not 2.x: it is the version every CAT tool in use at the UN and WIPO reads and writes back (Trados Studio,
memoQ, Memsource/Phrase, OmegaT, Okapi), while 2.x import is partial in several of them; 1.2 also has what a
catalog entry holds: a unit's name (`resname`), a state per target, notes, and `alt-trans` for the previous source.

One `<file original="content.po">`, one `<trans-unit>` per active catalog entry, in catalog order:

- `id`: the entry's ordinal (1, 2, …); `resname`: its msgctxt (`data` for a table text), absent when it has none,
  so (source, resname) names the catalog entry, as (msgid, msgctxt) does;
- `<source>`: the msgid; `<target state=…>` the msgstr: `translated`, or `needs-review-translation` for a fuzzy
  entry (no `<target>` for an untranslated one); in both, what the translator must keep as written is a protected
  inline code `<ph id="N">` holding it (`{{ … }}`, `{name}`, a footnote mark `[^x]`, a reference `[](#id)`, a
  link's `[` and `](target)`, `**` and `*`): a CAT tool shows it as a tag the translator places but cannot edit;
  the k-th occurrence of a code has the same id in source and target;
- `<note from="ccdocs">`: the extracted comment (where it prints: `paragraph: report ¶12`), then each file:line;
- a fuzzy entry's previous msgid (`#|`) as `<alt-trans alttranstype="previous-version">` with the translation
  made from it, so the CAT tool shows what changed in the English;
- `extradata="ccdocs-exported2:<digest>"` (XLIFF 1.2's attribute for a tool's own data): the translation the unit
  was exported with and its state (fuzzy or not), by one digest, so that an import can tell what its translator
  changed from what another import, an edit or a review changed in the catalog meanwhile (see `merge_xliff`). An
  older ccdocs wrote `ccdocs-exported:<digest>`, of the translation alone: such a file is still read, its state at
  export unknown.

Import writes back translations only: a unit whose source or resname is not an entry of the catalog (the English
changed since the export: a stale unit) is skipped, with a warning at its XLIFF line, and the other units are
imported, as a CAT tool's import of a partly outdated file does (the entry the English now has stays untranslated
or fuzzy, which a final build refuses: nothing is lost unseen); where any other unit is refused, the stale ones are
refused with it and nothing is written. A target is checked by the catalog's checkers and, in its
content file, by the structure check `check` runs (`policy.assess_document`), then by the build itself: the
document is built in the language, without writing, from the catalog as the import would write it
(`catalogs.staged`), and what that build refuses in a translation just imported (an entity naming a control
character, a heading the translation leaves blank, a mark the PDF cannot place) is refused at the unit's line. A
target in state `translated`, `signed-off` or `final` (or with no state) clears the fuzzy flag and the `#|`, any
other state (`needs-…`, `new`) leaves or makes the entry fuzzy; a unit without a target changes nothing.

A blank target (white space, or characters that print nothing: `parse.visible.shows`, as the catalog reads a
msgstr) is the translator removing the translation: the entry is cleared, untranslated again (not fuzzy, no `#|`),
and the import names each such unit in a note at its line. Keeping the old translation would print one the
translator took out; a final build refuses the cleared entry until it is translated again, so nothing is lost
unseen.

The XML is read and written by translate-toolkit's `translate.storage.xliff` (lxml underneath). Before it builds
its tree and an object per unit, a file given to ccdocs (an import, a memory) is surveyed in one streaming pass by
the standard library's expat (`_survey`), which refuses, at its line and column:

- a file over `bounds.XLIFF` (32 MB), with more than `MAX_UNITS` units or more than `MAX_ELEMENTS` elements (derived
  from a paper's bounds: what `export` writes of a paper within them is read; it writes nothing beyond them)
  (translate-toolkit takes some 3 KB of memory a unit, about 1 KB an element, inline `<g>` codes included, and 35
  times the file's size: a 25 MB file of 300,000 small units took 1 GB and 2.5 minutes, a 32 MB one of 19,500 units
  holding 100 `<g>` each 2 GB and 13 s). A paper's
  catalog has hundreds to a few thousand units (the sample: 262 units, 190 KB); a CAT tool's alternative
  translations and history can make its file several times larger, never a hundred times;
- a document type declaration (DOCTYPE): translate-toolkit's safe parser leaves its entities unexpanded, so an
  internal one would reach the catalog as the literal text `&name;`; CAT tools write none;
- a character a paper may not hold (`sources.characters`: a bidirectional override, a C1 control, a
  non-character …) in a unit's source or target, written as itself or as a character reference (`&#x202E;`): the
  catalog it reached would be refused by every build, and by the next import;
- a unit's own `xml:lang` naming another language than its `<file>`'s (`_unit_language`): a `<target>`'s not the
  `target-language` (a CAT tool writes `<target xml:lang="zh-TW">` for a segment pretranslated from another
  language's memory), a `<source>`'s not the `source-language`, a `<trans-unit>`'s neither: its translation
  would fill the catalog as one of the file's language. The file's own language is checked against the catalog's
  by `other_language`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from xml.parsers import expat

from lxml import etree
from translate.storage import xliff

from ..errors import InputError, Problem, display_path, problem
from ..parse.visible import shows
from ..sources.bounds import CONTENTS, XLIFF, Beyond, amount, read_within, size_held
from ..sources.characters import HINT as CHARACTER_HINT
from ..sources.characters import refused
from ..sources import spans
from ..sources.within import place_inside
from .catalogs import (NAME_PARTS, TRADITIONAL_HINT, ContentCatalog, po_path, read_catalog, staged,
                       traditional_chinese)
from .checkers import NOTE_MARK, PLACEHOLDER, Entry, check
from .extract import po_bytes, write_catalog
from .glossary import glossary
from .locking import held

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
ORIGINAL = "content.po"
FUZZY_STATE = "needs-review-translation"
DONE_STATES = frozenset({"translated", "signed-off", "final"})
CODE = re.compile("|".join([PLACEHOLDER.pattern, NOTE_MARK.pattern, spans.span("[](#", ")", r"[^)\s]", least=1),
                             spans.LINK_TARGET,
                             r"\[(?=[^\[\]]*\]\()", r"\*\*?"]), re.S)
HINT = "export the catalog again with `ccdocs i18n export` after `ccdocs i18n update`, and translate in that file"
STALE_HINT = ("its English changed since the export (or it is another document's unit): run `ccdocs i18n update`, "
              "export again with `ccdocs i18n export` and translate that unit there, where the CAT tool's memory "
              "offers the skipped translation")
FIX_HINT = "fix the target in the CAT tool and export it again"
PO_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:#|msgid\b|msgctxt\b)")  # a gettext catalog's first line
EXPORTED = "ccdocs-exported2:"  # a unit's `extradata`: then the digest of the translation and state exported
EXPORTED_TEXT = "ccdocs-exported:"  # what an older ccdocs wrote: then the digest of the translation alone
SKIPPED = ": skipped, its translation not imported"  # a skipped unit's warning, told with the rest when refused
BOTH_HINT = ("compare the two and keep one: accept the catalog's (export again and translate that unit there) or "
             "put this file's in the catalog by hand")
# The bounds an import reads within, derived from those of a paper, so that what `ccdocs i18n export` writes of a
# paper within its bounds is imported back (breaks-8 #13: a paper of 21,000 one-line paragraphs, within the content
# bound, exported 21,045 units, which the import refused beyond 20,000, telling the translator to export again):
# a unit is an active catalog entry, a paragraph, list item, heading or table text, at most one a line of the
# content files (`sources.bounds.CONTENTS`: 50,000 lines), table cells aside; the sample's export has 1,685 elements
# (6.4 a unit: the unit, its source, target and note, a code `<ph>` in both), so 8 a unit. translate-toolkit takes
# some 3 KB of memory a unit and 1 KB an element (inline codes `<g>` included: 1.95 million took 2 GB): at the
# bounds, 49,990 units of 8 elements (20 MB) took 3.9 s of CPU and 570 MB to survey and parse. An export beyond them, or beyond `sources.bounds.XLIFF`, is refused before it is written
# (`export`): an XLIFF ccdocs could not import back is never made.
MAX_UNITS = CONTENTS.lines
MAX_ELEMENTS = 8 * MAX_UNITS
# A translation memory given as XLIFF (`--memory`) is read within the same bounds, for what it costs to read (one
# export of a CAT tool's memory, of many documents, is no paper's export): a larger one is given in parts
MEMORY_HINT = ("export from the CAT tool's memory only the units close to this paper (filter it by project, client "
               "or date) without their history and alternative translations, or split it into files of fewer "
               "units, each given as its own `--memory`")
TEXTS = frozenset(f"{NAMESPACE} {name}" for name in ("source", "target"))  # expat's names (`_survey`)
UNIT = f"{NAMESPACE} trans-unit"
XML_LANG = "http://www.w3.org/XML/1998/namespace lang"  # `xml:lang` as expat names it (`_survey`)
FILE = f"{NAMESPACE} file"
VERSION_2 = "urn:oasis:names:tc:xliff:document:2."  # XLIFF 2.0's and 2.1's namespaces begin so


def _skeleton(source: str, lang: str) -> bytes:
    """An empty XLIFF 1.2 document with one `<file>` for the content catalog."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NAMESPACE}" version="1.2">'
            f'<file original="{ORIGINAL}" source-language="{source}" target-language="{lang}" datatype="po">'
            "<body/></file></xliff>").encode()


def _kind(code: str) -> str:
    """What pairs a code of the target with one of the source: itself, or for a link's target its kind (a
    translation may localize it, `/en/` → `/zh/`; the link checker decides whether that is right)."""
    return "](" if code.startswith("](") else code


def _codes(source: str) -> dict[tuple[str, int], int]:
    """The id of each inline code of `source`, keyed by (`_kind` of the code, its occurrence): 1, 2, … in order."""
    seen: dict[str, int] = {}
    ids = {}
    for match in CODE.finditer(source):
        code = _kind(match.group())
        seen[code] = seen.get(code, 0) + 1
        ids[(code, seen[code])] = len(ids) + 1
    return ids


def _fill(node, text: str, ids: dict[tuple[str, int], int]) -> None:
    """Make `node` (a `<source>` or `<target>`) hold `text`, each inline code as a `<ph>` with its id (a code the
    source lacks gets the next free id)."""
    for child in list(node):
        node.remove(child)
    node.text, last, seen, free = "", None, {}, len(ids) + 1
    position = 0
    for match in CODE.finditer(text):
        code = match.group()
        seen[_kind(code)] = seen.get(_kind(code), 0) + 1
        number = ids.get((_kind(code), seen[_kind(code)]))
        if number is None:
            number, free = free, free + 1
        if last is None:
            node.text = text[position:match.start()]
        else:
            last.tail = text[position:match.start()]
        last = etree.SubElement(node, f"{{{NAMESPACE}}}ph", id=str(number))
        last.text = code
        position = match.end()
    if last is None:
        node.text = text[position:]
    else:
        last.tail = text[position:]


def _text(node) -> str:
    """The text of a `<source>` or `<target>` with its inline codes as written (what `_fill` put in)."""
    return "".join(node.itertext()) if node is not None else ""


def _note(message) -> str:
    places = " ".join(f"{file}:{line}" for file, line in message.locations)
    return "; ".join(filter(None, [" ".join(message.auto_comments), places]))


def exported_digest(text: str, fuzzy: bool | None = None) -> str:
    """What a unit's `extradata` names the translation the export wrote by: the first 16 hex digits of the SHA-1 of
    `text` (the empty text's for an untranslated entry) and, after EXPORTED, of its state: `fuzzy` or not (None:
    the text alone, after EXPORTED_TEXT, as an older ccdocs wrote it)."""
    stated = text if fuzzy is None else f"{'fuzzy' if fuzzy else 'translated'}\n{text}"
    return hashlib.sha1(stated.encode("utf-8")).hexdigest()[:16]


def _entry_digest(message) -> str:
    """The digest (`exported_digest`) of a catalog entry as the export writes it: its translation, and fuzzy
    where it has one and is flagged so (an untranslated entry has no `<target>`, so no state)."""
    return exported_digest(message.string, bool(message.string) and message.fuzzy)


def _exported(unit) -> tuple[str, bool] | None:
    """The digest the export wrote into `unit` and whether it covers the state (EXPORTED) or the translation alone
    (EXPORTED_TEXT, an older ccdocs); None: a file another tool exported, or a CAT tool that dropped the
    attribute."""
    data = unit.xmlelement.get("extradata") or ""
    for prefix, stated in ((EXPORTED, True), (EXPORTED_TEXT, False)):
        if data.startswith(prefix):
            return data[len(prefix):], stated
    return None


def to_xliff(catalog: ContentCatalog, source: str, lang: str) -> bytes:
    """The XLIFF 1.2 file of `catalog`'s active entries (header and obsolete ones aside), UTF-8 bytes."""
    store = xliff.xlifffile.parsestring(_skeleton(source, lang))
    for number, message in enumerate((m for m in catalog if m.id), 1):
        unit = store.addsourceunit(message.id, filename=ORIGINAL)
        unit.setid(str(number))
        element = unit.xmlelement
        ids = _codes(message.id)
        _fill(unit.getlanguageNode(lang=None, index=0), message.id, ids)
        if message.context is not None:
            element.set("resname", message.context)
        if message.string:
            unit.settarget(message.string)
            target = unit.getlanguageNode(lang=None, index=1)
            _fill(target, message.string, ids)
            target.set("state", FUZZY_STATE if message.fuzzy else "translated")
        element.attrib.pop("approved", None)  # the target's state says it; `approved` is a reviewer's sign-off
        element.set("extradata", EXPORTED + _entry_digest(message))
        note = _note(message)
        if note:
            unit.addnote(note, origin="ccdocs")
        if message.fuzzy and message.previous_id and message.string:
            unit.addalttrans(message.string, sourcetxt="\n".join(message.previous_id))
            alt = unit.getalttrans()[-1].xmlelement
            alt.set("alttranstype", "previous-version")
            previous = "\n".join(message.previous_id)
            _fill(alt.find(f"{{{NAMESPACE}}}source"), previous, _codes(previous))
            _fill(alt.find(f"{{{NAMESPACE}}}target"), message.string, _codes(previous))
    etree.cleanup_namespaces(store.document)  # translate-toolkit declares its default (1.1) namespace per unit
    return bytes(store)


def export(folder: Path, source: str, lang: str) -> bytes:
    """The XLIFF of a document's catalog of `lang` (InputError when the catalog is missing or unreadable, or when
    the XLIFF would be beyond what an import reads: MAX_UNITS, MAX_ELEMENTS, `sources.bounds.XLIFF`)."""
    path = po_path(folder, lang)
    if not place_inside(folder, path, f"the {lang} catalog"):
        raise InputError([problem(path, None, f"there is no {lang} catalog to export",
                                  f"make it first with `ccdocs i18n update {folder} --lang {lang}`")])
    data = to_xliff(read_catalog(path, lang), source, lang)
    # what the import's survey counts, in the bytes lxml writes (no CDATA, no `<` in a text): a start tag each
    counts = {"units": data.count(b"<trans-unit"),
              "XML elements": data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")}
    beyond = [f"{counts[what]:,} {what}, more than the {most:,}" for what, most in
              (("units", MAX_UNITS), ("XML elements", MAX_ELEMENTS)) if counts[what] > most]
    beyond += [f"{size_held(len(data), XLIFF.most)}, more than the {amount(XLIFF.most)}"] if len(data) > XLIFF.most \
        else []
    if beyond:
        raise InputError([problem(path, None, f"the XLIFF of this catalog would hold {' and '.join(beyond)} ccdocs "
                                  "imports back: it was not written", "the paper's text is too long to translate "
                                  "through one XLIFF file: make a long annex or chapter a document of its own (a "
                                  "`type: document` part, translated in its own folder)")])
    return data


def _language(tag: str) -> tuple[str, bool]:
    """What a language tag (BCP 47 or a POSIX locale) names, as `other_language` reads a file's: its primary subtag
    and whether it is Chinese in its Traditional script (`zh`, `zh_CN` and `zh-Hans` are one, `zh-TW` another)."""
    return NAME_PARTS.split(tag)[0].lower(), traditional_chinese(tag)


def _unit_language(kind: str, said: str, source: str | None, target: str | None) -> tuple[str, str] | None:
    """What is wrong with the `xml:lang` `said` of a unit's `kind` of element (`trans-unit`, `source`, `target`) in a
    `<file>` whose `source-language` and `target-language` are `source` and `target` (None: not given, which
    `other_language` tells for the target): (message, hint), or None when it names the file's language."""
    if kind == "source" and source and _language(said) != _language(source):
        return (f"this unit's source is in `{said}`, not the file's source language `{source}`",
                f"a unit's source is the {source} text `ccdocs i18n export` wrote: translate in that file, its "
                "sources as exported, and leave the `<source>`'s `xml:lang` out")
    if kind == "trans-unit" and target and _language(said) not in {_language(source or target), _language(target)}:
        return (f"this unit is in `{said}`, neither the file's source language `{source}` nor its target language "
                f"`{target}`", f"translate the unit into {target} in the CAT tool, or leave the `<trans-unit>`'s "
                "`xml:lang` out (the `<file>` says the languages)")
    if kind != "target" or not target or _language(said) == _language(target):
        return None
    unless = f"make its `xml:lang` `{target}` or leave it out"
    if _language(said)[1]:
        return (f"this unit's target is in `{said}`, Chinese in its Traditional script, not the file's `{target}`",
                f"ccdocs's `zh` is Simplified Chinese, WIPO's official Chinese: translate the unit into Simplified "
                "Chinese in the CAT tool (a segment pretranslated from a Traditional Chinese memory), or, where it "
                f"is Simplified Chinese, {unless}")
    return (f"this unit's target is in `{said}`, not the file's `{target}`", f"translate the unit into {target} in "
            f"the CAT tool (a segment pretranslated from another language's memory), or, where it is in {target}, "
            f"{unless}")


class _Refused(Exception):
    """Ends `_survey`'s pass at a problem that makes reading on pointless."""


def _survey(path: Path, data: bytes, memory: bool = False) -> list[Problem]:
    """What ccdocs refuses in the XLIFF bytes `data` (the file at `path`) before translate-toolkit reads them, at its
    line and column (see the module): more than `MAX_UNITS` units or `MAX_ELEMENTS` elements (told as a file to
    import is, or as a translation `memory`), or a DOCTYPE (the pass ends there), each refused character in a
    unit's `<source>` or `<target>` (inline codes included), XML that is not well-formed or in an encoding expat
    does not read (the survey ends there). expat streams the bytes once and keeps nothing but the open elements'
    names."""
    parser = expat.ParserCreate(namespace_separator=" ")
    found: list[Problem] = []
    open_elements: list[str] = []
    root: list[int] = []  # the root element's line and column
    units, elements, files = 0, 0, 0
    within = None  # the depth of the unit's source or target, None outside them
    texts: set[str] = set()  # the names of the open unit's own `<source>` and `<target>` met so far
    languages: list[str | None] = [None, None]  # the open `<file>`'s source-language and target-language

    def language(name: str, attributes) -> None:
        """A problem at a unit's element `name` whose `xml:lang` is not its file's (`_unit_language`)."""
        said = attributes.get(XML_LANG)
        wrong = _unit_language(name.rpartition(" ")[2], said, *languages) if said else None
        if wrong:
            found.append(problem(path, parser.CurrentLineNumber, *wrong, parser.CurrentColumnNumber + 1))

    def start(name: str, attributes) -> None:
        nonlocal units, elements, files, within
        elements += 1
        if elements > MAX_ELEMENTS:
            raise _Refused(problem(path, parser.CurrentLineNumber, *(
                (f"this translation memory has more than {MAX_ELEMENTS:,} XML elements, the most ccdocs reads of "
                 "one XLIFF file (a unit's history and alternative translations count)", MEMORY_HINT) if memory else
                (f"this file has more than {MAX_ELEMENTS:,} XML elements, more than `ccdocs i18n export` writes: the "
                 "CAT tool added its own (a translation history, alternative translations)", "have the CAT tool "
                 "save the file without its translation history and alternative translations")),
                parser.CurrentColumnNumber + 1))
        if name == UNIT:
            units += 1
            if units > MAX_UNITS:
                raise _Refused(problem(path, parser.CurrentLineNumber, *(
                    (f"this translation memory has more than {MAX_UNITS:,} units, the most ccdocs reads of one XLIFF "
                     "file", MEMORY_HINT) if memory else
                    (f"this file has more than {MAX_UNITS:,} units, more than `ccdocs i18n export` writes for one "
                     "document: it is not one document's export", "import the file exported from this document's "
                     "catalog; a CAT tool's project of several documents saves each one's file apart")),
                    parser.CurrentColumnNumber + 1))
            texts.clear()
            language(name, attributes)
        if not open_elements:
            root[:] = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
            _root(path, name, attributes.get("version", ""), *root)
        if name == FILE:
            files += 1
            languages[:] = attributes.get("source-language"), attributes.get("target-language")
        if within is None and name in TEXTS and open_elements[-1:] == [UNIT]:
            within = len(open_elements)
            if name in texts:  # translate-toolkit reads the first: the other would be passed over without a word
                kind = name.rpartition(" ")[2]
                found.append(problem(path, parser.CurrentLineNumber, f"this unit has a second `<{kind}>`: one of the "
                                     "two would be read, the other passed over", f"keep one `<{kind}>` in the unit "
                                     "(the CAT tool writes one; another tool's alternatives go in `<alt-trans>`)",
                                     parser.CurrentColumnNumber + 1))
            texts.add(name)
            language(name, attributes)
        open_elements.append(name)

    def end(name: str) -> None:
        nonlocal within
        open_elements.pop()
        if within == len(open_elements):
            within = None

    def text(chunk: str) -> None:
        if within is None:
            return
        kind = open_elements[within].rpartition(" ")[2]
        for line, col, what in refused(chunk):
            found.append(problem(path, parser.CurrentLineNumber + line - 1, f"a {what} in this unit's {kind}",
                                 CHARACTER_HINT, parser.CurrentColumnNumber + col if line == 1 else col))

    def doctype(*_) -> None:
        line, col = parser.CurrentLineNumber, None  # expat stands past the name: the `<!DOCTYPE` before it, in UTF-8
        opened = data.rfind(b"<!DOCTYPE", 0, parser.CurrentByteIndex + 1)
        if opened >= 0:
            line_start = data.rfind(b"\n", 0, opened) + 1
            line, col = data.count(b"\n", 0, opened) + 1, len(data[line_start:opened].decode("utf-8", "replace")) + 1
        raise _Refused(problem(path, line, "this file has a document type declaration "
                               "(DOCTYPE): its entities would reach the catalog as literal `&name;` text",
                               "export the file again from the CAT tool as XLIFF 1.2, which has none", col))

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler, parser.StartDoctypeDeclHandler = text, doctype
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        return [*found, *exc.args]
    except expat.ExpatError as exc:  # what it has not read is not surveyed: refused, never given to translate-toolkit
        return [*found, problem(path, exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)}",
                                "repair the file, or export it again", exc.offset + 1)]
    except ValueError as exc:  # an encoding expat cannot read (multi-byte ones but UTF-8 and UTF-16)
        return [problem(path, 1, f"cannot read this file as XLIFF: {exc}", "save it as UTF-8, as CAT tools do")]
    if not files:
        found.append(problem(path, root[0], "this XLIFF file has no `<file>`: it holds no translation",
                             "give the .xlf file `ccdocs i18n export` wrote, as the CAT tool saves it back", root[1]))
    return found


def _root(path: Path, name: str, version: str, line: int, col: int) -> None:
    """Refuse (`_Refused`) a root element `name` (expat's `namespace local`, at `line`:`col`, its `version`
    attribute) other than XLIFF 1.2's `<xliff>`: XLIFF 2.x, which ccdocs does not read (see the module), or another
    kind of XML."""
    namespace, _, local = name.rpartition(" ")
    if local == "xliff" and (namespace.startswith(VERSION_2) or version.startswith("2")):
        raise _Refused(problem(path, line, f"this is XLIFF {version or 2}; ccdocs reads "
                               "XLIFF 1.2, the version it exports", "save the file as XLIFF 1.2 in the CAT tool "
                               "[Trados, memoQ, Phrase and OmegaT offer it], or translate in the file `ccdocs "
                               "i18n export` wrote", col))
    if name != f"{NAMESPACE} xliff":
        shown = f"`<{local}>`" + (f" of namespace `{namespace}`" if namespace else " (no namespace)")
        raise _Refused(problem(path, line, f"not an XLIFF 1.2 file: its root element is {shown}, not XLIFF "
                               f"1.2's `<xliff>` of namespace `{NAMESPACE}`", "give the .xlf file `ccdocs i18n "
                               "export` wrote, saved by the CAT tool as XLIFF 1.2", col))


def _parsed(path: Path, memory: bool = False) -> xliff.xlifffile:
    """The XLIFF file read by translate-toolkit; InputError at the line lxml stops at, or for another version, or
    with what `_survey` finds (nothing is parsed then), or when the file is larger than `bounds.XLIFF` (told as a
    file to import is, or as a translation `memory`)."""
    try:
        data = read_within(path, XLIFF) if path.is_file() else None  # never a FIFO: it would hang
    except Beyond as exc:
        raise InputError([problem(path, None, str(exc), MEMORY_HINT if memory else XLIFF.hint)]) from None
    except OSError as exc:
        raise InputError([problem(path, None, f"cannot read this file as XLIFF: {exc.strerror}",
                                  "give the .xlf file `ccdocs i18n export` wrote")]) from None
    if data is None:
        raise InputError([problem(path, None, "cannot read this file as XLIFF: it is not a regular file",
                                  "give the .xlf file `ccdocs i18n export` wrote")])
    if PO_START.match(data):  # a catalog given for its XLIFF (the two sit side by side): not "not well-formed XML"
        raise InputError([problem(path, 1, "this is a gettext catalog (it begins with a `#` comment or `msgid`), not "
                                  "an XLIFF file", "give the .xlf file the CAT tool saved, as `ccdocs i18n export` "
                                  "wrote it; a catalog is read where it stands, `locales/<lang>/LC_MESSAGES/`")])
    found = _survey(path, data, memory)
    if found:
        raise InputError(found)
    try:
        store = xliff.xlifffile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise InputError([problem(path, exc.lineno, f"not well-formed XML: {exc.msg}",
                                  "repair the file, or export it again")]) from None
    except (OSError, AssertionError) as exc:
        raise InputError([problem(path, None, f"cannot read this file as XLIFF: {exc}",
                                  "give the .xlf file `ccdocs i18n export` wrote")]) from None
    return store


def _state(unit) -> str | None:
    target = unit.getlanguageNode(lang=None, index=1)
    return target.get("state") if target is not None else None


def other_language(store, path: Path, lang: str, hint: str, unknown: str | None = None) -> list[Problem]:
    """A problem at each `<file>` of `store` (an XLIFF read from `path`) whose `target-language` is not `lang` (its
    primary subtag, the tag written as BCP 47 or as a POSIX locale: `zh-CN`, `zh_CN` and `zh-Hans` are `zh`), `hint`
    formatted with `wanted` (that subtag, which `--lang` takes where ccdocs has the language) and `lang`, `unknown`
    so formatted (with `known`, ccdocs's languages) where it has not; and at each naming none (its targets, of
    whatever language, would fill the `lang` catalog as finished translations)."""
    from ..sources.spec import LANGUAGES

    found = []
    for node in store.document.getroot().iter(f"{{{NAMESPACE}}}file"):
        wanted = node.get("target-language")
        if not wanted:
            found.append(problem(path, node.sourceline, "this `<file>` does not say its language (it has no "
                                 f"`target-language`): its targets would fill the {lang} catalog as {lang} "
                                 "translations, whatever their language", f'if it is translated into {lang}, add '
                                 f'`target-language="{lang}"` to the `<file>`, as `ccdocs i18n export` writes it'))
        elif lang == "zh" and traditional_chinese(wanted):
            found.append(problem(path, node.sourceline, f"this file is translated into `{wanted}`, Chinese in its "
                                 "Traditional script, not ccdocs's `zh`", TRADITIONAL_HINT))
        elif NAME_PARTS.split(wanted)[0].lower() != lang:
            primary = NAME_PARTS.split(wanted)[0].lower()
            told = hint if primary in LANGUAGES or unknown is None else unknown
            found.append(problem(path, node.sourceline, f"this file is translated into `{wanted}`, not `{lang}`",
                                 told.format(wanted=primary, lang=lang, known=", ".join(LANGUAGES))))
    return found


def _since_export(message, unit, node, named: str) -> tuple[bool, str] | None:
    """Whether the catalog's entry `message` changed since `unit` (its `<target>` `node`, None for none; `named`
    as the messages name it) was exported, as the unit's `extradata` tells (`_exported`): None where it did not,
    where the unit says what the catalog now holds, or where the file does not tell (then the unit is imported as
    it stands); else (True, a note) where the unit is as exported, so the catalog's entry is kept, and (False, a
    warning's words) where the unit changed it too.

    The translation and its state (fuzzy or not) count alike: a review's `#, fuzzy` (or its removal) since the
    export is the catalog's change as another import's translation is. A file of an older ccdocs (EXPORTED_TEXT)
    names the translation alone: where its unit's text is as exported and the catalog's entry is fuzzy while the
    unit's state is not, who changed the state cannot be told (a review since, or the translator in the CAT tool),
    so the flag is kept, with a note (a final build refuses the entry: nothing prints unseen); a unit of such a file
    made fuzzy is imported as it stands (fuzzy, the safe side)."""
    exported = _exported(unit)
    if exported is None:
        return None
    base, stated = exported
    text, state = _text(node), _state(unit)
    fuzzy = node is not None and state is not None and state not in DONE_STATES  # as the import would set it
    flagged = bool(message.string) and message.fuzzy  # the entry's state as an export writes it
    if not stated:  # the translation alone
        if exported_digest(message.string) == base or message.string == text:
            if flagged and not fuzzy and node is not None and text == message.string \
                    and exported_digest(text) == base:
                return True, f"{named}: the catalog's entry is fuzzy and this file's target, as exported, is not " \
                             f"(`{state or 'no state'}`): this file, exported by an older ccdocs, does not record the " \
                             "state its units were exported in, so whether a review marked the entry fuzzy since or " \
                             "the translator confirmed it cannot be told: the catalog's is kept (fuzzy: where the " \
                             "translation is right, remove its `#, fuzzy` in the catalog; an export made now records " \
                             "the state)"
            return None
        said = f"{named}: the catalog's translation changed since this file was exported (another import or an edit: " \
               f"“{message.string[:60]}”)"
        return (True, f"{said}, and this file's is as exported: the catalog's is kept") \
            if exported_digest(text) == base else (False, f"{said}, and this file changed it too")
    if _entry_digest(message) == base or (message.string, flagged) == (text, fuzzy):
        return None
    if exported_digest(message.string, not flagged) == base:  # the translation as exported, its state changed
        said = f"{named}: the catalog's entry was marked fuzzy since this file was exported (a review or an edit)" \
            if flagged else f"{named}: the catalog's entry was confirmed (its fuzzy flag removed) since this file " \
                            "was exported"
        shown = " (`needs-review-translation`)" if fuzzy else ""
        kept = " (fuzzy: a final build refuses it until it is confirmed)" if flagged else ""
    else:
        said = f"{named}: the catalog's translation changed since this file was exported (another import or an edit: " \
               f"“{message.string[:60]}”)"
        shown = kept = ""
    if exported_digest(text, fuzzy) == base:
        return True, f"{said}, and this file's is as exported{shown}: the catalog's is kept{kept}"
    return False, f"{said}, and this file changed it too"


def merge_xliff(catalog: ContentCatalog, path: Path, lang: str, terms: tuple | None = None,
                merged: dict | None = None, cleared: list | None = None, stale: list | None = None,
                newer: list | None = None) -> list[Problem]:
    """Write the targets of the XLIFF file at `path` into `catalog`; the problems found, each at its XLIFF line.

    Each target passes the catalog's checkers (`checkers.check`), its terms those of `terms` (`glossary.Term`s;
    None: the toolkit's glossary). `merged`, when given, receives the (msgid, msgctxt) of each target written with
    its unit's line; `cleared`, a note (`Problem`, severity `note`) at the line of each unit whose blank target
    cleared a translation (see the module); `stale`, a warning (`Problem`, severity `warning`) at the line of each
    unit whose source is not an entry of the catalog, which is skipped (else each is a problem found).

    A unit ccdocs exported names the translation it was exported with and its state (`_exported`): where the
    catalog's entry has changed since (another translator's import, an edit, a review's fuzzy flag set or removed:
    `_since_export`), a target left as exported, in its state as exported, keeps the catalog's (a note in `newer`,
    when given), and a target changed as well is skipped with a warning in `stale` (else a problem found): one
    translator's import does not undo another's, or a reviewer's, made meanwhile from an older export.

    `catalog` is changed only where nothing is wrong with the unit; the caller writes it only when the list is
    empty.
    """
    store = _parsed(path)
    found = other_language(store, path, lang, "import it with `--lang {wanted}`, or give the {lang} file",
                           "ccdocs has no language `{wanted}`; its languages are {known}: give the {lang} file")
    seen: dict[tuple, int] = {}
    for unit in store.unit_iter():
        line = unit.xmlelement.sourceline
        key = (_text(unit.getlanguageNode(lang=None, index=0)), unit.xmlelement.get("resname"))
        message = catalog.get(*key)
        if message is None or not key[0]:
            context = f" (resname `{key[1]}`)" if key[1] else ""
            told = problem(path, line, f"unit {unit.xmlelement.get('id')}{context}: its source is not an entry of "
                                       f"the catalog: “{key[0][:60]}”", HINT)
            if stale is None:
                found.append(told)
            else:
                stale.append(replace(told, message=told.message + SKIPPED,
                                     hint=STALE_HINT, severity="warning"))
            continue
        if key in seen:
            found.append(problem(path, line, f"this unit's source is also at line {seen[key]}: one translation "
                                             "would silently win", "keep one unit, delete the other"))
            continue
        seen[key] = line
        node = unit.getlanguageNode(lang=None, index=1)
        target = _text(node)
        place = " ".join(message.auto_comments) or f"unit {unit.xmlelement.get('id')}"
        since = _since_export(message, unit, node, f"unit {unit.xmlelement.get('id')}"
                                                   + (f" ({place})" if message.auto_comments else ""))
        if since is not None:
            kept, said = since
            if kept:  # left as exported: the catalog's kept
                if newer is not None:
                    newer.append(Problem(display_path(path), line, None, said, None, "note"))
                continue
            told = problem(path, line, said, BOTH_HINT)
            if stale is None:
                found.append(told)
            else:
                stale.append(replace(told, message=told.message + SKIPPED,
                                     severity="warning"))
            continue
        if node is None or not shows(target):
            if node is not None and message.string:
                message.string, message.previous_id = "", []
                message.flags.discard("fuzzy")
                if cleared is not None:
                    cleared.append(Problem(display_path(path), line, None, f"unit {unit.xmlelement.get('id')} "
                                           f"({place}): its target is blank, so its translation was cleared: the "
                                           "entry is untranslated now, and a final build refuses it until it is "
                                           "translated again", None, "note"))
            continue
        failing = check(Entry(place, key[0], target, lang, terms))
        found += [problem(path, line, f"translation fails a check: {text}", FIX_HINT) for text in failing]
        if failing:
            continue
        message.string = target
        if merged is not None:
            merged[key] = line
        state = _state(unit)
        if state is None or state in DONE_STATES:
            message.flags.discard("fuzzy")
            message.previous_id = []
        else:
            message.flags.add("fuzzy")
    return found


def _blocks_changed(folder: Path, catalog: ContentCatalog, lang: str, path: Path, merged: dict) -> list[Problem]:
    """What `check` finds in the translations just written into `catalog` (`merged`: their keys and units' lines)
    that the checkers of one entry cannot: a translation changing the blocks of its content file (`- 第二段。` for a
    paragraph), each at its unit's line; none when the document cannot be read (`check` tells why)."""
    from ..pipeline import read_sources
    from .extract import context
    from .policy import assess_document

    try:
        sources = read_sources(folder)
    except InputError:
        return []
    found = [problem(path, merged[key], f"translation fails a check: {text}", FIX_HINT)
             for item in assess_document(sources, catalog, lang)
             if (key := (item.segment.msgid, context(item.segment))) in merged for text in item.problems]
    return list(dict.fromkeys(found))


def _built(folder: Path, lang: str, po: Path, data: bytes, path: Path, merged: dict) -> list[Problem]:
    """What a build of the document in `lang` (a draft, not written, in this process) refuses in the translations
    just merged, the catalog at `po` read as `data` (`catalogs.staged`), each at its unit's line (`merged`: the
    (msgid, msgctxt) of each and its unit's line). The build tells a translation's problem at its msgstr line
    (`locations.in_catalog`); any other problem is the document's own, which `check` tells: left to it."""
    from ..build import build
    from ..writers import available

    shown = display_path(po)
    with staged(po, data):
        lines = {line: key for key, line in read_catalog(po, lang).msgstr_lines.items()}
        try:
            build([folder], Path(), [lang], [fmt for fmt in ("docx", "pdf") if fmt in available()], draft=True,
                  workers=1, write=False)
        except InputError as exc:
            return list(dict.fromkeys(
                problem(path, merged[lines[item.line]], f"the build would refuse this translation: {item.message}",
                        item.hint) for item in exc.problems
                if item.path == shown and lines.get(item.line) in merged))
    return []


def _refused(skipped: Problem) -> Problem:
    """A skipped unit's warning as the error it is when the import is refused whole: nothing is skipped then."""
    return replace(skipped, message=skipped.message.removesuffix(SKIPPED), severity="error",
                   hint=HINT if skipped.hint == STALE_HINT else skipped.hint)


def import_xliff(folder: Path, lang: str, path: Path) -> tuple[Path, bool, list[Problem], list[Problem],
                                                                 list[Problem]]:
    """Merge the translations of the XLIFF file at `path` into the document's catalog of `lang`.

    Returns the catalog's path, whether it changed, a note for each translation a blank target cleared, a warning
    for each stale unit skipped (its source no longer an entry of the catalog, or its translation changed both
    here and in the catalog since the export) and a note for each unit whose translation, left as exported, the
    catalog changed since (the catalog's kept); InputError with every problem, the skipped units among them,
    nothing written.
    """
    with held(folder):  # read, merged and written by one command at a time (`locking`)
        return _imported(folder, lang, path)


def _imported(folder: Path, lang: str, path: Path) -> tuple[Path, bool, list[Problem], list[Problem],
                                                              list[Problem]]:
    """`import_xliff`'s work, the document folder held."""
    po = po_path(folder, lang)
    if not place_inside(folder, po, f"the {lang} catalog"):
        raise InputError([problem(po, None, f"there is no {lang} catalog to import into",
                                  f"make it with `ccdocs i18n update {folder} --lang {lang}`, then export")])
    catalog = read_catalog(po, lang)
    merged: dict[tuple, int] = {}
    cleared: list[Problem] = []
    stale: list[Problem] = []
    newer: list[Problem] = []
    found = merge_xliff(catalog, path, lang, glossary(folder, lang), merged, cleared, stale, newer) or \
        _blocks_changed(folder, catalog, lang, path, merged)
    data = None if found else po_bytes(catalog)
    if data is not None and (data == po.read_bytes() or data == po_bytes(read_catalog(po, lang))):  # the entries
        return po, False, cleared, stale, newer  # as read: the file's own Generated-By or line ends are no change
    found = found or (_built(folder, lang, po, data, path, merged) if merged else [])
    if found:  # refused whole: the stale units told with the rest, in the file's order
        raise InputError(sorted(found + [_refused(item) for item in stale],
                                key=lambda item: item.line or 0))
    write_catalog(catalog, po, folder)
    return po, True, cleared, stale, newer
